//! The risk loop: listing the flags on one's clients, reading one, raising a
//! clinician's concern, acknowledging, recording a structured assessment and
//! signing a flag off. The staff pages and the JSON API both call these.

use crate::access::{client_for, clients_shown, deny, Purpose};
use crate::caller::Identity;
use crate::AppState;
use crate::Error;
use rapport_core::audit::{action, AuditEvent};
use rapport_core::escalation::Deadlines;
use rapport_core::risk::{validate_assessment, FlagStatus, RawAssessment};
use rapport_core::{Id, ValidationErrors};
use rapport_store::clients::ClientRecord;
use rapport_store::courses::TherapySession;
use rapport_store::escalation::EscalationHistoryRow;
use rapport_store::measures::{AssessmentRow, RiskFlagRow, SafetyPlanRow};
use rapport_store::StoreError;

/// The flag and its client, if the caller may act on that client; 404 otherwise.
#[crate::boxing::boxed_future]
pub async fn flag_for(state: &AppState, me: &Identity, id: &str) -> Result<(RiskFlagRow, ClientRecord), Error> {
    let flag = match Id::parse(id) {
        Some(fid) => state.store.risk_flag(&fid).await?,
        None => None,
    };
    let Some(flag) = flag else {
        deny(state, me, "risk_flag", Some(id)).await?;
        return Err(Error::NotFound);
    };
    let (client, _) = client_for(state, me, flag.client_id.as_str(), Purpose::Write).await?;
    Ok((flag, client))
}

/// An audit entry about `flag`.
pub fn flag_event(me: &Identity, act: &str, flag: &RiskFlagRow) -> AuditEvent {
    let mut e = me.event(act, "risk_flag");
    e.resource_id = Some(flag.id.to_string());
    e.client_id = Some(flag.client_id.to_string());
    e
}

/// The flag as stored now.
async fn reload(state: &AppState, flag: &Id) -> Result<RiskFlagRow, Error> {
    state.store.risk_flag(flag).await?.ok_or(Error::NotFound)
}

/// The organisation's deadlines, with the acknowledgement deadline replaced
/// when the server runs with the deprecated `--risk-escalation-hours` (as the job does).
#[crate::boxing::boxed_future]
pub async fn deadlines(state: &AppState) -> Result<Deadlines, Error> {
    let mut d = state.organisation().await?.deadlines();
    if let Some(h) = state.config.risk_acknowledgement_override_hours {
        d.acknowledgement_hours = h.clamp(rapport_core::escalation::MIN_HOURS, rapport_core::escalation::MAX_HOURS);
    }
    Ok(d)
}

/// Risk flags on the clients the caller may see (care teams and supervision),
/// oldest first; the list is audited naming every client in it (`via`: "via
/// API", "(page)").
#[crate::boxing::boxed_future]
pub async fn visible_flags(
    state: &AppState,
    me: &Identity,
    status: Option<FlagStatus>,
    via: &str,
) -> Result<Vec<RiskFlagRow>, Error> {
    let flags = state.store.visible_risk_flags(&me.user.id, status).await?;
    let mut e = me.event(action::RISK_FLAG_LIST, "risk_flag");
    e.detail = Some(format!("{} flags {via}; {}", flags.len(), clients_shown(flags.iter().map(|f| &f.client_id))));
    state.store.audit(e).await?;
    Ok(flags)
}

/// One client's risk flags, newest first, if the caller may see the client;
/// the list is audited (`via`: "via FHIR").
#[crate::boxing::boxed_future]
pub async fn client_flags(
    state: &AppState,
    me: &Identity,
    client: &str,
    via: &str,
) -> Result<(Vec<RiskFlagRow>, ClientRecord), Error> {
    let (client, _) = client_for(state, me, client, Purpose::AuditRead).await?;
    let flags = state.store.client_risk_flags(&client.id).await?;
    let mut e = me.event(action::RISK_FLAG_LIST, "risk_flag");
    e.client_id = Some(client.id.to_string());
    e.detail = Some(format!("{} flags of one client {via}", flags.len()));
    state.store.audit(e).await?;
    Ok((flags, client))
}

/// One flag, its read audited.
#[crate::boxing::boxed_future]
pub async fn read_flag(state: &AppState, me: &Identity, id: &str) -> Result<(RiskFlagRow, ClientRecord), Error> {
    let (flag, client) = flag_for(state, me, id).await?;
    state.store.audit(flag_event(me, action::RISK_FLAG_READ, &flag)).await?;
    Ok((flag, client))
}

/// One structured assessment and the flag it was recorded for, if the caller
/// may see the client (404 otherwise); the read is audited on the flag.
#[crate::boxing::boxed_future]
pub async fn read_assessment(
    state: &AppState,
    me: &Identity,
    id: &str,
    via: &str,
) -> Result<(AssessmentRow, RiskFlagRow), Error> {
    let flag = match Id::parse(id) {
        Some(aid) => state.store.risk_assessment_flag(&aid).await?,
        None => None,
    };
    let Some(flag) = flag else {
        deny(state, me, "risk_assessment", Some(id)).await?;
        return Err(Error::NotFound);
    };
    let (flag, _) = flag_for(state, me, flag.as_str()).await?;
    let found = state.store.risk_assessments(&flag.id).await?.into_iter().find(|a| a.id.as_str() == id);
    let assessment = found.ok_or(Error::NotFound)?;
    let mut e = flag_event(me, action::RISK_FLAG_READ, &flag);
    e.detail = Some(format!("assessment {} {via}", assessment.id));
    state.store.audit(e).await?;
    Ok((assessment, flag))
}

/// The structured assessments of one client's flags (newest flag first, each
/// flag's newest assessment first) with their flags, if the caller may see
/// the client; the list is audited.
#[crate::boxing::boxed_future]
pub async fn client_assessments(
    state: &AppState,
    me: &Identity,
    client: &str,
    via: &str,
) -> Result<Vec<(AssessmentRow, RiskFlagRow)>, Error> {
    let (client, _) = client_for(state, me, client, Purpose::AuditRead).await?;
    let mut out = Vec::new();
    for flag in state.store.client_risk_flags(&client.id).await? {
        for a in state.store.risk_assessments(&flag.id).await? {
            out.push((a, flag.clone()));
        }
    }
    let mut e = me.event(action::RISK_FLAG_LIST, "risk_assessment");
    e.client_id = Some(client.id.to_string());
    e.detail = Some(format!("{} risk assessments of one client {via}", out.len()));
    state.store.audit(e).await?;
    Ok(out)
}

/// What a flag's page shows besides the flag: its assessments, its
/// escalation steps and the client's current safety plan. Read after
/// [`read_flag`] or [`flag_for`], whose audit entry covers the page.
pub struct FlagDetails {
    pub assessments: Vec<AssessmentRow>,
    pub escalations: Vec<EscalationHistoryRow>,
    pub plan: Option<SafetyPlanRow>,
}

#[crate::boxing::boxed_future]
pub async fn flag_details(state: &AppState, flag: &RiskFlagRow, client: &ClientRecord) -> Result<FlagDetails, Error> {
    Ok(FlagDetails {
        assessments: state.store.risk_assessments(&flag.id).await?,
        escalations: state.store.risk_escalations(&flag.id).await?,
        plan: state.store.latest_safety_plan(&client.id).await?,
    })
}

/// The session a concern is raised from, when one is named: it must be one
/// of `client`'s sessions (otherwise 422 naming `session_id`).
#[crate::boxing::boxed_future]
pub async fn concern_session(
    state: &AppState,
    client: &ClientRecord,
    raw: Option<&str>,
) -> Result<Option<TherapySession>, Error> {
    let Some(raw) = raw.map(str::trim).filter(|s| !s.is_empty()) else { return Ok(None) };
    let found = match Id::parse(raw) {
        Some(id) => state.store.therapy_session(&id).await?,
        None => None,
    };
    match found {
        Some(s) if s.client_id == client.id => Ok(Some(s)),
        _ => Err(Error::Invalid(ValidationErrors::single_key(
            "session_id",
            rapport_core::msg("risk-concern-session-not-client"),
            vec![],
        ))),
    }
}

/// Raises a clinician's risk flag on `client` (checked detail), linked to a
/// session when given; routed and escalated like every flag.
#[crate::boxing::boxed_future]
pub async fn raise_concern(
    state: &AppState,
    me: &Identity,
    client: &ClientRecord,
    detail: &str,
    session: Option<&Id>,
    audit_detail: Option<String>,
) -> Result<RiskFlagRow, Error> {
    let mut e = me.event(action::RISK_FLAG_RAISE, "risk_flag");
    e.detail = audit_detail;
    let fid = state.store.raise_clinician_risk_flag(&client.id, &me.user.id, detail, session, e).await?;
    reload(state, &fid).await
}

/// Acknowledges an open flag: the responsible clinician has seen it.
#[crate::boxing::boxed_future]
pub async fn acknowledge(state: &AppState, me: &Identity, flag: &RiskFlagRow) -> Result<RiskFlagRow, Error> {
    let e = flag_event(me, action::RISK_FLAG_ACKNOWLEDGE, flag);
    state.store.acknowledge_risk_flag(&flag.id, &me.user.id, e).await?;
    reload(state, &flag.id).await
}

/// Records a structured risk assessment for a flag (also acknowledges it);
/// `Invalid` names each missing part.
#[crate::boxing::boxed_future]
pub async fn record_assessment(
    state: &AppState,
    me: &Identity,
    flag: &RiskFlagRow,
    raw: &RawAssessment,
) -> Result<Id, Error> {
    let a = validate_assessment(raw, crate::today::local_date(state).await)?;
    let mut e = me.event(action::RISK_ASSESSMENT_RECORD, "risk_assessment");
    e.client_id = Some(flag.client_id.to_string());
    Ok(state.store.record_risk_assessment(&flag.id, &a, &me.user.id, e).await?)
}

/// Signs a flag off with its assessment and a safety plan version of the
/// client. A closed flag is a `Conflict`; an assessment or plan that does not
/// belong is `Invalid` on `assessment_id` or `safety_plan_id`.
#[crate::boxing::boxed_future]
pub async fn close(
    state: &AppState,
    me: &Identity,
    flag: &RiskFlagRow,
    assessment: &Id,
    safety_plan: &Id,
    note: Option<&str>,
) -> Result<RiskFlagRow, Error> {
    let e = flag_event(me, action::RISK_FLAG_CLOSE, flag);
    state.store.close_risk_flag(&flag.id, assessment, safety_plan, &me.user.id, note, e).await.map_err(
        |e| match e {
            StoreError::Invalid(m) if m.contains("already closed") => Error::Conflict(m),
            StoreError::Invalid(m) if m == rapport_store::measures::PLAN_BEFORE_ANSWER => {
                Error::keyed("safety_plan_id", rapport_core::msg("risk-close-plan-before-answer"), vec![])
            }
            StoreError::Invalid(m) => {
                let field = if m.contains("assessment") { "assessment_id" } else { "safety_plan_id" };
                Error::invalid(field, m)
            }
            other => other.into(),
        },
    )?;
    reload(state, &flag.id).await
}
