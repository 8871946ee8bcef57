//! Single-use measure links: a clinician creates a link for one client and
//! one instrument; the client answers it without an account. The token is 256
//! random bits, stored only as its SHA-256, and expires after [`LINK_DAYS`].

use crate::access::client_for_portal;
use crate::caller::{new_secret, secret_hash, Identity};
use crate::AppState;
use crate::Error;
use rapport_core::audit::{action, AuditEvent};
use rapport_core::measures::definition::{Administration, Instrument};
use rapport_core::msg;
use rapport_core::{Id, Timestamp};
use rapport_store::clients::ClientRecord;

/// How long a measure link stays usable.
pub const LINK_DAYS: i64 = 7;

/// Whether a client may be sent this instrument: self-report, with its text shipped.
pub fn sendable(inst: &Instrument) -> bool {
    inst.administration != Administration::Clinician && !inst.text_placeholder
}

fn expiry() -> Timestamp {
    Timestamp::now().plus(time::Duration::days(LINK_DAYS))
}

/// A fresh link token, its hash (all that is stored) and its expiry: every
/// link (a clinician's, a follow-up's, a session reminder's) is minted here.
pub fn mint() -> (String, String, Timestamp) {
    let token = new_secret();
    let hash = secret_hash(&token);
    (token, hash, expiry())
}

/// Where the client answers a link (the full address when the site's public
/// address is set).
pub fn link_url(state: &AppState, token: &str) -> String {
    let base = state.config.public_url.as_deref().unwrap_or_default().trim_end_matches('/');
    format!("{base}/m/{token}")
}

/// A new link: the token (shown once, never stored) and when it expires.
pub struct NewLink<'a> {
    pub client: ClientRecord,
    pub instrument: &'a Instrument,
    pub token: String,
    pub expires: Timestamp,
}

/// Creates a link for the client to answer `instrument` (by the care team,
/// not under emergency access); `Invalid` on `instrument` for one that cannot
/// be sent.
#[crate::boxing::boxed_future]
pub async fn create<'a>(
    state: &'a AppState,
    me: &Identity,
    client: &str,
    instrument: Option<&str>,
) -> Result<NewLink<'a>, Error> {
    let c = client_for_portal(state, me, client).await?;
    let inst = instrument
        .and_then(|i| state.instruments.get(i))
        .ok_or_else(|| Error::keyed("instrument", msg("app-link-choose"), vec![]))?;
    if !sendable(inst) {
        return Err(Error::keyed(
            "instrument",
            msg("app-link-not-sendable"),
            vec![("instrument", inst.short_name.as_str().into())],
        ));
    }
    let (token, hash, expires) = mint();
    let mut e = me.event(action::MEASURE_LINK_CREATE, "measure_link");
    e.detail = Some(format!("{} expires {}", inst.id, expires.to_db()));
    state.store.create_measure_link(&hash, &c.id, &inst.id, &me.user.id, expires, e).await?;
    Ok(NewLink { client: c, instrument: inst, token, expires })
}

/// After a positive screen through measure link `parent`: a new single-use
/// link for the follow-up instrument (same client, same lifetime rule),
/// audited; returns its address (`/m/{token}`).
#[crate::boxing::boxed_future]
pub async fn follow_up_link(
    state: &AppState,
    parent: &Id,
    next: &Instrument,
    event: AuditEvent,
) -> Result<String, Error> {
    let (token, hash, expires) = mint();
    let mut e = event;
    e.action = action::MEASURE_LINK_CREATE.into();
    e.resource_type = "measure_link".into();
    e.detail = Some(format!("{} expires {}: follow-up of a positive screen (link {parent})", next.id, expires.to_db()));
    state.store.create_follow_up_link(parent, &hash, &next.id, expires, e).await?;
    Ok(format!("/m/{token}"))
}

/// What a link's token finds: live, expired, used or nothing (the public
/// questionnaire page decides what to show from it).
#[crate::boxing::boxed_future]
pub async fn find_link(state: &AppState, token: &str) -> Result<rapport_store::links::LinkState, Error> {
    Ok(state.store.measure_link(&secret_hash(token)).await?)
}

/// Remembers that the link's form was opened now, so that answers sent just
/// after the link expires still count (late).
#[crate::boxing::boxed_future]
pub async fn mark_opened(state: &AppState, token: &str) -> Result<(), Error> {
    Ok(state.store.mark_measure_link_opened(&secret_hash(token), Timestamp::now()).await?)
}

/// The client a measure link was made for (used, expired or live), for the
/// language its pages are shown in; None for a token that is no link.
#[crate::boxing::boxed_future]
pub async fn client_of_link(state: &AppState, token: &str) -> Result<Option<Id>, Error> {
    use rapport_store::links::LinkState;
    Ok(match state.store.measure_link(&secret_hash(token)).await? {
        LinkState::Live(l) | LinkState::Expired(l) | LinkState::Used(l) => Some(l.client_id),
        LinkState::Unknown => None,
    })
}
