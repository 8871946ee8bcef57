//! Fidelity in the staff pages: the "Fidelity" section of a session or a
//! group meeting (its ratings, self versus supervisor agreement item by
//! item, the prompt to self-rate), the rating form, the course's summary
//! and agreement over time, and session recordings (upload with the
//! client's consent, play in the browser). Thin: each handler calls
//! `rapport_app::fidelity` or `rapport_app::recordings`.

use super::Layout;
use crate::course_extract::CourseRead;
use crate::error::{AppError, AppResult};
use crate::html::form::Pairs;
use crate::html::{multipart, render, FormErrors};
use crate::identity::SignedIn;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Form;
use rapport_app::access::course::CourseContext;
use rapport_app::access::session::session_for;
use rapport_app::access::Purpose;
use rapport_app::caller::Identity;
use rapport_app::fidelity::{self, RatedSession, RatingInput};
use rapport_app::recordings;
use rapport_app::AppState;
use rapport_core::fidelity::{Agreement, Checklist, Rater};
use rapport_core::time::format_date;
use rapport_core::{Id, ValidationErrors};
use rapport_store::fidelity::RatingRow;
use serde::Deserialize;
use std::collections::BTreeMap;

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/courses/{id}/sessions/{session_id}/fidelity/new", session_form)
        .post("/courses/{id}/sessions/{session_id}/fidelity", session_rate)
        .get("/groups/{id}/sessions/{number}/fidelity/new", meeting_form)
        .post("/groups/{id}/sessions/{number}/fidelity", meeting_rate)
        .get("/courses/{id}/fidelity", course_agreement)
        // Audio is larger than every other form: this route alone takes up to the recording limit.
        .add(
            Method::POST,
            "/courses/{id}/sessions/{session_id}/recordings",
            axum::routing::post(upload)
                .layer(axum::extract::DefaultBodyLimit::max(recordings::MAX_RECORDING_BYTES + 64 * 1024)),
        )
        .get("/recordings/{id}/audio", play)
}

// ---------------------------------------------------------------- the section

/// One rating as listed.
pub struct RatingLine {
    pub rater: &'static str,
    pub rater_name: String,
    pub checklist: String,
    /// "2.4 (scale 0 to 3)"
    pub mean: String,
    pub items: usize,
    pub pass: bool,
    pub date: String,
    pub comment: String,
}

pub struct AgreementRow {
    pub item: String,
    pub self_rating: String,
    pub supervisor: String,
    pub differs: bool,
}

/// A checklist rated by both the person who ran the session and a supervisor.
pub struct AgreementView {
    pub checklist: String,
    pub rows: Vec<AgreementRow>,
    /// "2 of 3 items rated the same (67%); 3 of 3 within one point (100%)"
    pub summary: String,
}

pub struct RecordingLine {
    pub id: String,
    pub uploaded: String,
    pub delete_after: String,
    pub size: String,
    pub content_type: String,
}

/// The "Fidelity" section of a session or a group meeting.
pub struct FidelityPanel {
    pub ratings: Vec<RatingLine>,
    pub agreements: Vec<AgreementView>,
    /// The rating form, when the caller may rate this session.
    pub rate_href: Option<String>,
    /// The organisation asks for a self-rating and this held session has none yet (shown to its clinician).
    pub self_rating_due: bool,
    /// Recordings of an individual session: shown to its clinician and their supervisors.
    pub recordings: Vec<RecordingLine>,
    /// Where the clinician who ran it uploads a recording (recordings on).
    pub upload_action: Option<String>,
}

fn scale_text(c: Option<&Checklist>, v: i64) -> String {
    match c.and_then(|c| c.scale.label(v)) {
        Some(l) => format!("{v} · {l}"),
        None => v.to_string(),
    }
}

fn item_text(c: Option<&Checklist>, id: &str) -> String {
    c.and_then(|c| c.item(id)).map(|i| i.text.clone()).unwrap_or_else(|| id.to_string())
}

fn mean_text(c: Option<&Checklist>, mean: f64) -> String {
    match c {
        Some(c) => format!("{mean:.1} (scale {} to {})", c.scale.min, c.scale.max),
        None => format!("{mean:.1}"),
    }
}

fn rating_line(state: &AppState, r: &RatingRow) -> RatingLine {
    let c = state.config.fidelity.get(&r.checklist_id);
    RatingLine {
        rater: r.rater.label(),
        rater_name: r.rater_name.clone(),
        checklist: c.map(|c| c.name.clone()).unwrap_or_else(|| r.checklist_id.clone()),
        mean: mean_text(c, r.mean),
        items: r.ratings.len(),
        pass: r.pass,
        date: format_date(r.rated_at.date()),
        comment: r.comment.clone().unwrap_or_default(),
    }
}

fn share(part: Option<f64>, n: usize) -> String {
    let p = part.unwrap_or(0.0);
    format!("{} of {n} items ({:.0}%)", (p * n as f64).round() as usize, p * 100.0)
}

fn agreement_view(state: &AppState, checklist: &str, a: &Agreement) -> AgreementView {
    let c = state.config.fidelity.get(checklist);
    let n = a.items.len();
    // In the checklist's order, as on the form.
    let position = |id: &str| c.and_then(|c| c.items.iter().position(|i| i.id == id)).unwrap_or(usize::MAX);
    let mut items: Vec<_> = a.items.iter().collect();
    items.sort_by_key(|i| position(&i.item));
    AgreementView {
        checklist: c.map(|c| c.name.clone()).unwrap_or_else(|| checklist.to_string()),
        rows: items
            .into_iter()
            .map(|i| AgreementRow {
                item: item_text(c, &i.item),
                self_rating: scale_text(c, i.first),
                supervisor: scale_text(c, i.second),
                differs: i.difference() > 0,
            })
            .collect(),
        summary: format!("Rated the same on {}; within one point on {}.", share(a.exact, n), share(a.within_one, n)),
    }
}

fn size_text(bytes: i64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", (bytes + 1023) / 1024)
    }
}

/// The section for a session the caller has opened: `None` when the caller
/// may not see its ratings (an organiser of a group, say). `held`: the
/// session took place; `rate_href`: its rating form; `upload_action`: the
/// recordings form of an individual session.
pub async fn panel(
    state: &AppState,
    me: &Identity,
    session: &Id,
    held: bool,
    rate_href: String,
    upload_action: Option<String>,
) -> AppResult<Option<FidelityPanel>> {
    let s = match fidelity::session_ratings(state, me, session.as_str()).await {
        Ok(s) => s,
        Err(rapport_app::Error::NotFound | rapport_app::Error::Forbidden(_)) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    let org = state.organisation().await?;
    let may = &s.session.may_rate_as;
    let self_rated = s.ratings.iter().any(|r| r.rater == Rater::SelfRated);
    let self_rating_due = org.require_self_rating && held && may.contains(&Rater::SelfRated) && !self_rated;
    let can_rate = !fidelity::checklists_for(state, &s.session).is_empty();
    let (recordings, upload_action) = match upload_action {
        Some(action) if !s.session.group => {
            let list = recordings::of_session(state, me, session.as_str()).await?;
            let lines = list
                .into_iter()
                .filter(|r| r.deleted_at.is_none())
                .map(|r| RecordingLine {
                    id: r.id.to_string(),
                    uploaded: format_date(r.uploaded_at.date()),
                    delete_after: format_date(r.delete_after.date()),
                    size: size_text(r.size_bytes),
                    content_type: r.content_type,
                })
                .collect();
            let may_upload = org.recording_retention_days > 0 && s.session.clinician == me.user.id;
            (lines, may_upload.then_some(action))
        }
        _ => (Vec::new(), None),
    };
    Ok(Some(FidelityPanel {
        ratings: s.ratings.iter().rev().map(|r| rating_line(state, r)).collect(),
        agreements: s.agreements.iter().map(|(c, a)| agreement_view(state, c, a)).collect(),
        rate_href: can_rate.then_some(rate_href),
        self_rating_due,
        recordings,
        upload_action,
    }))
}

// ---------------------------------------------------------------- the rating form

pub struct ScaleOption {
    pub code: i64,
    pub label: String,
    pub checked: bool,
}

pub struct ItemRow {
    /// Field name and row id: `ratings.<item>` (as the rule's errors name it).
    pub field: String,
    pub number: usize,
    pub text: String,
    pub options: Vec<ScaleOption>,
}

#[derive(Template)]
#[template(path = "fidelity_form.html")]
struct RatingFormPage {
    layout: Layout,
    /// (href, label) of the page the form belongs to.
    back: (String, String),
    /// (href, label) of the pages above the form.
    crumbs: Vec<(String, String)>,
    /// "Session 3 · 2026-11-02, Ana" or "Meeting 2, Women's group"
    subject: String,
    form_href: String,
    action: String,
    /// (id, name, chosen)
    checklists: Vec<(String, String, bool)>,
    checklist_id: String,
    description: String,
    scale_words: String,
    pass_words: String,
    rows: Vec<ItemRow>,
    /// (value, label, checked)
    raters: Vec<(String, String, bool)>,
    comment: String,
    errors: FormErrors,
}

impl RatingFormPage {
    fn scale_head(&self) -> Vec<String> {
        self.rows.first().map(|r| r.options.iter().map(|o| o.label.clone()).collect()).unwrap_or_default()
    }
}

/// Where the form sits: the page it belongs to and its addresses.
struct FormPlace {
    back: (String, String),
    crumbs: Vec<(String, String)>,
    subject: String,
    form_href: String,
    action: String,
}

#[derive(Deserialize, Default)]
pub struct ChecklistQuery {
    pub checklist: Option<String>,
}

fn rater_words(r: Rater) -> &'static str {
    match r {
        Rater::SelfRated => "Myself (I ran this session)",
        Rater::Supervisor => "Supervisor",
        Rater::Peer => "Peer (a colleague)",
    }
}

fn form_page(
    state: &AppState,
    layout: Layout,
    rs: &RatedSession,
    place: FormPlace,
    chosen: Option<&str>,
    form: &Pairs,
    errors: FormErrors,
) -> AppResult<RatingFormPage> {
    let options = fidelity::checklists_for(state, rs);
    let Some((checklist, items)) =
        options.iter().find(|(c, _)| Some(c.id.as_str()) == chosen).or_else(|| options.first()).cloned()
    else {
        return Err(AppError::Forbidden("You may not rate this session.".into()));
    };
    let rows = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let field = format!("ratings.{}", item.id);
            let posted = form.get(&field).to_string();
            ItemRow {
                number: i + 1,
                text: item.text.clone(),
                options: (checklist.scale.min..=checklist.scale.max)
                    .map(|v| ScaleOption {
                        code: v,
                        label: scale_text(Some(checklist), v),
                        checked: posted == v.to_string(),
                    })
                    .collect(),
                field,
            }
        })
        .collect();
    let allowed: Vec<Rater> = rs.may_rate_as.iter().copied().filter(|r| checklist.allows(*r)).collect();
    let posted_rater = form.get("rater");
    let raters = allowed
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let checked = if posted_rater.is_empty() { i == 0 } else { posted_rater == r.as_str() };
            (r.as_str().to_string(), rater_words(*r).to_string(), checked)
        })
        .collect();
    Ok(RatingFormPage {
        layout,
        back: place.back,
        crumbs: place.crumbs,
        subject: place.subject,
        form_href: place.form_href,
        action: place.action,
        checklists: options.iter().map(|(c, _)| (c.id.clone(), c.name.clone(), c.id == checklist.id)).collect(),
        checklist_id: checklist.id.clone(),
        description: checklist.description.clone(),
        scale_words: format!(
            "From {} to {}",
            scale_text(Some(checklist), checklist.scale.min),
            scale_text(Some(checklist), checklist.scale.max)
        ),
        pass_words: format!(
            "A session passes with a mean of at least {} over {} or more items.",
            checklist.pass.mean_at_least, checklist.pass.min_items
        ),
        rows,
        raters,
        comment: form.get("comment").to_string(),
        errors,
    })
}

/// The rating as posted: every item shown must be rated (the form's rows
/// are required; the scale itself is checked by the use case).
fn rating_input(state: &AppState, rs: &RatedSession, form: &Pairs) -> Result<RatingInput, ValidationErrors> {
    let checklist_id = form.get("checklist").trim().to_string();
    let mut e = ValidationErrors::new();
    let mut ratings = BTreeMap::new();
    if let Some((_, items)) = fidelity::checklists_for(state, rs).into_iter().find(|(c, _)| c.id == checklist_id) {
        for item in items {
            let field = format!("ratings.{}", item.id);
            match form.get(&field).trim() {
                "" => e.add(&field, format!("Choose a rating for \u{201c}{}\u{201d}", item.text)),
                v => match v.parse::<i64>() {
                    Ok(n) => {
                        ratings.insert(item.id.clone(), n);
                    }
                    Err(_) => e.add(&field, format!("The rating for \u{201c}{}\u{201d} must be a number", item.text)),
                },
            }
        }
    }
    if !e.is_empty() {
        return Err(e);
    }
    let comment = Some(form.get("comment").to_string()).filter(|c| !c.trim().is_empty());
    Ok(RatingInput { checklist: checklist_id, rater: form.get("rater").to_string(), ratings, comment })
}

/// Saves a posted rating: back to the session's page, or the form again
/// with the fields named (422).
async fn rate_and_answer(
    state: &AppState,
    me: &Identity,
    rs: &RatedSession,
    place: FormPlace,
    title: String,
    form: Pairs,
) -> AppResult<Response> {
    let back = format!("{}?done=fidelity-rated#fidelity", place.back.0);
    let result = match rating_input(state, rs, &form) {
        Ok(input) => fidelity::rate(state, me, rs_session_id(rs), &input).await.map_err(AppError::from),
        Err(e) => Err(AppError::Invalid(e)),
    };
    match result {
        Ok(_) => Ok(Redirect::to(&back).into_response()),
        Err(AppError::Invalid(e)) => {
            let layout = Layout::new(state, me, title, nav_of(rs)).await?;
            let chosen = form.get("checklist").to_string();
            let page = form_page(state, layout, rs, place, Some(&chosen), &form, FormErrors(e))?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
        Err(other) => Err(other),
    }
}

fn rs_session_id(rs: &RatedSession) -> &str {
    match &rs.rated {
        rapport_store::fidelity::Rated::Session { session, .. }
        | rapport_store::fidelity::Rated::GroupSession { session, .. } => session.as_str(),
    }
}

fn nav_of(rs: &RatedSession) -> &'static str {
    if rs.group {
        "groups"
    } else {
        "caseload"
    }
}

/// An individual session's form: its place, after the session check.
async fn session_place(
    state: &AppState,
    me: &Identity,
    course: &str,
    session: &str,
) -> AppResult<(RatedSession, FormPlace, String)> {
    let sx = session_for(state, me, Some(course), session).await?;
    let rs = fidelity::rated_session(state, me, sx.id().as_str()).await?;
    let label = match sx.s.number {
        Some(n) => format!("Session {n} · {}", format_date(sx.s.session.date)),
        None => format_date(sx.s.session.date),
    };
    let base = format!("/courses/{}/sessions/{}", sx.cx.course.id, sx.id());
    let place = FormPlace {
        back: (base.clone(), "Back to the session".into()),
        crumbs: vec![
            ("/clients".into(), "Caseload".into()),
            (format!("/clients/{}", sx.cx.client.id), sx.cx.client.details.display_name.clone()),
            (format!("/courses/{}#sessions", sx.cx.course.id), sx.cx.protocol.name.clone()),
            (base.clone(), label.clone()),
        ],
        subject: format!("{} · {label}", sx.cx.client.details.display_name),
        form_href: format!("{base}/fidelity/new"),
        action: format!("{base}/fidelity"),
    };
    let title = format!("Rate this session · {}", sx.cx.client.details.display_name);
    Ok((rs, place, title))
}

async fn meeting_place(
    state: &AppState,
    me: &Identity,
    group: &str,
    number: &str,
) -> AppResult<(RatedSession, FormPlace, String)> {
    let g = rapport_app::groups::group_for(state, me, group, Purpose::AuditRead).await?;
    let number: u32 = number.trim().parse().map_err(|_| AppError::NotFound)?;
    let meeting = g.detail.sessions.iter().find(|s| s.number == number).ok_or(AppError::NotFound)?;
    let rs = fidelity::rated_session(state, me, meeting.id.as_str()).await?;
    let base = format!("/groups/{}/sessions/{number}", g.detail.group.id);
    let place = FormPlace {
        back: (base.clone(), "Back to the meeting".into()),
        crumbs: vec![
            ("/groups".into(), "Groups".into()),
            (format!("/groups/{}", g.detail.group.id), g.detail.group.name.clone()),
            (base.clone(), format!("Meeting {number}")),
        ],
        subject: format!("Meeting {number} · {}", g.detail.group.name),
        form_href: format!("{base}/fidelity/new"),
        action: format!("{base}/fidelity"),
    };
    Ok((rs, place, format!("Rate meeting {number} · {}", g.detail.group.name)))
}

pub async fn session_form(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path((id, session_id)): Path<(String, String)>,
    Query(q): Query<ChecklistQuery>,
) -> AppResult<Html<String>> {
    let (rs, place, title) = session_place(&state, &me, &id, &session_id).await?;
    let layout = Layout::new(&state, &me, title, "caseload").await?;
    render(&form_page(&state, layout, &rs, place, q.checklist.as_deref(), &Pairs::default(), FormErrors::default())?)
}

pub async fn session_rate(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path((id, session_id)): Path<(String, String)>,
    Form(form): Form<Pairs>,
) -> AppResult<Response> {
    let (rs, place, title) = session_place(&state, &me, &id, &session_id).await?;
    rate_and_answer(&state, &me, &rs, place, title, form).await
}

pub async fn meeting_form(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path((id, number)): Path<(String, String)>,
    Query(q): Query<ChecklistQuery>,
) -> AppResult<Html<String>> {
    let (rs, place, title) = meeting_place(&state, &me, &id, &number).await?;
    let layout = Layout::new(&state, &me, title, "groups").await?;
    render(&form_page(&state, layout, &rs, place, q.checklist.as_deref(), &Pairs::default(), FormErrors::default())?)
}

pub async fn meeting_rate(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path((id, number)): Path<(String, String)>,
    Form(form): Form<Pairs>,
) -> AppResult<Response> {
    let (rs, place, title) = meeting_place(&state, &me, &id, &number).await?;
    rate_and_answer(&state, &me, &rs, place, title, form).await
}

// ---------------------------------------------------------------- the course

/// A rated session on the course page: the latest self and supervisor ratings.
pub struct SummaryRow {
    pub href: String,
    pub label: String,
    /// (mean, pass) of the latest rating of each side.
    pub self_rating: Option<(String, bool)>,
    pub supervisor: Option<(String, bool)>,
}

/// The course page's summary, one row per rated session in session order.
pub fn course_summary(state: &AppState, cx: &CourseContext, ratings: &[RatingRow]) -> Vec<SummaryRow> {
    cx.sessions
        .iter()
        .filter_map(|s| {
            let of_session: Vec<&RatingRow> =
                ratings.iter().filter(|r| r.session_id.as_ref() == Some(&s.session.id)).collect();
            let latest = |side: Rater| {
                of_session
                    .iter()
                    .rev()
                    .find(|r| r.rater == side)
                    .map(|r| (mean_text(state.config.fidelity.get(&r.checklist_id), r.mean), r.pass))
            };
            let (self_rating, supervisor) = (latest(Rater::SelfRated), latest(Rater::Supervisor));
            (!of_session.is_empty()).then(|| SummaryRow {
                href: format!("/courses/{}/sessions/{}#fidelity", cx.course.id, s.session.id),
                label: match s.number {
                    Some(n) => format!("Session {n} · {}", format_date(s.session.date)),
                    None => format_date(s.session.date),
                },
                self_rating,
                supervisor,
            })
        })
        .collect()
}

pub struct TrendCell {
    pub self_rating: i64,
    pub supervisor: i64,
    pub differs: bool,
}

pub struct TrendRow {
    pub text: String,
    pub cells: Vec<Option<TrendCell>>,
    /// A small chart of the two lines (drawn on the server; the table is the alternative).
    pub svg: String,
}

pub struct TrendTable {
    pub checklist: String,
    pub scale: String,
    pub dates: Vec<String>,
    pub rows: Vec<TrendRow>,
}

#[derive(Template)]
#[template(path = "course_fidelity.html")]
struct CourseFidelityPage {
    layout: Layout,
    cx: CourseContext,
    tables: Vec<TrendTable>,
    rated: usize,
}

/// Two lines over the rated sessions, self (dashed) and supervisor (solid),
/// with a dot per point so a single session shows too.
fn trend_svg(points: &[(Option<i64>, Option<i64>)], min: i64, max: i64) -> String {
    let (w, h, pad) = (160.0_f64, 48.0_f64, 6.0_f64);
    let n = points.len().max(2) - 1;
    let x = |i: usize| if points.len() == 1 { w / 2.0 } else { pad + (w - 2.0 * pad) * i as f64 / n as f64 };
    let y = |v: i64| h - pad - (h - 2.0 * pad) * (v - min) as f64 / (max - min).max(1) as f64;
    let series = |pick: &dyn Fn(&(Option<i64>, Option<i64>)) -> Option<i64>, class: &str, dash: &str| {
        let xy: Vec<(f64, f64)> =
            points.iter().enumerate().filter_map(|(i, p)| pick(p).map(|v| (x(i), y(v)))).collect();
        let line = xy.iter().map(|(a, b)| format!("{a:.1},{b:.1}")).collect::<Vec<_>>().join(" ");
        let dots: String = xy.iter().map(|(a, b)| format!("<circle cx=\"{a:.1}\" cy=\"{b:.1}\" r=\"3\"/>")).collect();
        format!("<g class=\"{class}\"><polyline points=\"{line}\" fill=\"none\" stroke-width=\"2\"{dash}/>{dots}</g>")
    };
    format!(
        "<svg class=\"trend-svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" aria-hidden=\"true\" focusable=\"false\">{}{}</svg>",
        series(&|p| p.0, "trend-self", " stroke-dasharray=\"4 3\""),
        series(&|p| p.1, "trend-sup", "")
    )
}

/// Self versus supervisor ratings of the course's sessions, item by item.
pub async fn course_agreement(CourseRead { state, me, cx }: CourseRead) -> AppResult<Html<String>> {
    let f = fidelity::course_fidelity(&state, &me, &cx).await?;
    let tables = f
        .trends
        .iter()
        .map(|(c, trends)| {
            let mut dates: Vec<time::Date> = trends.iter().flat_map(|t| t.points.iter().map(|p| p.0)).collect();
            dates.sort_unstable();
            dates.dedup();
            TrendTable {
                checklist: c.name.clone(),
                scale: format!("{} to {}", scale_text(Some(c), c.scale.min), scale_text(Some(c), c.scale.max)),
                rows: trends
                    .iter()
                    .map(|t| {
                        let cells: Vec<Option<TrendCell>> = dates
                            .iter()
                            .map(|d| {
                                t.points.iter().find(|p| p.0 == *d).map(|p| TrendCell {
                                    self_rating: p.1,
                                    supervisor: p.2,
                                    differs: p.1 != p.2,
                                })
                            })
                            .collect();
                        let pts: Vec<(Option<i64>, Option<i64>)> = cells
                            .iter()
                            .map(|c| c.as_ref().map_or((None, None), |c| (Some(c.self_rating), Some(c.supervisor))))
                            .collect();
                        TrendRow { text: t.text.clone(), svg: trend_svg(&pts, c.scale.min, c.scale.max), cells }
                    })
                    .collect(),
                dates: dates.iter().map(|d| format_date(*d)).collect(),
            }
        })
        .collect();
    let title = format!("Fidelity over time · {}", cx.client.details.display_name);
    let layout = Layout::new(&state, &me, title, "caseload").await?;
    render(&CourseFidelityPage { layout, rated: f.ratings.len(), cx, tables })
}

// ---------------------------------------------------------------- recordings

/// Uploads a recording (a multipart form: the audio file, the consent box
/// and an optional note of how the client consented); back to the session.
pub async fn upload(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path((id, session_id)): Path<(String, String)>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> AppResult<Response> {
    let sx = session_for(&state, &me, Some(&id), &session_id).await?;
    let back = format!("/courses/{}/sessions/{}", sx.cx.course.id, sx.id());
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let parts = multipart::boundary(content_type).and_then(|b| multipart::parse(&body, &b)).ok_or_else(|| {
        AppError::BadRequest { code: "bad_form", message: "The form could not be read.".into(), field: None }
    })?;
    let consented = multipart::text(&parts, "consent").is_some_and(|v| !v.trim().is_empty());
    let detail = multipart::text(&parts, "consent_note").unwrap_or_default().trim().to_string();
    let audio = parts.iter().find(|p| p.name == "audio" && !p.data.is_empty());
    let mut e = ValidationErrors::new();
    if !consented {
        e.add("consent", "Tick the box to confirm the client consented to this recording");
    }
    if audio.is_none() {
        e.add("audio", "Choose the audio file of the session");
    }
    let result = match audio {
        Some(a) if e.is_empty() => {
            let note = if detail.is_empty() {
                "The client consented to this recording.".to_string()
            } else {
                format!("The client consented to this recording: {detail}")
            };
            let ty = a.content_type.clone().unwrap_or_default();
            recordings::upload(&state, &me, sx.id().as_str(), &note, &ty, a.data.clone()).await.map_err(AppError::from)
        }
        _ => Err(AppError::Invalid(e)),
    };
    match result {
        Ok(_) => Ok(Redirect::to(&format!("{back}?done=recording-uploaded#recordings")).into_response()),
        Err(AppError::Invalid(e)) => {
            let errors = FormErrors(e).rename("content_type", "audio");
            let page = super::notes::session_page_with_errors(&state, &me, sx, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(other) => Err(other),
    }
}

/// Streams a recording to the browser's player (every play audited).
pub async fn play(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let (content_type, audio) = recordings::play(&state, &me, &id).await?;
    Ok(([(header::CONTENT_TYPE, content_type), (header::CACHE_CONTROL, "no-store".to_string())], audio).into_response())
}
