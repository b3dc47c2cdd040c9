// Read-only views of the state for the protocol: the public snapshot (what the big screen and
// every client may see), and role-specific views. Pure functions of the state; never reveal
// how anyone voted, nor enrollment secrets.
#pragma once

#include <boost/json/object.hpp>
#include <string_view>

#include "domain/state.hpp"

namespace plenum::server::domain {

/// The public state of one sitting: {"congress":{id,name,term_start,term_end},
/// "sitting":{id,title,date,status,checkin_open,kind (annual|extraordinary),year (0: unknown)},
/// "seated","present","quorum":{"required","shortfall","holds"},"agenda":[items in order with
/// materials, and `follow_up` on a generated follow-up
/// report],"current_item","votes":[{id,item_id,kind,title,secret,status,seated,present,
/// received,eligible_present (of vote_opened's `eligible` list, those present now),outcome(parsed,
/// once decided), and once decided result_digest, decrypted_by (how many partials were combined),
/// signatures (how many of those scrutineers signed the result), signed_by (their indices),
/// announced}],"ceremony":{n,k,confirmed,complete}}. Fails with errc::no_sitting for an unknown
/// sitting.
[[nodiscard]] result<boost::json::object> public_snapshot(const congress_state& state,
                                                          std::string_view sitting_id);

/// A vote's progress: {"vote_id","received","eligible_present","not_voted":[numbers of seated,
/// checked-in delegates without an accepted ballot]}. Who has voted is public, how is not.
[[nodiscard]] result<boost::json::object> vote_progress(const congress_state& state,
                                                        std::string_view vote_id);

/// The secretary's roster view: every person with roles, enrollment status (code outstanding,
/// device enrolled; never the code or its hash), and for `sitting_id` presence and excusal;
/// plus the composition warnings and whether they were acknowledged, and the proposals list
/// (id, by, by_name, title, text, submitted_ms, status: submitted | on_agenda | decided,
/// sitting_id and item_id once on an agenda).
[[nodiscard]] boost::json::object secretary_view(const congress_state& state,
                                                 std::string_view sitting_id);

/// A delegate's own view: their roster entry, for `sitting_id` whether they are seated,
/// present or excused, and per vote of the sitting their tracking code and board sequence
/// (their receipts). Fails with errc::unknown_person.
[[nodiscard]] result<boost::json::object> delegate_view(const congress_state& state,
                                                        std::string_view person,
                                                        std::string_view sitting_id);

/// Everything in the state as JSON, for comparing a replayed state with the live one and for
/// diagnostics. Deterministic: equal states give equal text.
[[nodiscard]] boost::json::object full_snapshot(const congress_state& state);

}  // namespace plenum::server::domain
