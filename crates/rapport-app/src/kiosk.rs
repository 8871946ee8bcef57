//! Kiosk mode for a clinic tablet: the clinician hands their signed-in device
//! to a client, which then shows only that client's due questionnaires and
//! locks back to the clinician with the clinician's PIN.
//!
//! The lock is server-side state of the staff session (`rapport_store::kiosk`),
//! so a reload, a typed address or the API with the same cookie cannot get
//! past it (the web layer's session middleware refuses every other address
//! while `Identity::kiosk_client` is set). Answers go the one way every
//! response goes (`crate::responses::record`), so a positive risk item raises
//! its flag exactly as elsewhere. The fifth wrong PIN ends the staff session.

use crate::access::{client_for, Purpose};
use crate::auth::reauth::{confirm_password, Refusal};
use crate::caller::Identity;
use crate::error::field_error;
use crate::measure_links::sendable;
use crate::portal::{due_measures, offered_follow_up, open_course};
use crate::responses::{self, CourseChoice, Recorded, Recording, Submission};
use crate::{AppResult, AppState, Error};
use rapport_core::audit::{action, AuditEvent, Outcome};
use rapport_core::kiosk::{check_pin, normalise_pin, MAX_PIN_FAILURES};
use rapport_core::measures::definition::Instrument;
use rapport_core::{msg, Id, Timestamp, ValidationErrors};
use rapport_store::clients::ClientRecord;
use rapport_store::kiosk::KioskLock;
use rapport_store::measures::Mode;
use serde::Deserialize;

/// How a kiosk answer is named in its audit entry and response detail.
pub const VIA: &str = "kiosk: entered by the client on the clinician's device";

// ---- the PIN ------------------------------------------------------------------------

/// A new kiosk PIN as posted from the account page.
#[derive(Deserialize, Default, Debug)]
pub struct PinForm {
    pub pin: Option<String>,
    pub pin_confirm: Option<String>,
    /// The account's current password (a distinct name: the account page
    /// also has the password change form).
    pub pin_password: Option<String>,
}

/// What became of a PIN change.
#[derive(Debug)]
pub enum PinChange {
    Changed,
    /// Refused: the form again with these errors (fields `pin`, `pin_confirm`, `pin_password`).
    Invalid(ValidationErrors),
    /// Too many wrong current passwords: the session has ended.
    SignedOut,
}

/// Whether `me` has a kiosk PIN.
#[crate::boxing::boxed_future]
pub async fn has_pin(state: &AppState, me: &Identity) -> AppResult<bool> {
    Ok(state.store.kiosk_pin_hash(&me.user.id).await?.is_some())
}

/// Sets or changes `me`'s kiosk PIN: the PIN rules (4 to 8 digits, not one
/// digit repeated, not a simple sequence), the confirmation, and the current
/// password (asked every time: a PIN unlocks a signed-in session). Stored
/// hashed with the password hasher.
#[crate::boxing::boxed_future]
pub async fn set_pin(state: &AppState, me: &Identity, f: &PinForm) -> AppResult<PinChange> {
    if !me.actor().can_hold_caseload() {
        return Err(Error::forbidden(msg("app-kiosk-caseload"), &[]));
    }
    let pin = normalise_pin(f.pin.as_deref().unwrap_or_default());
    let mut errors = ValidationErrors::new();
    if let Err(id) = check_pin(&pin) {
        errors.0.push(field_error("pin", id, vec![]));
    } else if normalise_pin(f.pin_confirm.as_deref().unwrap_or_default()) != pin {
        errors.0.push(field_error("pin_confirm", msg("kiosk-pin-mismatch"), vec![]));
    }
    match confirm_password(state, me, f.pin_password.as_deref(), "kiosk PIN change").await? {
        Err(Refusal::SignedOut) => return Ok(PinChange::SignedOut),
        Err(Refusal::Wrong(m) | Refusal::Throttled(m)) => errors.add("pin_password", m),
        Ok(()) => {}
    }
    if !errors.is_empty() {
        return Ok(PinChange::Invalid(errors));
    }
    let phc = state.hasher.hash(&pin).await;
    let mut e = me.event(action::KIOSK_PIN_SET, "user");
    e.resource_id = Some(me.user.id.to_string());
    e.detail = Some("kiosk PIN set by the user".into());
    state.store.set_kiosk_pin(&me.user.id, &phc, e).await?;
    Ok(PinChange::Changed)
}

// ---- handing over -------------------------------------------------------------------

/// A questionnaire the kiosk can offer: id and name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Offer {
    pub id: String,
    pub name: String,
    /// The language the name is written in.
    pub name_language: String,
    /// Due by the course's schedule (or a follow-up), rather than picked.
    pub due: bool,
}

/// What the clinician sees before handing the device over.
pub struct Handover {
    pub client: ClientRecord,
    pub pin_set: bool,
    /// Due now for this client (the portal's due logic); offered as they are.
    pub due: Vec<Offer>,
    /// When nothing is due: every questionnaire a client can answer, to pick from.
    pub choices: Vec<Offer>,
}

fn client_answerable(state: &AppState) -> Vec<Offer> {
    let mut all: Vec<Offer> = state
        .instruments
        .all()
        .filter(|i| sendable(i))
        .map(|i| {
            let reader = rapport_i18n::current();
            Offer {
                id: i.id.clone(),
                name: i.name_in(reader.lang()).to_string(),
                name_language: i.name_language_in(reader.lang()).to_string(),
                due: false,
            }
        })
        .collect();
    all.sort_by(|a, b| a.name.cmp(&b.name));
    all
}

async fn due_now(state: &AppState, client: &Id) -> AppResult<(Vec<Offer>, Option<Id>)> {
    let open = open_course(state, client).await?;
    let due = due_measures(state, client, open.as_ref()).await?;
    let course = open.map(|(c, _)| c.id);
    Ok((
        due.into_iter().map(|d| Offer { id: d.id, name: d.name, name_language: d.name_language, due: true }).collect(),
        course,
    ))
}

/// The hand-over page: the client (read audited), whether a PIN is set, and
/// what would be offered.
#[crate::boxing::boxed_future]
pub async fn prepare(state: &AppState, me: &Identity, client_id: &str) -> AppResult<Handover> {
    let (client, _) = client_for(state, me, client_id, Purpose::AuditRead).await?;
    let pin_set = has_pin(state, me).await?;
    let (due, _) = due_now(state, &client.id).await?;
    let choices = if due.is_empty() { client_answerable(state) } else { Vec::new() };
    Ok(Handover { client, pin_set, due, choices })
}

/// Locks `me`'s browser session to `client_id`'s questionnaires: those due
/// now, or when none are, the ones the clinician `picked`. Refused without a
/// kiosk PIN (field `pin`) or with nothing to offer (field `instruments`).
#[crate::boxing::boxed_future]
pub async fn start(state: &AppState, me: &Identity, client_id: &str, picked: &[String]) -> AppResult<()> {
    let Some(session) = me.session_hash() else {
        return Err(Error::forbidden(msg("app-kiosk-browser"), &[]));
    };
    let (client, _) = client_for(state, me, client_id, Purpose::Write).await?;
    if !has_pin(state, me).await? {
        return Err(Error::keyed("pin", msg("kiosk-handover-no-pin"), vec![]));
    }
    let (due, course) = due_now(state, &client.id).await?;
    let queue: Vec<String> = if !due.is_empty() {
        due.into_iter().map(|o| o.id).collect()
    } else {
        let allowed = client_answerable(state);
        let mut q: Vec<String> = Vec::new();
        for id in picked {
            if !allowed.iter().any(|o| &o.id == id) {
                return Err(Error::keyed("instruments", msg("kiosk-handover-unknown"), vec![]));
            }
            if !q.contains(id) {
                q.push(id.clone());
            }
        }
        if q.is_empty() {
            return Err(Error::keyed("instruments", msg("kiosk-handover-none-picked"), vec![]));
        }
        q
    };
    let mut e = me.event(action::KIOSK_START, "client");
    e.resource_id = Some(client.id.to_string());
    e.client_id = Some(client.id.to_string());
    e.detail = Some(format!("device handed over for: {}", queue.join(", ")));
    state.store.lock_kiosk(session, &client.id, course.as_ref(), &queue, e).await?;
    Ok(())
}

// ---- while locked -------------------------------------------------------------------

/// The locked session as the kiosk page shows it.
pub struct Kiosk {
    /// The client's first name, to greet them (nothing else of the record).
    pub first_name: String,
    /// The questionnaire to answer now, if any is left.
    pub current: Option<Instrument>,
    /// How many are left after the current one.
    pub after: usize,
}

async fn lock_of(state: &AppState, me: &Identity) -> AppResult<(String, KioskLock)> {
    let session = me.session_hash().ok_or(Error::NotFound)?.to_string();
    let lock = state.store.kiosk_lock(&session).await?.ok_or(Error::NotFound)?;
    Ok((session, lock))
}

/// What the kiosk shows now (404 when the session is not locked).
#[crate::boxing::boxed_future]
pub async fn current(state: &AppState, me: &Identity) -> AppResult<Kiosk> {
    let (_, lock) = lock_of(state, me).await?;
    let client = state.store.client_by_id(&lock.client_id).await?.ok_or(Error::NotFound)?;
    let name = &client.details.display_name;
    let first_name = name.split_whitespace().next().unwrap_or(name).to_string();
    let current = lock.queue.first().and_then(|id| state.instruments.get(id)).cloned();
    Ok(Kiosk { first_name, current, after: lock.queue.len().saturating_sub(1) })
}

/// The questionnaire `instrument` when it is the one the kiosk offers now.
#[crate::boxing::boxed_future]
pub async fn offered(state: &AppState, me: &Identity, instrument: &str) -> AppResult<Instrument> {
    let (_, lock) = lock_of(state, me).await?;
    if lock.queue.first().map(String::as_str) != Some(instrument) {
        return Err(Error::NotFound);
    }
    state.instruments.get(instrument).cloned().ok_or(Error::NotFound)
}

/// Records the client's answers to the questionnaire offered now, through
/// the one response pipeline (`Mode::InSession`, entered by the clinician's
/// account, audited as entered by the client on the clinician's device),
/// and moves on to the next one (a positive screen's follow-up first).
#[crate::boxing::boxed_future]
pub async fn submit(
    state: &AppState,
    me: &Identity,
    inst: &Instrument,
    answers: Vec<Option<i64>>,
    unscored: Option<Vec<Option<i64>>>,
) -> AppResult<Recorded> {
    let (session, lock) = lock_of(state, me).await?;
    if lock.queue.first() != Some(&inst.id) {
        return Err(Error::NotFound);
    }
    // The clinician's access is checked again: they may have lost it since.
    let (client, _) = client_for(state, me, lock.client_id.as_str(), Purpose::Write).await?;
    let mut event = me.event(action::MEASURE_RECORD, "measure_response");
    event.actor_label = format!("{} (kiosk: entered by the client)", me.user.email);
    event.client_id = Some(client.id.to_string());
    let sub = Submission {
        client: &client.id,
        instrument: inst,
        answers,
        unscored,
        band_set: None,
        mode: Mode::InSession,
        course: lock.course_id.clone().map(CourseChoice::Given).unwrap_or(CourseChoice::ByDate),
        completed_at: Timestamp::now(),
        entered_by: Some(me.user.id.clone()),
        event,
        via: VIA,
        link: None,
    };
    let rec = match responses::record(state, sub).await? {
        Recording::Recorded(rec) => *rec,
        Recording::LinkRefused => return Err(Error::internal("no link in kiosk mode")),
    };
    let mut queue: Vec<String> = lock.queue.into_iter().skip(1).collect();
    if let Some(next) = offered_follow_up(state, inst, &rec.score.flags) {
        if !queue.contains(&next.id) {
            queue.insert(0, next.id.clone());
        }
    }
    state.store.set_kiosk_queue(&session, &queue).await?;
    Ok(rec)
}

// ---- handing back -------------------------------------------------------------------

/// What became of a typed PIN.
#[derive(Debug, PartialEq, Eq)]
pub enum Unlock {
    /// Right PIN: the session is the clinician's again; back to this client.
    Unlocked { client_id: Id },
    /// Wrong PIN: this many tries are left.
    Wrong { left: i64 },
    /// The fifth wrong PIN: the staff session has ended.
    SignedOut,
}

/// Checks the clinician's PIN on the locked session. A wrong PIN is counted
/// on the session and audited; the fifth ends the session entirely.
#[crate::boxing::boxed_future]
pub async fn unlock(state: &AppState, me: &Identity, typed: Option<&str>) -> AppResult<Unlock> {
    let (session, lock) = lock_of(state, me).await?;
    let pin = normalise_pin(typed.unwrap_or_default());
    let phc = state.store.kiosk_pin_hash(&me.user.id).await?;
    let right = match &phc {
        Some(phc) if !pin.is_empty() => state.hasher.verify(&pin, phc).await.0,
        _ => false,
    };
    let event = |act: &str, outcome: Outcome, detail: String| -> AuditEvent {
        let mut e = me.event(act, "client");
        e.resource_id = Some(lock.client_id.to_string());
        e.client_id = Some(lock.client_id.to_string());
        e.outcome = outcome.as_str().into();
        e.detail = Some(detail);
        e
    };
    if right {
        let e = event(action::KIOSK_UNLOCK, Outcome::Success, "device handed back with the clinician's PIN".into());
        state.store.unlock_kiosk(&session, e).await?;
        return Ok(Unlock::Unlocked { client_id: lock.client_id });
    }
    let n = state
        .store
        .kiosk_pin_failed(&session, |n| {
            let ends = if n >= MAX_PIN_FAILURES { "; staff session ended" } else { "" };
            event(action::KIOSK_PIN_FAILED, Outcome::Failure, format!("wrong PIN ({n} of {MAX_PIN_FAILURES}){ends}"))
        })
        .await?;
    if n >= MAX_PIN_FAILURES {
        state.store.end_session(&me.user.id, &session, None).await?;
        return Ok(Unlock::SignedOut);
    }
    Ok(Unlock::Wrong { left: MAX_PIN_FAILURES - n })
}

/// Paths a locked session may still use: the kiosk's own pages, static files
/// and health checks. Everything else (staff pages, the API, signing out)
/// goes back to the kiosk.
pub fn kiosk_may_use(path: &str) -> bool {
    path == "/kiosk"
        || path.starts_with("/kiosk/")
        || path.starts_with("/static/")
        || matches!(path, "/healthz" | "/readyz")
}

#[cfg(test)]
mod tests {
    use super::kiosk_may_use;

    #[test]
    fn a_locked_session_reaches_only_the_kiosk() {
        for ok in ["/kiosk", "/kiosk/unlock", "/kiosk/measures/phq9", "/kiosk/help", "/static/app.css", "/healthz"] {
            assert!(kiosk_may_use(ok), "{ok}");
        }
        for no in ["/", "/clients", "/clients/x", "/api/v1/clients", "/logout", "/account", "/kioskx", "/portal"] {
            assert!(!kiosk_may_use(no), "{no}");
        }
    }
}
