//! Throttled attempts at a secret (a password, a two-step code, an invitation
//! code): each attempt is *reserved* against its counters before the slow or
//! guessable check, atomically, so simultaneous requests cannot all slip
//! through one window; a success takes the reservations back
//! (docs/security.md).

use crate::caller::RequestMeta;
use crate::{AppResult, AppState};
use rapport_core::session::REMEMBERED_DEVICE_LIFETIME;
use rapport_core::throttle::ThrottlePolicy;
use rapport_core::{Id, Timestamp};

/// The counter of one account (by e-mail, so unknown accounts count too).
pub fn account_key(email: &str) -> String {
    format!("account:{email}")
}

/// The counter of one source address for one kind of attempt.
pub fn address_key(kind: &str, meta: &RequestMeta) -> String {
    format!("{kind}:{}", meta.ip.as_deref().unwrap_or("unknown"))
}

/// Sign-in attempts from one address.
pub const SIGN_IN: &str = "address";
/// Invitation codes tried from one address.
pub const PORTAL_JOIN: &str = "portal-join";

/// The account-side counter of an attempt on `user`'s account: this browser's
/// own counter when it completed a sign-in of that account before (`device`:
/// the hash of its remembered-device token, so a stranger's wrong guesses
/// cannot keep the account holder out), otherwise the account's.
#[crate::boxing::boxed_future]
pub async fn account_side_key(
    state: &AppState,
    device: Option<&str>,
    email: &str,
    user: Option<&Id>,
) -> AppResult<String> {
    if let (Some(user), Some(device)) = (user, device) {
        let since = Timestamp::now().minus(REMEMBERED_DEVICE_LIFETIME);
        if state.store.device_known(device, user, since).await? {
            return Ok(format!("device:{device}"));
        }
    }
    Ok(account_key(email))
}

/// What a success does to a counter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnSuccess {
    /// Forget its failures (the account holder proved themselves).
    Clear,
    /// Take back only this attempt (an address shared by many people).
    Release,
}

/// Attempts reserved against their counters.
#[must_use = "a reservation is taken back on success with `succeeded`"]
pub struct Reservation {
    keys: Vec<(String, OnSuccess)>,
}

/// Reserves one attempt on each counter, in order. `Err(seconds)` when one of
/// them refuses an attempt now; the reservations already made are taken back.
#[crate::boxing::boxed_future]
pub async fn reserve(
    state: &AppState,
    counters: &[(String, ThrottlePolicy, OnSuccess)],
) -> AppResult<Result<Reservation, i64>> {
    let now = Timestamp::now();
    let mut keys = Vec::with_capacity(counters.len());
    for (key, policy, on_success) in counters {
        match state.store.reserve_attempt(key, policy, now).await? {
            Ok(()) => keys.push((key.clone(), *on_success)),
            Err(wait) => {
                for (k, _) in &keys {
                    state.store.release_attempt(k).await?;
                }
                return Ok(Err(wait.whole_seconds().max(1)));
            }
        }
    }
    Ok(Ok(Reservation { keys }))
}

impl Reservation {
    /// The attempt succeeded: clear or release each counter.
    #[crate::boxing::boxed_future]
    pub async fn succeeded(self, state: &AppState) -> AppResult<()> {
        for (key, on_success) in &self.keys {
            match on_success {
                OnSuccess::Clear => state.store.clear_login_failures(key).await?,
                OnSuccess::Release => state.store.release_attempt(key).await?,
            }
        }
        Ok(())
    }

    /// The attempt failed: the reservations stand as failures.
    pub fn failed(self) {}
}
