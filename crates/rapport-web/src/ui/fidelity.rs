//! Fidelity in the staff pages: the rating form of a session or a group
//! meeting, the course's agreement over time, and session recordings
//! (upload with the client's consent, play in the browser). The section
//! the session and meeting pages show is in `ui::fidelity_section`. Thin:
//! each handler calls `rapport_app::fidelity` or `rapport_app::recordings`.

use super::fidelity_section::scale_text;
use super::Layout;
use crate::course_extract::CourseRead;
use crate::error::{AppError, AppResult};
use crate::html::form::Pairs;
use crate::html::{multipart, render, FormErrors};
use crate::i18n::msg;
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
use rapport_core::fidelity::Rater;
use rapport_core::ValidationErrors;
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
        Rater::SelfRated => msg("fidelity-rate-as-self"),
        Rater::Supervisor => msg("fidelity-rater-supervisor"),
        Rater::Peer => msg("fidelity-rate-as-peer"),
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
        return Err(AppError::Forbidden(crate::i18n::current().t("fidelity-forbidden")));
    };
    let tr = crate::i18n::current();
    let rows = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let field = format!("ratings.{}", item.id);
            let posted = form.get(&field).to_string();
            ItemRow {
                number: i + 1,
                text: item.text_in(tr.lang()).to_string(),
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
            (r.as_str().to_string(), tr.t(rater_words(*r)), checked)
        })
        .collect();
    Ok(RatingFormPage {
        layout,
        back: place.back,
        crumbs: place.crumbs,
        subject: place.subject,
        form_href: place.form_href,
        action: place.action,
        checklists: options
            .iter()
            .map(|(c, _)| (c.id.clone(), c.name_in(tr.lang()).to_string(), c.id == checklist.id))
            .collect(),
        checklist_id: checklist.id.clone(),
        description: checklist.description_in(tr.lang()).to_string(),
        scale_words: tr.tn(
            msg("fidelity-scale-from-to"),
            &[
                ("min", &scale_text(Some(checklist), checklist.scale.min)),
                ("max", &scale_text(Some(checklist), checklist.scale.max)),
            ],
        ),
        pass_words: tr.tn(
            msg("fidelity-pass-rule"),
            &[
                ("mean", &checklist.pass.mean_at_least.to_string().replace('.', &tr.t("number-decimal-mark"))),
                ("items", &checklist.pass.min_items),
            ],
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
        // Numbered as on the form.
        for (n, item) in items.iter().enumerate().map(|(i, item)| (i + 1, item)) {
            let field = format!("ratings.{}", item.id);
            match form.get(&field).trim() {
                "" => e.add_key(&field, msg("fidelity-error-choose"), vec![("n", (n as i64).into())]),
                v => match v.parse::<i64>() {
                    Ok(n) => {
                        ratings.insert(item.id.clone(), n);
                    }
                    Err(_) => e.add_key(&field, msg("fidelity-error-number"), vec![("n", (n as i64).into())]),
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
    let tr = crate::i18n::current();
    let label = super::session_label(&tr, &sx.s);
    let base = format!("/courses/{}/sessions/{}", sx.cx.course.id, sx.id());
    let place = FormPlace {
        back: (base.clone(), tr.t("fidelity-back-session")),
        crumbs: vec![
            ("/clients".into(), tr.t("nav-caseload")),
            (format!("/clients/{}", sx.cx.client.id), sx.cx.client.details.display_name.clone()),
            (format!("/courses/{}#sessions", sx.cx.course.id), sx.cx.protocol.name_in(tr.lang()).to_string()),
            (base.clone(), label.clone()),
        ],
        subject: format!("{} · {label}", sx.cx.client.details.display_name),
        form_href: format!("{base}/fidelity/new"),
        action: format!("{base}/fidelity"),
    };
    let title = tr.ta("fidelity-rate-title", "name", &sx.cx.client.details.display_name);
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
    let tr = crate::i18n::current();
    let n = i64::from(number);
    let group_name = &g.detail.group.name;
    let place = FormPlace {
        back: (base.clone(), tr.t("fidelity-back-meeting")),
        crumbs: vec![
            ("/groups".into(), tr.t("group-list-title")),
            (format!("/groups/{}", g.detail.group.id), g.detail.group.name.clone()),
            (base.clone(), tr.ta("group-meeting-n", "number", n)),
        ],
        subject: tr.tn(msg("group-meeting-title"), &[("number", &n), ("group", group_name)]),
        form_href: format!("{base}/fidelity/new"),
        action: format!("{base}/fidelity"),
    };
    let title = tr.tn(msg("fidelity-rate-meeting-title"), &[("number", &n), ("group", group_name)]);
    Ok((rs, place, title))
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

/// One session's (self, supervisor) points of an item, if rated by both.
type TrendPoint = (Option<i64>, Option<i64>);

/// Two lines over the rated sessions, self (dashed) and supervisor (solid),
/// with a dot per point so a single session shows too.
fn trend_svg(points: &[TrendPoint], min: i64, max: i64) -> String {
    let (w, h, pad) = (160.0_f64, 48.0_f64, 6.0_f64);
    let n = points.len().max(2) - 1;
    let x = |i: usize| if points.len() == 1 { w / 2.0 } else { pad + (w - 2.0 * pad) * i as f64 / n as f64 };
    let y = |v: i64| h - pad - (h - 2.0 * pad) * (v - min) as f64 / (max - min).max(1) as f64;
    let series = |pick: fn(&TrendPoint) -> Option<i64>, class: &str, dash: &str| {
        let xy: Vec<(f64, f64)> =
            points.iter().enumerate().filter_map(|(i, p)| pick(p).map(|v| (x(i), y(v)))).collect();
        let line = xy.iter().map(|(a, b)| format!("{a:.1},{b:.1}")).collect::<Vec<_>>().join(" ");
        let dots: String = xy.iter().map(|(a, b)| format!("<circle cx=\"{a:.1}\" cy=\"{b:.1}\" r=\"3\"/>")).collect();
        format!("<g class=\"{class}\"><polyline points=\"{line}\" fill=\"none\" stroke-width=\"2\"{dash}/>{dots}</g>")
    };
    format!(
        "<svg class=\"trend-svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" aria-hidden=\"true\" focusable=\"false\">{}{}</svg>",
        series(|p| p.0, "trend-self", " stroke-dasharray=\"4 3\""),
        series(|p| p.1, "trend-sup", "")
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
                checklist: c.name_in(crate::i18n::current().lang()).to_string(),
                scale: crate::i18n::current().tn(
                    msg("fidelity-scale-to"),
                    &[("min", &scale_text(Some(c), c.scale.min)), ("max", &scale_text(Some(c), c.scale.max))],
                ),
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
                        let pts: Vec<TrendPoint> = cells
                            .iter()
                            .map(|c| c.as_ref().map_or((None, None), |c| (Some(c.self_rating), Some(c.supervisor))))
                            .collect();
                        TrendRow { text: t.text.clone(), svg: trend_svg(&pts, c.scale.min, c.scale.max), cells }
                    })
                    .collect(),
                dates: dates.iter().map(|d| crate::i18n::day(*d)).collect(),
            }
        })
        .collect();
    let title = crate::i18n::current().ta("fidelity-over-time-title", "name", &cx.client.details.display_name);
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
    let parts = match multipart::boundary(content_type) {
        Some(b) => multipart::parse(body, &b).await,
        None => None,
    }
    .ok_or_else(|| AppError::BadRequest {
        code: "bad_form",
        message: "The form could not be read.".into(),
        field: None,
    })?;
    let consented = multipart::text(&parts, "consent").is_some_and(|v| !v.trim().is_empty());
    let detail = multipart::text(&parts, "consent_note").unwrap_or_default().trim().to_string();
    let audio = parts.iter().find(|p| p.name == "audio" && !p.data.is_empty());
    let mut e = ValidationErrors::new();
    if !consented {
        e.add_key("consent", msg("recording-error-consent"), vec![]);
    }
    if audio.is_none() {
        e.add_key("audio", msg("recording-error-audio"), vec![]);
    }
    let result = match audio {
        Some(a) if e.is_empty() => {
            let note = if detail.is_empty() {
                "The client consented to this recording.".to_string()
            } else {
                format!("The client consented to this recording: {detail}")
            };
            let ty = a.content_type.clone().unwrap_or_default();
            recordings::upload(&state, &me, sx.id().as_str(), &note, &ty, a.data.to_vec()).await.map_err(AppError::from)
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
