// Registering and removing a contact of three-level contact, on the office's desk and on the
// delegate's phone alike: only a name and a village or unit are asked (nothing else is kept), a
// value that looks like an ID number is refused here with the reason before anything is sent,
// and a removal asks first, with its reason.
import { useState } from "preact/hooks";
import { ActionButton } from "./actions";
import type { PlenumClient } from "./client";
import { type Contact, looksLikeIdNumber } from "./contacts";
import { t } from "./i18n";

/**
 * The form registering a party member kept by delegate `keeper` (kind "member") or a resident
 * kept by the member whose contact id is `keeper` (kind "resident"). `big` lays it out for the
 * phone. `onDone` runs after the server accepted it.
 */
export function ContactForm(props: { client: PlenumClient; kind: "member" | "resident"; keeper: string; keeperName: string; big?: boolean; onDone: () => Promise<void> | void; onClose?: () => void; testid: string }) {
  const [name, setName] = useState("");
  const [place, setPlace] = useState("");
  const idLike = looksLikeIdNumber(name) || looksLikeIdNumber(place);
  const missing = !name.trim() ? t("contact_needs_name") : null;
  return (
    <div class={`form inline-form contact-form${props.big ? " big-form" : ""}`} data-testid={props.testid}>
      <p class="contact-form-title">{t(props.kind === "member" ? "contact_register_member_for" : "contact_register_resident_for", { name: props.keeperName })}</p>
      <label>
        {t("contact_name")}
        <input value={name} maxLength={60} autoComplete="off" onInput={(e) => setName(e.currentTarget.value)} data-testid={`${props.testid}-name`} />
      </label>
      <label>
        {t("contact_place")}
        <input value={place} maxLength={100} autoComplete="off" placeholder={t("contact_place_example")} onInput={(e) => setPlace(e.currentTarget.value)} data-testid={`${props.testid}-place`} />
      </label>
      {idLike ? (
        <p class="error" role="alert" data-testid={`${props.testid}-id-refused`}>
          {t("contact_id_number_refused")}
        </p>
      ) : (
        <p class="muted small">{t("contact_privacy_hint")}</p>
      )}
      <ActionButton
        class={props.big ? "primary big" : "primary"}
        label={t(props.kind === "member" ? "contact_register_member" : "contact_register_resident")}
        actionKey={`register_contact:${props.kind}:${props.keeper}`}
        testid={`${props.testid}-save`}
        disabled={missing !== null || idLike}
        note={idLike || !place.trim() ? null : missing}
        done={t("contact_registered_done", { name: name.trim() })}
        action={async () => {
          const details: Record<string, string> = { name: name.trim() };
          if (place.trim()) details["place"] = place.trim();
          await props.client.request("register_contact", { kind: props.kind, keeper: props.keeper, details });
          setName("");
          setPlace("");
          await props.onDone();
        }}
      />
      {props.onClose && (
        <button type="button" class={props.big ? "big wide-button" : ""} onClick={props.onClose} data-testid={`${props.testid}-close`}>
          {t("contact_form_close")}
        </button>
      )}
    </div>
  );
}

/** Removing `contact` (named `name`) with a reason, after a confirmation. */
export function RemoveContact(props: { client: PlenumClient; contact: Contact; name: string; big?: boolean; onDone: () => Promise<void> | void }) {
  const c = props.contact;
  const [reason, setReason] = useState("");
  const keepsResidents = c.kind === "member" && (c.residents?.length ?? 0) > 0;
  return (
    <details class="subform remove-contact" data-testid={`remove-${c.contact_id}`}>
      <summary>{t("contact_remove_open", { name: props.name })}</summary>
      {keepsResidents ? (
        <p class="muted">{t("contact_remove_residents_first", { name: props.name })}</p>
      ) : (
        <div class="form">
          <label>
            {t("contact_remove_reason")}
            <input value={reason} maxLength={200} placeholder={t("contact_remove_reason_example")} onInput={(e) => setReason(e.currentTarget.value)} data-testid={`remove-reason-${c.contact_id}`} />
          </label>
          <ActionButton
            class={props.big ? "big" : ""}
            label={t("contact_remove", { name: props.name })}
            actionKey={`remove_contact:${c.contact_id}`}
            testid={`remove-save-${c.contact_id}`}
            disabled={!reason.trim()}
            note={!reason.trim() ? t("contact_remove_needs_reason") : null}
            confirm={{ title: t("contact_remove_confirm", { name: props.name }), consequence: t("contact_remove_consequence") }}
            done={t("contact_removed_done")}
            action={async () => {
              await props.client.request("remove_contact", { contact_id: c.contact_id, reason: reason.trim() });
              await props.onDone();
            }}
          />
        </div>
      )}
    </details>
  );
}

/** A contact's name, or its number when the details are not shown. */
export function contactName(c: Contact): string {
  return c.details?.name ?? c.contact_id;
}
