//! The second step of signing in: a code from the authenticator app or a
//! recovery code, against the challenge the password opened.

use super::throttle::{self, OnSuccess};
use super::{start_session, Refusal, Started};
use crate::caller::{secret_hash, RequestMeta};
use crate::mfa;
use crate::{AppResult, AppState};
use rapport_core::audit::{action, AuditEvent, Outcome};
use rapport_core::mfa::{normalise_recovery_code, normalise_totp_code};
use rapport_core::throttle::ThrottlePolicy;
use rapport_core::Timestamp;
use rapport_i18n::msg;
use rapport_store::outbox::Notice;
use rapport_store::users::User;

/// How long the second step may take (seconds), and how many wrong codes it allows.
pub const CHALLENGE_SECONDS: i64 = 300;
pub const CHALLENGE_ATTEMPTS: i64 = 5;

fn expired_before() -> Timestamp {
    Timestamp::now().minus(time::Duration::seconds(CHALLENGE_SECONDS))
}

/// Whether the challenge (by the hash of its secret) can still take a code.
#[crate::boxing::boxed_future]
pub async fn challenge_open(state: &AppState, challenge: Option<&str>) -> AppResult<bool> {
    let live = match challenge {
        Some(h) => state.store.challenge(h).await?,
        None => None,
    };
    Ok(live.is_some_and(|c| c.created_at > expired_before() && c.attempts < CHALLENGE_ATTEMPTS))
}

/// What became of a code.
#[derive(Debug)]
pub enum Verified {
    Started(Started),
    /// The challenge is gone (expired, used up, unknown): sign in again.
    Restart,
    /// Wrong code or too many attempts: the second step's page again.
    Refused(Refusal),
}

/// Checks a code for the challenge (`challenge`: the hash of its secret). Each
/// code is counted before it is checked: once on the account's (or this
/// remembered device's) sign-in counter, which throttles it like a password,
/// and once on the challenge, which ends after `CHALLENGE_ATTEMPTS` wrong codes
/// and tells the account holder.
#[crate::boxing::boxed_future]
pub async fn verify(
    state: &AppState,
    meta: &RequestMeta,
    device: Option<&str>,
    challenge: Option<&str>,
    typed: &str,
) -> AppResult<Verified> {
    let Some(hash) = challenge else { return Ok(Verified::Restart) };
    let Some(peek) = state.store.challenge(hash).await? else { return Ok(Verified::Restart) };
    let Some(user) = state.store.user(&peek.user_id).await?.filter(|u| u.active) else {
        state.store.delete_challenge(hash).await?;
        return Ok(Verified::Restart);
    };
    let account_side = throttle::account_side_key(state, device, &user.email, Some(&user.id)).await?;
    let counters = [(account_side, ThrottlePolicy::ACCOUNT, OnSuccess::Clear)];
    let reservation = match throttle::reserve(state, &counters).await? {
        Ok(r) => r,
        Err(secs) => {
            let mut e = meta.event(&user.email, action::LOGIN_THROTTLED, "session", Outcome::Denied);
            e.actor_id = Some(user.id.to_string());
            e.detail = Some(format!("two-step code; retry after {secs}s"));
            state.store.audit(e).await?;
            return Ok(Verified::Refused(Refusal::Throttled { retry_after_secs: secs, what: "wrong codes" }));
        }
    };
    let Some(challenge) = state.store.take_challenge_attempt(hash, CHALLENGE_ATTEMPTS, expired_before()).await? else {
        state.store.release_attempt(&counters[0].0).await?;
        reservation.failed();
        state.store.delete_challenge(hash).await?;
        return Ok(Verified::Restart);
    };
    let mfa_state = state.store.mfa_state(&user.id).await?;
    let secret = mfa_state.secret.unwrap_or_default();
    let mut detail = None;
    let accepted = if let Some(code) = normalise_totp_code(typed) {
        match mfa::check(&secret, &code, mfa::unix_now()) {
            // A code is accepted once: a later step than any used before.
            Some(step) => state.store.accept_totp_step(&user.id, step).await?,
            None => false,
        }
    } else if let Some(code) = normalise_recovery_code(typed) {
        let used = state.store.use_recovery_code(&user.id, &secret_hash(&code)).await?;
        if used {
            let mut e = meta.event(&user.email, action::RECOVERY_CODE_USED, "user", Outcome::Success);
            e.actor_id = Some(user.id.to_string());
            e.detail = Some(format!("{} recovery codes left", mfa_state.unused_recovery_codes - 1));
            state.store.audit(e).await?;
            detail = Some("with a recovery code");
        }
        used
    } else {
        false
    };
    if !accepted {
        reservation.failed();
        let mut e = meta.event(&user.email, action::MFA_FAILED, "session", Outcome::Failure);
        e.actor_id = Some(user.id.to_string());
        e.detail = Some(format!("wrong code {} of {CHALLENGE_ATTEMPTS}", challenge.attempts));
        if challenge.attempts >= CHALLENGE_ATTEMPTS {
            state.store.delete_challenge(hash).await?;
            notify_wrong_codes(state, &user, meta, e).await?;
            return Ok(Verified::Restart);
        }
        state.store.audit(e).await?;
        return Ok(Verified::Refused(Refusal::WrongCode));
    }
    state.store.delete_challenge(hash).await?;
    reservation.succeeded(state).await?;
    // The account's own counter too, when this was a remembered device.
    state.store.clear_login_failures(&throttle::account_key(&user.email)).await?;
    let detail = detail.unwrap_or("with two-step verification");
    Ok(Verified::Started(start_session(state, &user, meta, device, Some(detail)).await?))
}

/// Someone who knows the password failed the second step `CHALLENGE_ATTEMPTS`
/// times: the account holder hears of it (by e-mail, through the outbox),
/// queued with the audit entry of the last wrong code.
async fn notify_wrong_codes(state: &AppState, user: &User, meta: &RequestMeta, mut e: AuditEvent) -> AppResult<()> {
    let org = state.organisation().await?;
    let tr = crate::notices::staff_language(user, &org.default_language);
    let when = tr.date_time(org.zone().local(Timestamp::now()));
    let address = meta.ip.clone().unwrap_or_else(|| tr.t("mail-wrong-codes-unknown-address"));
    let notice = Notice {
        kind: "security_notice",
        to_user: Some(user.id.clone()),
        to_email: None,
        subject: tr.ta("mail-wrong-codes-subject", "org", org.name.as_str()),
        body: format!(
            "{}\n\n{}\n\n{}\n",
            tr.ta("mail-hello", "name", user.name.as_str()),
            tr.tn(
                msg("mail-wrong-codes-body"),
                &[("when", &when), ("org", &org.name), ("count", &CHALLENGE_ATTEMPTS), ("address", &address)],
            ),
            tr.t("mail-wrong-codes-advice"),
        ),
    };
    e.detail = Some(format!("{CHALLENGE_ATTEMPTS} wrong two-step codes: sign-in ended, the account holder was told"));
    state.store.notify(&[notice], Some(e)).await?;
    Ok(())
}
