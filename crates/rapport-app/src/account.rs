//! The signed-in person's own account: password, sessions, API tokens and
//! two-step verification. Used by the staff account pages and, for the
//! password, by the client portal.

use crate::auth::reauth::{confirm_password, Refusal};
use crate::caller::{new_secret, secret_hash, Identity};
use crate::error::field_error;
use crate::mfa;
use crate::{AppResult, AppState, Error};
use rand::RngCore;
use rapport_core::access::Role;
use rapport_core::audit::{action, AuditEntry};
use rapport_core::mfa::{normalise_recovery_code, normalise_totp_code, recovery_code_from_bytes, RECOVERY_CODES};
use rapport_core::msg;
use rapport_core::{password, Id, ValidationErrors};
use rapport_store::sessions::{SessionRow, TokenRow};
use rapport_store::AuditFilter;
use serde::Deserialize;

// ---- password ----------------------------------------------------------------------

/// A password change as posted.
#[derive(Deserialize, Default, Debug)]
pub struct PasswordForm {
    pub current_password: Option<String>,
    pub new_password: Option<String>,
    pub new_password_confirm: Option<String>,
}

/// What became of a password change.
#[derive(Debug)]
pub enum PasswordChange {
    Changed,
    /// Refused: the form again with these errors.
    Invalid(ValidationErrors),
    /// Too many wrong current passwords: the session has ended.
    SignedOut,
}

/// Checks a password change (current password, the rules, the confirmation)
/// and, when it passes, stores the new hash and ends the person's other sessions.
#[crate::boxing::boxed_future]
pub async fn change_password(state: &AppState, me: &Identity, f: &PasswordForm) -> AppResult<PasswordChange> {
    let mut errors = ValidationErrors::new();
    let current = f.current_password.clone().unwrap_or_default();
    let new = f.new_password.clone().unwrap_or_default();
    match confirm_password(state, me, Some(&current), "password change").await? {
        Err(Refusal::SignedOut) => return Ok(PasswordChange::SignedOut),
        Err(Refusal::Wrong(m) | Refusal::Throttled(m)) => errors.add("current_password", m),
        Ok(()) => {
            if let Err(p) = password::check(&new, &me.user.email) {
                p.add_to(&mut errors, "new_password");
            } else if f.new_password_confirm.as_deref() != Some(new.as_str()) {
                errors.0.push(field_error(
                    "new_password_confirm",
                    rapport_i18n::msg("account-error-new-mismatch"),
                    vec![],
                ));
            } else if new == current {
                errors.0.push(field_error("new_password", rapport_i18n::msg("account-error-same"), vec![]));
            }
        }
    }
    if !errors.is_empty() {
        return Ok(PasswordChange::Invalid(errors));
    }
    let hash = state.hasher.hash(&new).await;
    let mut e = me.event(action::PASSWORD_CHANGE, "user");
    e.resource_id = Some(me.user.id.to_string());
    e.detail = Some("changed by the user; other sessions ended".into());
    state.store.set_password(&me.user.id, &hash, me.session_hash(), e, &[]).await?;
    Ok(PasswordChange::Changed)
}

// ---- sessions and tokens -------------------------------------------------------------

/// The person's browser sessions and API tokens.
#[crate::boxing::boxed_future]
pub async fn sessions_and_tokens(state: &AppState, me: &Identity) -> AppResult<(Vec<SessionRow>, Vec<TokenRow>)> {
    Ok((state.store.sessions_of(&me.user.id).await?, state.store.tokens_of(&me.user.id).await?))
}

/// Ends one of the person's sessions (by its id hash); `Ok(true)` when it was the current one.
#[crate::boxing::boxed_future]
pub async fn end_session(state: &AppState, me: &Identity, id_hash: &str) -> AppResult<bool> {
    let mut e = me.event(action::SESSION_END, "session");
    e.detail = Some("ended from the account page".into());
    if !state.store.end_session(&me.user.id, id_hash, Some(e)).await? {
        return Err(Error::NotFound);
    }
    Ok(Some(id_hash) == me.session_hash())
}

#[crate::boxing::boxed_future]
pub async fn end_other_sessions(state: &AppState, me: &Identity) -> AppResult<()> {
    let mut e = me.event(action::SESSION_END, "session");
    e.detail = Some("all other sessions ended".into());
    state.store.end_other_sessions(&me.user.id, me.session_hash().unwrap_or_default(), e).await?;
    Ok(())
}

/// A new API token named `name`: the secret, shown once.
#[crate::boxing::boxed_future]
pub async fn create_token(state: &AppState, me: &Identity, name: Option<&str>) -> AppResult<(String, String)> {
    let name = name.map(str::trim).unwrap_or_default().to_string();
    if name.is_empty() || name.chars().count() > 80 {
        return Err(Error::keyed("token_name", rapport_i18n::msg("account-error-token-name"), vec![]));
    }
    let token = format!("rpt_{}", new_secret());
    let mut e = me.event(action::TOKEN_CREATE, "api_token");
    e.detail = Some(format!("name {name:?}"));
    state.store.create_token(&me.user.id, &name, &secret_hash(&token), e).await?;
    Ok((name, token))
}

#[crate::boxing::boxed_future]
pub async fn revoke_token(state: &AppState, me: &Identity, id: &str) -> AppResult<()> {
    let id = Id::parse(id).ok_or(Error::NotFound)?;
    let mut e = me.event(action::TOKEN_REVOKE, "api_token");
    e.resource_id = Some(id.to_string());
    state.store.revoke_token(&me.user.id, &id, e).await?;
    Ok(())
}

// ---- language ------------------------------------------------------------------------

/// Saves the language of the person's own interface. `available` is what the
/// interface has (the web face's message files); anything else is refused
/// and nothing changes.
#[crate::boxing::boxed_future]
pub async fn set_language(state: &AppState, me: &Identity, language: &str, available: &[&str]) -> AppResult<()> {
    let Some(language) = available.iter().find(|a| a.eq_ignore_ascii_case(language.trim())) else {
        return Err(Error::keyed("language", rapport_i18n::msg("account-error-language"), vec![]));
    };
    let mut e = me.event(action::ACCOUNT_LANGUAGE, "user");
    e.resource_id = Some(me.user.id.to_string());
    e.detail = Some(format!("language {language}"));
    state.store.set_user_language(&me.user.id, Some(language), e).await?;
    Ok(())
}

// ---- two-step verification -------------------------------------------------------------

/// The person's two-step verification as the enrolment page shows it.
#[derive(Debug)]
pub struct TwoStep {
    pub enabled: bool,
    /// While not enabled: the secret to enrol (kept per attempt, so a reload shows the same).
    pub pending_secret: Option<String>,
    /// The `otpauth://` URL of `pending_secret`.
    pub enrolment_url: Option<String>,
    pub unused_recovery_codes: i64,
    pub required: bool,
}

#[crate::boxing::boxed_future]
pub async fn two_step(state: &AppState, me: &Identity) -> AppResult<TwoStep> {
    let org = state.organisation().await?;
    let st = state.store.mfa_state(&me.user.id).await?;
    let enabled = st.secret.is_some();
    let (pending_secret, enrolment_url) = if enabled {
        (None, None)
    } else {
        let secret = match st.pending_secret {
            Some(s) => s,
            None => {
                let s = mfa::new_secret();
                state.store.set_pending_totp(&me.user.id, &s).await?;
                s
            }
        };
        let url = mfa::enrolment_url(&secret, &me.user.email, &format!("Rapport ({})", org.name))
            .ok_or_else(|| Error::internal("could not build the enrolment URL"))?;
        (Some(secret), Some(url))
    };
    Ok(TwoStep {
        enabled,
        pending_secret,
        enrolment_url,
        unused_recovery_codes: st.unused_recovery_codes,
        required: org.require_mfa,
    })
}

/// Whether `me` must set up two-step verification before anything else: a
/// staff browser session without it while the organisation requires it
/// (client portal accounts use a password). A settings read that fails counts
/// as not required.
#[crate::boxing::boxed_future]
pub async fn must_enrol(state: &AppState, me: &Identity) -> bool {
    if me.session_hash().is_none() || me.user.mfa_enabled || me.user.role == Role::Client {
        return false;
    }
    state.organisation().await.map(|o| o.require_mfa).unwrap_or(false)
}

fn new_recovery_codes() -> (Vec<String>, Vec<String>) {
    let mut shown = Vec::with_capacity(RECOVERY_CODES);
    let mut hashes = Vec::with_capacity(RECOVERY_CODES);
    for _ in 0..RECOVERY_CODES {
        let mut b = [0u8; 10];
        rand::rngs::OsRng.fill_bytes(&mut b);
        let code = recovery_code_from_bytes(&b);
        hashes.push(secret_hash(&normalise_recovery_code(&code).expect("generated codes are valid")));
        shown.push(code);
    }
    (shown, hashes)
}

/// What became of a two-step change that needs a confirmation.
#[derive(Debug)]
pub enum TwoStepChange {
    /// On, or new recovery codes: these, to show once.
    CodesIssued(Vec<String>),
    /// Turned off.
    Disabled,
    /// Nothing to do (already on, or off): back to the page.
    Unchanged,
    /// Refused: this message on this field.
    Invalid { field: &'static str, message: String },
    /// Too many wrong current passwords: the session has ended.
    SignedOut,
}

fn reauth_refused(r: Refusal) -> TwoStepChange {
    match r {
        Refusal::SignedOut => TwoStepChange::SignedOut,
        Refusal::Wrong(m) | Refusal::Throttled(m) => TwoStepChange::Invalid { field: "current_password", message: m },
    }
}

/// Turns two-step verification on with a code from the newly enrolled app.
#[crate::boxing::boxed_future]
pub async fn enable_two_step(state: &AppState, me: &Identity, code: Option<&str>) -> AppResult<TwoStepChange> {
    let st = state.store.mfa_state(&me.user.id).await?;
    if st.secret.is_some() {
        return Ok(TwoStepChange::Unchanged);
    }
    let pending = st.pending_secret.unwrap_or_default();
    let step = normalise_totp_code(code.unwrap_or_default()).and_then(|c| mfa::check(&pending, &c, mfa::unix_now()));
    let Some(step) = step else {
        let message = "Enter the 6-digit code your app shows now for Rapport".into();
        return Ok(TwoStepChange::Invalid { field: "code", message });
    };
    let (shown, hashes) = new_recovery_codes();
    let mut e = me.event(action::MFA_ENABLE, "user");
    e.resource_id = Some(me.user.id.to_string());
    state.store.enable_totp(&me.user.id, &pending, step, &hashes, e).await?;
    Ok(TwoStepChange::CodesIssued(shown))
}

/// Turns two-step verification off (not while the organisation requires it).
#[crate::boxing::boxed_future]
pub async fn disable_two_step(state: &AppState, me: &Identity, current: Option<&str>) -> AppResult<TwoStepChange> {
    if state.organisation().await?.require_mfa {
        return Err(Error::forbidden(msg("app-mfa-required"), &[]));
    }
    if let Err(r) = confirm_password(state, me, current, "turning off two-step verification").await? {
        return Ok(reauth_refused(r));
    }
    let mut e = me.event(action::MFA_DISABLE, "user");
    e.resource_id = Some(me.user.id.to_string());
    state.store.disable_totp(&me.user.id, e).await?;
    Ok(TwoStepChange::Disabled)
}

/// Replaces the recovery codes (the old ones stop working).
#[crate::boxing::boxed_future]
pub async fn new_recovery_codes_for(
    state: &AppState,
    me: &Identity,
    current: Option<&str>,
) -> AppResult<TwoStepChange> {
    if state.store.mfa_state(&me.user.id).await?.secret.is_none() {
        return Ok(TwoStepChange::Unchanged);
    }
    if let Err(r) = confirm_password(state, me, current, "new recovery codes").await? {
        return Ok(reauth_refused(r));
    }
    let (shown, hashes) = new_recovery_codes();
    let mut e = me.event(action::RECOVERY_CODES_NEW, "user");
    e.resource_id = Some(me.user.id.to_string());
    state.store.replace_recovery_codes(&me.user.id, &hashes, e).await?;
    Ok(TwoStepChange::CodesIssued(shown))
}

// ---- one's own audit trail -----------------------------------------------------------

/// Up to `limit` audit entries whose actor is `me`, newest first, those with a
/// sequence number below `before` when given (keyset paging). Never anyone
/// else's; the read is itself audited (`via` names the face).
#[crate::boxing::boxed_future]
pub async fn own_audit_entries(
    state: &AppState,
    me: &Identity,
    before: Option<i64>,
    limit: i64,
    via: &str,
) -> AppResult<Vec<AuditEntry>> {
    let filter =
        AuditFilter { actor_id: Some(me.user.id.to_string()), before_seq: before, limit, ..Default::default() };
    let entries = state.store.audit_entries(&filter).await?;
    let mut e = me.event(action::AUDIT_EXPORT, "audit_log");
    e.resource_id = Some(me.user.id.to_string());
    e.detail = Some(format!("{} of one's own entries {via}", entries.len()));
    state.store.audit(e).await?;
    Ok(entries)
}

/// One audit entry whose actor is `me` (404 for anyone else's, or none).
#[crate::boxing::boxed_future]
pub async fn own_audit_entry(state: &AppState, me: &Identity, seq: i64, via: &str) -> AppResult<AuditEntry> {
    let filter = AuditFilter {
        actor_id: Some(me.user.id.to_string()),
        before_seq: seq.checked_add(1),
        limit: 1,
        ..Default::default()
    };
    let found = state.store.audit_entries(&filter).await?.into_iter().find(|e| e.seq == seq);
    let Some(entry) = found else {
        crate::access::deny(state, me, "audit_log", Some(&seq.to_string())).await?;
        return Err(Error::NotFound);
    };
    let mut e = me.event(action::AUDIT_EXPORT, "audit_log");
    e.resource_id = Some(me.user.id.to_string());
    e.detail = Some(format!("one's own entry {seq} {via}"));
    state.store.audit(e).await?;
    Ok(entry)
}
