// The delegate's group and activities on the phone or tablet, in large type for an older
// delegate: 活动签到 first — on an activity's date a large 签到 button that signs the check-in
// with this device's key (crypto: activityCheckinDigest), then 已签到 with the time; on another
// day when and where the activity is — and 我的小组: the group, its leader and deputy, how many
// members, and its activities.
import { activityCheckinDigest, toHex } from "../../src/crypto/index.js";
import { useState } from "preact/hooks";
import "./groups.css";
import type { BoardEvent, PlenumClient } from "./client";
import { type Activity, type GroupsView, clockTime, ownCheckin, useGroups } from "./groups";
import { label, lang, t } from "./i18n";
import { useAction } from "./ui";

/** 活动签到 and 我的小组 for the delegate `me`. */
export function MyGroup(props: { client: PlenumClient; board: readonly BoardEvent[]; me: string }) {
  const [view, activities, reload] = useGroups(props.client, props.board.length);
  if (!view) return null;
  const mine = activities.filter((a) => a.invited_me && !a.held && a.date >= view.today).sort((a, b) => a.date.localeCompare(b.date));
  return (
    <>
      {mine.length > 0 && (
        <section class="card my-activities" data-testid="my-activities">
          <h2>{t("my_activities_title")}</h2>
          {mine.map((a) => (
            <ActivityCheckin key={a.activity_id} client={props.client} board={props.board} me={props.me} activity={a} today={view.today} reload={reload} />
          ))}
        </section>
      )}
      <GroupCard view={view} activities={activities} me={props.me} />
    </>
  );
}

/** "2027年3月5日"; in English "2027-03-05", month and day in two digits as in an ISO date. */
function dateWords(iso: string): string {
  const [y, m, d] = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10)];
  if (lang.get() === "en") return t("date_words", { y, m: m.padStart(2, "0"), d: d.padStart(2, "0") });
  return t("date_words", { y: Number(y), m: Number(m), d: Number(d) });
}

function ActivityCheckin(props: { client: PlenumClient; board: readonly BoardEvent[]; me: string; activity: Activity; today: string; reload: () => Promise<void> }) {
  const a = props.activity;
  const [err, busy, run] = useAction();
  // The board's record of the check-in, or the time signed here until the board brings it.
  const [signedHere, setSignedHere] = useState<number | null>(null);
  const signedAt = ownCheckin(props.board, a.activity_id, props.me) ?? signedHere;
  const recorded = a.my_status ?? "";
  const isToday = a.date === props.today;
  const checkin = () =>
    run(async () => {
      const key = props.client.secretKey()!;
      const unixMs = Math.round(props.client.serverNow());
      const signature = key.sign(activityCheckinDigest(a.activity_id, key.publicKey(), unixMs));
      await props.client.request("activity_checkin", { activity_id: a.activity_id, unix_ms: unixMs, signature: toHex(signature) });
      setSignedHere(unixMs);
      await props.reload();
    });
  return (
    <div class="activity-checkin" data-testid={`my-activity-${a.activity_id}`}>
      <h3>{a.title}</h3>
      <p class="activity-when">
        {t(`activity_kind_${a.kind}`)} · {isToday ? t("my_activity_today") : dateWords(a.date)}
        <br />
        {label("activity_place")}
        {a.place}
      </p>
      {signedAt !== null ? (
        <p class="verdict pass big-verdict" data-testid={`my-activity-signed-${a.activity_id}`}>
          ✔ {t("my_activity_signed", { time: clockTime(signedAt) })}
        </p>
      ) : recorded ? (
        <p class="verdict big-verdict" data-testid={`my-activity-recorded-${a.activity_id}`}>
          {t("my_activity_recorded", { status: t(`attendance_${recorded}`) })}
        </p>
      ) : isToday ? (
        <>
          <button type="button" class="primary huge-button" disabled={busy} onClick={checkin} data-testid={`activity-checkin-${a.activity_id}`}>
            {t("checkin_button")}
          </button>
          <p class="muted">{t("my_activity_checkin_hint")}</p>
        </>
      ) : (
        <p class="activity-later" data-testid={`my-activity-later-${a.activity_id}`}>
          {t("my_activity_later", { date: dateWords(a.date) })}
        </p>
      )}
      {err && (
        <p class="error" role="alert" data-testid="activity-error">
          {err}
        </p>
      )}
    </div>
  );
}

function GroupCard(props: { view: GroupsView; activities: Activity[]; me: string }) {
  const g = props.view.groups.find((x) => x.members.some((m) => m.number === props.me));
  return (
    <section class="card my-group" data-testid="my-group">
      <h2>{t("my_group_title")}</h2>
      {!g ? (
        <p class="muted">{t("my_group_none")}</p>
      ) : (
        <>
          <p class="my-group-name" data-testid="my-group-name">
            {g.name}
          </p>
          <dl class="my-group-facts">
            <div>
              <dt>{t("group_leader")}</dt>
              <dd data-testid="my-group-leader">{g.leader_name || g.leader || t("my_group_leader_none")}</dd>
            </div>
            <div>
              <dt>{t("group_deputy")}</dt>
              <dd data-testid="my-group-deputy">{g.deputy_name || g.deputy || t("my_group_leader_none")}</dd>
            </div>
            <div>
              <dt>{t("group_members")}</dt>
              <dd data-testid="my-group-members">{t("members_count", { n: g.members.length })}</dd>
            </div>
          </dl>
          <h3>{t("my_group_activities", { year: props.view.year })}</h3>
          <GroupActivities activities={props.activities.filter((a) => a.group_id === g.group_id)} />
        </>
      )}
    </section>
  );
}

function GroupActivities(props: { activities: Activity[] }) {
  if (props.activities.length === 0) return <p class="muted">{t("my_group_no_activities")}</p>;
  return (
    <ul class="pf-list">
      {props.activities
        .slice()
        .sort((a, b) => b.date.localeCompare(a.date))
        .map((a) => (
          <li key={a.activity_id} data-testid={`my-group-activity-${a.activity_id}`}>
            <span>
              {dateWords(a.date)} {a.title}
            </span>
            <span class="tag">{a.held ? t("activity_held") : t("activity_coming")}</span>
          </li>
        ))}
    </ul>
  );
}
