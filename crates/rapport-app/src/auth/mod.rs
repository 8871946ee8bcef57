//! Signing in and out, for the staff pages and the client portal alike: the
//! password check with throttling and audit, the second step, starting and
//! ending the session row. The faces only carry the cookies: the remembered
//! device's token comes in as its hash, and a started session goes out as
//! the secrets the face puts in cookies.

pub mod join;
pub mod reauth;
pub mod second_step;
pub mod setup;
pub mod throttle;

use crate::caller::{new_secret, secret_hash, Identity, RequestMeta};
use crate::{AppResult, AppState};
use rapport_core::audit::{action, Outcome};
use rapport_core::throttle::ThrottlePolicy;
use rapport_core::Timestamp;
use rapport_store::users::{normalise_email, User};
use serde::Deserialize;
use throttle::OnSuccess;

/// An e-mail address and password as posted to a sign-in page.
#[derive(Deserialize, Default, Debug)]
pub struct Credentials {
    pub email: Option<String>,
    pub password: Option<String>,
}

impl Credentials {
    /// The address as accounts are keyed (also shown back on a refusal).
    pub fn email(&self) -> String {
        normalise_email(self.email.as_deref().unwrap_or_default())
    }
}

/// Why a sign-in (or its second step) was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The e-mail address or the password was left empty.
    Incomplete,
    /// Unknown account, deactivated account or wrong password (indistinguishable).
    WrongPassword,
    /// The second step's code was wrong or already used.
    WrongCode,
    /// Too many failed attempts at `what`: wait `retry_after_secs`.
    Throttled { retry_after_secs: i64, what: &'static str },
}

impl Refusal {
    /// The message for the sign-in page.
    pub fn message(&self) -> String {
        match self {
            Refusal::Incomplete => "Enter your email address and password.".into(),
            Refusal::WrongPassword => "The email address or password is not right.".into(),
            Refusal::WrongCode => "That code is not right, or was already used. Enter the current code from your \
                                   app, or a recovery code."
                .into(),
            Refusal::Throttled { retry_after_secs, what } => {
                format!("Too many {what}. Wait {retry_after_secs} seconds, then try again.")
            }
        }
    }
}

/// A session just started: the secrets the face hands to the browser.
#[derive(Debug)]
pub struct Started {
    /// The session id (only its hash is stored).
    pub session: String,
    /// A new remembered-device token, when this browser was not remembered yet.
    pub new_device: Option<String>,
}

/// What became of a sign-in attempt.
#[derive(Debug)]
pub enum SignIn {
    /// Signed in.
    Started(Started),
    /// The password was right; the second step is due with this challenge secret.
    SecondStep {
        challenge: String,
    },
    Refused(Refusal),
}

/// Checks an e-mail and password with throttling and audit, for the staff and
/// the client-portal sign-in pages. The attempt is reserved on the account's
/// (or this remembered device's) counter and the address's counter before the
/// password is checked, so parallel guesses wait their turn. `device`: the hash
/// of the browser's remembered-device token, if it sent one.
#[crate::boxing::boxed_future]
pub async fn sign_in(
    state: &AppState,
    meta: &RequestMeta,
    device: Option<&str>,
    credentials: &Credentials,
) -> AppResult<SignIn> {
    let email = &credentials.email();
    let pw = credentials.password.as_deref().unwrap_or_default();
    if email.is_empty() || pw.is_empty() {
        return Ok(SignIn::Refused(Refusal::Incomplete));
    }
    let found = state.store.user_by_email(email).await?;
    let account_side = throttle::account_side_key(state, device, email, found.as_ref().map(|(u, _)| &u.id)).await?;
    let address = throttle::address_key(throttle::SIGN_IN, meta);
    let counters = [
        (account_side, ThrottlePolicy::ACCOUNT, OnSuccess::Clear),
        (address, ThrottlePolicy::ADDRESS, OnSuccess::Release),
    ];
    let reservation = match throttle::reserve(state, &counters).await? {
        Ok(r) => r,
        Err(secs) => {
            let mut e = meta.event(email, action::LOGIN_THROTTLED, "session", Outcome::Denied);
            e.actor_id = found.as_ref().map(|(u, _)| u.id.to_string());
            e.detail = Some(format!("retry after {secs}s"));
            state.store.audit(e).await?;
            return Ok(SignIn::Refused(Refusal::Throttled { retry_after_secs: secs, what: "failed attempts" }));
        }
    };
    let verified = match &found {
        Some((user, phc)) if user.active => {
            let (ok, rehash) = state.hasher.verify(pw, phc).await;
            if ok && rehash {
                let new_hash = state.hasher.hash(pw).await;
                state.store.upgrade_password_hash(&user.id, &new_hash).await?;
            }
            ok.then_some(user.clone())
        }
        _ => {
            state.hasher.verify_dummy(pw).await;
            None
        }
    };
    let Some(user) = verified else {
        reservation.failed();
        let mut e = meta.event(email, action::LOGIN_FAILED, "session", Outcome::Failure);
        e.actor_id = found.as_ref().map(|(u, _)| u.id.to_string());
        e.detail = Some(match &found {
            None => "unknown account".into(),
            Some((u, _)) if !u.active => "account deactivated".into(),
            _ => "wrong password".into(),
        });
        state.store.audit(e).await?;
        return Ok(SignIn::Refused(Refusal::WrongPassword));
    };
    // Password right: take this attempt back. With two-step verification the
    // codes are then counted on the same account counter, however many
    // challenges are opened.
    reservation.succeeded(state).await?;
    if user.mfa_enabled {
        let challenge = new_secret();
        state.store.create_challenge(&secret_hash(&challenge), &user.id).await?;
        return Ok(SignIn::SecondStep { challenge });
    }
    Ok(SignIn::Started(start_session(state, &user, meta, device, None).await?))
}

/// Signs `user` in: a fresh session id (no fixation), recorded with the login,
/// and this browser remembered as one that completed a sign-in of the account.
#[crate::boxing::boxed_future]
pub async fn start_session(
    state: &AppState,
    user: &User,
    meta: &RequestMeta,
    device: Option<&str>,
    detail: Option<&str>,
) -> AppResult<Started> {
    let sid = new_secret();
    let mut e = meta.event(&user.email, action::LOGIN, "session", Outcome::Success);
    e.actor_id = Some(user.id.to_string());
    e.detail = detail.map(str::to_string);
    state
        .store
        .create_session(&secret_hash(&sid), &user.id, &new_secret(), meta.ip.as_deref(), meta.user_agent.as_deref(), e)
        .await?;
    let now = Timestamp::now();
    let since = now.minus(rapport_core::session::REMEMBERED_DEVICE_LIFETIME);
    let new_device = match device {
        Some(h) if state.store.device_known(h, &user.id, since).await? => {
            state.store.remember_device(h, &user.id, now).await?;
            None
        }
        _ => {
            let token = new_secret();
            state.store.remember_device(&secret_hash(&token), &user.id, now).await?;
            Some(token)
        }
    };
    Ok(Started { session: sid, new_device })
}

/// Ends the caller's browser session (audited); nothing for an API token.
#[crate::boxing::boxed_future]
pub async fn sign_out(state: &AppState, me: &Identity) -> AppResult<()> {
    if let Some(hash) = me.session_hash() {
        let e = me.event(action::LOGOUT, "session");
        state.store.end_session(&me.user.id, hash, Some(e)).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_say_what_to_do() {
        let throttled = Refusal::Throttled { retry_after_secs: 30, what: "wrong codes" };
        assert_eq!(throttled.message(), "Too many wrong codes. Wait 30 seconds, then try again.");
        assert_eq!(
            Refusal::WrongCode.message(),
            "That code is not right, or was already used. Enter the current code from your app, or a recovery code."
        );
        let c = Credentials { email: Some(" Ana@Clinic.Example ".into()), password: None };
        assert_eq!(c.email(), normalise_email(" Ana@Clinic.Example "));
    }
}
