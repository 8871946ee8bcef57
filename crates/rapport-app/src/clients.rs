//! Client records: the caseload, creating and changing a record, archiving
//! and restoring it, the care team, and emergency ("break-glass") access.
//! The staff pages and the API both call these.
//!
//! `unread` arguments carry the errors a face found reading its input (e.g.
//! external identifiers typed one per line); when there are any, nothing is
//! checked or written and they are the answer.

use crate::access::{client_for, clients_shown, deny, require_caseload, Purpose};
use crate::caller::Identity;
use crate::error::store_refusal;
use crate::{AppResult, AppState, Error};
use rapport_core::access::{
    break_glass_reason, may_replace_responsible, AccessBasis, ClientRelation, MAX_BREAK_GLASS_REASON,
    MIN_BREAK_GLASS_REASON,
};
use rapport_core::audit::{action, AuditEvent};
use rapport_core::client::{self, changed_fields, ClientStatus, RawClientDetails};
use rapport_core::measures::schedule::Schedule;
use rapport_core::msg;
use rapport_core::validation::KeyArg;
use rapport_core::{Id, Timestamp, ValidationErrors};
use rapport_store::caseload_cards::CardScore;
use rapport_store::clients::{CareTeamMember, CaseloadQuery, CaseloadRow, ClientRecord, ClientSummary};
use rapport_store::courses::CourseRecord;
use rapport_store::users::User;
use std::collections::HashMap;

/// A page of the caller's caseload as asked for (`rapport_core::caseload::page`).
#[derive(Clone, Debug, Default)]
pub struct CaseloadRequest<'a> {
    pub search: Option<String>,
    pub status: Option<&'a str>,
    pub limit: Option<i64>,
    pub offset: Option<i64>,
}

/// One page of the caller's caseload, the number of clients in all pages, and
/// the status listed. The list view is audited with every client it shows;
/// `seen_as` says where (" shown, page 2", " via API").
pub fn caseload<'a>(
    state: &'a AppState,
    me: &'a Identity,
    req: CaseloadRequest<'a>,
    seen_as: &'a str,
) -> crate::boxing::Boxed<'a, AppResult<(Vec<CaseloadRow>, i64, ClientStatus)>> {
    Box::pin(async move {
        require_caseload(state, me).await?;
        let (status, limit, offset) = rapport_core::caseload::page(req.status, req.limit, req.offset)?;
        let search = req.search.as_deref().map(str::trim).filter(|q| !q.is_empty()).map(|q| format!(", search {q:?}"));
        let q = CaseloadQuery { search: req.search, status: Some(status), limit, offset };
        let (rows, total) = state.store.caseload(&me.user.id, &q).await?;
        let mut e = me.event(action::CLIENT_LIST, "client");
        e.detail = Some(format!(
            "{} of {total} {} clients{seen_as}{}; {}",
            rows.len(),
            status.as_str(),
            search.unwrap_or_default(),
            clients_shown(rows.iter().map(|r| &r.id))
        ));
        state.store.audit(e).await?;
        Ok((rows, total, status))
    })
}

/// Which page of the caseload: the first, the one after a client's row, or
/// the one before it. Pages are keyed by the row they follow, not by an
/// offset, so a page costs the same however far in it is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum PageKey {
    #[default]
    First,
    After(Id),
    Before(Id),
}

/// A page of the caseload (active clients) as full client records (for faces that show each
/// record whole, e.g. FHIR `Patient` searches); audited as `caseload` audits.
#[crate::boxing::boxed_future]
pub async fn caseload_records(
    state: &AppState,
    me: &Identity,
    search: Option<String>,
    limit: i64,
    offset: i64,
    seen_as: &str,
) -> AppResult<(Vec<ClientRecord>, i64)> {
    let req = CaseloadRequest { search, status: None, limit: Some(limit), offset: Some(offset) };
    let (rows, total, _) = caseload(state, me, req, seen_as).await?;
    let ids: Vec<Id> = rows.into_iter().map(|r| r.id).collect();
    Ok((state.store.clients_by_ids(&ids).await?, total))
}

/// The caseload page as the staff pages ask for it: optionally only one
/// responsible clinician's clients, and sorted by need instead of by name.
#[derive(Clone, Debug, Default)]
pub struct CaseloadViewRequest {
    pub search: Option<String>,
    pub archived: bool,
    /// Only clients this clinician is responsible for.
    pub clinician: Option<Id>,
    /// Risk first, then not on track, then overdue measures
    /// (`rapport_core::caseload::need_key`); otherwise by name.
    pub by_need: bool,
    pub key: PageKey,
    /// The page's number as shown (for the audit entry only).
    pub page: i64,
    pub page_size: i64,
}

/// One responsible clinician's share of the caseload.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClinicianSummary {
    pub id: Id,
    pub name: String,
    pub clients: usize,
    pub open_flags: usize,
    pub overdue_measures: usize,
}

/// A page of the caseload with where each listed client's course stands and
/// its measures markers, and, over the whole caseload, a summary per
/// responsible clinician (by name) for the filter and the supervisor's view.
pub struct CaseloadView {
    pub rows: Vec<CaseloadRow>,
    /// Clients matching (all pages).
    pub total: i64,
    pub courses: HashMap<String, (String, String, bool)>,
    pub markers: HashMap<String, Markers>,
    pub clinicians: Vec<ClinicianSummary>,
    /// The keys of the pages before and after this one, if there are any.
    pub previous: Option<PageKey>,
    pub next: Option<PageKey>,
}

/// The staff caseload page, from the caller's caseload list (decision 58):
/// the summary per responsible clinician is one count over the list's narrow
/// rows, the page one range of it after or before the key client's place
/// (in name order or by need), and only the page's cards are read whole.
/// The needs the list counts and orders by are worked out here when the
/// counts say some are stale, from the cards of the clients written to since
/// (normally none or a few), before the page is read, so the counts and the
/// order are never behind a write.
/// The audit names the clients shown on the page only.
#[crate::boxing::boxed_future]
pub async fn caseload_view(state: &AppState, me: &Identity, req: CaseloadViewRequest) -> AppResult<CaseloadView> {
    use rapport_core::caseload::MAX_PAGE;
    use rapport_store::caseload_lists::{Direction, ListScope};
    require_caseload(state, me).await?;
    let status = if req.archived { ClientStatus::Archived } else { ClientStatus::Active };
    let search = req.search.as_deref().map(str::trim).filter(|q| !q.is_empty()).map(str::to_string);
    let scope = ListScope { viewer: &me.user.id, status, clinician: req.clinician.as_ref(), search: search.as_deref() };
    // Needs worked out under another configuration are all stale (checked
    // once per server); the counts say whether any of their clients' needs
    // are to be worked out again first (clients written to since the last page).
    state.needs_for().await?;
    let mut counts = state.store.caseload_counts(&scope).await?;
    if counts.iter().any(|c| c.stale > 0) {
        work_out_needs(state, &me.user.id).await?;
        counts = state.store.caseload_counts(&scope).await?;
    }
    let total: i64 = counts
        .iter()
        .filter(|c| req.clinician.as_ref().is_none_or(|who| &c.clinician_id == who))
        .map(|c| c.clients)
        .sum();
    let size = req.page_size.clamp(1, MAX_PAGE);
    // The key's place. A client no longer in this list (archived, out of the
    // search, another clinician's) starts again at the first page; an id not
    // on the caseload at all is a bad link.
    let from = match &req.key {
        PageKey::First => None,
        PageKey::After(k) | PageKey::Before(k) => match state.store.caseload_place(&scope, k).await? {
            Some(place) => {
                Some((place, if matches!(req.key, PageKey::After(_)) { Direction::After } else { Direction::Before }))
            }
            None if state.store.caseload_key(&me.user.id, k).await?.is_none() => {
                return Err(Error::keyed("page", rapport_core::msg("caseload-error-page"), vec![]));
            }
            None => None,
        },
    };
    // Only the page's cards are read whole, in the order shown.
    let read = |from| state.store.caseload_page_cards(&scope, req.by_need, from, size + 1);
    let (mut cards, mut before, mut after) = (Vec::new(), false, false);
    if let Some((place, way)) = &from {
        cards = read(Some((place, *way))).await?;
        let more = cards.len() as i64 > size;
        match way {
            Direction::After => (before, after) = (true, more),
            // Fewer than a page before the key: the first page instead.
            Direction::Before if (cards.len() as i64) < size => cards.clear(),
            Direction::Before => {
                cards.truncate(size as usize);
                cards.reverse();
                (before, after) = (more, true);
            }
        }
        cards.truncate(size as usize);
    }
    if cards.is_empty() && !matches!(from, Some((_, Direction::After))) {
        cards = read(None).await?;
        (before, after) = (false, cards.len() as i64 > size);
        cards.truncate(size as usize);
    }
    // Names are not kept on the cards (a clinician's new name would leave
    // them stale). The caller's own is known; others take one read.
    let mut names: HashMap<String, String> = HashMap::from([(me.user.id.to_string(), me.user.name.clone())]);
    let others: Vec<Id> =
        counts.iter().filter(|c| c.clinician_id != me.user.id).map(|c| c.clinician_id.clone()).collect();
    if !others.is_empty() {
        names.extend(state.store.user_names(&others).await?.into_iter().map(|(id, name)| (id.to_string(), name)));
    }
    let mut clinicians: Vec<ClinicianSummary> = counts
        .iter()
        .map(|c| ClinicianSummary {
            id: c.clinician_id.clone(),
            name: names.get(c.clinician_id.as_str()).cloned().unwrap_or_default(),
            clients: c.clients as usize,
            open_flags: c.open_flags as usize,
            overdue_measures: c.overdue as usize,
        })
        .collect();
    let rows: Vec<CaseloadRow> = cards
        .iter()
        .map(|c| {
            let shown = c.shown()?;
            Ok(CaseloadRow {
                id: c.client_id.clone(),
                display_name: shown.display_name,
                date_of_birth: shown.date_of_birth,
                pronouns: shown.pronouns,
                status: c.status,
                responsible_clinician_id: c.responsible_clinician_id.clone(),
                responsible_clinician_name: names.get(c.responsible_clinician_id.as_str()).cloned().unwrap_or_default(),
                updated_at: shown.updated_at,
            })
        })
        .collect::<Result<_, rapport_store::StoreError>>()?;
    let previous = before.then(|| rows.first().map(|r| PageKey::Before(r.id.clone()))).flatten();
    let next = after.then(|| rows.last().map(|r| PageKey::After(r.id.clone()))).flatten();
    clinicians.sort_by(|a, b| a.name.to_lowercase().cmp(&b.name.to_lowercase()).then(a.id.as_str().cmp(b.id.as_str())));
    let mut e = me.event(action::CLIENT_LIST, "client");
    e.detail = Some(format!(
        "{} of {total} {} clients shown, page {}{}{}{}; {}",
        rows.len(),
        status.as_str(),
        req.page.max(1),
        search.map(|q| format!(", search {q:?}")).unwrap_or_default(),
        req.clinician.as_ref().map(|c| format!(", clinician {c}")).unwrap_or_default(),
        if req.by_need { ", by need" } else { "" },
        clients_shown(rows.iter().map(|r| &r.id))
    ));
    state.store.audit(e).await?;
    // Markers and course progress are worked out for the page's cards only.
    let mut markers = HashMap::with_capacity(cards.len());
    let mut courses = HashMap::new();
    for card in &cards {
        markers.insert(card.client_id.to_string(), card_markers(state, card)?);
        if let Some(c) = card.open_course.as_ref().and_then(|o| course_progress(state, o)) {
            courses.insert(card.client_id.to_string(), c);
        }
    }
    Ok(CaseloadView { rows, total, courses, markers, clinicians, previous, next })
}

/// Works out the needs of every card on `viewer`'s caseload list that
/// changed since its needs were last worked out (normally none, or the few
/// clients written to since the viewer's last page), and keeps them.
async fn work_out_needs(state: &AppState, viewer: &Id) -> AppResult<()> {
    // A write between working them out and keeping them makes a card stale
    // again; it is worked out once more. Past a few rounds (writes landing
    // on this caseload all the while) the page is read as it stands.
    for _ in 0..3 {
        let stale = state.store.stale_caseload_cards(viewer).await?;
        if stale.is_empty() {
            break;
        }
        keep_needs(state, stale).await?;
    }
    Ok(())
}

/// Works out the needs of `stale` cards and keeps those still current;
/// returns the list rows updated.
async fn keep_needs(state: &AppState, stale: Vec<rapport_store::caseload_lists::StaleCard>) -> AppResult<u64> {
    let worked: Vec<_> =
        stale.into_iter().map(|c| card_needs(state, &c.card).map(|n| (c, n))).collect::<AppResult<_>>()?;
    Ok(state.store.save_caseload_needs(&worked).await?)
}

/// Works out the needs of every stale list row, `chunk` clients per write
/// transaction, after checking the configuration's fingerprint (which may
/// make every row stale): the pass a server makes at start, so the first page
/// after an upgrade or a change of configuration finds its caseload ready
/// instead of working it all out in one request (a supervisor of thousands).
/// Stops when none is left, or when a round keeps nothing (writes landing on
/// those very clients; their pages work them out). Returns the rows kept.
#[crate::boxing::boxed_future]
pub async fn work_out_stale_needs(state: &AppState, chunk: i64) -> AppResult<u64> {
    state.needs_for().await?;
    let mut kept = 0;
    loop {
        let stale = state.store.stale_caseload_cards_anywhere(chunk.max(1)).await?;
        if stale.is_empty() {
            return Ok(kept);
        }
        let saved = keep_needs(state, stale).await?;
        if saved == 0 {
            return Ok(kept);
        }
        kept += saved;
    }
}

/// What the database counts and orders a card by, from its markers.
fn card_needs(
    state: &AppState,
    card: &rapport_store::caseload_cards::CaseloadCard,
) -> AppResult<rapport_store::caseload_lists::CardNeeds> {
    let m = card_markers(state, card)?;
    Ok(rapport_store::caseload_lists::CardNeeds {
        need_rank: rapport_core::caseload::need_rank(&m.need()),
        open_flag: m.open_risk_flag,
        overdue: m.overdue.len() as i64,
    })
}

/// What the caseload shows about a client's measures.
#[derive(Default)]
pub struct Markers {
    /// Short names of scheduled measures overdue, then due.
    pub overdue: Vec<String>,
    pub due: Vec<String>,
    /// Short names of instruments whose scores are not on track.
    pub not_on_track: Vec<String>,
    pub open_risk_flag: bool,
    /// The latest response of an instrument left its risk question blank.
    pub risk_unanswered: bool,
    /// A diary mood that asks for a check-in (`rapport_core::check_in`; not a
    /// risk flag). Worked out from the caseload cards only.
    pub check_in: Option<rapport_core::check_in::CheckIn>,
}

impl Markers {
    /// What the order by need sorts on.
    pub fn need(&self) -> rapport_core::caseload::Need {
        rapport_core::caseload::Need {
            risk: self.open_risk_flag || self.risk_unanswered,
            not_on_track: !self.not_on_track.is_empty(),
            overdue: self.overdue.len(),
        }
    }
}

/// A client's open course, as the caseload needs it.
pub type OpenCourse = rapport_store::clients::OpenCourseFacts;

/// Client id → that client's open course (the most recently started one), in
/// one query. The outcomes benchmark (`bench/outcomes.sh`) times this and
/// `measure_markers`.
#[crate::boxing::boxed_future]
pub async fn open_courses(state: &AppState, rows: &[CaseloadRow]) -> AppResult<HashMap<String, OpenCourse>> {
    let ids: Vec<Id> = rows.iter().map(|r| r.id.clone()).collect();
    let mut open = HashMap::new();
    // Oldest first, so the most recently started course is the one kept.
    for s in state.store.open_courses_of(&ids).await? {
        open.insert(
            s.course.client_id.to_string(),
            OpenCourse {
                id: s.course.id,
                protocol_id: s.course.protocol_id,
                start_date: s.course.start_date,
                planned_sessions: s.course.planned_sessions,
                sessions_held: s.sessions_held,
            },
        );
    }
    Ok(open)
}

/// Where an open course stands, in the reader's language: (course id,
/// "IPT: Session 5 of 16 · middle phase · 11 left", ending prompt); None when
/// its protocol is not configured.
pub fn course_progress(state: &AppState, course: &OpenCourse) -> Option<(String, String, bool)> {
    let p = state.config.protocols.get(&course.protocol_id)?;
    let progress = rapport_core::course::Progress::new(p, course.planned_sessions, course.sessions_held, false);
    let tr = rapport_i18n::current();
    let text = format!("{}: {}", p.name_in(tr.lang()), tr.course_progress(p, &progress));
    Some((course.id.to_string(), text, progress.ending_prompt))
}

/// Due and overdue scheduled measures (open courses; the default schedule
/// unless the course has its own), not-on-track instruments and open risk
/// flags of `rows`, from their caseload cards (kept by every write, so never
/// behind the records): one card per client, however many answers each has
/// (reading every score of a caseload made Today's cost and memory grow with
/// every measure recorded: bench/README.md, "Today without every client's history").
///
/// Not on track follows the site's configured rule (`Config::not_on_track`):
/// for a client with an open course, over that course's scores (recorded in
/// it, or unassigned and completed since it started) with the review at the
/// protocol's held session; otherwise over all the client's scores, reviewed
/// after the configured number of scores.
#[crate::boxing::boxed_future]
pub async fn measure_markers(state: &AppState, rows: &[CaseloadRow]) -> AppResult<HashMap<String, Markers>> {
    let ids: Vec<Id> = rows.iter().map(|r| r.id.clone()).collect();
    state
        .store
        .caseload_cards_of(&ids)
        .await?
        .iter()
        .map(|card| Ok((card.client_id.to_string(), card_markers(state, card)?)))
        .collect()
}

/// The markers of a caseload card (its facts read with it).
fn card_markers(state: &AppState, card: &rapport_store::caseload_cards::CaseloadCard) -> AppResult<Markers> {
    let schedule = match &card.schedule {
        Some(json) => Some(
            serde_json::from_str::<Schedule>(json)
                .map_err(|e| Error::Internal(format!("corrupt measure schedule on a caseload card: {e}")))?,
        ),
        None => None,
    };
    let scores = card.scores()?;
    let facts = ClientFacts {
        scores: &scores,
        course: card.open_course.as_ref(),
        held: &card.held,
        schedule: schedule.as_ref(),
        open_risk_flag: card.open_risk_flag,
        risk_unanswered: card.risk_unanswered,
    };
    let mut m = client_markers(state, &facts);
    m.check_in = card_check_in(card);
    Ok(m)
}

/// A card's "check in" today (local): its diary moods in the last
/// `check_in::CASELOAD_DAYS` days and after the open course's last attended session.
fn card_check_in(card: &rapport_store::caseload_cards::CaseloadCard) -> Option<rapport_core::check_in::CheckIn> {
    rapport_core::check_in::caseload_check_in(&card.moods, crate::clock::today(), card.held.last().copied())
}

/// The "check in" of each of `rows` (a caseload page already read and
/// audited), from their caseload cards.
#[crate::boxing::boxed_future]
pub async fn check_ins(
    state: &AppState,
    rows: &[CaseloadRow],
) -> AppResult<HashMap<String, rapport_core::check_in::CheckIn>> {
    let ids: Vec<Id> = rows.iter().map(|r| r.id.clone()).collect();
    Ok(state
        .store
        .caseload_cards_of(&ids)
        .await?
        .iter()
        .filter_map(|c| card_check_in(c).map(|k| (c.client_id.to_string(), k)))
        .collect())
}

/// What one client's markers are worked out from.
struct ClientFacts<'a> {
    /// Complete scores, oldest first.
    scores: &'a [CardScore<'a>],
    course: Option<&'a OpenCourse>,
    /// The open course's attended sessions, in date order.
    held: &'a [time::Date],
    /// The open course's own schedule (else the default one).
    schedule: Option<&'a Schedule>,
    open_risk_flag: bool,
    risk_unanswered: bool,
}

/// One client's markers: not on track per instrument (the site's rule, over
/// the open course's scores, else all scores), due and overdue scheduled
/// measures of the open course, and the risk markers.
fn client_markers(state: &AppState, f: &ClientFacts) -> Markers {
    use rapport_core::measures::change::{not_on_track_at, Review};
    use rapport_core::measures::schedule::{schedule_states, DueState};
    let short = |id: &str| state.instruments.get(id).map(|i| i.short_name.clone()).unwrap_or_else(|| id.to_string());
    let rule = &state.config.not_on_track;
    let mut m = Markers { open_risk_flag: f.open_risk_flag, risk_unanswered: f.risk_unanswered, ..Markers::default() };
    let mut seen: Vec<&str> = Vec::new();
    for s in f.scores {
        if !seen.contains(&s.instrument_id) {
            seen.push(s.instrument_id);
        }
    }
    let review = match f.course {
        None => Review::Scores,
        Some(o) => match state.config.protocols.get(&o.protocol_id).and_then(|p| p.review_session()) {
            Some(at) => Review::Session { at, held: f.held.len() as u32 },
            None => Review::Never,
        },
    };
    let in_scope = |s: &CardScore| match (f.course, s.course_id) {
        (None, _) => true,
        (Some(o), Some(k)) => k == o.id.as_str(),
        (Some(o), None) => s.completed_at.date() >= o.start_date,
    };
    for inst_id in seen {
        let Some(inst) = state.instruments.get(inst_id) else { continue };
        let totals: Vec<i64> =
            f.scores.iter().filter(|s| s.instrument_id == inst_id && in_scope(s)).map(|s| s.total).collect();
        if !not_on_track_at(rule, inst, &totals, review).is_empty() {
            m.not_on_track.push(inst.short_name.clone());
        }
    }
    if let Some(course) = f.course {
        let default = Schedule::default();
        let done: Vec<(&str, time::Date)> = f.scores.iter().map(|s| (s.instrument_id, s.completed_at.date())).collect();
        for (inst, due) in schedule_states(f.schedule.unwrap_or(&default), course.planned_sessions, f.held, &done) {
            match due {
                DueState::Overdue => m.overdue.push(short(&inst)),
                DueState::Due => m.due.push(short(&inst)),
                DueState::NotDue => {}
            }
        }
    }
    m
}

/// The client's courses, newest first, each with its protocol's name in the
/// reader's language and where it stands ("Session 5 of 16 · middle phase · 11 left").
#[crate::boxing::boxed_future]
pub async fn courses_of(state: &AppState, c: &ClientRecord) -> AppResult<Vec<(CourseRecord, String, String)>> {
    let mut courses = Vec::new();
    for summary in state.store.client_courses(&c.id).await? {
        let course = summary.course;
        let (name, progress) = match state.config.protocols.get(&course.protocol_id) {
            Some(p) => (
                p.name_in(rapport_i18n::current().lang()).to_string(),
                rapport_i18n::current().course_progress(
                    p,
                    &rapport_core::course::Progress::new(p, course.planned_sessions, summary.sessions_held, false),
                ),
            ),
            None => (
                course.protocol_id.clone(),
                rapport_i18n::current().ta("course-progress-held", "count", i64::from(summary.sessions_held)),
            ),
        };
        courses.push((course, name, progress));
    }
    Ok(courses)
}

/// Creates a client; the caller (who must hold a caseload) becomes the responsible clinician.
#[crate::boxing::boxed_future]
pub async fn create(
    state: &AppState,
    me: &Identity,
    raw: RawClientDetails,
    site_id: Option<&str>,
    unread: ValidationErrors,
) -> AppResult<ClientRecord> {
    require_caseload(state, me).await?;
    if !unread.is_empty() {
        return Err(Error::Invalid(unread));
    }
    let details = client::validate(raw, Timestamp::now().date())?;
    // A facilitator's new client belongs to their site unless they name another of theirs.
    let site = crate::groups::site_for_new_client(state, me, site_id).await?;
    let e = me.event(action::CLIENT_CREATE, "client");
    Ok(state.store.create_client_at(&details, &me.user.id, site.as_ref(), e).await?)
}

/// Moves `c` (loaded for writing) to the site chosen (blank: none; a
/// facilitator keeps to their own site or a site of their groups, as when
/// registering). Nothing is written when the site stays the same.
#[crate::boxing::boxed_future]
pub async fn set_site(state: &AppState, me: &Identity, c: &ClientRecord, site_id: &str) -> AppResult<()> {
    let given = Some(site_id).filter(|s| !s.trim().is_empty());
    let site = crate::groups::site_for_new_client(state, me, given).await?;
    if site == c.site_id {
        return Ok(());
    }
    let mut e = client_event(me, action::CLIENT_UPDATE, c);
    e.detail = Some(match &site {
        Some(s) => format!("site {s}"),
        None => "no site".into(),
    });
    Ok(state.store.set_client_site(&c.id, site.as_ref(), e).await?)
}

fn client_event(me: &Identity, act: &str, c: &ClientRecord) -> AuditEvent {
    let mut e = me.event(act, "client");
    e.resource_id = Some(c.id.to_string());
    e.client_id = Some(c.id.to_string());
    e
}

/// Changes the details of `c` (loaded for writing) to `raw`. `version`: the
/// record as the writer saw it (None: whatever is stored; a changed record
/// answers `Conflict`). `via` is added to the audit detail (" (API)").
#[crate::boxing::boxed_future]
pub async fn update(
    state: &AppState,
    me: &Identity,
    c: &ClientRecord,
    raw: RawClientDetails,
    unread: ValidationErrors,
    version: Option<i64>,
    via: &str,
) -> AppResult<ClientRecord> {
    if !unread.is_empty() {
        return Err(Error::Invalid(unread));
    }
    let details = client::validate_update(raw, Timestamp::now().date(), &c.details)?;
    let mut e = client_event(me, action::CLIENT_UPDATE, c);
    e.detail = Some(format!("{}{via}", changed_fields(&c.details, &details)));
    Ok(state.store.update_client(&c.id, &details, version, e).await?)
}

/// Archiving or restoring a record is for its care team, not emergency access.
pub fn may_change_status(basis: AccessBasis) -> AppResult<()> {
    if basis == AccessBasis::BreakGlass {
        return Err(Error::forbidden(msg("app-archive-emergency"), &[]));
    }
    Ok(())
}

/// Archives or restores `c` (loaded for writing with access `basis`).
#[crate::boxing::boxed_future]
pub async fn set_status(
    state: &AppState,
    me: &Identity,
    c: &ClientRecord,
    basis: AccessBasis,
    status: ClientStatus,
) -> AppResult<()> {
    may_change_status(basis)?;
    let act = if status == ClientStatus::Archived { action::CLIENT_ARCHIVE } else { action::CLIENT_RESTORE };
    state.store.set_client_status(&c.id, status, client_event(me, act, c)).await?;
    Ok(())
}

// ---------------------------------------------------------------- care team

/// A client's care team as its page shows it.
pub struct CareTeam {
    pub client: ClientRecord,
    pub members: Vec<CareTeamMember>,
    /// Practising staff not yet on the team.
    pub candidates: Vec<User>,
    pub can_manage: bool,
    /// May hand responsibility to another member (the responsible clinician, or a supervisor).
    pub can_hand_over: bool,
}

async fn relation(state: &AppState, me: &Identity, c: &ClientRecord) -> AppResult<Option<ClientRelation>> {
    Ok(state.store.client_with_relation(&me.user.id, &c.id, Timestamp::now()).await?.map(|(_, r)| r))
}

fn may_hand_over(me: &Identity, c: &ClientRecord, rel: Option<ClientRelation>) -> bool {
    rel.is_some_and(|r| may_replace_responsible(&me.actor(), r, c.responsible_clinician_id == me.user.id))
}

/// The care team of client `id` (the read is audited as `care_team.read`).
#[crate::boxing::boxed_future]
pub async fn care_team(state: &AppState, me: &Identity, id: &str) -> AppResult<CareTeam> {
    let (client, basis, members) = care_team_members(state, me, id).await?;
    let candidates = state
        .store
        .practising_staff()
        .await?
        .into_iter()
        .filter(|u| !members.iter().any(|m| m.user_id == u.id))
        .collect();
    let can_hand_over = may_hand_over(me, &client, relation(state, me, &client).await?);
    Ok(CareTeam { members, candidates, can_manage: basis.manages_care_team(), can_hand_over, client })
}

/// Client `id` and its care team (responsible clinician first), if `me` may
/// see the client (404 otherwise); the read is audited as `care_team.read`.
#[crate::boxing::boxed_future]
pub async fn care_team_members(
    state: &AppState,
    me: &Identity,
    id: &str,
) -> AppResult<(ClientRecord, AccessBasis, Vec<CareTeamMember>)> {
    let (client, basis) = client_for(state, me, id, Purpose::Write).await?;
    let members = state.store.care_team(&client.id).await?;
    let mut e = me.event(action::CARE_TEAM_READ, "care_team");
    e.resource_id = Some(client.id.to_string());
    e.client_id = Some(client.id.to_string());
    state.store.audit(e).await?;
    Ok((client, basis, members))
}

/// Client `id`, if `me` may change its care team (403, audited, otherwise).
async fn managed(state: &AppState, me: &Identity, id: &str) -> AppResult<ClientRecord> {
    let (c, basis) = client_for(state, me, id, Purpose::Write).await?;
    if !basis.manages_care_team() {
        deny(state, me, "care_team", Some(c.id.as_str())).await?;
        return Err(Error::forbidden(msg("app-care-team-change"), &[]));
    }
    Ok(c)
}

fn member_event(me: &Identity, act: &str, c: &ClientRecord, user: &Id) -> AuditEvent {
    let mut e = me.event(act, "care_team");
    e.resource_id = Some(user.to_string());
    e.client_id = Some(c.id.to_string());
    e
}

/// Adds a practising member of staff to the care team.
#[crate::boxing::boxed_future]
pub async fn add_member(state: &AppState, me: &Identity, id: &str, user: Option<&str>) -> AppResult<ClientRecord> {
    let c = managed(state, me, id).await?;
    let staff = state.store.practising_staff().await?;
    let Some(user) = user.and_then(Id::parse).filter(|u| staff.iter().any(|s| &s.id == u)) else {
        return Err(Error::keyed("user_id", rapport_core::msg("care-team-error-choose"), vec![]));
    };
    state
        .store
        .add_care_team_member(&c.id, &user, member_event(me, action::CARE_TEAM_ADD, &c, &user))
        .await
        .map_err(store_refusal(msg("app-care-team-already")))?;
    Ok(c)
}

/// Removes a member (not the responsible clinician) from the care team.
#[crate::boxing::boxed_future]
pub async fn remove_member(state: &AppState, me: &Identity, id: &str, user: &str) -> AppResult<ClientRecord> {
    let c = managed(state, me, id).await?;
    let user = Id::parse(user).ok_or(Error::NotFound)?;
    state
        .store
        .remove_care_team_member(&c.id, &user, member_event(me, action::CARE_TEAM_REMOVE, &c, &user))
        .await
        .map_err(store_refusal(msg("app-care-team-remove-responsible")))?;
    Ok(c)
}

/// Makes a member the responsible clinician. Handing over takes the role from
/// the responsible clinician: theirs to give, or a supervisor's
/// (`rapport_core::access::may_replace_responsible`).
#[crate::boxing::boxed_future]
pub async fn make_responsible(state: &AppState, me: &Identity, id: &str, user: &str) -> AppResult<ClientRecord> {
    let c = managed(state, me, id).await?;
    let user = Id::parse(user).ok_or(Error::NotFound)?;
    if user != c.responsible_clinician_id && !may_hand_over(me, &c, relation(state, me, &c).await?) {
        deny(state, me, "care_team", Some(c.id.as_str())).await?;
        return Err(Error::forbidden(msg("app-care-team-hand-over"), &[]));
    }
    state
        .store
        .set_responsible(&c.id, &user, member_event(me, action::CARE_TEAM_RESPONSIBLE, &c, &user))
        .await
        .map_err(store_refusal(msg("app-care-team-not-member")))?;
    Ok(c)
}

// ---------------------------------------------------------------- emergency access

/// Emergency access is for clinical staff (403, audited, for anyone else).
#[crate::boxing::boxed_future]
pub async fn require_break_glass(state: &AppState, me: &Identity) -> AppResult<()> {
    if me.actor().can_break_glass() {
        Ok(())
    } else {
        deny(state, me, "break_glass", None).await?;
        Err(Error::forbidden(msg("app-emergency-staff"), &[]))
    }
}

/// Every client of the organisation matching `search` (at least two
/// characters; fewer finds nothing), at most 20, for emergency access. Audited
/// with every client found.
#[crate::boxing::boxed_future]
pub async fn break_glass_search(state: &AppState, me: &Identity, search: &str) -> AppResult<Vec<ClientSummary>> {
    require_break_glass(state, me).await?;
    if search.chars().count() < 2 {
        return Ok(Vec::new());
    }
    let r = state.store.search_all_clients(search, 20).await?;
    let mut e = me.event(action::CLIENT_LIST, "client");
    e.detail = Some(format!(
        "emergency-access search {search:?}: {} results; {}",
        r.len(),
        clients_shown(r.iter().map(|c| &c.id))
    ));
    state.store.audit(e).await?;
    Ok(r)
}

/// The client an emergency-access request is about (name and date of birth
/// only), for a caller who may ask for emergency access. Not audited: see
/// `break_glass_request`.
#[crate::boxing::boxed_future]
pub async fn break_glass_client(state: &AppState, me: &Identity, id: &str) -> AppResult<ClientSummary> {
    require_break_glass(state, me).await?;
    let id = Id::parse(id).ok_or(Error::NotFound)?;
    state.store.client_summary(&id).await?.ok_or(Error::NotFound)
}

/// The client an emergency-access request is about, shown on the request form
/// (the read is audited).
#[crate::boxing::boxed_future]
pub async fn break_glass_request(state: &AppState, me: &Identity, id: &str) -> AppResult<ClientSummary> {
    let client = break_glass_client(state, me, id).await?;
    let mut e = me.event(action::CLIENT_READ, "client");
    e.resource_id = Some(client.id.to_string());
    e.client_id = Some(client.id.to_string());
    e.detail = Some("emergency-access request form: name and date of birth only".into());
    state.store.audit(e).await?;
    Ok(client)
}

/// Opens `client` (from `break_glass_client`) to the caller for the
/// organisation's emergency-access hours, for the `reason` given; a reason
/// that is not one is a `reason` field error.
#[crate::boxing::boxed_future]
pub async fn open_break_glass(state: &AppState, me: &Identity, client: &ClientSummary, reason: &str) -> AppResult<()> {
    let hours = state.organisation().await?.break_glass_hours;
    let reason = break_glass_reason(reason).map_err(|_| {
        Error::keyed(
            "reason",
            rapport_core::msg("break-glass-error-reason"),
            vec![
                ("min", KeyArg::Number(MIN_BREAK_GLASS_REASON as i64)),
                ("max", KeyArg::Number(MAX_BREAK_GLASS_REASON as i64)),
            ],
        )
    })?;
    let mut e = me.event(action::BREAK_GLASS, "break_glass");
    e.client_id = Some(client.id.to_string());
    e.outcome = "success".into();
    e.detail = Some(format!("reason: {reason}"));
    let until = Timestamp::now().plus(time::Duration::hours(hours));
    state.store.create_break_glass(&me.user.id, &client.id, &reason, until, e).await?;
    Ok(())
}
