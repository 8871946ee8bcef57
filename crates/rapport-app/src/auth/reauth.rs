//! Asking for the current password again before a sensitive change (a new
//! password, turning off two-step verification, new recovery codes). A signed-in
//! session must not become a password-guessing oracle: answers are throttled
//! like sign-ins, wrong ones are audited, and the fifth wrong answer ends the
//! session (docs/security.md).

use super::throttle::{self, OnSuccess};
use crate::caller::Identity;
use crate::{AppResult, AppState};
use rapport_core::audit::{action, Outcome};
use rapport_core::msg;
use rapport_core::throttle::ThrottlePolicy;
use rapport_core::Timestamp;

/// Wrong answers (within the throttle's memory) that end the session.
pub const MAX_WRONG_ANSWERS: i64 = 5;

/// Why the current password was not accepted.
#[derive(Debug)]
pub enum Refusal {
    /// Wrong: show this message (in the request's language) on the field.
    Wrong(String),
    /// Too many wrong answers just now: show this message (in the request's language) on the field.
    Throttled(String),
    /// Too many wrong answers: the session has ended (the face signs the browser out).
    SignedOut,
}

fn counter(me: &Identity) -> String {
    format!("reauth:{}", me.user.id)
}

/// Checks `typed` against `me`'s current password for `purpose` (audit detail,
/// e.g. "password change").
#[crate::boxing::boxed_future]
pub async fn confirm_password(
    state: &AppState,
    me: &Identity,
    typed: Option<&str>,
    purpose: &str,
) -> AppResult<Result<(), Refusal>> {
    let key = counter(me);
    let counters = [(key.clone(), ThrottlePolicy::ACCOUNT, OnSuccess::Clear)];
    let audit_failure = |detail: String| {
        let mut e = me.event(action::REAUTH_FAILED, "user");
        e.resource_id = Some(me.user.id.to_string());
        e.outcome = Outcome::Failure.as_str().into();
        e.detail = Some(detail);
        e
    };
    let reservation = match throttle::reserve(state, &counters).await? {
        Ok(r) => r,
        Err(secs) => {
            state.store.audit(audit_failure(format!("{purpose}: refused, retry after {secs}s"))).await?;
            return Ok(Err(Refusal::Throttled(rapport_i18n::current().ta(
                msg("app-reauth-throttled"),
                "seconds",
                secs,
            ))));
        }
    };
    let phc = state.store.password_hash(&me.user.id).await?;
    if state.hasher.verify(typed.unwrap_or_default(), &phc).await.0 {
        reservation.succeeded(state).await?;
        return Ok(Ok(()));
    }
    reservation.failed();
    let wrong = ThrottlePolicy::ACCOUNT.live_failures(state.store.login_failures(&key).await?, Timestamp::now());
    let ends = wrong >= MAX_WRONG_ANSWERS;
    let detail = format!(
        "{purpose}: wrong current password ({wrong} of {MAX_WRONG_ANSWERS}){}",
        if ends { "; session ended" } else { "" }
    );
    state.store.audit(audit_failure(detail)).await?;
    if !ends {
        return Ok(Err(Refusal::Wrong(rapport_i18n::current().t(msg("app-reauth-wrong")))));
    }
    if let Some(hash) = me.session_hash() {
        state.store.end_session(&me.user.id, hash, None).await?;
    }
    Ok(Err(Refusal::SignedOut))
}
