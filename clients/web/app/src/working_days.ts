// Working days as the congress counts them (protocol/include/plenum/protocol/working_calendar.hpp):
// Monday to Friday, except the year's public holidays, plus the weekend dates the year's calendar
// lists as make-up workdays (调休). The calendar comes from the board's calendar_set events (the
// latest per year wins). Used to prefill an acceptance deadline with the server's default.
import type { BoardEvent } from "./client";

/** One year's exceptions: public holidays and make-up workdays, ISO dates. */
export interface YearCalendar {
  holidays: string[];
  workdays: string[];
}

/** Each year's calendar as the board last set it. */
export function calendarsOf(board: readonly BoardEvent[]): Map<number, YearCalendar> {
  const years = new Map<number, YearCalendar>();
  for (const e of board) {
    if ((e.type as string) !== "calendar_set" || e.sealed) continue;
    const p = (e as any).payload ?? {};
    years.set(Number(p.year), { holidays: [...(p.holidays ?? [])], workdays: [...(p.workdays ?? [])] });
  }
  return years;
}

/** Whether `text` is a real date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function toDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

function toIso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Whether `iso` is a working day under `calendars`. */
export function isWorkingDay(iso: string, calendars: Map<number, YearCalendar>): boolean {
  const year = calendars.get(Number(iso.slice(0, 4)));
  if (year?.workdays.includes(iso)) return true;
  if (year?.holidays.includes(iso)) return false;
  const weekday = toDate(iso).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The same day `months` months after `iso` (the month's last day when it is shorter), rolled
 * forward to a working day: the server's default deadline (6 months on acceptance). */
export function addMonthsWorking(iso: string, months: number, calendars: Map<number, YearCalendar>): string {
  const d = toDate(iso);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  let out = new Date(Date.UTC(year, month, Math.min(d.getUTCDate(), last)));
  while (!isWorkingDay(toIso(out), calendars)) out = new Date(out.getTime() + 86_400_000);
  return toIso(out);
}

/** Dates typed in a box, one or several per line, separated by spaces, commas or 、. */
export function parseDateList(text: string): string[] {
  return text
    .split(/[\s,，、;；]+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** How many working days w there are with a < w ≤ b (0 when b ≤ a): the server's count of the
 * working days left until a due date, or of those it is late by. */
export function workingDaysBetween(a: string, b: string, calendars: Map<number, YearCalendar>): number {
  let n = 0;
  for (let d = toDate(a).getTime() + 86_400_000; d <= toDate(b).getTime(); d += 86_400_000) if (isWorkingDay(toIso(new Date(d)), calendars)) ++n;
  return n;
}
