//! The client portal's use cases: what is due for the signed-in client, their
//! open course, their chart's data, the shared plan with their reflections,
//! the between-session diary and the shared safety plan. The caller is the
//! client themself ([`PortalCaller`]); every read and write is audited as for
//! staff.

use crate::caller::Identity;
use crate::follow_ups;
use crate::measure_links::sendable;
use crate::AppState;
use crate::Error;
use rapport_core::audit::{action, AuditEvent};
use rapport_core::measures::definition::Instrument;
use rapport_core::measures::schedule::{schedule_states, DueState};
use rapport_core::portal::{diary_entry, reflection, RawDiaryEntry, ReflectionTopic};
use rapport_core::time::format_date;
use rapport_core::{msg, Id, Timestamp};
use rapport_store::clients::ClientRecord;
use rapport_store::courses::{CourseRecord, TherapySession};
use rapport_store::formulation::GoalWithRatings;
use rapport_store::portal::ReflectionRow;

/// The signed-in client and their record.
pub struct PortalCaller {
    pub me: Identity,
    pub client: ClientRecord,
}

impl PortalCaller {
    /// An audit event by the client about their own record.
    pub fn event(&self, action: &str, resource_type: &str) -> AuditEvent {
        let mut e = self.me.event(action, resource_type);
        e.actor_label = format!("{} (client portal)", self.me.user.email);
        e.client_id = Some(self.client.id.to_string());
        e
    }
}

/// The client whose portal account `me` is (None: no such client).
#[crate::boxing::boxed_future]
pub async fn client_of(state: &AppState, me: &Identity) -> Result<Option<ClientRecord>, Error> {
    Ok(match state.store.portal_client_of(&me.user.id).await? {
        Some(id) => state.store.client_by_id(&id).await?,
        None => None,
    })
}

/// The language saved on a client's record, when it is one of `shipped`
/// (older records hold free text such as "Spanish": that counts as not set).
#[crate::boxing::boxed_future]
pub async fn saved_language(state: &AppState, client: &Id, shipped: &[&'static str]) -> Result<ClientReading, Error> {
    let record = state.store.client_by_id(client).await?;
    Ok(ClientReading {
        language: record
            .as_ref()
            .and_then(|c| rapport_core::language::shipped_tag(c.details.preferred_language.as_deref(), shipped)),
        site: record.and_then(|c| c.site_id),
    })
}

/// What decides the words a client reads: the language saved on their record
/// (one of the shipped tags) and their site, whose adaptation they see.
#[derive(Clone, Debug, Default)]
pub struct ClientReading {
    pub language: Option<&'static str>,
    pub site: Option<Id>,
}

/// Saves the language the client chose in the portal as their preferred
/// language (the care team sees it on the client's record). Anything but one
/// of `shipped` is refused on `language` and nothing changes.
#[crate::boxing::boxed_future]
pub async fn set_language(
    state: &AppState,
    pc: &PortalCaller,
    language: &str,
    shipped: &[&'static str],
) -> Result<&'static str, Error> {
    let Some(language) = rapport_core::language::shipped_tag(Some(language), shipped) else {
        return Err(Error::keyed("language", msg("portal-language-unknown"), vec![]));
    };
    let mut e = pc.event(action::PORTAL_LANGUAGE, "client");
    e.detail = Some(format!("language {language}"));
    state.store.set_client_language(&pc.client.id, language, e).await?;
    Ok(language)
}

/// Records that the client opened one of their own pages.
#[crate::boxing::boxed_future]
pub async fn audit_read(state: &AppState, pc: &PortalCaller, page: &str) -> Result<(), Error> {
    let mut e = pc.event(action::PORTAL_READ, "client");
    e.resource_id = Some(pc.client.id.to_string());
    e.detail = Some(page.to_string());
    state.store.audit(e).await?;
    Ok(())
}

/// The client's open course (the newest planned or active one) and its sessions.
#[crate::boxing::boxed_future]
pub async fn open_course(state: &AppState, client: &Id) -> Result<Option<(CourseRecord, Vec<TherapySession>)>, Error> {
    let course = state.store.client_courses(client).await?.into_iter().map(|s| s.course).find(|c| c.status.is_open());
    match course {
        Some(c) => {
            let sessions = state.store.course_sessions(&c.id).await?;
            Ok(Some((c, sessions)))
        }
        None => Ok(None),
    }
}

/// The dates of the sessions held, in order.
pub fn held_dates(sessions: &[TherapySession]) -> Vec<time::Date> {
    sessions.iter().filter(|s| s.attendance.is_held()).map(|s| s.date).collect()
}

/// A questionnaire waiting for the client.
pub struct DueMeasure {
    pub id: String,
    pub name: String,
    /// The language the name is written in.
    pub name_language: String,
    pub overdue: bool,
    /// After a completed course: the follow-up's months ("Follow-up at 3 months").
    pub follow_up_months: Option<i64>,
}

/// Scheduled questionnaires of the open course (with its sessions, from
/// [`open_course`]) that are due or overdue and that a client can answer
/// (self-report, text shipped), then follow-ups after a completed course.
#[crate::boxing::boxed_future]
pub async fn due_measures(
    state: &AppState,
    client: &Id,
    open: Option<&(CourseRecord, Vec<TherapySession>)>,
) -> Result<Vec<DueMeasure>, Error> {
    // Follow-ups after a completed course, from their date until answered.
    let mut follow: Vec<DueMeasure> = Vec::new();
    for f in follow_ups::due(state, client).await? {
        for id in &f.instruments {
            let Some(inst) = state.instruments.get(id).filter(|i| sendable(i)) else { continue };
            if !follow.iter().any(|d| &d.id == id) {
                follow.push(DueMeasure {
                    id: id.clone(),
                    name: inst.name_in(rapport_i18n::current().lang()).to_string(),
                    name_language: inst.name_language_in(rapport_i18n::current().lang()).to_string(),
                    overdue: false,
                    follow_up_months: Some(i64::from(f.months)),
                });
            }
        }
    }
    let Some((course, sessions)) = open else { return Ok(follow) };
    let (schedule, _, _) = crate::measures::schedule_of(state, &course.id).await?;
    // This course's answers only, so a new course asks for its own baseline;
    // an incomplete one counts as sent (the clinician follows up the blanks).
    let responses = crate::outcomes::course_responses(state, client, &course.id).await?;
    let done: Vec<(String, time::Date)> =
        responses.iter().map(|r| (r.instrument_id.clone(), r.completed_at.date())).collect();
    // Never ask for the same questionnaire twice in a day: a session held today
    // and an answer sent after it would otherwise leave it "due" for the next one.
    let today = Timestamp::now().date();
    let mut due = schedule_states(&schedule, course.planned_sessions, &held_dates(sessions), &done)
        .into_iter()
        .filter(|(_, st)| *st != DueState::NotDue)
        .filter(|(id, _)| !done.iter().any(|(i, d)| i == id && *d == today))
        .filter_map(|(id, st)| {
            let inst = state.instruments.get(&id).filter(|i| sendable(i))?;
            Some(DueMeasure {
                id,
                name: inst.name_in(rapport_i18n::current().lang()).to_string(),
                name_language: inst.name_language_in(rapport_i18n::current().lang()).to_string(),
                overdue: st == DueState::Overdue,
                follow_up_months: None,
            })
        })
        .collect::<Vec<_>>();
    let extra: Vec<DueMeasure> = follow.into_iter().filter(|f| !due.iter().any(|d| d.id == f.id)).collect();
    due.extend(extra);
    Ok(due)
}

/// The instrument when it is due for this client now, or offered after a
/// positive screen (PHQ-2 → PHQ-9), with the open course; otherwise 404.
#[crate::boxing::boxed_future]
pub async fn due_instrument(state: &AppState, client: &Id, id: &str) -> Result<(Instrument, Option<Id>), Error> {
    let open = open_course(state, client).await?;
    let due = due_measures(state, client, open.as_ref()).await?;
    if !due.iter().any(|d| d.id == id) {
        let rows = state.store.responses(client).await?;
        let offered = follow_ups::pending(state, &rows);
        if !offered.iter().any(|i| i.id == id && sendable(i)) {
            return Err(Error::NotFound);
        }
    }
    let inst = state.instruments.get(id).cloned().ok_or(Error::NotFound)?;
    Ok((inst, open.map(|(c, _)| c.id)))
}

/// The follow-up a just-answered questionnaire offers the client (one they can answer).
pub fn offered_follow_up<'a>(state: &'a AppState, inst: &Instrument, flags: &[String]) -> Option<&'a Instrument> {
    follow_ups::offered(state, inst, flags).filter(|n| sendable(n))
}

/// The course the shared plan is about: the open one, else the newest.
#[crate::boxing::boxed_future]
pub async fn plan_course(state: &AppState, client: &Id) -> Result<Option<CourseRecord>, Error> {
    let courses = state.store.client_courses(client).await?;
    let open = courses.iter().find(|c| c.course.status.is_open()).map(|c| c.course.clone());
    Ok(open.or_else(|| courses.first().map(|c| c.course.clone())))
}

/// The plan as shared with the client: the problem areas (code, label), the
/// formulation's shared text and when it was agreed, and the goals still held.
#[derive(Default)]
pub struct SharedPlan {
    pub areas: Vec<(String, String)>,
    pub shared_text: Option<String>,
    pub agreed_on: Option<String>,
    pub goals: Vec<GoalWithRatings>,
}

#[crate::boxing::boxed_future]
pub async fn shared_plan(state: &AppState, client: &Id) -> Result<SharedPlan, Error> {
    let mut plan = SharedPlan::default();
    let Some(course) = plan_course(state, client).await? else { return Ok(plan) };
    if let Some(f) = state.store.course_formulation(&course.id).await? {
        let protocol = state.config.protocols.get(&course.protocol_id);
        plan.areas = f
            .body
            .problem_areas
            .iter()
            .map(|a| (a.clone(), protocol.map(|p| p.area_label(a).to_string()).unwrap_or_else(|| a.clone())))
            .collect();
        plan.shared_text = f.body.shared_text.clone();
        plan.agreed_on = f.body.agreed_on.clone();
    }
    plan.goals = state
        .store
        .goals_with_ratings(&course.id)
        .await?
        .into_iter()
        .filter(|g| g.goal.body.status.as_str() != "dropped")
        .collect();
    Ok(plan)
}

/// Stores the client's reflection on their plan (`Invalid` on `topic` or `body`).
#[crate::boxing::boxed_future]
pub async fn reflect(
    state: &AppState,
    pc: &PortalCaller,
    topic: Option<&str>,
    body: Option<&str>,
) -> Result<(), Error> {
    let (topic, body) = reflection(topic, body)?;
    let course = plan_course(state, &pc.client.id).await?.map(|c| c.id);
    let mut e = pc.event(action::REFLECTION_CREATE, "reflection");
    e.detail = Some(topic.as_str().to_string());
    state.store.add_reflection(&pc.client.id, course.as_ref(), topic, &body, &pc.me.user.id, e).await?;
    Ok(())
}

/// Stores a diary entry (`Invalid` naming each field).
#[crate::boxing::boxed_future]
pub async fn add_diary_entry(state: &AppState, pc: &PortalCaller, raw: &RawDiaryEntry) -> Result<(), Error> {
    let entry = diary_entry(raw, Timestamp::now().date())?;
    let mut e = pc.event(action::DIARY_CREATE, "diary_entry");
    e.detail = Some(format!("for {}", format_date(entry.date)));
    state.store.add_diary_entry(&pc.client.id, &entry, &pc.me.user.id, e).await?;
    Ok(())
}

/// The client's shared safety plan, its read audited; 404 when none is shared.
#[crate::boxing::boxed_future]
pub async fn safety_plan(state: &AppState, pc: &PortalCaller) -> Result<rapport_store::measures::SafetyPlanRow, Error> {
    let plan = crate::safety_plans::shared(state, &pc.client.id).await?.ok_or(Error::NotFound)?;
    let mut e = pc.event(action::SAFETY_PLAN_READ, "safety_plan");
    e.resource_id = Some(plan.id.to_string());
    e.detail = Some(format!("version {} in the client portal", plan.version));
    state.store.audit(e).await?;
    Ok(plan)
}

/// The client's portal reflections on one topic, newest first, for the staff
/// page where the care team works on it (the read is audited when there are any).
#[crate::boxing::boxed_future]
pub async fn reflections_on(
    state: &AppState,
    me: &Identity,
    client: &Id,
    topic: ReflectionTopic,
) -> Result<Vec<ReflectionRow>, Error> {
    let found: Vec<ReflectionRow> =
        state.store.reflections(client).await?.into_iter().filter(|r| r.topic == topic).collect();
    if !found.is_empty() {
        let mut e = me.event(action::REFLECTION_READ, "client");
        e.resource_id = Some(client.to_string());
        e.client_id = Some(client.to_string());
        e.detail = Some(format!("{} {} reflections", found.len(), topic.as_str()));
        state.store.audit(e).await?;
    }
    Ok(found)
}

/// What the client's care team shares with them in the portal (the chart,
/// the plan, the safety plan ...), for the portal's navigation.
#[crate::boxing::boxed_future]
pub async fn sharing(state: &AppState, client: &Id) -> Result<rapport_store::portal::PortalSharing, Error> {
    Ok(state.store.portal_sharing(client).await?)
}

/// The between-session work of the course's latest signed note, with that
/// session's date, for the portal's home page.
#[crate::boxing::boxed_future]
pub async fn latest_work(state: &AppState, course: &Id) -> Result<Option<(time::Date, String)>, Error> {
    Ok(state.store.latest_signed_work(course).await?)
}

/// How many diary entries the client wrote from `since` on (at most 50 counted).
#[crate::boxing::boxed_future]
pub async fn diary_days_since(state: &AppState, client: &Id, since: time::Date) -> Result<usize, Error> {
    Ok(state.store.diary_entries(client, Some(since), None, 50).await?.len())
}

/// The client's scored responses, oldest first, for their own chart.
#[crate::boxing::boxed_future]
pub async fn scored_responses(
    state: &AppState,
    client: &Id,
) -> Result<Vec<rapport_store::measures::ResponseRow>, Error> {
    Ok(state.store.responses(client).await?.into_iter().filter(|r| r.total.is_some()).collect())
}

/// The client's own reflections, for their plan page.
#[crate::boxing::boxed_future]
pub async fn own_reflections(state: &AppState, client: &Id) -> Result<Vec<ReflectionRow>, Error> {
    Ok(state.store.reflections(client).await?)
}
