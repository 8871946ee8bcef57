//! The care team's side of the client portal: inviting the client (a printed
//! code or an e-mail), resetting their access, withdrawing an invitation,
//! choosing what the portal shows them, turning the account off, and reading
//! what they wrote (diary and reflections). All but reading need the care
//! team's portal rights ([`client_for_portal`]), never emergency access.

use crate::access::{client_for_portal, deny};
use crate::caller::{secret_hash, Identity};
use crate::AppState;
use crate::Error;
use rand::RngCore;
use rapport_core::audit::action;
use rapport_core::portal::{invite_code, normalise_code, InvitePurpose, INVITE_DAYS};
use rapport_core::{Id, Timestamp};
use rapport_i18n::msg;
use rapport_store::clients::ClientRecord;
use rapport_store::outbox::Notice;
use rapport_store::portal::{DiaryRow, InviteMail, PortalAccount, PortalInvite, PortalSharing, ReflectionRow};
use rapport_store::StoreError;

/// Where the client joins (the code goes in its `code` parameter).
pub fn join_url(state: &AppState) -> String {
    let base = state.config.public_url.as_deref().unwrap_or_default().trim_end_matches('/');
    format!("{base}/portal/join")
}

/// A fresh code: 60 bits from the OS CSPRNG, shown or sent once, stored as SHA-256 of its canonical form.
fn new_code() -> (String, String) {
    let code = invite_code(rand::rngs::OsRng.next_u64());
    let hash = secret_hash(&normalise_code(&code).expect("generated codes are canonical"));
    (code, hash)
}

/// What the care team sees of a client's portal; the diary and reflections
/// read are audited.
pub struct Overview {
    pub account: Option<PortalAccount>,
    pub invites: Vec<PortalInvite>,
    pub sharing: PortalSharing,
    /// The latest safety plan version and whether it is shared.
    pub safety_plan: Option<(i64, bool)>,
    /// The last two months of diary entries.
    pub diary: Vec<DiaryRow>,
    pub reflections: Vec<ReflectionRow>,
}

#[crate::boxing::boxed_future]
pub async fn overview(state: &AppState, me: &Identity, c: &ClientRecord) -> Result<Overview, Error> {
    let today = Timestamp::now().date();
    let diary = state.store.diary_entries(&c.id, Some(today - time::Duration::days(61)), None, 200).await?;
    let reflections = state.store.reflections(&c.id).await?;
    for (act, n, what) in [
        (action::DIARY_READ, diary.len(), "diary entries"),
        (action::REFLECTION_READ, reflections.len(), "reflections"),
    ] {
        let mut e = me.event(act, "client");
        e.resource_id = Some(c.id.to_string());
        e.client_id = Some(c.id.to_string());
        e.detail = Some(format!("{n} {what} on the portal page"));
        state.store.audit(e).await?;
    }
    Ok(Overview {
        account: state.store.client_portal_account(&c.id).await?,
        invites: state.store.client_portal_invites(&c.id).await?,
        sharing: state.store.portal_sharing(&c.id).await?,
        safety_plan: state.store.latest_safety_plan(&c.id).await?.map(|p| (p.version, p.plan.shared_with_client)),
        diary,
        reflections,
    })
}

/// The client whose access the caller may reset: only the responsible
/// clinician (403, audited), and only for a client with an account (409).
#[crate::boxing::boxed_future]
pub async fn client_for_reset(state: &AppState, me: &Identity, id: &str) -> Result<ClientRecord, Error> {
    let c = client_for_portal(state, me, id).await?;
    if c.responsible_clinician_id != me.user.id {
        deny(state, me, "client", Some(c.id.as_str())).await?;
        return Err(Error::forbidden(msg("app-portal-reset-responsible"), &[("name", &c.responsible_clinician_name)]));
    }
    if state.store.client_portal_account(&c.id).await?.is_none() {
        return Err(Error::conflict(msg("app-portal-reset-no-account"), &[]));
    }
    Ok(c)
}

/// A joining or reset code as issued: the code itself is shown (printed) or
/// was e-mailed, never stored.
pub struct Issued {
    pub code: String,
    pub expires: Timestamp,
    pub org_name: String,
}

/// Creates a joining or reset code for `c`, printed (`email` None) or
/// e-mailed to a checked address. A reset also tells the account's current
/// address at once. A joining code for a client with an account is a `Conflict`.
#[crate::boxing::boxed_future]
pub async fn issue_code(
    state: &AppState,
    me: &Identity,
    c: &ClientRecord,
    email: Option<&str>,
    purpose: InvitePurpose,
) -> Result<Issued, Error> {
    let reset = purpose == InvitePurpose::Reset;
    let (code, hash) = new_code();
    let now = Timestamp::now();
    let expires = now.plus(time::Duration::days(INVITE_DAYS));
    let org = state.organisation().await?;
    // Worded in the client's language (never the clinician's).
    let tr = crate::notices::client_language(c.details.preferred_language.as_deref(), &org.default_language);
    let purpose_word = if reset { "reset" } else { "invite" };
    let mail = email.map(|to| {
        let url = format!("{}?code={code}", join_url(state));
        let until = tr.date_time(org.zone().local(expires));
        InviteMail {
            to: to.to_string(),
            subject: tr.tn(msg("mail-portal-subject"), &[("purpose", &purpose_word), ("org", &org.name)]),
            body: format!(
                "{}\n\n{}\n\n{}\n\n{}\n",
                tr.t("mail-portal-hello"),
                tr.tn(
                    msg("mail-portal-intro"),
                    &[("purpose", &purpose_word), ("name", &me.user.name), ("org", &org.name)]
                ),
                tr.tn(
                    msg("mail-portal-how"),
                    &[("purpose", &purpose_word), ("url", &url), ("code", &code), ("until", &until)]
                ),
                tr.t("mail-portal-ignore"),
            ),
        }
    });
    let mut notices = Vec::new();
    if reset {
        let account = state.store.client_portal_account(&c.id).await?.ok_or(Error::NotFound)?;
        let when = tr.date_time(org.zone().local(now));
        notices.push(Notice {
            kind: "security_notice",
            to_user: Some(account.user_id.clone()),
            to_email: Some(account.email.clone()),
            subject: tr.ta("mail-portal-reset-subject", "org", org.name.as_str()),
            body: format!(
                "{}\n\n{}\n\n{}\n",
                tr.t("mail-portal-hello"),
                tr.tn(
                    msg("mail-portal-reset-body"),
                    &[("when", &when), ("name", &me.user.name), ("org", &org.name), ("email", &account.email)]
                ),
                tr.ta("mail-portal-reset-advice", "org", org.name.as_str()),
            ),
        });
    }
    let act = if reset { action::PORTAL_ACCESS_RESET } else { action::PORTAL_INVITE };
    let mut e = me.event(act, "portal_invite");
    let how = if email.is_some() { "by e-mail" } else { "printed code" };
    e.detail = Some(if reset { format!("{how}; the account's current address was told") } else { how.to_string() });
    match state.store.create_portal_invite(&hash, &c.id, &me.user.id, expires, purpose, mail, &notices, e).await {
        Err(StoreError::Conflict) => return Err(Error::conflict(msg("app-portal-invite-has-account"), &[])),
        other => other?,
    };
    Ok(Issued { code, expires, org_name: org.name })
}

/// Withdraws an open invitation (`Conflict` when it is no longer open).
#[crate::boxing::boxed_future]
pub async fn revoke(state: &AppState, me: &Identity, client: &str, invite: &str) -> Result<ClientRecord, Error> {
    let c = client_for_portal(state, me, client).await?;
    let invite = Id::parse(invite).ok_or(Error::NotFound)?;
    let e = me.event(action::PORTAL_INVITE_REVOKE, "portal_invite");
    if !state.store.revoke_portal_invite(&c.id, &invite, e).await? {
        return Err(Error::conflict(msg("app-portal-invitation-closed"), &[]));
    }
    Ok(c)
}

/// Chooses what the portal shows the client.
#[crate::boxing::boxed_future]
pub async fn set_sharing(
    state: &AppState,
    me: &Identity,
    client: &str,
    s: PortalSharing,
) -> Result<ClientRecord, Error> {
    let c = client_for_portal(state, me, client).await?;
    let mut e = me.event(action::PORTAL_SETTINGS, "client");
    e.detail = Some(format!(
        "chart {}; formulation and goals {}",
        if s.chart_hidden { "hidden" } else { "shown" },
        if s.plan_shared { "shared" } else { "not shared" }
    ));
    state.store.set_portal_sharing(&c.id, s, e).await?;
    Ok(c)
}

/// Turns the client's portal account off and signs it out (`Conflict` without an active one).
#[crate::boxing::boxed_future]
pub async fn disable(state: &AppState, me: &Identity, client: &str) -> Result<ClientRecord, Error> {
    let c = client_for_portal(state, me, client).await?;
    let e = me.event(action::PORTAL_ACCOUNT_DISABLE, "user");
    if !state.store.disable_portal_account(&c.id, e).await? {
        return Err(Error::conflict(msg("app-portal-no-active-account"), &[]));
    }
    Ok(c)
}
