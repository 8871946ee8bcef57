//! Joining the client portal with an invitation code (creating the client's
//! account) or a reset code from the responsible clinician (giving the
//! existing account a new e-mail address and password).

use super::throttle::{self, OnSuccess};
use super::{start_session, Started};
use crate::caller::{secret_hash, RequestMeta};
use crate::error::field_error;
use crate::{AppResult, AppState};
use rapport_core::audit::{action, Outcome};
use rapport_core::msg;
use rapport_core::portal::{normalise_code, InvitePurpose};
use rapport_core::throttle::ThrottlePolicy;
use rapport_core::validation::looks_like_email;
use rapport_core::{password, Timestamp, ValidationErrors};
use rapport_store::portal::{InviteStatus, Join};
use rapport_store::users::normalise_email;
use serde::Deserialize;

/// The join form as posted.
#[derive(Deserialize, Default, Debug)]
pub struct JoinForm {
    pub code: Option<String>,
    pub email: Option<String>,
    pub password: Option<String>,
    pub password_confirm: Option<String>,
}

impl JoinForm {
    /// The code as typed, trimmed and cut to 40 characters (also shown back).
    pub fn typed_code(&self) -> String {
        self.code.clone().unwrap_or_default().trim().chars().take(40).collect()
    }

    pub fn email(&self) -> String {
        normalise_email(self.email.as_deref().unwrap_or_default())
    }
}

#[derive(Debug)]
pub enum Joined {
    Started(Started),
    /// The form again with these errors; `retry_after_secs` when throttled.
    Refused {
        errors: ValidationErrors,
        retry_after_secs: Option<i64>,
    },
}

fn refused(field: &str, id: &'static str) -> Joined {
    Joined::Refused { errors: ValidationErrors(vec![field_error(field, id, vec![])]), retry_after_secs: None }
}

/// Codes are guessable only by brute force: each try is reserved on this
/// address's counter before the code is looked up (so parallel guesses wait
/// their turn) and taken back when the code turns out to be open.
#[crate::boxing::boxed_future]
pub async fn join(state: &AppState, meta: &RequestMeta, device: Option<&str>, f: &JoinForm) -> AppResult<Joined> {
    let typed_code = f.typed_code();
    let email = f.email();
    let now = Timestamp::now();
    let address_key = throttle::address_key(throttle::PORTAL_JOIN, meta);
    let counters = [(address_key, ThrottlePolicy::ADDRESS, OnSuccess::Release)];
    let reservation = match throttle::reserve(state, &counters).await? {
        Ok(r) => r,
        Err(secs) => {
            let error = field_error("code", msg("app-join-throttled"), vec![("seconds", secs.into())]);
            return Ok(Joined::Refused { errors: ValidationErrors(vec![error]), retry_after_secs: Some(secs) });
        }
    };
    let mut errors = ValidationErrors::new();
    let code = normalise_code(&typed_code);
    if typed_code.is_empty() {
        errors.0.push(field_error("code", msg("app-join-code-required"), vec![]));
    } else if code.is_none() {
        errors.0.push(field_error("code", msg("app-join-code-format"), vec![]));
    }
    if !looks_like_email(&email) {
        errors.0.push(field_error("email", msg("app-join-email"), vec![]));
    }
    let pw = f.password.clone().unwrap_or_default();
    if let Err(p) = password::check(&pw, &email) {
        p.add_to(&mut errors, "password");
    } else if f.password_confirm.as_deref() != Some(pw.as_str()) {
        errors.0.push(field_error("password_confirm", msg("app-join-password-mismatch"), vec![]));
    }
    let code_hash = code.as_deref().map(secret_hash);
    let invite = match &code_hash {
        Some(h) => state.store.portal_invite(h).await?,
        None => None,
    };
    if code.is_some() {
        let problem = match invite.as_ref().map(|i| i.status(now)) {
            None => Some(msg("app-join-code-unknown")),
            Some(InviteStatus::Used) => Some(msg("app-join-code-used")),
            Some(InviteStatus::Expired) => Some(msg("app-join-code-expired")),
            Some(InviteStatus::Revoked) => Some(msg("app-join-code-replaced")),
            Some(InviteStatus::Open) => None,
        };
        if let Some(id) = problem {
            let error = field_error("code", id, vec![]);
            let mut e = meta.event(&email, action::PORTAL_JOIN_FAILED, "portal_invite", Outcome::Failure);
            e.detail = Some(error.message.clone());
            e.client_id = invite.as_ref().map(|i| i.client_id.to_string());
            state.store.audit(e).await?;
            errors.0.push(error);
        }
    }
    let code_was_open = invite.as_ref().is_some_and(|i| i.status(now) == InviteStatus::Open);
    if code_was_open {
        reservation.succeeded(state).await?;
    } else {
        reservation.failed();
    }
    let (Some(invite), Some(code_hash), true) = (invite, code_hash, errors.is_empty()) else {
        return Ok(Joined::Refused { errors, retry_after_secs: None });
    };
    let name =
        state.store.client_summary(&invite.client_id).await?.map(|c| c.display_name).unwrap_or_else(|| "Client".into());
    let hash = state.hasher.hash(&pw).await;
    let mut e = meta.event(&email, action::PORTAL_JOIN, "user", Outcome::Success);
    e.detail = Some(format!("invitation {}", invite.id));
    Ok(match state.store.join_portal(&code_hash, &email, &name, &hash, e).await? {
        Join::Joined(user) => {
            let detail =
                if invite.purpose == InvitePurpose::Reset { "portal access reset" } else { "portal account created" };
            Joined::Started(start_session(state, &user, meta, device, Some(detail)).await?)
        }
        Join::AccountExists => refused("code", msg("app-join-account-exists")),
        Join::EmailTaken => refused("email", msg("app-join-email-taken")),
        // Used, revoked or expired between the check and the write.
        Join::Refused => refused("code", msg("app-join-code-closed")),
    })
}
