// Activities on the liaison office's desk (代表小组与活动): planning one (小组活动 / 调研 / 视察 /
// 学习培训 / 列席会议, for a group or the whole congress, with title, date, place and who is
// invited), each activity's attendance as the delegates' signed check-ins come in, recording
// attendance for someone without a device (status and reason), and recording that the activity
// was held with its outcome (which closes check-in).
import { useState } from "preact/hooks";
import "./term.css";
import "./groups.css";
import { ActionButton } from "./actions";
import type { PlenumClient } from "./client";
import { DateField, todayIso } from "./form_fields";
import { ACTIVITY_KINDS, type Activity, type AttendanceLine, type GroupsView } from "./groups";
import { label, t } from "./i18n";
import { Card } from "./ui";

/** The statuses the office may record, in the order a form offers them. */
const RECORDED_STATUSES = ["present", "excused", "absent"] as const;

type Props = { client: PlenumClient; view: GroupsView | null; activities: Activity[]; delegates: { number: string; name: string }[]; reload: () => Promise<void> };

/** The activities card: the plan form and every activity, the coming and today's first. */
export function ActivitiesDesk(props: Props) {
  const today = props.view?.today ?? todayIso();
  const shown = props.activities.slice().sort((a, b) => Number(a.held) - Number(b.held) || (a.held ? b.date.localeCompare(a.date) : a.date.localeCompare(b.date)));
  return (
    <Card title={t("activities_title")} testid="activities" class="wide">
      <p class="muted small">{t("activities_hint")}</p>
      <PlanForm {...props} />
      {shown.length === 0 && <p class="muted">{t("no_activities")}</p>}
      <ul class="desk-proposals">
        {shown.map((a) => (
          <ActivityRow key={a.activity_id} {...props} activity={a} today={today} />
        ))}
      </ul>
    </Card>
  );
}

function PlanForm(props: Props) {
  const groups = props.view?.groups ?? [];
  const [kind, setKind] = useState("");
  const [groupId, setGroupId] = useState("");
  const [title, setTitle] = useState("");
  const [date, setDate] = useState(props.view?.today || todayIso());
  const [place, setPlace] = useState("");
  const [invited, setInvited] = useState<Set<string> | null>(null);
  const group = groups.find((g) => g.group_id === groupId) ?? null;
  const defaultInvited = group ? group.members.map((m) => m.number) : props.delegates.map((d) => d.number);
  const chosen = invited ?? new Set(defaultInvited);
  const missing = !kind
    ? t("activity_needs_kind")
    : kind === "group_activity" && !groupId
      ? t("activity_needs_group")
      : !title.trim()
        ? t("activity_needs_title")
        : !date
          ? t("activity_needs_date")
          : !place.trim()
            ? t("activity_needs_place")
            : chosen.size === 0
              ? t("activity_needs_invited")
              : null;
  return (
    <details class="form-fold" data-testid="plan-activity">
      <summary>{t("activity_plan")}</summary>
      <div class="form">
        <label>
          {t("activity_kind")}
          <select value={kind} onChange={(e) => setKind(e.currentTarget.value)} data-testid="activity-kind">
            <option value="">—</option>
            {ACTIVITY_KINDS.map((k) => (
              <option value={k}>{t(`activity_kind_${k}`)}</option>
            ))}
          </select>
        </label>
        <label>
          {t("activity_scope")}
          <select
            value={groupId}
            onChange={(e) => {
              setGroupId(e.currentTarget.value);
              setInvited(null);
            }}
            data-testid="activity-group"
          >
            <option value="">{t("activity_scope_all")}</option>
            {groups.map((g) => (
              <option value={g.group_id}>{g.name}</option>
            ))}
          </select>
        </label>
        <label>
          {t("activity_title")}
          <input value={title} maxLength={300} onInput={(e) => setTitle(e.currentTarget.value)} placeholder={t("activity_title_example")} data-testid="activity-title" />
        </label>
        <DateField label={t("activity_date")} value={date} onChange={setDate} testid="activity-date" />
        <label>
          {t("activity_place")}
          <input value={place} maxLength={200} onInput={(e) => setPlace(e.currentTarget.value)} placeholder={t("activity_place_example")} data-testid="activity-place" />
        </label>
        <details class="invited-fold" data-testid="activity-invited">
          <summary>{t("activity_invited_n", { n: chosen.size, who: group ? group.name : t("activity_scope_all") })}</summary>
          <div class="member-picker">
            {props.delegates.map((d) => (
              <label class="check member-choice">
                <input
                  type="checkbox"
                  checked={chosen.has(d.number)}
                  onChange={(e) => {
                    const next = new Set(chosen);
                    if (e.currentTarget.checked) next.add(d.number);
                    else next.delete(d.number);
                    setInvited(next);
                  }}
                  data-testid={`activity-invite-${d.number}`}
                />
                {d.name}（{d.number}）
              </label>
            ))}
          </div>
        </details>
        <ActionButton
          class="primary"
          label={t("activity_plan_submit")}
          actionKey="plan_activity"
          testid="activity-submit"
          disabled={missing !== null}
          note={missing}
          done={t("done_activity_planned")}
          action={() =>
            props.client
              .request("plan_activity", { kind, title: title.trim(), date, place: place.trim(), ...(groupId ? { group_id: groupId } : {}), ...(invited ? { invited: [...invited] } : {}) })
              .then(() => {
                setKind("");
                setTitle("");
                setPlace("");
                setInvited(null);
                return props.reload();
              })
        }
        />
      </div>
    </details>
  );
}

/** An attendance line's status in words: 已签到 (signed on a device), 出席 (recorded), 请假, 缺席, 未签到. */
function statusText(line: AttendanceLine | undefined): string {
  if (!line) return t("attendance_none");
  if (line.status === "present" && line.signed_in) return t("attendance_signed");
  return t(`attendance_${line.status}`);
}

function ActivityRow(props: Props & { activity: Activity; today: string }) {
  const a = props.activity;
  const group = props.view?.groups.find((g) => g.group_id === a.group_id);
  const lines = new Map(a.attendance.map((l) => [l.person, l]));
  const names = new Map(props.delegates.map((d) => [d.number, d.name]));
  const [recording, setRecording] = useState("");
  const started = a.date <= props.today;
  const isToday = a.date === props.today;
  return (
    <li data-testid={`activity-${a.activity_id}`}>
      <div class="proposal-head">
        <span>
          <span class="tag">{t(`activity_kind_${a.kind}`)}</span> <strong>{a.title}</strong>
        </span>
        <span class={a.held ? "tag" : isToday ? "tag now" : "tag"} data-testid={`activity-state-${a.activity_id}`}>
          {a.held ? t("activity_held") : isToday ? t("activity_today") : started ? t("activity_awaiting_record") : t("activity_coming")}
        </span>
      </div>
      <p class="small proposal-facts">
        <span>
          {label("activity_date")}
          {a.date}
        </span>
        <span>
          {label("activity_place")}
          {a.place}
        </span>
        <span>
          {label("activity_scope")}
          {group ? group.name : t("activity_scope_all")}
        </span>
      </p>
      <p class="attendance-counts" data-testid={`activity-counts-${a.activity_id}`}>
        {t("activity_counts", { invited: a.counts.invited, present: a.counts.present, excused: a.counts.excused, absent: a.counts.absent, unrecorded: a.counts.unrecorded })}
      </p>
      {a.held && a.outcome && (
        <p class="small" data-testid={`activity-outcome-${a.activity_id}`}>
          {label("activity_outcome")}
          {a.outcome}
        </p>
      )}
      <details class="attendance-fold" open={started && !a.held} data-testid={`attendance-${a.activity_id}`}>
        <summary>{t("attendance_list")}</summary>
        <table class="attendance-table">
          <thead>
            <tr>
              <th>{t("attendance_person")}</th>
              <th>{t("attendance_status")}</th>
              <th>{t("attendance_reason")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {a.invited.map((n) => {
              const line = lines.get(n);
              return (
                <tr key={n} data-testid={`attendance-${a.activity_id}-${n}`} class={line ? `att-${line.status}` : "att-none"}>
                  <td>
                    {line?.name || names.get(n) || n}（{n}）
                  </td>
                  <td>{statusText(line)}</td>
                  <td>{line?.reason ?? ""}</td>
                  <td>
                    {!line && started && !a.held && (
                      <button type="button" class={recording === n ? "on" : ""} aria-expanded={recording === n} onClick={() => setRecording(recording === n ? "" : n)} data-testid={`record-open-${a.activity_id}-${n}`}>
                        {t("attendance_record")}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {recording && !lines.has(recording) && <RecordForm {...props} person={recording} name={names.get(recording) ?? recording} onDone={() => setRecording("")} />}
        {!started && <p class="muted small">{t("attendance_not_yet", { date: a.date })}</p>}
      </details>
      {started && !a.held && <HeldForm {...props} />}
    </li>
  );
}

function RecordForm(props: Props & { activity: Activity; person: string; name: string; onDone: () => void }) {
  const a = props.activity;
  const [status, setStatus] = useState("");
  const [reason, setReason] = useState("");
  const missing = !status ? t("attendance_needs_status") : !reason.trim() ? t("attendance_needs_reason") : null;
  return (
    <div class="form inline-form" data-testid={`record-form-${a.activity_id}-${props.person}`}>
      <p>
        <strong>{t("attendance_record_for", { name: props.name, person: props.person })}</strong>
      </p>
      <fieldset class="status-choice">
        <legend>{t("attendance_status")}</legend>
        {RECORDED_STATUSES.map((s) => (
          <button type="button" class={status === s ? "on" : ""} aria-pressed={status === s} onClick={() => setStatus(s)} data-testid={`record-status-${s}`}>
            {t(`attendance_${s}`)}
          </button>
        ))}
      </fieldset>
      <label>
        {t("attendance_reason")}
        <input value={reason} maxLength={500} onInput={(e) => setReason(e.currentTarget.value)} placeholder={t("attendance_reason_example")} data-testid="record-reason" />
      </label>
      <ActionButton
        class="primary"
        label={t("attendance_record_submit")}
        actionKey={`record_attendance:${a.activity_id}:${props.person}`}
        testid="record-submit"
        disabled={missing !== null}
        note={missing}
        confirm={{ title: t("confirm_attendance", { name: props.name, status: status ? t(`attendance_${status}`) : "" }), consequence: t("consequence_attendance") }}
        done={t("done_attendance")}
        action={() =>
          props.client.request("record_attendance", { activity_id: a.activity_id, person: props.person, status, reason: reason.trim() }).then(async () => {
            await props.reload();
            props.onDone();
          })
        }
      />
    </div>
  );
}

function HeldForm(props: Props & { activity: Activity }) {
  const a = props.activity;
  const [outcome, setOutcome] = useState("");
  return (
    <details class="form-fold" data-testid={`held-${a.activity_id}`}>
      <summary>{t("activity_record_held")}</summary>
      <div class="form">
        <label>
          {t("activity_outcome")}
          <textarea rows={3} value={outcome} maxLength={2000} onInput={(e) => setOutcome(e.currentTarget.value)} placeholder={t("activity_outcome_example")} data-testid={`held-outcome-${a.activity_id}`} />
        </label>
        {a.counts.unrecorded > 0 && <p class="small">{t("activity_unrecorded_warning", { n: a.counts.unrecorded })}</p>}
        <ActionButton
          class="primary"
          label={t("activity_record_held")}
          actionKey={`activity_held:${a.activity_id}`}
          testid={`held-submit-${a.activity_id}`}
          disabled={!outcome.trim()}
          note={!outcome.trim() ? t("activity_needs_outcome") : null}
          confirm={{ title: t("confirm_held", { title: a.title }), consequence: t("consequence_held") }}
          done={t("done_held")}
          action={() => props.client.request("record_activity_held", { activity_id: a.activity_id, outcome: outcome.trim() }).then(props.reload)}
        />
      </div>
    </details>
  );
}
