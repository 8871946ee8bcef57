//! Who is calling: a signed-in person (browser session or API token) and where
//! the request came from. Every use case takes the caller, checks access with
//! it and names it in the audit entries it writes. The web layer resolves the
//! caller from the session cookie or the bearer token.

use crate::{AppState, Error};
use rand::RngCore;
use rapport_core::access::Actor;
use rapport_core::audit::{AuditEvent, Outcome};
use rapport_core::session::{self, SessionState};
use rapport_core::{Id, Timestamp};
use rapport_store::clients::ClientWithRelation;
use rapport_store::users::User;
use sha2::{Digest, Sha256};
use std::sync::{Arc, Mutex};

/// Random secret: 32 bytes (256 bits) from the OS CSPRNG, hex-encoded.
pub fn new_secret() -> String {
    let mut b = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut b);
    hex::encode(b)
}

/// Secrets (session ids, tokens, setup links) are stored only as SHA-256.
pub fn secret_hash(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// Where the request came from, for the audit log.
#[derive(Clone, Debug, Default)]
pub struct RequestMeta {
    pub ip: Option<String>,
    pub user_agent: Option<String>,
}

#[derive(Clone, Debug)]
pub enum AuthKind {
    /// A browser session; `kiosk` names the client whose questionnaires it
    /// is locked to (kiosk mode, see `crate::kiosk`).
    Session {
        id_hash: String,
        csrf: String,
        kiosk: Option<rapport_core::Id>,
    },
    Token {
        id: rapport_core::Id,
        name: String,
    },
}

#[derive(Clone, Debug)]
pub struct Identity {
    pub user: User,
    pub auth: AuthKind,
    pub meta: RequestMeta,
    /// The client the request is about, when it was read together with the
    /// caller's API token (`token_caller`); `access::client_for` takes it.
    pub prefetched: Prefetched,
}

/// A client record and the caller's relation to it, read in the same query as
/// the caller's API token, so a request about one client costs one round trip
/// to the database instead of two. Only the first `client_for` of that client
/// in the request takes it (copies of the `Identity` share it); any later one
/// reads the database again, so a handler that changes the client and reads it
/// back never sees the earlier copy.
#[derive(Clone, Debug, Default)]
pub struct Prefetched(Option<Arc<Mutex<Option<ClientWithRelation>>>>);

impl Prefetched {
    fn holding(found: ClientWithRelation) -> Self {
        Prefetched(Some(Arc::new(Mutex::new(Some(found)))))
    }

    /// The record of client `id` with the relation, once, if it was read with the token.
    pub(crate) fn take(&self, id: &Id) -> Option<ClientWithRelation> {
        let mut slot = self.0.as_ref()?.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if slot.as_ref().is_some_and(|(record, _)| record.id == *id) {
            slot.take()
        } else {
            None
        }
    }
}

impl Identity {
    pub fn actor(&self) -> Actor {
        Actor { role: self.user.role, practises: self.user.practises }
    }

    pub fn csrf(&self) -> &str {
        match &self.auth {
            AuthKind::Session { csrf, .. } => csrf,
            AuthKind::Token { .. } => "",
        }
    }

    /// Kiosk mode: the client this browser session is locked to, if it is.
    pub fn kiosk_client(&self) -> Option<&rapport_core::Id> {
        match &self.auth {
            AuthKind::Session { kiosk, .. } => kiosk.as_ref(),
            AuthKind::Token { .. } => None,
        }
    }

    pub fn session_hash(&self) -> Option<&str> {
        match &self.auth {
            AuthKind::Session { id_hash, .. } => Some(id_hash),
            AuthKind::Token { .. } => None,
        }
    }

    /// An audit event by this person; fill in the resource and outcome.
    pub fn event(&self, action: &str, resource_type: &str) -> AuditEvent {
        let label = match &self.auth {
            AuthKind::Session { .. } => self.user.email.clone(),
            AuthKind::Token { name, .. } => format!("{} (API token \"{name}\")", self.user.email),
        };
        AuditEvent {
            actor_id: Some(self.user.id.to_string()),
            actor_label: label,
            action: action.into(),
            resource_type: resource_type.into(),
            ip: self.meta.ip.clone(),
            user_agent: self.meta.user_agent.clone(),
            outcome: Outcome::Success.as_str().into(),
            ..Default::default()
        }
    }
}

impl RequestMeta {
    /// An event with no signed-in actor (failed logins, setup).
    pub fn event(&self, actor_label: &str, action: &str, resource_type: &str, outcome: Outcome) -> AuditEvent {
        AuditEvent {
            actor_label: actor_label.into(),
            action: action.into(),
            resource_type: resource_type.into(),
            ip: self.ip.clone(),
            user_agent: self.user_agent.clone(),
            outcome: outcome.as_str().into(),
            ..Default::default()
        }
    }
}

/// The person a browser session belongs to, if it is still valid; an expired
/// session (idle or absolute limit) or an inactive account ends here.
#[crate::boxing::boxed_future]
pub async fn session_caller(state: &AppState, sid: &str, meta: &RequestMeta) -> Result<Option<Identity>, Error> {
    let id_hash = secret_hash(sid);
    let Some((row, user)) = state.store.session_with_user(&id_hash).await? else { return Ok(None) };
    if !user.active {
        state.store.end_session(&user.id, &id_hash, None).await?;
        return Ok(None);
    }
    let policy = state.organisation().await?.session_policy();
    let now = Timestamp::now();
    match session::state(&policy, row.created_at, row.last_seen_at, now) {
        SessionState::Valid { needs_touch } => {
            if needs_touch {
                state.store.touch_session(&id_hash, now).await?;
            }
            let auth = AuthKind::Session { id_hash, csrf: row.csrf_token, kiosk: row.kiosk_client_id };
            Ok(Some(Identity { user, auth, meta: meta.clone(), prefetched: Prefetched::default() }))
        }
        SessionState::IdleExpired | SessionState::LifetimeExpired => {
            state.store.end_session(&user.id, &id_hash, None).await?;
            Ok(None)
        }
    }
}

/// The person an API token belongs to; an unknown token or an inactive account
/// is refused. With `about`, the client a read is about (the API's client
/// addresses): it is read in the same query and kept in `Identity::prefetched`
/// for `access::client_for`, which still decides whether the caller may see it.
#[crate::boxing::boxed_future]
pub async fn token_caller(
    state: &AppState,
    token: &str,
    meta: &RequestMeta,
    about: Option<&Id>,
) -> Result<Option<Identity>, Error> {
    let hash = secret_hash(token);
    let now = Timestamp::now();
    let (row, user, prefetched) = match about {
        Some(client) => match state.store.token_with_user_and_client(&hash, client, now).await? {
            Some((row, user, found)) => (row, user, found.map(Prefetched::holding).unwrap_or_default()),
            None => return Err(Error::Unauthenticated),
        },
        None => match state.store.token_with_user(&hash).await? {
            Some((row, user)) => (row, user, Prefetched::default()),
            None => return Err(Error::Unauthenticated),
        },
    };
    if !user.active {
        return Err(Error::Unauthenticated);
    }
    if row.last_used_at.is_none_or(|t| now.since(t) >= session::TOUCH_INTERVAL) {
        state.store.touch_token(&row.id, now).await?;
    }
    Ok(Some(Identity { user, auth: AuthKind::Token { id: row.id, name: row.name }, meta: meta.clone(), prefetched }))
}
