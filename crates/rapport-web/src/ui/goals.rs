//! The goals tab of a course: each goal with its 0-10 ratings as a sparkline and
//! a trend word, a form to rate every open goal at a held session, and forms to
//! add and change goals.

use super::Layout;
use crate::course_extract::{CoursePost, CourseRead};
use crate::error::{AppError, AppResult};
use crate::html::form::Pairs;
use crate::html::{refused, render, FormErrors};
use crate::identity::SignedIn;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Form;
use rapport_app::access::course::CourseContext;
use rapport_app::access::Purpose;
use rapport_app::caller::Identity;
use rapport_app::formulation::{audit_read, chosen_areas};
use rapport_app::goals::{course_goals, create_goal, goal_for, goals, rate_goal, update_goal};
use rapport_app::AppState;
use rapport_core::goals::{validate_rating, Goal, GoalInput, GoalStatus, Trend};
use rapport_core::msg;
use rapport_core::{Id, ValidationErrors};
use rapport_store::formulation::GoalWithRatings;
use rapport_store::records::Record;
use serde::Deserialize;

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/courses/{id}/goals", show)
        .post("/courses/{id}/goals", add)
        .post("/courses/{id}/goals/ratings", rate)
        .post("/courses/{id}/goals/{goal_id}", edit)
}

/// An inline SVG line of 0-10 ratings, readable by screen readers through its label.
pub fn sparkline(values: &[u8], label: &str) -> String {
    let (w, h, pad) = (120.0_f64, 32.0_f64, 3.0_f64);
    let label = label.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    let n = values.len();
    let x = |i: usize| if n <= 1 { w / 2.0 } else { pad + i as f64 * (w - 2.0 * pad) / (n - 1) as f64 };
    let y = |r: u8| pad + (10.0 - f64::from(r.min(10))) / 10.0 * (h - 2.0 * pad);
    let points: Vec<String> = values.iter().enumerate().map(|(i, &r)| format!("{:.1},{:.1}", x(i), y(r))).collect();
    let line = if n > 1 {
        format!(
            r#"<polyline points="{}" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/>"#,
            points.join(" ")
        )
    } else {
        String::new()
    };
    let last = values
        .last()
        .map(|&r| format!(r#"<circle cx="{:.1}" cy="{:.1}" r="3" fill="currentColor"/>"#, x(n - 1), y(r)))
        .unwrap_or_default();
    format!(
        r#"<svg class="sparkline" viewBox="0 0 120 32" width="120" height="32" role="img" aria-label="{label}"><title>{label}</title><line x1="{pad}" y1="{base:.1}" x2="{end}" y2="{base:.1}" class="sparkline-base"/>{line}{last}</svg>"#,
        base = h - pad,
        end = w - pad,
    )
}

/// A goal as the page shows it.
pub struct GoalView {
    pub record: Record<Goal>,
    pub area_label: String,
    pub sparkline: String,
    pub ratings_text: String,
    /// "rising", "falling", "flat", or "" with fewer than two ratings.
    pub trend: String,
    /// (the session as shown: "S4", "Engagement session", or empty and the
    /// date stands for it; date; rating), in session order.
    pub ratings: Vec<(String, String, u8)>,
    /// The rating at the session chosen in the rating form, if any.
    pub rating_at_chosen: String,
}

impl GoalView {
    pub fn id(&self) -> String {
        self.record.id.to_string()
    }
    pub fn open(&self) -> bool {
        self.record.body.status.is_open()
    }
}

/// A goal form as typed (for re-showing it with errors).
#[derive(Clone, Debug, Default, Deserialize)]
pub struct GoalForm {
    #[serde(default)]
    pub problem_area: String,
    #[serde(default)]
    pub statement: String,
    #[serde(default)]
    pub clinician_wording: String,
    #[serde(default)]
    pub target: String,
    #[serde(default)]
    pub due_session: String,
    #[serde(default)]
    pub due_date: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub status_note: String,
    #[serde(default)]
    pub version: String,
}

impl GoalForm {
    fn from_goal(r: &Record<Goal>) -> GoalForm {
        let g = &r.body;
        GoalForm {
            problem_area: g.problem_area.clone(),
            statement: g.statement.clone(),
            clinician_wording: g.clinician_wording.clone().unwrap_or_default(),
            target: g.target.clone().unwrap_or_default(),
            due_session: g.due_session.map(|n| n.to_string()).unwrap_or_default(),
            due_date: g.due_date.clone().unwrap_or_default(),
            status: g.status.as_str().into(),
            status_note: g.status_note.clone().unwrap_or_default(),
            version: r.version.to_string(),
        }
    }

    fn input(&self, e: &mut ValidationErrors) -> GoalInput {
        let blank = |s: &str| Some(s.to_string()).filter(|s| !s.trim().is_empty());
        GoalInput {
            problem_area: blank(&self.problem_area),
            statement: Some(self.statement.clone()),
            clinician_wording: blank(&self.clinician_wording),
            target: blank(&self.target),
            due_session: rapport_core::validation::form_number(
                e,
                "due_session",
                msg("field-due-session"),
                &self.due_session,
            ),
            due_date: blank(&self.due_date),
            status: blank(&self.status),
            status_note: blank(&self.status_note),
        }
    }
}

#[derive(Template)]
#[template(path = "goals.html")]
struct GoalsPage {
    layout: Layout,
    /// The client's thoughts on their goals, from the portal.
    reflections: Vec<rapport_store::portal::ReflectionRow>,
    cx: CourseContext,
    goals: Vec<GoalView>,
    /// Chosen problem areas: (id, label).
    areas: Vec<(String, String)>,
    /// Held sessions, newest first: (id, "Session 5 · 2026-02-02").
    held: Vec<(String, String)>,
    /// The session the rating form rates.
    chosen_session: String,
    chosen_session_label: String,
    new_goal: GoalForm,
    /// Re-shown edit form: (goal id, values typed).
    editing: Option<(String, GoalForm)>,
    /// Which form the errors belong to: "new", "rate" or a goal id.
    form_section: String,
    errors: FormErrors,
    /// Typed ratings when the rating form is re-shown: (goal id, value).
    typed_ratings: Vec<(String, String)>,
}

impl GoalsPage {
    fn statuses(&self) -> Vec<(String, String)> {
        let tr = &self.layout.tr;
        GoalStatus::ALL.iter().map(|s| (s.as_str().into(), tr.t(s.message()))).collect()
    }
    /// The edit form's values for goal `g`: as typed after an error, else as stored.
    fn form_for(&self, g: &GoalView) -> GoalForm {
        match &self.editing {
            Some((id, f)) if *id == g.id() => f.clone(),
            _ => GoalForm::from_goal(&g.record),
        }
    }
    /// The rating form's value for goal `g`.
    fn rating_value(&self, g: &GoalView) -> String {
        let id = g.id();
        self.typed_ratings.iter().find(|(k, _)| *k == id).map(|(_, v)| v.clone()).unwrap_or(g.rating_at_chosen.clone())
    }
    fn open_goals(&self) -> Vec<&GoalView> {
        self.goals.iter().filter(|g| g.open()).collect()
    }
}

#[derive(Deserialize, Default)]
pub struct GoalsQuery {
    pub done: Option<String>,
    /// The held session the rating form is for (default: the latest).
    pub session: Option<String>,
}

pub async fn show(CourseRead { state, me, cx }: CourseRead, Query(q): Query<GoalsQuery>) -> AppResult<Html<String>> {
    let view = PageState { session: q.session.clone(), ..PageState::default() };
    goals_page(&state, &me, cx, view, q.done.as_deref(), true).await
}

#[derive(Default)]
struct PageState {
    session: Option<String>,
    new_goal: GoalForm,
    editing: Option<(String, GoalForm)>,
    form_section: String,
    errors: FormErrors,
    typed_ratings: Vec<(String, String)>,
}

async fn goals_page(
    state: &AppState,
    me: &Identity,
    cx: CourseContext,
    s: PageState,
    done: Option<&str>,
    audit: bool,
) -> AppResult<Html<String>> {
    let tr = crate::i18n::current();
    let title = tr.ta("goals-title", "client", &cx.client.details.display_name);
    let layout = Layout::new(state, me, title, "caseload").await?.with_done(done);
    let all = goals(state, &cx).await?;
    if audit {
        audit_read(state, me, &cx, "goal", None, format!("goals page, {} goals", all.len())).await?;
    }
    let held: Vec<(String, String)> = cx
        .sessions
        .iter()
        .rev()
        .filter_map(|x| x.number.map(|_| (x.session.id.to_string(), super::session_label(&tr, x))))
        .collect();
    let chosen_session = s
        .session
        .filter(|id| held.iter().any(|(h, _)| h == id))
        .or_else(|| held.first().map(|(h, _)| h.clone()))
        .unwrap_or_default();
    let chosen_session_label =
        held.iter().find(|(h, _)| *h == chosen_session).map(|(_, l)| l.clone()).unwrap_or_default();
    let chosen_id = Id::parse(&chosen_session);
    let goals = all.iter().map(|g| view(&cx, g, chosen_id.as_ref())).collect();
    let areas: Vec<(String, String)> = chosen_areas(state, &cx)
        .await?
        .into_iter()
        .map(|a| (a.clone(), tr.term("area", &a, cx.protocol.area_label(&a))))
        .collect();
    let mut new_goal = s.new_goal;
    if new_goal.problem_area.is_empty() {
        if let [(only, _)] = areas.as_slice() {
            new_goal.problem_area = only.clone();
        }
    }
    let reflections =
        rapport_app::portal::reflections_on(state, me, &cx.client.id, rapport_core::portal::ReflectionTopic::Goals)
            .await?;
    render(&GoalsPage {
        layout,
        reflections,
        goals,
        areas,
        held,
        chosen_session,
        chosen_session_label,
        new_goal,
        editing: s.editing,
        form_section: s.form_section,
        errors: s.errors,
        typed_ratings: s.typed_ratings,
        cx,
    })
}

/// The ratings in words, for the sparkline's text: "ratings 2, 3, 5 — rising".
fn describe(values: &[u8]) -> String {
    let tr = crate::i18n::current();
    match values {
        [] => tr.t("goals-ratings-none"),
        [r] => tr.ta("goals-ratings-one", "rating", i64::from(*r)),
        _ => {
            let list: Vec<String> = values.iter().map(u8::to_string).collect();
            let trend = rapport_core::goals::trend(values).map(Trend::as_str).unwrap_or("flat");
            tr.tn(
                msg("goals-ratings-many"),
                &[("ratings", &list.join(", ")), ("trend", &tr.ta("goals-trend", "trend", trend))],
            )
        }
    }
}

pub fn view(cx: &CourseContext, g: &GoalWithRatings, chosen: Option<&Id>) -> GoalView {
    let values = g.values();
    let text = describe(&values);
    GoalView {
        area_label: crate::i18n::current().term(
            "area",
            &g.goal.body.problem_area,
            cx.protocol.area_label(&g.goal.body.problem_area),
        ),
        sparkline: sparkline(&values, &text),
        ratings_text: text,
        trend: g.trend.map(|t| crate::i18n::current().ta("goals-trend", "trend", t.as_str())).unwrap_or_default(),
        ratings: g
            .ratings
            .iter()
            .map(|p| {
                let tr = crate::i18n::current();
                let at = match cx.session(&p.session_id) {
                    Some(s) if s.session.engagement => tr.t("goals-session-short-engagement"),
                    Some(s) => s.number.map(|n| tr.ta("goals-session-short", "n", i64::from(n))).unwrap_or_default(),
                    None => String::new(),
                };
                (at, crate::i18n::day(p.session_date), p.rating)
            })
            .collect(),
        rating_at_chosen: chosen.and_then(|c| g.rating_at(c)).map(|p| p.rating.to_string()).unwrap_or_default(),
        record: g.goal.clone(),
    }
}

fn goals_url(cx: &CourseContext, done: &str, anchor: &str) -> String {
    format!("/courses/{}/goals?done={done}{anchor}", cx.course.id)
}

pub async fn add(CoursePost { state, me, cx, form }: CoursePost<GoalForm>) -> AppResult<Response> {
    let mut e = ValidationErrors::new();
    let input = form.input(&mut e);
    let result = if e.is_empty() {
        create_goal(&state, &me, &cx, &input).await.map_err(AppError::from)
    } else {
        Err(AppError::Invalid(e))
    };
    match result {
        Ok(g) => Ok(Redirect::to(&goals_url(&cx, "goal-added", &format!("#goal-{}", g.id))).into_response()),
        Err(AppError::Invalid(e)) => {
            let s =
                PageState { new_goal: form, form_section: "new".into(), errors: FormErrors(e), ..PageState::default() };
            Ok(refused(goals_page(&state, &me, cx, s, None, false).await?))
        }
        Err(other) => Err(other),
    }
}

pub async fn edit(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path((id, goal_id)): Path<(String, String)>,
    Form(form): Form<GoalForm>,
) -> AppResult<Response> {
    let (goal, cx) = goal_for(&state, &me, &goal_id, Purpose::Write).await?;
    if cx.course.id.as_str() != id {
        return Err(AppError::NotFound);
    }
    let version = Some(crate::html::form::required_version(&form.version)?);
    let mut e = ValidationErrors::new();
    let input = form.input(&mut e);
    let result = if e.is_empty() {
        update_goal(&state, &me, &cx, &goal, &input, version).await.map_err(AppError::from)
    } else {
        Err(AppError::Invalid(e))
    };
    match result {
        Ok(g) => Ok(Redirect::to(&goals_url(&cx, "goal-saved", &format!("#goal-{}", g.id))).into_response()),
        Err(AppError::Invalid(e)) => {
            let gid = goal.id.to_string();
            let s = PageState {
                errors: FormErrors(e).with_prefix(&gid),
                form_section: gid.clone(),
                editing: Some((gid, form)),
                ..PageState::default()
            };
            Ok(refused(goals_page(&state, &me, cx, s, None, false).await?))
        }
        Err(other) => Err(other),
    }
}

/// Rates every open goal given a value at one held session (blank: not rated).
/// All values are checked before any is stored.
pub async fn rate(CoursePost { state, me, cx, form: Pairs(pairs) }: CoursePost) -> AppResult<Response> {
    cx.require_open()?;
    let f = Pairs(pairs);
    let session_id = f.get("session_id").to_string();
    let goals = course_goals(&state, &cx).await?;
    let mut e = ValidationErrors::new();
    if Id::parse(&session_id).and_then(|s| cx.session(&s)).is_none_or(|s| s.number.is_none()) {
        e.add_key("session_id", msg("goals-rate-choose-session"), vec![]);
    }
    let mut typed = Vec::new();
    let mut ratings = Vec::new();
    for g in goals.iter().filter(|g| g.body.status.is_open()) {
        let name = format!("rating-{}", g.id);
        let raw = f.get(&name).to_string();
        typed.push((g.id.to_string(), raw.clone()));
        let Some(n) = rapport_core::validation::form_number(&mut e, &name, msg("field-rating"), &raw) else { continue };
        match validate_rating(n) {
            Ok(_) => ratings.push((g, n)),
            Err(_) => {
                e.add_key(&name, msg("goals-rate-out-of-range"), vec![("goal", g.body.statement.as_str().into())])
            }
        }
    }
    if e.is_empty() && ratings.is_empty() {
        e.add_key("session_id", msg("goals-rate-none"), vec![]);
    }
    if !e.is_empty() {
        let s = PageState {
            session: Some(session_id),
            form_section: "rate".into(),
            errors: FormErrors(e),
            typed_ratings: typed,
            ..PageState::default()
        };
        return Ok(refused(goals_page(&state, &me, cx, s, None, false).await?));
    }
    for (g, n) in ratings {
        rate_goal(&state, &me, &cx, g, &session_id, n).await?;
    }
    let url = format!("/courses/{}/goals?done=ratings&session={session_id}#rate", cx.course.id);
    Ok(Redirect::to(&url).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparkline_is_an_image_with_its_text() {
        let svg = sparkline(&[2, 3, 5, 6], "ratings 2, 3, 5, 6 — rising");
        assert!(svg.contains(r#"role="img""#));
        assert!(svg.contains(r#"aria-label="ratings 2, 3, 5, 6 — rising""#));
        assert!(svg.contains("<polyline points=\"3.0,23.8 41.0,21.2 79.0,16.0 117.0,13.4\""), "{svg}");
        assert!(!sparkline(&[4], "x").contains("polyline"), "one point: a dot only");
        assert!(sparkline(&[], "<b>").contains("&lt;b&gt;"));
    }
}
