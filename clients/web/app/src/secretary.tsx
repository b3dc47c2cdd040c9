// The secretary's desk: a workspace with one section shown at a time — 名册 (import, the
// composition warnings to acknowledge, the roster across the full width), 登记卡 (cards for
// everyone not yet enrolled in one action, each QR code opening the person's own app, printed
// together), 签到与请假 (assisted check-in, excusals and their withdrawal), 材料, 提案办理 (the
// liaison office's desk: liaison_desk.tsx), 三级联系 (contacts_desk.tsx), 意见建议
// (opinions_desk.tsx), 决议与整改 (followup_desk.tsx), 代表小组与活动 (groups_desk.tsx), 月度报告
// (monthly_report_desk.tsx), 代表变动
// (roster_changes.tsx) and 导出 (downloads: the signed record, result sheets, the sitting summary sheet, the
// attendance list as CSV made here). Every action reports next to its own control.
import qrcode from "qrcode-generator";
import { useEffect, useState } from "preact/hooks";
import { PublicKey, checkinDigest, toHex } from "../../src/crypto/index.js";
import { ActionButton } from "./actions";
import { deviceKeys } from "./board";
import type { BoardEvent, PlenumClient } from "./client";
import { serverDownload } from "./download";
import { payloadsOf } from "./events";
import { appPageFor, enrollUrl } from "./enroll_text";
import { HallStatus } from "./hall_status";
import { useSignal } from "./hooks";
import { label, listSep, t } from "./i18n";
import { ContactsDesk } from "./contacts_desk";
import { useOpinions } from "./contacts";
import { FollowUpDesk } from "./followup_desk";
import { GroupsSection } from "./groups_desk";
import { LiaisonDesk, useProposals } from "./liaison_desk";
import { MonthlyReportDesk, useMonthlyReport } from "./monthly_report_desk";
import { OpinionsDesk } from "./opinions_desk";
import { RosterChanges } from "./roster_changes";
import { Attendance, Card, type AppProps, startApp } from "./ui";
import "./desk.css";

interface IssuedCard {
  person: string;
  name: string;
  code: string;
  roles: string[];
}

const SECTIONS = ["roster", "cards", "attendance", "materials", "proposals", "contacts", "opinions", "followup", "groups", "monthly", "term", "export"] as const;
type Section = (typeof SECTIONS)[number];

function QrSvg(props: { text: string }) {
  const qr = qrcode(0, "M");
  qr.addData(props.text);
  qr.make();
  return <span class="qr" dangerouslySetInnerHTML={{ __html: qr.createSvgTag({ cellSize: 4, margin: 2, scalable: true }) }} />;
}

function saveText(name: string, type: string, text: string): void {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

function csvCell(s: unknown): string {
  const v = String(s ?? "");
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** "2026-12-06 09:41:07" in the browser's time zone. */
function localTime(unixMs: number): string {
  const d = new Date(unixMs);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** Each person's latest check-in to `sittingId`: time and whether the secretary assisted. */
function checkins(board: readonly BoardEvent[], sittingId: string): Map<string, { unixMs: number; assisted: boolean }> {
  const m = new Map<string, { unixMs: number; assisted: boolean }>();
  for (const p of payloadsOf(board, "checked_in")) if (p.sitting_id === sittingId) m.set(p.person, { unixMs: p.unix_ms, assisted: p.assisted });
  return m;
}

// The public view names the congress with a string once a sitting exists, else an object.
function congressName(state: Record<string, any> | null): string {
  const c = state?.["congress"];
  return typeof c === "string" ? c : typeof c?.["name"] === "string" ? c["name"] : "";
}

const ATTENDING_ROLES = ["delegate", "alternate", "observer"];

function Secretary({ client }: AppProps) {
  const state = useSignal(client.state);
  const board = useSignal(client.board);
  const [section, setSection] = useState<Section>("roster");
  const [roster, setRoster] = useState<Record<string, any> | null>(null);
  useEffect(() => {
    void client.subscribe(["basis", "state"]);
  }, []);
  const reload = () =>
    client
      .request("get_roster", {})
      .then((r) => setRoster(r["roster"] as Record<string, any>))
      .catch(() => undefined);
  useEffect(() => {
    void reload();
  }, [board.length]);
  const sitting = state?.["sitting"];
  const persons = (roster?.["persons"] ?? []) as any[];
  const notEnrolled = persons.filter((p) => !p.enrolled).length;
  const [today, proposals, reloadProposals] = useProposals(client, board.length);
  // To do on the liaison desk: proposals to review and overdue ones.
  const proposalsToDo = proposals.filter((p) => p.status === "submitted" || p.overdue).length;
  // Last month's report once its reminder is due and it is not issued.
  const [lastMonthReport] = useMonthlyReport(client, "", board.length);
  const reportDue = lastMonthReport?.["remind"] || lastMonthReport?.["late"] ? 1 : 0;
  // Opinions to route and opinions overdue.
  const [, opinions] = useOpinions(client, board.length);
  const opinionsToDo = opinions.filter((o) => o.status === "logged" || o.overdue).length;
  const badge: Partial<Record<Section, number>> = { cards: notEnrolled, proposals: proposalsToDo, opinions: opinionsToDo, monthly: reportDue };

  return (
    <div class="desk secretary">
      <nav class="sections no-print" aria-label={t("desk_sections")}>
        {SECTIONS.map((s) => (
          <button type="button" class={s === section ? "section-tab on" : "section-tab"} aria-current={s === section ? "page" : undefined} onClick={() => setSection(s)} data-testid={`nav-${s}`}>
            {t(`section_${s}`)}
            {badge[s] ? <span class="badge">{badge[s]}</span> : null}
          </button>
        ))}
      </nav>
      <HallStatus state={state} />
      {state && sitting && section !== "cards" && (
        <div class="desk-status no-print" data-testid="status">
          <strong>{sitting.title}</strong> <span class="tag">{t(`sitting_status_${sitting.status}`)}</span>
          <Attendance state={state} />
        </div>
      )}
      <div class="section-body">
        {section === "roster" && <RosterSection client={client} roster={roster} reload={reload} />}
        {section === "cards" && <CardsSection client={client} state={state} persons={persons} reload={reload} />}
        {section === "attendance" && <AttendanceSection client={client} state={state} board={board} persons={persons} />}
        {section === "materials" && <MaterialsSection client={client} state={state} />}
        {section === "proposals" && <LiaisonDesk client={client} board={board} names={new Map(persons.map((p) => [p.number, p.name]))} today={today} proposals={proposals} reload={reloadProposals} />}
        {section === "contacts" && <ContactsDesk client={client} board={board} />}
        {section === "opinions" && <OpinionsDesk client={client} board={board} />}
        {section === "followup" && <FollowUpDesk client={client} board={board} />}
        {section === "groups" && <GroupsSection client={client} board={board} persons={persons} />}
        {section === "monthly" && <MonthlyReportDesk client={client} board={board} />}
        {section === "term" && <RosterChanges client={client} board={board} sittingOpen={sitting?.status === "open"} />}
        {section === "export" && <ExportSection client={client} state={state} board={board} persons={persons} />}
      </div>
    </div>
  );
}

function RosterSection(props: { client: PlenumClient; roster: Record<string, any> | null; reload: () => Promise<unknown> }) {
  const { client, roster } = props;
  const [csv, setCsv] = useState("");
  const [members, setMembers] = useState({ members: 0, women: 0, minority: 0 });
  const [query, setQuery] = useState("");
  const warnings = (roster?.["warnings"] ?? []) as any[];
  const all = (roster?.["persons"] ?? []) as any[];
  const persons = all.filter((p) => !query || p.number.includes(query) || p.name.includes(query) || String(p.unit ?? "").includes(query));
  return (
    <>
      <Card title={t("warnings")} testid="warnings">
        {warnings.length === 0 ? (
          <p class="muted">{t("no_warnings")}</p>
        ) : (
          <ul class="warnings">
            {warnings.map((w) => (
              <li>
                <strong>{t(`warn_${w.code}`)}</strong> <span class="muted">{w.detail}</span>
              </li>
            ))}
          </ul>
        )}
        {warnings.length > 0 &&
          (roster?.["warnings_acknowledged"] ? (
            <p class="verdict pass">{t("acknowledged")}</p>
          ) : (
            <ActionButton label={t("acknowledge")} actionKey="acknowledge" testid="acknowledge" action={() => client.request("acknowledge_warnings").then(props.reload)} />
          ))}
      </Card>
      <Card title={`${t("roster")}（${all.length}）`} testid="roster" class="wide">
        <input type="search" class="search" placeholder={t("search")} aria-label={t("search")} value={query} onInput={(e) => setQuery(e.currentTarget.value)} data-testid="search" />
        <div class="table-wrap">
          <table class="roster">
            <thead>
              <tr>
                <th>{t("number")}</th>
                <th>{t("name")}</th>
                <th>{t("unit")}</th>
                <th>{t("group")}</th>
                <th>{t("roles")}</th>
                <th>{t("col_device")}</th>
                <th>{t("attendance")}</th>
              </tr>
            </thead>
            <tbody>
              {persons.map((p) => (
                <tr key={p.number} data-testid={`roster-${p.number}`}>
                  <td>{p.number}</td>
                  <td>{p.name}</td>
                  <td>{p.unit}</td>
                  <td>{p.group}</td>
                  <td>{(p.roles as string[]).map((r) => t(`role_${r}`)).join(listSep())}</td>
                  <td>{p.enrolled ? t("enrolled") : p.code_outstanding ? t("card_issued") : t("not_enrolled")}</td>
                  <td>{presenceText(p)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <details class="card">
        <summary>{t("import_roster")}</summary>
        <div class="form" data-testid="import">
          <label>
            {t("roster_csv")}
            <textarea name="csv" rows={4} value={csv} onInput={(e) => setCsv(e.currentTarget.value)} placeholder="number,name,gender,ethnicity,occupation,unit,group,roles,committee" />
          </label>
          <label>
            {t("membership_members")}
            <input name="members" type="number" min={0} value={members.members} onInput={(e) => setMembers({ ...members, members: Number(e.currentTarget.value) })} />
          </label>
          <label>
            {t("membership_women")}
            <input name="women" type="number" min={0} value={members.women} onInput={(e) => setMembers({ ...members, women: Number(e.currentTarget.value) })} />
          </label>
          <label>
            {t("membership_minorities")}
            <input name="minorities" type="number" min={0} value={members.minority} onInput={(e) => setMembers({ ...members, minority: Number(e.currentTarget.value) })} />
          </label>
          <ActionButton
            class="primary"
            label={t("import_roster")}
            actionKey="import_roster"
            testid="import-roster"
            disabled={!csv}
            done={t("done_import_roster")}
            action={() => client.request("import_roster", { csv, membership: members }).then(props.reload)}
          />
        </div>
      </details>
    </>
  );
}

function presenceText(p: any): string {
  if (p.present) return t("checked_in");
  if (p.excused) return `${t("excused")}（${p.excuse_reason}）`;
  if (p.present === undefined) return "—";
  return t("not_checked_in");
}

/** Cards for everyone not yet enrolled in one action (one code per person), then printed. */
function CardsSection(props: { client: PlenumClient; state: Record<string, any> | null; persons: any[]; reload: () => Promise<unknown> }) {
  const { client, persons } = props;
  const [cards, setCards] = useState<IssuedCard[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const pending = persons.filter((p) => !p.enrolled);
  const outstanding = pending.filter((p) => p.code_outstanding).length;
  const issue = async (list: any[]) => {
    setProgress({ done: 0, total: list.length });
    const made: IssuedCard[] = [];
    try {
      for (const p of list) {
        const r = await client.request("issue_enrollment_code", { person: p.number });
        made.push({ person: p.number, name: p.name, code: String(r["code"]), roles: p.roles as string[] });
        setProgress({ done: made.length, total: list.length });
      }
    } finally {
      const numbers = new Set(made.map((c) => c.person));
      setCards((cs) => [...cs.filter((c) => !numbers.has(c.person)), ...made]);
      await props.reload();
    }
  };
  const base = location.origin + location.pathname.replace(/[^/]*$/, "");
  return (
    <>
      <Card title={t("section_cards")} testid="cards-bulk" class="wide no-print">
        <p data-testid="not-enrolled-count">{t("cards_pending", { n: pending.length, total: persons.length })}</p>
        <div class="row wrap">
          <ActionButton
            class="primary big"
            label={t("issue_all_cards", { n: pending.length })}
            actionKey={`issue_all:${pending.length}`}
            testid="issue-all"
            disabled={pending.length === 0}
            confirm={outstanding > 0 ? { title: t("confirm_reissue"), consequence: t("consequence_reissue", { n: outstanding }) } : undefined}
            done={t("done_issue_all")}
            action={() => issue(pending)}
            note={progress && progress.done < progress.total ? <span data-testid="issue-progress">{t("issue_progress", progress)}</span> : null}
          />
          <button type="button" class="big" disabled={cards.length === 0} onClick={() => window.print()} data-testid="print-cards">
            {t("print_cards_n", { n: cards.length })}
          </button>
        </div>
        <details>
          <summary>{t("issue_one")}</summary>
          <ul class="issue-list">
            {persons.map((p) => (
              <li key={p.number}>
                <span>
                  {p.number} {p.name} <span class="muted small">{p.enrolled ? t("enrolled") : t("not_enrolled")}</span>
                </span>
                <ActionButton
                  label={p.enrolled ? t("reissue_code") : t("issue_code")}
                  actionKey={`issue:${p.number}`}
                  testid={`issue-${p.number}`}
                  confirm={p.enrolled || p.code_outstanding ? { title: t("confirm_reissue_one", { name: p.name }), consequence: t(p.enrolled ? "consequence_reissue_enrolled" : "consequence_reissue", { n: 1 }) } : undefined}
                  action={() => issue([p])}
                />
              </li>
            ))}
          </ul>
        </details>
      </Card>
      {cards.length > 0 && (
        <Card title={t("print_cards")} testid="cards" class="cards-card wide">
          <div class="cards">
            {cards.map((c) => (
              <div key={c.person} class="enroll-card" data-testid={`card-${c.person}`}>
                <h3>
                  {t("card_title")} · {congressName(props.state)}
                </h3>
                <QrSvg text={enrollUrl(base, c.person, c.code, appPageFor(c.roles))} />
                <p>
                  {label("name")}
                  {c.name}
                </p>
                <p>
                  {label("number")}
                  <strong data-testid="card-person">{c.person}</strong>
                  <span class="muted"> · {c.roles.map((r) => t(`role_${r}`)).join(listSep())}</span>
                </p>
                <p>
                  {label("enroll_code")}
                  <strong class="code" data-testid="card-code">
                    {c.code}
                  </strong>
                </p>
                <p class="small">{t(`card_hint_${appPageFor(c.roles).replace(".html", "")}`)}</p>
              </div>
            ))}
          </div>
        </Card>
      )}
    </>
  );
}

/** Presence of everyone who checks in: assisted check-in, excusal, and its withdrawal. */
function AttendanceSection(props: { client: PlenumClient; state: Record<string, any> | null; board: readonly BoardEvent[]; persons: any[] }) {
  const { client, state, persons } = props;
  const sitting = state?.["sitting"];
  const [reason, setReason] = useState("");
  const [approver, setApprover] = useState("");
  const [query, setQuery] = useState("");
  if (!sitting) return <Card title={t("section_attendance")}><p class="muted">{t("no_sitting_yet")}</p></Card>;
  const keys = deviceKeys(props.board);
  const ins = checkins(props.board, sitting.id);
  const list = persons.filter((p) => (p.roles as string[]).some((r) => ATTENDING_ROLES.includes(r))).filter((p) => !query || p.number.includes(query) || p.name.includes(query));
  const assist = (p: any) => async () => {
    const pk = keys.get(p.number);
    if (!pk) throw new Error(t("not_enrolled"));
    const unixMs = Math.round(client.serverNow());
    const key = client.secretKey()!;
    const sig = key.sign(checkinDigest(sitting.id, PublicKey.fromHex(pk)!, unixMs));
    await client.request("assisted_checkin", { sitting_id: sitting.id, person: p.number, unix_ms: unixMs, reason: reason.trim() || t("assisted_checkin"), signature: toHex(sig) });
  };
  return (
    <Card title={t("section_attendance")} testid="attendance-section" class="wide">
      <div class="row wrap">
        <input type="search" class="search" placeholder={t("search")} aria-label={t("search")} value={query} onInput={(e) => setQuery(e.currentTarget.value)} data-testid="search" />
        <label class="inline">
          {t("reason_label")}
          <input value={reason} onInput={(e) => setReason(e.currentTarget.value)} data-testid="reason" />
        </label>
        <label class="inline">
          {t("approver")}
          <input value={approver} onInput={(e) => setApprover(e.currentTarget.value)} data-testid="approver" />
        </label>
      </div>
      <p class="muted small">{t("attendance_hint")}</p>
      <div class="table-wrap">
        <table class="roster">
          <thead>
            <tr>
              <th>{t("number")}</th>
              <th>{t("name")}</th>
              <th>{t("group")}</th>
              <th>{t("attendance")}</th>
              <th>{t("col_actions")}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((p) => {
              const ci = ins.get(p.number);
              return (
                <tr key={p.number} data-testid={`person-${p.number}`}>
                  <td>{p.number}</td>
                  <td>{p.name}</td>
                  <td>{p.group}</td>
                  <td>
                    {p.present
                      ? `${t("checked_in")}${ci ? ` · ${localTime(ci.unixMs).slice(11)} · ${t(ci.assisted ? "checkin_assisted" : "checkin_self")}` : ""}`
                      : p.excused
                        ? `${t("excused")}（${p.excuse_reason}${p.excuse_approver ? ` · ${label("approver")}${p.excuse_approver}` : ""}）`
                        : t("not_checked_in")}
                    {!p.enrolled && <span class="muted small"> · {t("not_enrolled")}</span>}
                  </td>
                  <td class="actions">
                    <CheckinSlot client={client} sitting={sitting} person={p} reason={reason} assist={assist(p)} />
                    {!p.present && !p.excused && (p.roles as string[]).includes("delegate") && (
                      <ActionButton
                        label={t("excuse")}
                        actionKey={`excuse:${p.number}`}
                        testid={`excuse-${p.number}`}
                        doneTestid={`excuse-${p.number}-done`}
                        disabled={!reason.trim() || !approver.trim()}
                        done={t("done_excuse")}
                        action={() => client.request("excuse_delegate", { sitting_id: sitting.id, person: p.number, reason: reason.trim(), approver: approver.trim() })}
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

/**
 * A row's first control, always in the same place: 撤销请假 while excused, 协助签到 while absent,
 * then 已签到 (disabled). Its outcome line stays across the change it caused, and the change
 * re-arms the guard, so a second tap on 撤销请假 does not check the delegate in.
 */
function CheckinSlot(props: { client: PlenumClient; sitting: any; person: any; reason: string; assist: () => Promise<unknown> }) {
  const { client, sitting, person: p } = props;
  const doneTestid = `row-${p.number}-done`;
  if (p.excused)
    return (
      <ActionButton
        label={t("withdraw_excusal")}
        actionKey={`withdraw:${p.number}`}
        testid={`withdraw-${p.number}`}
        doneTestid={doneTestid}
        done={t("done_withdraw")}
        action={() => client.request("withdraw_excusal", { sitting_id: sitting.id, person: p.number, reason: props.reason.trim() || t("withdraw_reason_default") })}
      />
    );
  if (p.present) return <ActionButton label={t("checked_in")} actionKey={`present:${p.number}`} testid={`present-${p.number}`} doneTestid={doneTestid} disabled action={() => Promise.resolve()} />;
  return (
    <ActionButton
      label={t("assisted_checkin")}
      actionKey={`assist:${p.number}`}
      testid={`assist-${p.number}`}
      doneTestid={doneTestid}
      disabled={!sitting.checkin_open || !p.enrolled}
      done={t("done_assist")}
      action={props.assist}
    />
  );
}

function MaterialsSection(props: { client: PlenumClient; state: Record<string, any> | null }) {
  const sitting = props.state?.["sitting"];
  const agenda = (props.state?.["agenda"] ?? []) as any[];
  const [mat, setMat] = useState({ item: "", title: "", text: "" });
  if (!sitting) return <Card title={t("section_materials")}><p class="muted">{t("no_sitting_yet")}</p></Card>;
  return (
    <div class="console">
      <Card title={t("material_add")} testid="materials">
        <div class="form">
          <label>
            {t("agenda")}
            <select name="material_item" value={mat.item} onChange={(e) => setMat({ ...mat, item: e.currentTarget.value })}>
              <option value="">—</option>
              {agenda.map((it) => (
                <option value={it.id}>{it.title}</option>
              ))}
            </select>
          </label>
          <label>
            {t("title")}
            <input name="material_title" value={mat.title} onInput={(e) => setMat({ ...mat, title: e.currentTarget.value })} />
          </label>
          <label>
            {t("material_body")}
            <textarea name="material_text" rows={6} value={mat.text} onInput={(e) => setMat({ ...mat, text: e.currentTarget.value })} />
          </label>
          <ActionButton
            class="primary"
            label={t("material_add")}
            actionKey="add_material"
            testid="add-material"
            disabled={!mat.item || !mat.title.trim() || !mat.text.trim()}
            done={t("done_add_material")}
            action={() => props.client.request("add_material", { sitting_id: sitting.id, item_id: mat.item, title: mat.title.trim(), text: mat.text }).then(() => setMat((cur) => (cur.title === mat.title ? { item: cur.item, title: "", text: "" } : cur)))}
          />
        </div>
      </Card>
      <Card title={t("materials")} testid="material-list">
        {agenda.map((it) => (
          <div>
            <h3>{it.title}</h3>
            <ul>
              {((it.materials ?? []) as any[]).map((m) => (
                <li>{m.title}</li>
              ))}
              {(it.materials ?? []).length === 0 && <li class="muted">{t("no_materials")}</li>}
            </ul>
          </div>
        ))}
      </Card>
    </div>
  );
}

/** The attendance list as CSV (UTF-8 with BOM, so that spreadsheet programs read the Chinese). */
function attendanceCsv(persons: any[], board: readonly BoardEvent[], sittingId: string): string {
  const ins = checkins(board, sittingId);
  const header = ["csv_number", "csv_name", "csv_unit", "csv_group", "csv_status", "csv_checkin_time", "csv_checkin_way", "csv_excuse_reason", "csv_approver"].map((k) => t(k));
  const rows = [header.map(csvCell).join(",")];
  for (const p of persons) {
    if (!(p.roles as string[]).some((r) => ATTENDING_ROLES.includes(r))) continue;
    const ci = ins.get(p.number);
    const status = p.present ? t("checked_in") : p.excused ? t("excused") : t("status_absent");
    rows.push(
      [p.number, p.name, p.unit, p.group, status, p.present && ci ? localTime(ci.unixMs) : "", p.present && ci ? t(ci.assisted ? "checkin_assisted" : "checkin_self") : "", p.excused ? p.excuse_reason : "", p.excused ? p.excuse_approver : ""]
        .map(csvCell)
        .join(","),
    );
  }
  return "\ufeff" + rows.join("\r\n") + "\r\n";
}

function ExportSection(props: { client: PlenumClient; state: Record<string, any> | null; board: readonly BoardEvent[]; persons: any[] }) {
  const { client, state } = props;
  const sitting = state?.["sitting"];
  const votes = ((state?.["votes"] ?? []) as any[]).filter((v) => v.status === "decided");
  return (
    <div class="console">
      <Card title={t("export_record_title")} testid="export">
        <p class="muted small">{t("export_record_hint")}</p>
        <ActionButton class="primary" label={t("download_record")} actionKey="download_record" testid="download-record" done={t("done_download")} action={() => serverDownload(client, { kind: "record" })} />
      </Card>
      {sitting && (
        <Card title={t("export_sheets")} testid="export-sheets">
          <ActionButton
            label={t("download_sitting_sheet")}
            actionKey="download_sitting_sheet"
            testid="download-sitting-sheet"
            done={t("done_download")}
            action={() => serverDownload(client, { kind: "sitting_sheet", sitting_id: sitting.id })}
          />
          {votes.length === 0 && <p class="muted">{t("no_results_yet")}</p>}
          {votes.map((v) => (
            <ActionButton
              key={v.id}
              label={t("download_vote_sheet", { title: v.title })}
              actionKey={`download_vote_sheet:${v.id}`}
              testid={`download-vote-sheet-${v.id}`}
              done={t("done_download")}
              action={() => serverDownload(client, { kind: "vote_sheet", vote_id: v.id })}
            />
          ))}
        </Card>
      )}
      <Card title={t("export_lists")} testid="export-lists">
        <ActionButton
          label={t("export_attendance")}
          actionKey="export_attendance"
          testid="export-attendance"
          disabled={!sitting}
          done={t("done_download")}
          action={async () => saveText(`${t("attendance_file")}-${sitting.title}.csv`, "text/csv;charset=utf-8", attendanceCsv(props.persons, props.board, sitting.id))}
        />
        <ActionButton
          label={t("export_board")}
          actionKey="export_board"
          testid="export-board"
          done={t("done_download")}
          action={async () => {
            // The whole board: the ballots the basis leaves out are read now.
            await props.client.fillGaps(0);
            saveText("board.json", "application/json", JSON.stringify(props.client.board.get(), null, 1));
          }}
        />
      </Card>
    </div>
  );
}

void startApp("app_secretary", "device:secretary", Secretary);
