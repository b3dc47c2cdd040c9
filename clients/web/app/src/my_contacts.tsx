// The delegate's own three-level contact on the phone or tablet, in large type: 我的联系 (the
// party members this delegate keeps and each one's residents, with what is still missing against
// 3–5 members and 3 residents each, and registering or removing one), 记录意见建议 (an opinion
// from one of them: the words, who said it, the date collected, the category), and the opinions
// this delegate collected with their status in words, the department's answer or refusal, and
// 已反馈 once the person was told. Only this delegate's own contacts are ever shown: the server
// answers a delegate with their own entry only, and the screen keeps to it as well.
import { useState } from "preact/hooks";
import { ActionButton } from "./actions";
import type { BoardEvent, PlenumClient } from "./client";
import { ContactForm, RemoveContact, contactName } from "./contact_form";
import { type Contact, type ContactsView, type Opinion, OPINION_CATEGORIES, categoryText, gapText, looksLikeIdNumber, opinionStatusText, ruleText, useContacts, useOpinions } from "./contacts";
import { DateField, todayIso } from "./form_fields";
import { label, t } from "./i18n";
import { OpinionFacts } from "./opinions_desk";
import "./contacts.css";
import "./desk.css";

/** 我的联系, 记录意见建议 and 我收集的意见建议 of the delegate `me` (person number). */
export function MyContacts(props: { client: PlenumClient; board: readonly BoardEvent[]; me: string }) {
  const [view, loaded, reloadContacts] = useContacts(props.client, props.board.length);
  const [today, allOpinions, reloadOpinions] = useOpinions(props.client, props.board.length);
  const mine = view.delegates.find((d) => d.person === props.me);
  const opinions = allOpinions.filter((o) => o.by === props.me);
  // Everyone this delegate keeps: their members and those members' residents.
  const people = new Map<string, Contact>();
  for (const m of mine?.members ?? []) {
    people.set(m.contact_id, m);
    for (const r of m.residents ?? []) people.set(r.contact_id, r);
  }
  return (
    <div class="my-contacts">
      <MyContactList client={props.client} view={view} loaded={loaded} me={props.me} reload={reloadContacts} />
      <OpinionForm client={props.client} people={people} today={today} onDone={reloadOpinions} />
      <MyOpinions client={props.client} opinions={opinions} people={people} reload={reloadOpinions} />
    </div>
  );
}

function MyContactList(props: { client: PlenumClient; view: ContactsView; loaded: boolean; me: string; reload: () => Promise<void> }) {
  const mine = props.view.delegates.find((d) => d.person === props.me);
  const members = mine?.members ?? [];
  const [min, max] = props.view.bounds.delegate;
  const [resMin] = props.view.bounds.member;
  const [adding, setAdding] = useState(false);
  const missingMembers = members.length < min || members.length > max;
  return (
    <section class="card" data-testid="my-contacts">
      <h2>{t("my_contacts_title")}</h2>
      <p class="my-contacts-count" data-testid="my-members-count">
        {t("contact_count_member", { n: members.length })} <span class="muted">{ruleText(min, max, "member")}</span>
      </p>
      {props.loaded && (
        <p class={`gap-banner ${missingMembers ? "gap-below" : "gap-ok"}`} data-testid="my-members-gap">
          {gapText(members.length, min, max, "member")}
        </p>
      )}
      {members.map((m) => (
        <MyMember key={m.contact_id} client={props.client} member={m} resMin={resMin} reload={props.reload} />
      ))}
      {adding ? (
        <ContactForm client={props.client} kind="member" keeper={props.me} keeperName={t("my_self")} big onDone={props.reload} onClose={() => setAdding(false)} testid="my-add-member" />
      ) : (
        <button type="button" class="big wide-button" onClick={() => setAdding(true)} data-testid="my-add-member-open">
          ＋ {t("contact_register_member")}
        </button>
      )}
    </section>
  );
}

function MyMember(props: { client: PlenumClient; member: Contact; resMin: number; reload: () => Promise<void> }) {
  const m = props.member;
  const residents = m.residents ?? [];
  const name = contactName(m);
  const [adding, setAdding] = useState(false);
  return (
    <article class={`my-member${residents.length < props.resMin ? " short" : ""}`} data-testid={`my-member-${m.contact_id}`}>
      <h3>
        {name}
        {m.details?.place ? <span class="muted place"> · {m.details.place}</span> : null}
      </h3>
      <p class="small muted">{t("contact_kind_member")}</p>
      <p data-testid={`my-residents-${m.contact_id}`}>
        {t("contact_count_resident", { n: residents.length })} <span class="muted">{ruleText(props.resMin, null, "resident")}</span>
      </p>
      <p class={`gap-banner ${residents.length < props.resMin ? "gap-below" : "gap-ok"}`} data-testid={`my-residents-gap-${m.contact_id}`}>
        {gapText(residents.length, props.resMin, null, "resident")}
      </p>
      {residents.length > 0 && (
        <ul class="my-residents">
          {residents.map((r) => (
            <li key={r.contact_id} data-testid={`my-resident-${r.contact_id}`}>
              <span>
                {contactName(r)}
                {r.details?.place ? <span class="muted"> · {r.details.place}</span> : null}
              </span>
              <RemoveContact client={props.client} contact={r} name={contactName(r)} big onDone={props.reload} />
            </li>
          ))}
        </ul>
      )}
      {adding ? (
        <ContactForm client={props.client} kind="resident" keeper={m.contact_id} keeperName={name} big onDone={props.reload} onClose={() => setAdding(false)} testid={`my-add-resident-${m.contact_id}`} />
      ) : (
        <button type="button" class="big wide-button" onClick={() => setAdding(true)} data-testid={`my-add-resident-open-${m.contact_id}`}>
          ＋ {t("contact_register_resident_for_short", { name })}
        </button>
      )}
      <RemoveContact client={props.client} contact={m} name={name} big onDone={props.reload} />
    </article>
  );
}

function OpinionForm(props: { client: PlenumClient; people: Map<string, Contact>; today: string; onDone: () => Promise<void> }) {
  const [from, setFrom] = useState("");
  const [text, setText] = useState("");
  const [category, setCategory] = useState("");
  const [date, setDate] = useState("");
  const [open, setOpen] = useState(false);
  const shownDate = date || props.today || todayIso();
  const idLike = looksLikeIdNumber(text);
  const missing = !from ? t("opinion_needs_from") : !text.trim() ? t("opinion_needs_text") : !category ? t("opinion_needs_category") : null;
  const person = props.people.get(from);
  const people = [...props.people.values()];
  return (
    <section class="card" data-testid="opinion-form">
      <h2>{t("opinion_form_title")}</h2>
      {people.length === 0 ? (
        <p class="muted">{t("opinion_form_needs_contacts")}</p>
      ) : !open ? (
        <button type="button" class="primary big wide-button" onClick={() => setOpen(true)} data-testid="opinion-form-open">
          ＋ {t("opinion_form_open")}
        </button>
      ) : (
        <div class="form big-form">
          <label>
            {t("opinion_form_from")}
            <select value={from} onChange={(e) => setFrom(e.currentTarget.value)} data-testid="opinion-from">
              <option value="">{t("opinion_form_choose")}</option>
              {people.map((c) => (
                <option value={c.contact_id}>
                  {contactName(c)}（{t(c.kind === "member" ? "contact_kind_member" : "contact_kind_resident")}
                  {c.details?.place ? ` · ${c.details.place}` : ""}）
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("opinion_form_text")}
            <textarea rows={4} value={text} onInput={(e) => setText(e.currentTarget.value)} placeholder={t("opinion_form_text_example")} data-testid="opinion-text" />
          </label>
          {idLike && (
            <p class="error" role="alert" data-testid="opinion-id-refused">
              {t("contact_id_number_refused")}
            </p>
          )}
          <label>
            {t("opinion_form_category")}
            <select value={category} onChange={(e) => setCategory(e.currentTarget.value)} data-testid="opinion-category">
              <option value="">{t("opinion_form_choose")}</option>
              {OPINION_CATEGORIES.map((c) => (
                <option value={c}>{categoryText(c)}</option>
              ))}
            </select>
          </label>
          <DateField label={t("opinion_form_date")} value={shownDate} onChange={setDate} testid="opinion-date" />
          <ActionButton
            class="primary big wide-button"
            label={t("opinion_form_save")}
            actionKey="log_opinion"
            testid="opinion-save"
            disabled={missing !== null || idLike}
            note={idLike ? null : missing}
            done={t("opinion_logged_done")}
            action={async () => {
              const details: Record<string, string> = { text: text.trim() };
              if (person?.details?.name) details["name"] = person.details.name;
              await props.client.request("log_opinion", { contact_id: from, date: shownDate, category, details });
              setText("");
              setFrom("");
              setCategory("");
              setDate("");
              await props.onDone();
            }}
          />
          <button type="button" class="big wide-button" onClick={() => setOpen(false)} data-testid="opinion-form-close">
            {t("contact_form_close")}
          </button>
        </div>
      )}
    </section>
  );
}

function MyOpinions(props: { client: PlenumClient; opinions: Opinion[]; people: Map<string, Contact>; reload: () => Promise<void> }) {
  const toTell = props.opinions.filter((o) => (o.status === "answered" || o.status === "refused") && !o.reported_back_date);
  // Waiting to be told back first, then those still being handled, then the rest; newest first.
  const rank = (o: Opinion) => (toTell.includes(o) ? 0 : o.status === "logged" || o.status === "routed" ? 1 : 2);
  const shown = props.opinions.slice().sort((a, b) => rank(a) - rank(b) || b.date.localeCompare(a.date));
  return (
    <section class="card" data-testid="my-opinions">
      <h2>{t("my_opinions_title")}</h2>
      {toTell.length > 0 && (
        <p class="banner rate-banner" data-testid="my-opinions-to-tell">
          {t("my_opinions_to_tell_n", { n: toTell.length })}
        </p>
      )}
      {props.opinions.length === 0 && <p class="muted">{t("my_opinions_none")}</p>}
      {shown.map((o) => (
        <MyOpinion key={o.opinion_id} client={props.client} opinion={o} people={props.people} reload={props.reload} />
      ))}
    </section>
  );
}

function MyOpinion(props: { client: PlenumClient; opinion: Opinion; people: Map<string, Contact>; reload: () => Promise<void> }) {
  const o = props.opinion;
  const who = o.details?.name || contactName(props.people.get(o.contact_id) ?? ({ contact_id: o.contact_id } as Contact));
  const toTell = (o.status === "answered" || o.status === "refused") && !o.reported_back_date;
  return (
    <article class={`my-opinion${toTell ? " to-tell" : ""}`} data-testid={`my-opinion-${o.opinion_id}`}>
      <p class="my-opinion-text">{o.details?.text ?? ""}</p>
      <p class="small">
        {label("opinion_from")}
        {who} · {categoryText(o.category)}
      </p>
      <p class="my-status">
        <span class="tag" data-testid={`my-opinion-status-${o.opinion_id}`}>
          {opinionStatusText(o)}
          {o.reported_back_date ? ` · ${t("opinion_reported_back")}` : ""}
        </span>
      </p>
      <OpinionFacts opinion={o} />
      {toTell && (
        <ActionButton
          class="primary big wide-button"
          label={t("opinion_report_back", { name: who })}
          actionKey={`report_back_opinion:${o.opinion_id}`}
          testid={`report-back-${o.opinion_id}`}
          confirm={{ title: t("opinion_report_back_confirm", { name: who }), consequence: t("opinion_report_back_consequence"), confirmLabel: t("opinion_report_back_yes") }}
          done={t("opinion_reported_back_done")}
          action={() => props.client.request("report_back_opinion", { opinion_id: o.opinion_id }).then(props.reload)}
        />
      )}
    </article>
  );
}
