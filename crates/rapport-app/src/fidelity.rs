//! Fidelity ratings tied to sessions: the clinician or facilitator rates
//! their own session, a supervisor rates a session they observed or
//! reviewed, a colleague may peer-rate; each rating is scored against its
//! checklist's pass rule, and self and supervisor ratings of the same
//! session are compared item by item. Every face calls these.
//!
//! Who may rate (a rater who may not see the session gets 404):
//! - self: the person who ran it (recorded the session; a facilitator of the group);
//! - supervisor: a supervisor whose supervision reaches the person who ran it;
//! - peer: anyone else on the client's care team (a co-facilitator for a group).

use crate::access::course::CourseContext;
use crate::access::session::session_for;
use crate::access::{deny, Purpose};
use crate::caller::Identity;
use crate::groups::{group_for, GroupAccess};
use crate::{AppResult, AppState, Error};
use rapport_core::access::{AccessBasis, Role};
use rapport_core::audit::action;
use rapport_core::fidelity::{agreement, Agreement, Checklist, Rater, Scored};
use rapport_core::msg;
use rapport_core::protocol::Phase;
use rapport_core::Id;
use rapport_store::fidelity::{NewRating, Rated, RatingRow};
use std::collections::BTreeMap;

/// A rating as any face received it.
#[derive(Clone, Debug, Default)]
pub struct RatingInput {
    pub checklist: String,
    pub rater: String,
    pub ratings: BTreeMap<String, i64>,
    pub comment: Option<String>,
}

/// A session (individual or group meeting) as far as rating goes.
pub struct RatedSession {
    pub rated: Rated,
    /// Whose work it is.
    pub clinician: Id,
    pub phase: Phase,
    pub group: bool,
    /// The course's chosen problem areas (area-specific items apply to them).
    pub areas: Vec<String>,
    /// The raters the caller may rate as.
    pub may_rate_as: Vec<Rater>,
    /// The client, for the audit entry (individual sessions).
    pub client: Option<Id>,
}

/// Loads a session the caller may see, for rating: an individual session
/// id, or a group meeting id. 404 otherwise.
#[crate::boxing::boxed_future]
pub async fn rated_session(state: &AppState, me: &Identity, session: &str) -> AppResult<RatedSession> {
    if let Some(sid) = Id::parse(session) {
        if state.store.therapy_session(&sid).await?.is_some() {
            let sx = session_for(state, me, None, session).await?;
            let areas = crate::formulation::chosen_areas(state, &sx.cx).await?;
            let clinician = sx.s.session.created_by.clone();
            let may = individual_raters(state, me, &sx.cx, &clinician).await?;
            return Ok(RatedSession {
                rated: Rated::Session { session: sx.s.session.id.clone(), course: sx.cx.course.id.clone() },
                clinician,
                phase: sx.s.phase,
                group: false,
                areas,
                may_rate_as: may,
                client: Some(sx.cx.client.id.clone()),
            });
        }
        if let Some(group_id) = state.store.group_of_session(&sid).await? {
            let view = group_for(state, me, group_id.as_str(), Purpose::Write).await?;
            if let Some(m) = view.detail.sessions.iter().find(|s| s.id == sid) {
                let may = match view.access {
                    GroupAccess::Facilitates if m.recorded_by == me.user.id => vec![Rater::SelfRated],
                    GroupAccess::Facilitates => vec![Rater::SelfRated, Rater::Peer],
                    GroupAccess::Supervises => vec![Rater::Supervisor],
                    GroupAccess::Organises => Vec::new(),
                };
                let phase = Phase::parse(&m.phase).unwrap_or(Phase::Middle);
                return Ok(RatedSession {
                    rated: Rated::GroupSession { session: sid, group: group_id },
                    clinician: m.recorded_by.clone(),
                    phase,
                    group: true,
                    areas: Vec::new(),
                    may_rate_as: may,
                    client: None,
                });
            }
        }
    }
    deny(state, me, "session", Some(session)).await?;
    Err(Error::NotFound)
}

async fn individual_raters(
    state: &AppState,
    me: &Identity,
    cx: &CourseContext,
    clinician: &Id,
) -> AppResult<Vec<Rater>> {
    let mut may = Vec::new();
    if &me.user.id == clinician {
        may.push(Rater::SelfRated);
    } else {
        if me.user.role == Role::Supervisor && state.store.supervision_reach(&me.user.id).await?.contains(clinician) {
            may.push(Rater::Supervisor);
        }
        if cx.basis == AccessBasis::CareTeam {
            may.push(Rater::Peer);
        }
    }
    Ok(may)
}

/// What a stored rating answers.
#[derive(Clone, Debug)]
pub struct RatingRecorded {
    pub id: Id,
    pub scored: Scored,
    /// Compared with the latest rating of the other side (self vs supervisor) with the same checklist, if any.
    pub agreement: Option<Agreement>,
}

/// Rates a session. Refused: a checklist that does not exist or is not for
/// this kind of session (422 on `checklist`), a rater the checklist or the
/// caller's relation does not allow (403), a rating off the scale or of an
/// unknown item (422 on `ratings.<item>`).
#[crate::boxing::boxed_future]
pub async fn rate(state: &AppState, me: &Identity, session: &str, input: &RatingInput) -> AppResult<RatingRecorded> {
    let rs = rated_session(state, me, session).await?;
    let checklist = checklist_for(state, &input.checklist, rs.group)?;
    let Some(rater) = Rater::parse(input.rater.trim()) else {
        return Err(Error::keyed("rater", msg("app-fidelity-rater-unknown"), vec![]));
    };
    if !checklist.allows(rater) {
        return Err(Error::keyed(
            "rater",
            msg("app-fidelity-rater-not-allowed"),
            vec![("checklist", checklist.name.as_str().into()), ("rater", rater.as_str().into())],
        ));
    }
    if !rs.may_rate_as.contains(&rater) {
        deny(state, me, "fidelity_rating", Some(session)).await?;
        return Err(Error::forbidden(
            match rater {
                Rater::SelfRated => msg("app-fidelity-self-rater"),
                Rater::Supervisor => msg("app-fidelity-supervisor-rater"),
                Rater::Peer => msg("app-fidelity-peer-rater"),
            },
            &[],
        ));
    }
    let scored = checklist.score(&input.ratings).map_err(|(field, message)| Error::invalid(&field, message))?;
    let comment = input.comment.as_deref().map(str::trim).filter(|c| !c.is_empty());
    if comment.is_some_and(|c| c.chars().count() > 4000) {
        return Err(Error::keyed("comment", msg("app-fidelity-comment-long"), vec![]));
    }
    let new = NewRating {
        rated: rs.rated.clone(),
        clinician_id: rs.clinician.clone(),
        rater_id: me.user.id.clone(),
        rater,
        checklist_id: checklist.id.clone(),
        checklist_version: checklist.version.clone(),
        ratings: input.ratings.clone(),
        mean: scored.mean,
        pass: scored.pass,
        comment: comment.map(Into::into),
    };
    let mut e = me.event(action::FIDELITY_RATE, "fidelity_rating");
    e.client_id = rs.client.as_ref().map(|c| c.to_string());
    e.detail = Some(format!(
        "{} v{} by {} on session {}: mean {:.2}, {}",
        checklist.id,
        checklist.version,
        rater.as_str(),
        session_id(&rs.rated),
        scored.mean,
        if scored.pass { "pass" } else { "below the pass mark" }
    ));
    let id = state.store.record_fidelity_rating(&new, e).await?;
    let ratings = state.store.session_ratings(session_id(&rs.rated)).await?;
    let agreement = latest_agreement(&ratings, &checklist.id);
    Ok(RatingRecorded { id, scored, agreement })
}

fn session_id(r: &Rated) -> &Id {
    match r {
        Rated::Session { session, .. } | Rated::GroupSession { session, .. } => session,
    }
}

fn checklist_for<'a>(state: &'a AppState, id: &str, group: bool) -> AppResult<&'a Checklist> {
    match state.config.fidelity.get(id.trim()) {
        Some(c) if c.format.fits(group) => Ok(c),
        _ => {
            let ids: Vec<&str> = state.config.fidelity.for_format(group).map(|c| c.id.as_str()).collect();
            Err(Error::keyed(
                "checklist",
                msg("app-fidelity-choose-checklist"),
                vec![("checklists", ids.join(", ").into())],
            ))
        }
    }
}

/// The latest self-rating against the latest supervisor rating with `checklist`.
pub fn latest_agreement(ratings: &[RatingRow], checklist: &str) -> Option<Agreement> {
    let latest = |r: Rater| ratings.iter().rev().find(|x| x.rater == r && x.checklist_id == checklist);
    Some(agreement(&latest(Rater::SelfRated)?.ratings, &latest(Rater::Supervisor)?.ratings))
}

/// A session's ratings, with the agreement per checklist rated by both sides.
pub struct SessionRatings {
    pub session: RatedSession,
    pub ratings: Vec<RatingRow>,
    pub agreements: Vec<(String, Agreement)>,
}

/// The ratings of a session the caller may see (audited as a read).
#[crate::boxing::boxed_future]
pub async fn session_ratings(state: &AppState, me: &Identity, session: &str) -> AppResult<SessionRatings> {
    let rs = rated_session(state, me, session).await?;
    let ratings = state.store.session_ratings(session_id(&rs.rated)).await?;
    let mut ids: Vec<&str> = ratings.iter().map(|r| r.checklist_id.as_str()).collect();
    ids.dedup();
    let agreements = ids.iter().filter_map(|c| latest_agreement(&ratings, c).map(|a| (c.to_string(), a))).collect();
    let mut e = me.event(action::FIDELITY_READ, "fidelity_rating");
    e.client_id = rs.client.as_ref().map(|c| c.to_string());
    e.detail = Some(format!("session {}: {} ratings", session_id(&rs.rated), ratings.len()));
    state.store.audit(e).await?;
    Ok(SessionRatings { session: rs, ratings, agreements })
}

/// One item's self and supervisor points over time (for the agreement chart).
#[derive(Clone, Debug, PartialEq)]
pub struct ItemTrend {
    pub item: String,
    pub text: String,
    /// (date, self, supervisor) per session rated by both.
    pub points: Vec<(time::Date, i64, i64)>,
}

/// Self versus supervisor agreement per item over time for `clinician`'s
/// sessions with `checklist`: the clinician themself, or a supervisor
/// whose supervision reaches them.
#[crate::boxing::boxed_future]
pub async fn agreement_over_time(
    state: &AppState,
    me: &Identity,
    clinician: &Id,
    checklist: &str,
) -> AppResult<Vec<ItemTrend>> {
    let allowed = &me.user.id == clinician
        || (me.user.role == Role::Supervisor && state.store.supervision_reach(&me.user.id).await?.contains(clinician));
    if !allowed {
        deny(state, me, "fidelity_rating", Some(clinician.as_str())).await?;
        return Err(Error::NotFound);
    }
    let Some(c) = state.config.fidelity.get(checklist) else {
        return Err(Error::keyed("checklist", msg("app-fidelity-no-checklist"), vec![]));
    };
    let ratings = state.store.clinician_ratings(clinician).await?;
    let trends = item_trends(c, &ratings);
    let mut e = me.event(action::FIDELITY_READ, "fidelity_rating");
    e.resource_id = Some(clinician.to_string());
    e.detail = Some(format!("agreement over time, {}: {} items", c.id, trends.len()));
    state.store.audit(e).await?;
    Ok(trends)
}

/// Per item of `c`, the latest self and supervisor points of each session
/// rated by both, in the order the supervisor rated them.
fn item_trends(c: &Checklist, ratings: &[RatingRow]) -> Vec<ItemTrend> {
    let mut by_session: BTreeMap<String, (Option<&RatingRow>, Option<&RatingRow>)> = BTreeMap::new();
    for r in ratings.iter().filter(|r| r.checklist_id == c.id) {
        let key = r.session_id.as_ref().or(r.group_session_id.as_ref()).map(|i| i.to_string()).unwrap_or_default();
        let slot = by_session.entry(key).or_default();
        match r.rater {
            Rater::SelfRated => slot.0 = Some(r),
            Rater::Supervisor => slot.1 = Some(r),
            Rater::Peer => {}
        }
    }
    let mut pairs: Vec<(&RatingRow, &RatingRow)> =
        by_session.values().filter_map(|(a, b)| Some(((*a)?, (*b)?))).collect();
    pairs.sort_by_key(|(_, s)| s.rated_at);
    c.items
        .iter()
        .map(|item| ItemTrend {
            item: item.id.clone(),
            text: item.text.clone(),
            points: pairs
                .iter()
                .filter_map(|(me_r, sup)| {
                    Some((sup.rated_at.date(), *me_r.ratings.get(&item.id)?, *sup.ratings.get(&item.id)?))
                })
                .collect(),
        })
        .filter(|t| !t.points.is_empty())
        .collect()
}

/// A course's fidelity: every rating of its sessions, oldest first, and
/// per checklist rated by both sides the item trends (self vs supervisor).
pub struct CourseFidelity {
    pub ratings: Vec<RatingRow>,
    pub trends: Vec<(Checklist, Vec<ItemTrend>)>,
}

/// The fidelity ratings of a course the caller may see (audited as a read
/// when there are any).
#[crate::boxing::boxed_future]
pub async fn course_fidelity(state: &AppState, me: &Identity, cx: &CourseContext) -> AppResult<CourseFidelity> {
    let ratings = state.store.course_ratings(&cx.course.id).await?;
    if !ratings.is_empty() {
        let mut e = me.event(action::FIDELITY_READ, "fidelity_rating");
        e.resource_id = Some(cx.course.id.to_string());
        e.client_id = Some(cx.client.id.to_string());
        e.detail = Some(format!("course {}: {} ratings", cx.course.id, ratings.len()));
        state.store.audit(e).await?;
    }
    let mut ids: Vec<&str> = ratings.iter().map(|r| r.checklist_id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    let trends = ids
        .into_iter()
        .filter_map(|id| state.config.fidelity.get(id))
        .map(|c| (c.clone(), item_trends(c, &ratings)))
        .filter(|(_, t)| !t.is_empty())
        .collect();
    Ok(CourseFidelity { ratings, trends })
}

/// The checklist a rating of this session is made with, and the items that
/// apply to it (the session's phase, the course's areas).
pub fn checklists_for<'a>(
    state: &'a AppState,
    rs: &RatedSession,
) -> Vec<(&'a Checklist, Vec<&'a rapport_core::fidelity::Item>)> {
    state
        .config
        .fidelity
        .for_format(rs.group)
        .filter(|c| rs.may_rate_as.iter().any(|r| c.allows(*r)))
        .map(|c| (c, c.items_for(rs.phase, &rs.areas)))
        .collect()
}
