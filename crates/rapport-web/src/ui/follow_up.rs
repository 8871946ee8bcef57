//! A positive screen offers its follow-up instrument at once (measures.md
//! 3.2: a positive PHQ-2, ≥ 3, → give the full PHQ-9): on the clinician's
//! measures page, on the portal's thank-you page (and the portal then lets the
//! client answer it), and on a measure link's thank-you page (a new link).

use crate::error::AppResult;
use rapport_app::caller::{new_secret, secret_hash};
use rapport_app::AppState;
use rapport_core::audit::{action, AuditEvent};
use rapport_core::measures::definition::Instrument;
use rapport_core::{Id, Timestamp};
use rapport_store::measures::ResponseRow;

/// The flag a screener's definition raises at its positive cut-off.
pub const POSITIVE_SCREEN: &str = "positive_screen";

/// The follow-up instrument a response with these flags offers, if any.
pub fn offered<'a>(state: &'a AppState, inst: &Instrument, flags: &[String]) -> Option<&'a Instrument> {
    let next = inst.follow_up.as_deref()?;
    flags.iter().any(|f| f == POSITIVE_SCREEN).then(|| state.instruments.get(next)).flatten()
}

/// Follow-up instruments still waiting: the latest response of a screener
/// was positive and no response of its follow-up came at or after it.
/// `rows` in completion order (as the store lists them).
pub fn pending<'a>(state: &'a AppState, rows: &[ResponseRow]) -> Vec<&'a Instrument> {
    let mut out: Vec<&Instrument> = Vec::new();
    for screener in state.instruments.all().filter(|i| i.follow_up.is_some()) {
        let Some(last) = rows.iter().rev().find(|r| r.instrument_id == screener.id) else { continue };
        let Some(next) = offered(state, screener, &last.flags) else { continue };
        let answered = rows.iter().any(|r| r.instrument_id == next.id && r.completed_at >= last.completed_at);
        if !answered && !out.iter().any(|i| i.id == next.id) {
            out.push(next);
        }
    }
    out
}

/// After a positive screen through measure link `parent`: a new single-use
/// link for the follow-up instrument (same client, same lifetime rule),
/// audited; returns its address (`/m/{token}`).
pub async fn follow_up_link(state: &AppState, parent: &Id, next: &Instrument, event: AuditEvent) -> AppResult<String> {
    let token = new_secret();
    let expires = Timestamp::now().plus(time::Duration::days(super::portal::LINK_DAYS));
    let mut e = event;
    e.action = action::MEASURE_LINK_CREATE.into();
    e.resource_type = "measure_link".into();
    e.detail = Some(format!("{} expires {}: follow-up of a positive screen (link {parent})", next.id, expires.to_db()));
    state.store.create_follow_up_link(parent, &secret_hash(&token), &next.id, expires, e).await?;
    Ok(format!("/m/{token}"))
}
