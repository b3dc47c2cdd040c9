// The delegate's own performance file (我的履职) on the phone or tablet, in large type for an
// older delegate: the sittings attended out of those held, each sitting with 出席 / 请假 / 缺席,
// the activities, the proposals submitted or co-signed with their handling and rating, the
// contacts kept and the opinions handled; and the file as a PDF.
import { useState } from "preact/hooks";
import { ActionButton } from "./actions";
import type { PlenumClient } from "./client";
import { serverDownload } from "./download";
import { listSep, t } from "./i18n";
import { statusWords } from "./monthly_report_desk";
import "./report.css";

/** A fold titled 我的履职 that reads `get_performance_file` when opened. */
export function MyPerformance(props: { client: PlenumClient; me: string }) {
  const [file, setFile] = useState<Record<string, any> | null>(null);
  const [err, setErr] = useState("");
  const load = () =>
    props.client
      .request("get_performance_file", {})
      .then((r) => {
        setFile(r["performance_file"] as Record<string, any>);
        setErr("");
      })
      .catch((e: unknown) => setErr(e instanceof Error ? e.message : String(e)));
  return (
    <details class="card my-performance" data-testid="my-performance" onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && void load()}>
      <summary data-testid="my-performance-open">{t("pf_title")}</summary>
      {err && (
        <p class="error" role="alert">
          {err}
        </p>
      )}
      {!file && !err && <p class="muted">{t("pf_loading")}</p>}
      {file && <FileBody file={file} />}
      <ActionButton class="big" label={t("pf_download")} actionKey="pf_download" testid="pf-download" done={t("done_download")} action={() => serverDownload(props.client, { kind: "performance_file", person: props.me })} />
    </details>
  );
}

function Big(props: { label: string; value: string; testid: string }) {
  return (
    <div class="pf-big" data-testid={props.testid}>
      <span class="pf-big-value">{props.value}</span>
      <span class="pf-big-label">{props.label}</span>
    </div>
  );
}

function FileBody(props: { file: Record<string, any> }) {
  const f = props.file;
  const sittings = (f["sittings"] ?? []) as any[];
  const activities = (f["activities"] ?? []) as any[];
  const groups = (f["groups"] ?? []) as any[];
  const proposals = (f["proposals"] ?? []) as any[];
  const contacts = f["contacts"] ?? {};
  const opinions = f["opinions"] ?? {};
  return (
    <div class="pf-body" data-testid="pf-body">
      <p class="pf-asof">{t("pf_as_of", { date: f["as_of"] ?? "" })}</p>
      <div class="pf-summary">
        <Big label={t("pf_sittings_attended")} value={t("pf_of", { n: f["sittings_attended"] ?? 0, total: f["sittings_held"] ?? 0 })} testid="pf-sittings-attended" />
        <Big label={t("pf_activities_attended")} value={String(f["activities_attended"] ?? 0)} testid="pf-activities-attended" />
        <Big label={t("pf_proposals_submitted")} value={String(f["proposals_submitted"] ?? 0)} testid="pf-proposals-submitted" />
        <Big label={t("pf_proposals_co_signed")} value={String(f["proposals_co_signed"] ?? 0)} testid="pf-proposals-co-signed" />
      </div>
      <h3>{t("pf_sittings")}</h3>
      {sittings.length === 0 && <p class="muted">{t("pf_none")}</p>}
      <ul class="pf-list">
        {sittings.map((s) => (
          <li key={s.id} data-testid={`pf-sitting-${s.id}`}>
            <span>
              {s.date} {s.title}
            </span>
            <span class={`tag pf-att pf-att-${s.attendance}`}>{t(`pf_att_${s.attendance}`)}</span>
          </li>
        ))}
      </ul>
      <h3>{t("pf_activities")}</h3>
      <p data-testid="pf-activities-line">
        {t("pf_activities_line", { held: f["activities_held"] ?? activities.length, attended: f["activities_attended"] ?? 0, signed: f["activities_signed"] ?? 0, recorded: f["activities_recorded"] ?? 0 })}
      </p>
      {activities.length === 0 && <p class="muted">{t("pf_none")}</p>}
      <ul class="pf-list">
        {activities.map((a) => (
          <li key={a.id} data-testid={`pf-activity-${a.id}`}>
            <span>
              {a.date} {a.title}
              {a.check_in && (
                <>
                  <br />
                  <span class="muted small">{t(`pf_check_in_${a.check_in}`)}</span>
                </>
              )}
            </span>
            {a.attendance && <span class={`tag pf-att pf-att-${a.attendance}`}>{t(`pf_att_${a.attendance}`)}</span>}
          </li>
        ))}
      </ul>
      <h3>{t("pf_groups")}</h3>
      <p data-testid="pf-groups">{groups.length === 0 ? t("pf_no_group") : groups.map((g) => t("pf_group_post", { name: g.name, post: t(`pf_post_${g.post}`) })).join(listSep())}</p>
      <h3>{t("pf_proposals")}</h3>
      {proposals.length === 0 && <p class="muted">{t("pf_none")}</p>}
      <ul class="pf-list">
        {proposals.map((p) => (
          <li key={p.id} data-testid={`pf-proposal-${p.id}`}>
            <span>
              <strong>{p.title}</strong>
              <br />
              {t(p.role === "co_signer" ? "pf_role_co_signer" : "pf_role_proposer")}
              {p.unit ? ` · ${p.unit}` : ""}
            </span>
            <span class="tag">
              {statusWords(String(p.status))}
              {p.rating ? ` · ${t(`rating_${p.rating}`)}` : ""}
            </span>
          </li>
        ))}
      </ul>
      <h3>{t("pf_contacts")}</h3>
      <p data-testid="pf-contacts">{t("pf_contacts_line", { members: contacts.members ?? 0, residents: contacts.residents ?? 0 })}</p>
      <h3>{t("pf_opinions")}</h3>
      <p data-testid="pf-opinions">{t("pf_opinions_line", { logged: opinions.logged ?? 0, reported: opinions.reported_back ?? 0 })}</p>
      <p data-testid="pf-opinions-steps">{t("pf_opinions_steps", { routed: opinions.routed ?? 0, answered: opinions.answered ?? 0, refused: opinions.refused ?? 0, overdue: opinions.overdue ?? 0 })}</p>
    </div>
  );
}
