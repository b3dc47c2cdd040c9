// Fields the desk's forms share: a date (today by default) and a choice of one person from the
// roster, shown as 姓名（编号） so that two people of the same name are told apart.
import type { TermPerson } from "./term_roster";

/** Today's date (YYYY-MM-DD) in the browser's time zone. */
export function todayIso(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** A labelled date input holding `value` (YYYY-MM-DD). */
export function DateField(props: { label: string; value: string; onChange: (iso: string) => void; testid: string }) {
  return (
    <label>
      {props.label}
      <input type="date" value={props.value} onInput={(e) => props.onChange(e.currentTarget.value)} data-testid={props.testid} />
    </label>
  );
}

/**
 * A labelled choice among `persons`; "" is the first option, shown as `none` ("—" when not
 * given), and means nobody is chosen.
 */
export function PersonSelect(props: { label: string; persons: readonly TermPerson[]; value: string; onChange: (number: string) => void; testid: string; none?: string }) {
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)} data-testid={props.testid}>
        <option value="">{props.none ?? "—"}</option>
        {props.persons.map((d) => (
          <option value={d.number}>
            {d.name}（{d.number}）
          </option>
        ))}
      </select>
    </label>
  );
}
