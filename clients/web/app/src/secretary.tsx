// The secretary's desk: roster import with the composition warnings to acknowledge, the roster
// with search, printable enrollment cards with QR codes, assisted check-in, excusals, materials
// and exports (the server's record for plenum-verify, attendance CSV, the public board as JSON).
import qrcode from "qrcode-generator";
import { useEffect, useState } from "preact/hooks";
import { PublicKey, checkinDigest, toHex } from "../../src/crypto/index.js";
import { deviceKeys } from "./board";
import { enrollUrl } from "./enroll_text";
import { useSignal } from "./hooks";
import { label, listSep, t } from "./i18n";
import { Attendance, Card, type AppProps, startApp, useAction } from "./ui";

interface IssuedCard {
  person: string;
  name: string;
  code: string;
}


function QrSvg(props: { text: string }) {
  const qr = qrcode(0, "M");
  qr.addData(props.text);
  qr.make();
  return <span class="qr" dangerouslySetInnerHTML={{ __html: qr.createSvgTag({ cellSize: 4, margin: 2, scalable: true }) }} />;
}

function download(name: string, type: string, text: string): void {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

function csvCell(s: unknown): string {
  const v = String(s ?? "");
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

// The public view names the congress with a string once a sitting exists, else an object.
function congressName(state: Record<string, any> | null): string {
  const c = state?.["congress"];
  return typeof c === "string" ? c : typeof c?.["name"] === "string" ? c["name"] : "";
}

function Secretary({ client }: AppProps) {
  const state = useSignal(client.state);
  const board = useSignal(client.board);
  const [err, busy, run] = useAction();
  const [roster, setRoster] = useState<Record<string, any> | null>(null);
  const [csv, setCsv] = useState("");
  const [members, setMembers] = useState({ members: 0, women: 0, minorities: 0 });
  const [query, setQuery] = useState("");
  const [cards, setCards] = useState<IssuedCard[]>([]);
  const [reason, setReason] = useState("");
  const [approver, setApprover] = useState("");
  const [mat, setMat] = useState({ item: "", id: "", title: "", text: "" });
  useEffect(() => {
    void client.subscribe(["board", "state"]);
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
  const persons = ((roster?.["persons"] ?? []) as any[]).filter((p) => !query || p.number.includes(query) || p.name.includes(query));
  const warnings = (roster?.["warnings"] ?? []) as any[];
  const keys = deviceKeys(board);

  const issue = (p: any) =>
    run(async () => {
      const r = await client.request("issue_enrollment_code", { person: p.number });
      setCards((cs) => [...cs.filter((c) => c.person !== p.number), { person: p.number, name: p.name, code: String(r["code"]) }]);
    });
  const assist = (p: any) =>
    run(async () => {
      const pk = keys.get(p.number);
      if (!pk) throw new Error(t("not_enrolled"));
      const unixMs = Math.round(client.serverNow());
      const key = client.secretKey()!;
      const sig = key.sign(checkinDigest(sitting.id, PublicKey.fromHex(pk)!, unixMs));
      await client.request("assisted_checkin", { sitting_id: sitting.id, person: p.number, unix_ms: unixMs, reason: reason || t("assisted_checkin"), signature: toHex(sig) });
    });
  const excuse = (p: any) => run(() => client.request("excuse_delegate", { sitting_id: sitting.id, person: p.number, reason, approver }));
  const exportAttendance = () => {
    const rows = [["number", "name", "unit", "group", "present", "excused", "reason", "approver"].join(",")];
    for (const p of (roster?.["persons"] ?? []) as any[])
      rows.push([p.number, p.name, p.unit, p.group, p.present ? 1 : 0, p.excused ? 1 : 0, p.excuse_reason ?? "", p.excuse_approver ?? ""].map(csvCell).join(","));
    download(`attendance-${sitting?.id ?? "roster"}.csv`, "text/csv;charset=utf-8", "\ufeff" + rows.join("\r\n") + "\r\n");
  };
  const exportBoard = () => download("board.json", "application/json", JSON.stringify(board, null, 1));
  // The record for plenum-verify, written by the server into its data directory.
  const [record, setRecord] = useState<Record<string, any> | null>(null);
  const exportRecord = () =>
    run(async () => {
      const r = await client.request("export_record", {});
      setRecord(r["record"] as Record<string, any>);
    });

  return (
    <div class="console">
      {err && (
        <p class="error sticky" role="alert" data-testid="error">
          {err}
        </p>
      )}
      {state && sitting && (
        <Card title={`${sitting.title}`} testid="status">
          <Attendance state={state} />
        </Card>
      )}
      <Card title={t("import_roster")} testid="import">
        <div class="form">
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
            <input name="minorities" type="number" min={0} value={members.minorities} onInput={(e) => setMembers({ ...members, minorities: Number(e.currentTarget.value) })} />
          </label>
          <button type="button" class="primary" disabled={busy || !csv} onClick={() => run(async () => (await client.request("import_roster", { csv, ...members }), reload()))} data-testid="import-roster">
            {t("import_roster")}
          </button>
        </div>
      </Card>
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
            <button type="button" disabled={busy} onClick={() => run(async () => (await client.request("acknowledge_warnings"), reload()))} data-testid="acknowledge">
              {t("acknowledge")}
            </button>
          ))}
      </Card>
      <Card title={t("roster")} testid="roster">
        <div class="row wrap">
          <input type="search" class="search" placeholder={t("search")} aria-label={t("search")} value={query} onInput={(e) => setQuery(e.currentTarget.value)} data-testid="search" />
          <input placeholder={t("reason")} aria-label={t("reason")} value={reason} onInput={(e) => setReason(e.currentTarget.value)} data-testid="reason" />
          <input placeholder={t("approver")} aria-label={t("approver")} value={approver} onInput={(e) => setApprover(e.currentTarget.value)} data-testid="approver" />
        </div>
        <div class="table-wrap">
          <table class="roster">
            <thead>
              <tr>
                <th>{t("number")}</th>
                <th>{t("name")}</th>
                <th>{t("group")}</th>
                <th>{t("roles")}</th>
                <th>{t("attendance")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {persons.map((p) => (
                <tr data-testid={`person-${p.number}`}>
                  <td>{p.number}</td>
                  <td>{p.name}</td>
                  <td>{p.group}</td>
                  <td>{(p.roles as string[]).map((r) => t(`role_${r}`)).join(listSep())}</td>
                  <td>
                    {p.present ? t("checked_in") : p.excused ? `${t("excused")}（${p.excuse_reason}）` : t("not_checked_in")}
                    <br />
                    <span class="muted small">{p.enrolled ? t("enrolled") : t("not_enrolled")}</span>
                  </td>
                  <td class="actions">
                    <button type="button" disabled={busy} onClick={() => issue(p)} data-testid={`issue-${p.number}`}>
                      {t("issue_code")}
                    </button>
                    {sitting && !p.present && !p.excused && p.enrolled && (
                      <button type="button" disabled={busy || !sitting.checkin_open} onClick={() => assist(p)} data-testid={`assist-${p.number}`}>
                        {t("assisted_checkin")}
                      </button>
                    )}
                    {sitting && !p.present && !p.excused && (p.roles as string[]).includes("delegate") && (
                      <button type="button" disabled={busy || !reason || !approver} onClick={() => excuse(p)} data-testid={`excuse-${p.number}`}>
                        {t("excuse")}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      {sitting && (
        <Card title={t("materials")} testid="materials">
          <div class="form">
            <label>
              {t("agenda")}
              <select name="material_item" value={mat.item} onChange={(e) => setMat({ ...mat, item: e.currentTarget.value })}>
                <option value="">—</option>
                {((state?.["agenda"] ?? []) as any[]).map((it) => (
                  <option value={it.id}>{it.title}</option>
                ))}
              </select>
            </label>
            <label>
              {t("material_id")}
              <input name="material_id" value={mat.id} onInput={(e) => setMat({ ...mat, id: e.currentTarget.value })} />
            </label>
            <label>
              {t("title")}
              <input name="material_title" value={mat.title} onInput={(e) => setMat({ ...mat, title: e.currentTarget.value })} />
            </label>
            <label>
              {t("materials")}
              <textarea name="material_text" rows={3} value={mat.text} onInput={(e) => setMat({ ...mat, text: e.currentTarget.value })} />
            </label>
            <button
              type="button"
              disabled={busy}
              onClick={() => run(() => client.request("add_material", { sitting_id: sitting.id, item_id: mat.item, material_id: mat.id, title: mat.title, text: mat.text }))}
              data-testid="add-material"
            >
              {t("create")}
            </button>
          </div>
        </Card>
      )}
      <Card title={t("export")} testid="export">
        <div class="row wrap">
          <button type="button" class="primary" disabled={busy} onClick={exportRecord} data-testid="export-record">
            {t("export_record")}
          </button>
          <button type="button" onClick={exportAttendance} data-testid="export-attendance">
            {t("export_attendance")}
          </button>
          <button type="button" onClick={exportBoard} data-testid="export-board">
            {t("export_board")}
          </button>
        </div>
        {record && (
          <dl class="record" data-testid="record-done">
            <dt>{t("record_dir")}</dt>
            <dd class="code" data-testid="record-dir">
              {record["dir"]}
            </dd>
            <dt>{t("record_events")}</dt>
            <dd data-testid="record-events">{record["events"]}</dd>
            <dt>{t("record_head")}</dt>
            <dd class="code" data-testid="record-head">
              {record["head_hash"]}
            </dd>
          </dl>
        )}
      </Card>
      {cards.length > 0 && (
        <Card title={t("print_cards")} testid="cards" class="cards-card">
          <button type="button" class="primary no-print" onClick={() => window.print()}>
            {t("print_cards")}
          </button>
          <div class="cards">
            {cards.map((c) => (
              <div class="enroll-card" data-testid={`card-${c.person}`}>
                <h3>
                  {t("card_title")} · {congressName(state)}
                </h3>
                <QrSvg text={enrollUrl(location.origin + location.pathname.replace(/[^/]*$/, ""), c.person, c.code)} />
                <p>
                  {label("name")}{c.name}
                </p>
                <p>
                  {label("number")}<strong data-testid="card-person">{c.person}</strong>
                </p>
                <p>
                  {label("enroll_code")}<strong class="code" data-testid="card-code">{c.code}</strong>
                </p>
                <p class="small">{t("card_hint")}</p>
              </div>
            ))}
          </div>
        </Card>
      )}
    </div>
  );
}

void startApp("app_secretary", "device:secretary", Secretary);
