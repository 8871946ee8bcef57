//! Supervision: the supervisor's dashboard of their supervisees' open cases
//! and groups (cases needing attention first), supervision meetings with
//! hours totals and the ratio to therapy hours, training records and
//! certification progress computed from what is already recorded.
//!
//! A supervisor sees everyone their supervision reaches (down the chain);
//! a person sees their own hours, trainings and progress; administrators
//! record trainings and certifications for anyone.

use crate::access::course::course_for;
use crate::access::{clients_shown, deny, Purpose};
use crate::caller::Identity;
use crate::error::field_error;
use crate::{AppResult, AppState, Error};
use rapport_core::access::Role;
use rapport_core::audit::action;
use rapport_core::course::Progress;
use rapport_core::fidelity::Rater;
use rapport_core::protocol::{Phase, ProtocolKind};
use rapport_core::risk::FlagStatus;
use rapport_core::supervision::{
    indicators, measure_interval, progress, supervision_ratio, CaseFacts, Indicators, Pathway,
    Progress as PathProgress, RatedCase, Record,
};
use rapport_core::{msg, Id, Timestamp};
use rapport_store::clients::CaseloadQuery;
use rapport_store::fidelity::{CertificationRow, MeetingRow, NewMeeting, NewTraining, TrainingRow};
use rapport_store::groups::GroupRow;
use std::collections::HashMap;

/// One open case on the dashboard.
#[derive(Clone, Debug)]
pub struct CaseRow {
    pub client_id: Id,
    pub client_name: String,
    pub course_id: Id,
    pub clinician_id: Id,
    pub clinician_name: String,
    /// In the reader's language.
    pub protocol_name: String,
    pub progress: Progress,
    pub indicators: Indicators,
    /// The latest rating of the course's sessions: (mean, pass, rater).
    pub latest_fidelity: Option<(f64, bool, Rater)>,
}

/// A supervised facilitator's group on the dashboard.
#[derive(Clone, Debug)]
pub struct GroupCase {
    pub group: GroupRow,
    /// Attended places over all recorded places (0-1), `None` before the first meeting.
    pub attendance: Option<f64>,
    pub dropped_out: u32,
    /// Members with a risk flag not yet closed.
    pub members_at_risk: u32,
    pub attention: u32,
    /// Its facilitators the caller supervises.
    pub supervised_facilitators: Vec<Id>,
}

pub struct Dashboard {
    pub cases: Vec<CaseRow>,
    pub groups: Vec<GroupCase>,
}

fn require_supervisor(me: &Identity) -> AppResult<()> {
    if me.user.role == Role::Supervisor {
        Ok(())
    } else {
        Err(Error::forbidden(msg("app-supervision-supervisors"), &[]))
    }
}

/// The caller's supervisees' open cases (needing attention first) and
/// their groups. Audited with every client shown.
#[crate::boxing::boxed_future]
pub async fn dashboard(state: &AppState, me: &Identity) -> AppResult<Dashboard> {
    if let Err(e) = require_supervisor(me) {
        deny(state, me, "supervision", None).await?;
        return Err(e);
    }
    let reach = state.store.supervision_reach(&me.user.id).await?;
    let q = CaseloadQuery { limit: rapport_core::caseload::MAX_PAGE, ..Default::default() };
    let (rows, _) = state.store.caseload(&me.user.id, &q).await?;
    let rows: Vec<_> = rows.into_iter().filter(|r| reach.contains(&r.responsible_clinician_id)).collect();
    let open = crate::clients::open_courses(state, &rows).await?;
    let markers = crate::clients::measure_markers(state, &rows).await?;
    let now = Timestamp::now();
    let mut cases = Vec::new();
    for r in &rows {
        let Some(oc) = open.get(r.id.as_str()) else { continue };
        let cx = course_for(state, me, oc.id.as_str(), Purpose::Write).await?;
        let acute = cx.protocol.kind == ProtocolKind::Acute;
        let areas = crate::formulation::chosen_areas(state, &cx).await?;
        let ending_discussed = crate::ending::review_of(state, &cx).await?.is_some();
        let flags = state.store.client_risk_flags(&r.id).await?;
        let ages: Vec<i64> = flags
            .iter()
            .filter(|f| f.status != FlagStatus::Closed)
            .map(|f| now.since(f.raised_at).whole_hours())
            .collect();
        let ratings = state.store.course_ratings(&cx.course.id).await?;
        let latest = ratings.last().map(|x| (x.mean, x.pass, x.rater));
        let m = markers.get(r.id.as_str());
        let facts = CaseFacts {
            sessions_held: cx.held(),
            planned_sessions: cx.course.planned_sessions,
            initial_overrun: cx.progress.initial_overrun,
            no_focus: acute && areas.is_empty() && cx.held() > cx.protocol.initial_sessions,
            measures_overdue: m.map_or(0, |m| m.overdue.len()),
            not_on_track: m.is_some_and(|m| !m.not_on_track.is_empty()),
            open_flag_ages_hours: ages,
            ending_due: acute && (cx.progress.ending_prompt || cx.progress.phase == Phase::Termination),
            ending_discussed,
            latest_fidelity: latest.map(|(mean, pass, _)| (mean, pass)),
        };
        cases.push(CaseRow {
            client_id: r.id.clone(),
            client_name: r.display_name.clone(),
            course_id: cx.course.id.clone(),
            clinician_id: r.responsible_clinician_id.clone(),
            clinician_name: r.responsible_clinician_name.clone(),
            protocol_name: cx.protocol.name_in(rapport_i18n::current().lang()).to_string(),
            progress: cx.progress.clone(),
            indicators: indicators(&facts),
            latest_fidelity: latest,
        });
    }
    // Most attention first; ties by name, so the order is stable.
    cases.sort_by(|a, b| {
        b.indicators.attention().cmp(&a.indicators.attention()).then(a.client_name.cmp(&b.client_name))
    });
    let mut groups = Vec::new();
    for g in state.store.groups_for(&me.user.id, false).await? {
        if g.closed_at.is_some() {
            continue;
        }
        let Some(detail) = state.store.group(&g.id).await? else { continue };
        let supervised_facilitators: Vec<Id> =
            detail.facilitators.iter().filter(|f| reach.contains(&f.id)).map(|f| f.id.clone()).collect();
        if supervised_facilitators.is_empty() {
            continue;
        }
        let present: u32 = detail.sessions.iter().map(|s| s.attended).sum();
        let places: u32 = detail.sessions.iter().map(|s| s.attended + s.absent).sum();
        let dropped =
            detail.members.iter().filter(|m| m.status == rapport_core::group::MemberStatus::DroppedOut).count() as u32;
        let mut at_risk = 0;
        for m in &detail.members {
            let open_flag =
                state.store.client_risk_flags(&m.client_id).await?.iter().any(|f| f.status != FlagStatus::Closed);
            at_risk += u32::from(open_flag);
        }
        let attendance = (places > 0).then(|| present as f64 / places as f64);
        let attention = at_risk * 1000 + dropped * 10 + attendance.map_or(0, |a| ((1.0 - a) * 100.0) as u32);
        groups.push(GroupCase {
            group: g,
            attendance,
            dropped_out: dropped,
            members_at_risk: at_risk,
            attention,
            supervised_facilitators,
        });
    }
    groups.sort_by(|a, b| b.attention.cmp(&a.attention).then(a.group.name.cmp(&b.group.name)));
    let mut e = me.event(action::SUPERVISION_READ, "supervision");
    e.detail = Some(clients_shown(cases.iter().map(|c| &c.client_id)));
    state.store.audit(e).await?;
    Ok(Dashboard { cases, groups })
}

/// The active people the caller's supervision reaches, by name: whom a
/// meeting may name and whose records the dashboard links to.
#[crate::boxing::boxed_future]
pub async fn supervisees(state: &AppState, me: &Identity) -> AppResult<Vec<rapport_store::users::User>> {
    if me.user.role != Role::Supervisor {
        return Ok(Vec::new());
    }
    let mut people = Vec::new();
    for id in state.store.supervision_reach(&me.user.id).await? {
        if let Some(u) = state.store.user(&id).await?.filter(|u| u.active) {
            people.push(u);
        }
    }
    people.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.as_str().cmp(b.id.as_str())));
    Ok(people)
}

/// A supervision meeting as typed.
#[derive(Clone, Debug, Default)]
pub struct MeetingInput {
    pub group: bool,
    pub held_on: String,
    pub minutes: Option<i64>,
    pub decisions: Option<String>,
    pub supervisee_ids: Vec<String>,
    pub course_ids: Vec<String>,
    pub group_ids: Vec<String>,
    /// (text, owner id, due date)
    pub actions: Vec<(String, Option<String>, Option<String>)>,
}

/// Records a supervision meeting the caller led: supervisees must be in
/// their supervision's reach, cases discussed must be courses or groups
/// the caller may see.
#[crate::boxing::boxed_future]
pub async fn record_meeting(state: &AppState, me: &Identity, input: &MeetingInput) -> AppResult<Id> {
    if let Err(e) = require_supervisor(me) {
        deny(state, me, "supervision", None).await?;
        return Err(e);
    }
    let reach = state.store.supervision_reach(&me.user.id).await?;
    let mut errors = rapport_core::ValidationErrors::new();
    let today = crate::clock::today();
    let held_on = match rapport_core::time::parse_date(input.held_on.trim()) {
        Some(d) if d > today => {
            errors.0.push(field_error("held_on", msg("supervision-error-future"), vec![]));
            d
        }
        Some(d) => d,
        None => {
            errors.0.push(field_error("held_on", msg("group-error-date"), vec![]));
            today
        }
    };
    let minutes = match input.minutes {
        Some(m) if (5..=600).contains(&m) => m as u32,
        _ => {
            errors.0.push(field_error("minutes", msg("supervision-error-minutes"), vec![]));
            0
        }
    };
    let mut supervisees = Vec::new();
    for (i, raw) in input.supervisee_ids.iter().enumerate() {
        match Id::parse(raw.trim()).filter(|id| reach.contains(id)) {
            Some(id) if !supervisees.contains(&id) => supervisees.push(id),
            Some(_) => {}
            None => errors.0.push(field_error(
                &format!("supervisee_ids[{i}]"),
                msg("supervision-error-not-supervisee"),
                vec![],
            )),
        }
    }
    if supervisees.is_empty() {
        errors.0.push(field_error("supervisee_ids", msg("supervision-error-no-supervisee"), vec![]));
    }
    if !input.group && supervisees.len() > 1 {
        errors.0.push(field_error("supervisee_ids", msg("supervision-error-individual"), vec![]));
    }
    let decisions = input.decisions.as_deref().map(str::trim).filter(|d| !d.is_empty());
    if decisions.is_some_and(|d| d.chars().count() > 8000) {
        errors.0.push(field_error("decisions", msg("group-error-text-long"), vec![("max", 8000i64.into())]));
    }
    let mut actions = Vec::new();
    for (i, (text, owner, due)) in input.actions.iter().enumerate() {
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        if text.chars().count() > 500 {
            errors.0.push(field_error(&format!("actions[{i}].text"), msg("supervision-error-action-long"), vec![]));
        }
        let owner = match owner.as_deref().map(str::trim).filter(|o| !o.is_empty()) {
            None => None,
            Some(o) => match Id::parse(o).filter(|id| supervisees.contains(id) || id == &me.user.id) {
                Some(id) => Some(id),
                None => {
                    errors.0.push(field_error(
                        &format!("actions[{i}].owner_id"),
                        msg("supervision-error-owner"),
                        vec![],
                    ));
                    None
                }
            },
        };
        let due = match due.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
            None => None,
            Some(d) => match rapport_core::time::parse_date(d) {
                Some(d) => Some(d),
                None => {
                    errors.0.push(field_error(&format!("actions[{i}].due_on"), msg("supervision-error-due"), vec![]));
                    None
                }
            },
        };
        actions.push((text.to_string(), owner, due));
    }
    errors.into_result()?;
    let mut cases = Vec::new();
    for (i, raw) in input.course_ids.iter().enumerate() {
        match course_for(state, me, raw.trim(), Purpose::Write).await {
            Ok(cx) => cases.push((Some(cx.course.id.clone()), None, None)),
            Err(Error::NotFound) => {
                return Err(Error::keyed(&format!("course_ids[{i}]"), msg("app-supervision-no-course"), vec![]))
            }
            Err(e) => return Err(e),
        }
    }
    for (i, raw) in input.group_ids.iter().enumerate() {
        match crate::groups::group_for(state, me, raw.trim(), Purpose::Write).await {
            Ok(v) if v.access.sees_members() => cases.push((None, Some(v.detail.group.id.clone()), None)),
            Ok(_) | Err(Error::NotFound) => {
                return Err(Error::keyed(&format!("group_ids[{i}]"), msg("app-supervision-no-group"), vec![]))
            }
            Err(e) => return Err(e),
        }
    }
    let new = NewMeeting {
        supervisor_id: me.user.id.clone(),
        group: input.group,
        held_on,
        minutes,
        decisions: decisions.map(Into::into),
        supervisees,
        cases,
        actions,
    };
    let mut e = me.event(action::SUPERVISION_MEETING_RECORD, "supervision_meeting");
    e.detail = Some(format!(
        "{} meeting on {held_on}, {minutes} min, {} supervisees, {} cases",
        if new.group { "group" } else { "individual" },
        new.supervisees.len(),
        new.cases.len()
    ));
    Ok(state.store.create_supervision_meeting(&new, e).await?)
}

/// The caller's supervision meetings (led or attended).
#[crate::boxing::boxed_future]
pub async fn meetings(state: &AppState, me: &Identity) -> AppResult<Vec<MeetingRow>> {
    Ok(state.store.supervision_meetings(&me.user.id).await?)
}

/// Marks an action point of a meeting the caller led or attended done; 404 otherwise.
#[crate::boxing::boxed_future]
pub async fn complete_action(state: &AppState, me: &Identity, action_id: &str) -> AppResult<()> {
    let mut e = me.event(action::SUPERVISION_ACTION_DONE, "supervision_action");
    e.resource_id = Some(action_id.to_string());
    let done = match Id::parse(action_id) {
        Some(id) => state.store.complete_supervision_action(&id, &me.user.id, e).await?,
        None => false,
    };
    if !done {
        deny(state, me, "supervision_action", Some(action_id)).await?;
        return Err(Error::NotFound);
    }
    Ok(())
}

/// Whether the caller may see `user`'s professional record (hours,
/// trainings, progress): themself, a supervisor reaching them, an administrator.
async fn may_see_person(state: &AppState, me: &Identity, user: &Id) -> AppResult<bool> {
    Ok(&me.user.id == user
        || me.actor().can_administer()
        || (me.user.role == Role::Supervisor && state.store.supervision_reach(&me.user.id).await?.contains(user)))
}

async fn person(state: &AppState, me: &Identity, user: &str) -> AppResult<rapport_store::users::User> {
    let found = match Id::parse(user) {
        Some(id) => state.store.user(&id).await?,
        None => None,
    };
    match found {
        Some(u) if u.role != Role::Client && may_see_person(state, me, &u.id).await? => Ok(u),
        _ => {
            deny(state, me, "user", Some(user)).await?;
            Err(Error::NotFound)
        }
    }
}

/// Hours of supervision received and therapy given, and their ratio.
#[derive(Clone, Debug, PartialEq)]
pub struct Hours {
    pub supervision_minutes: i64,
    pub therapy_minutes: i64,
    /// Supervision hours per therapy hour.
    pub ratio: Option<f64>,
}

async fn hours_of(state: &AppState, user: &Id) -> AppResult<Hours> {
    let supervision_minutes = state.store.supervision_minutes_received(user).await?;
    let (individual, groups) = state.store.therapy_given(user).await?;
    let group_minutes: i64 =
        groups.iter().map(|(p, n)| n * state.config.protocols.get(p).map_or(90, |p| p.session_minutes as i64)).sum();
    let therapy_minutes = individual + group_minutes;
    Ok(Hours { supervision_minutes, therapy_minutes, ratio: supervision_ratio(supervision_minutes, therapy_minutes) })
}

/// A person's hours (themself, their supervisors, administrators).
#[crate::boxing::boxed_future]
pub async fn hours(state: &AppState, me: &Identity, user: &str) -> AppResult<Hours> {
    let u = person(state, me, user).await?;
    hours_of(state, &u.id).await
}

/// A training as typed.
#[derive(Clone, Debug, Default)]
pub struct TrainingInput {
    pub user_id: String,
    pub course_name: String,
    pub hours: Option<f64>,
    pub trainer: Option<String>,
    pub held_on: String,
}

/// Records a training for a person (themself, their supervisor, an administrator).
#[crate::boxing::boxed_future]
pub async fn add_training(state: &AppState, me: &Identity, input: &TrainingInput) -> AppResult<Id> {
    let u = person(state, me, &input.user_id).await?;
    let mut errors = rapport_core::ValidationErrors::new();
    let name = input.course_name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        errors.0.push(field_error("course_name", msg("supervision-error-course"), vec![]));
    }
    let hours = match input.hours {
        Some(h) if h > 0.0 && h <= 1000.0 => h,
        _ => {
            errors.0.push(field_error("hours", msg("supervision-error-hours"), vec![]));
            0.0
        }
    };
    let held_on = match rapport_core::time::parse_date(input.held_on.trim()) {
        Some(d) if d > crate::clock::today() => {
            errors.0.push(field_error("held_on", msg("supervision-error-training-future"), vec![]));
            d
        }
        Some(d) => d,
        None => {
            errors.0.push(field_error("held_on", msg("group-error-date"), vec![]));
            crate::clock::today()
        }
    };
    let trainer = input.trainer.as_deref().map(str::trim).filter(|t| !t.is_empty());
    if trainer.is_some_and(|t| t.chars().count() > 200) {
        errors.0.push(field_error("trainer", msg("group-error-text-long"), vec![("max", 200i64.into())]));
    }
    errors.into_result()?;
    let t = NewTraining {
        user_id: u.id.clone(),
        course_name: name.into(),
        hours_tenths: (hours * 10.0).round() as i64,
        trainer: trainer.map(Into::into),
        held_on,
        recorded_by: me.user.id.clone(),
    };
    let mut e = me.event(action::TRAINING_RECORD, "training");
    e.detail = Some(format!("{} for {}: {hours} h on {held_on}", t.course_name, u.email));
    Ok(state.store.add_training(&t, e).await?)
}

/// A person's trainings, certifications and progress on each pathway.
pub struct ProfessionalRecord {
    pub user: rapport_store::users::User,
    pub hours: Hours,
    pub trainings: Vec<TrainingRow>,
    pub certifications: Vec<CertificationRow>,
    pub pathways: Vec<(Pathway, PathProgress)>,
}

/// Everything certification needs, computed from what is recorded: training
/// hours, supervision hours received, and cases (courses whose sessions the
/// person ran, or groups they facilitated) with a passing supervisor rating
/// with the pathway's checklist and measures often enough.
#[crate::boxing::boxed_future]
pub async fn professional_record(state: &AppState, me: &Identity, user: &str) -> AppResult<ProfessionalRecord> {
    let u = person(state, me, user).await?;
    let hours = hours_of(state, &u.id).await?;
    let trainings = state.store.trainings(&u.id).await?;
    let certifications = state.store.certifications(&u.id).await?;
    let training_hours = trainings.iter().map(|t| t.hours_tenths).sum::<i64>() as f64 / 10.0;
    let ratings = state.store.clinician_ratings(&u.id).await?;
    // Per course or group: the checklists a supervisor passed it with.
    let mut passed: HashMap<(Id, String), bool> = HashMap::new();
    for r in ratings.iter().filter(|r| r.rater == Rater::Supervisor) {
        let Some(key) = r.course_id.clone().or_else(|| r.group_id.clone()) else { continue };
        let slot = passed.entry((key, r.checklist_id.clone())).or_insert(false);
        *slot |= r.pass;
    }
    let mut intervals: HashMap<Id, u32> = HashMap::new();
    for (key, _) in passed.keys() {
        if intervals.contains_key(key) {
            continue;
        }
        let interval = match state.store.course(key).await? {
            Some(course) => {
                let held: Vec<time::Date> = state
                    .store
                    .course_sessions(&course.id)
                    .await?
                    .iter()
                    .filter(|s| s.counts())
                    .map(|s| s.date)
                    .collect();
                let measured: Vec<time::Date> = crate::outcomes::course_responses(state, &course.client_id, &course.id)
                    .await?
                    .iter()
                    .map(|r| r.completed_at.date())
                    .collect();
                measure_interval(&held, &measured)
            }
            // A group takes its measure at every meeting.
            None => 1,
        };
        intervals.insert(key.clone(), interval);
    }
    let pathways = state
        .config
        .fidelity
        .pathways()
        .iter()
        .map(|p| {
            let cases = passed
                .iter()
                .filter(|((_, checklist), _)| checklist == &p.case_checklist)
                .map(|((key, _), pass)| RatedCase {
                    supervisor_pass: *pass,
                    measure_interval: intervals.get(key).copied().unwrap_or(u32::MAX),
                })
                .collect();
            let record = Record { training_hours, supervision_hours: hours.supervision_minutes as f64 / 60.0, cases };
            (p.clone(), progress(p, &record))
        })
        .collect();
    let mut e = me.event(action::SUPERVISION_READ, "user");
    e.resource_id = Some(u.id.to_string());
    e.detail = Some("professional record".into());
    state.store.audit(e).await?;
    Ok(ProfessionalRecord { user: u, hours, trainings, certifications, pathways })
}

/// Records a certification (an administrator or the person's supervisor):
/// valid for the pathway's years from the date given.
#[crate::boxing::boxed_future]
pub async fn certify(state: &AppState, me: &Identity, user: &str, pathway: &str, on: &str) -> AppResult<()> {
    let u = person(state, me, user).await?;
    if u.id == me.user.id {
        return Err(Error::forbidden(msg("app-certification-recorder"), &[]));
    }
    let Some(p) = state.config.fidelity.pathway(pathway.trim()) else {
        return Err(Error::keyed("pathway", msg("app-certification-no-pathway"), vec![]));
    };
    let Some(on) = rapport_core::time::parse_date(on.trim()).filter(|d| *d <= crate::clock::today()) else {
        return Err(Error::keyed("certified_on", msg("app-certification-date"), vec![]));
    };
    let expires = (p.valid_years > 0).then(|| on.replace_year(on.year() + p.valid_years as i32).unwrap_or(on));
    let mut e = me.event(action::CERTIFICATION_RECORD, "user");
    e.resource_id = Some(u.id.to_string());
    e.detail = Some(format!("{} on {on}", p.id));
    Ok(state.store.set_certification(&u.id, &p.id, on, expires, &me.user.id, e).await?)
}

/// Reminds the holder of each certification that expires within
/// `RENEWAL_NOTICE_DAYS` of `today` (or has expired unnoticed), and their
/// supervisors, once per certification; a renewal starts the count again.
/// Returns how many certifications were reminded about. Run by housekeeping.
#[crate::boxing::boxed_future]
pub async fn send_renewal_reminders(state: &AppState, today: time::Date) -> AppResult<usize> {
    use rapport_core::supervision::RENEWAL_NOTICE_DAYS;
    use rapport_i18n::msg;
    use rapport_store::outbox::Notice;
    let default_language = state.organisation().await?.default_language;
    let due = state.store.certifications_to_remind(today + time::Duration::days(RENEWAL_NOTICE_DAYS)).await?;
    let base = state.config.public_url.as_deref().unwrap_or("").trim_end_matches('/');
    let mut sent = 0;
    for d in due {
        let Some(holder) = state.store.user(&d.user_id).await? else { continue };
        let pathway =
            state.config.fidelity.pathway(&d.pathway_id).map(|p| p.name.clone()).unwrap_or(d.pathway_id.clone());
        // "expired" or "expires", chosen inside each message (a Fluent selector).
        let state_word = if d.expires_on < today { "expired" } else { "expires" };
        let tr = crate::notices::staff_language(&holder, &default_language);
        let date = tr.long_date(d.expires_on);
        let holder_subject = |tr: &rapport_i18n::Tr, date: &String| {
            tr.tn(msg("mail-renewal-subject"), &[("pathway", &pathway), ("state", &state_word), ("date", date)])
        };
        let account_url = format!("{base}/account");
        let mut notices = vec![Notice {
            kind: "certification_renewal",
            to_user: Some(holder.id.clone()),
            to_email: None,
            subject: holder_subject(&tr, &date),
            body: tr.tn(
                msg("mail-renewal-body"),
                &[("pathway", &pathway), ("state", &state_word), ("date", &date), ("url", &account_url)],
            ),
        }];
        let supervision_url = format!("{base}/supervision");
        for s in state.store.active_supervisors_of(&holder.id).await? {
            let tr = match state.store.user(&s).await? {
                Some(u) => crate::notices::staff_language(&u, &default_language),
                None => rapport_i18n::Tr::new(&default_language),
            };
            let date = tr.long_date(d.expires_on);
            let args: [(&'static str, &dyn rapport_i18n::Arg); 5] = [
                ("name", &holder.name),
                ("pathway", &pathway),
                ("state", &state_word),
                ("date", &date),
                ("url", &supervision_url),
            ];
            notices.push(Notice {
                kind: "certification_renewal",
                to_user: Some(s),
                to_email: None,
                subject: tr.tn(msg("mail-renewal-supervisor-subject"), &args),
                body: tr.tn(msg("mail-renewal-supervisor-body"), &args),
            });
        }
        if state.store.record_renewal_reminder(&holder.id, &d.pathway_id, today, &notices).await? {
            sent += 1;
        }
    }
    Ok(sent)
}
