//! The session page: the session's details, its structured progress note
//! (autosaved drafts with optimistic concurrency, signing, addenda) and the
//! author's private process note.
//!
//! Drafts save on every pause in typing (htmx posts the form after 2 s idle and
//! swaps in a small status fragment); without JavaScript the Save draft button
//! posts the same form. Every save carries the version it started from: a stale
//! save is refused and both versions are shown, the stored one and the one as
//! typed, which stays in the form.

use super::clients::DoneParam;
use super::Layout;
use crate::error::{AppError, AppResult};
use crate::html::{render, FormErrors};
use crate::i18n::Tr;
use crate::identity::SignedIn;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Form;
use rapport_app::access::session::{process_note_for, session_for, SessionContext};
use rapport_app::caller::Identity;
use rapport_app::sessions;
use rapport_app::AppState;
use rapport_core::access::AccessBasis;
use rapport_core::msg;
use rapport_core::notes::{
    check_signable, validate_note, MoodEffect, NoteStatus, ProcessNoteReader, ProgressNote, RawProgressNote, RiskCheck,
    Technique, MAX_EVENTS,
};
use rapport_core::{Id, Timestamp, ValidationErrors};
use rapport_store::notes::{Addendum, NoteWrite, ProcessNoteRecord, ProgressNoteRecord};
use serde::Deserialize;
use std::collections::BTreeMap;

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/courses/{id}/sessions/{session_id}", show)
        .post("/courses/{id}/sessions/{session_id}/note", save_note)
        .post("/courses/{id}/sessions/{session_id}/note/sign", sign_note)
        .post("/courses/{id}/sessions/{session_id}/phase", set_phase)
        .post("/courses/{id}/sessions/{session_id}/note/addenda", add_addendum)
        .post("/courses/{id}/sessions/{session_id}/process-note", save_process_note)
        .post("/courses/{id}/sessions/{session_id}/process-note/share", share_process_note)
        .get("/courses/{id}/sessions/{session_id}/process-notes/{author_id}", read_process_note)
}

/// A page re-shown with field errors. (Autosave fragments are always 200: htmx
/// swaps only successful responses.)
const UNPROCESSABLE: StatusCode = StatusCode::UNPROCESSABLE_ENTITY;

fn is_htmx(headers: &HeaderMap) -> bool {
    headers.contains_key("hx-request") && !headers.contains_key("hx-boosted")
}

fn session_url(sx: &SessionContext) -> String {
    format!("/courses/{}/sessions/{}", sx.cx.course.id, sx.id())
}

// ---------------------------------------------------------------- the note form

/// The progress note as typed (strings), for re-display after an error or a conflict.
#[derive(Clone, Debug, Default)]
pub struct NoteForm {
    pub version: String,
    /// Set by "Save mine over it" after a conflict: the stored version the writer has seen.
    pub resolve_version: String,
    pub mood: String,
    /// (text, effect) per row, in row order.
    pub events: Vec<(String, String)>,
    pub problem_area_work: String,
    pub techniques: Vec<String>,
    pub work_set: String,
    pub work_reviewed: String,
    pub risk: String,
    pub risk_detail: String,
    pub plan: String,
}

impl NoteForm {
    /// From posted pairs; event rows are `events[N].text` / `events[N].effect`.
    pub fn from_pairs(pairs: &[(String, String)]) -> NoteForm {
        let mut f = NoteForm::default();
        let mut rows: BTreeMap<usize, (String, String)> = BTreeMap::new();
        for (k, v) in pairs {
            match k.as_str() {
                "version" => f.version = v.clone(),
                "resolve_version" => f.resolve_version = v.clone(),
                "mood" => f.mood = v.clone(),
                "problem_area_work" => f.problem_area_work = v.clone(),
                "techniques" => f.techniques.push(v.clone()),
                "work_set" => f.work_set = v.clone(),
                "work_reviewed" => f.work_reviewed = v.clone(),
                "risk" => f.risk = v.clone(),
                "risk_detail" => f.risk_detail = v.clone(),
                "plan" => f.plan = v.clone(),
                other => {
                    let Some(rest) = other.strip_prefix("events[") else { continue };
                    let Some((i, field)) = rest.split_once("].") else { continue };
                    let Ok(i) = i.parse::<usize>() else { continue };
                    if i >= MAX_EVENTS * 2 {
                        continue;
                    }
                    let row = rows.entry(i).or_default();
                    match field {
                        "text" => row.0 = v.clone(),
                        "effect" => row.1 = v.clone(),
                        _ => {}
                    }
                }
            }
        }
        f.events = rows.into_values().collect();
        f
    }

    /// The stored note (or a blank form) at its version.
    pub fn from_note(body: &ProgressNote, version: i64) -> NoteForm {
        NoteForm {
            version: version.to_string(),
            resolve_version: String::new(),
            mood: body.mood.map(|m| m.to_string()).unwrap_or_default(),
            events: body
                .events
                .iter()
                .map(|e| (e.text.clone(), e.effect.map(|x| x.as_str().to_string()).unwrap_or_default()))
                .collect(),
            problem_area_work: body.problem_area_work.clone().unwrap_or_default(),
            techniques: body.techniques.iter().map(|t| t.as_str().to_string()).collect(),
            work_set: body.work_set.clone().unwrap_or_default(),
            work_reviewed: body.work_reviewed.clone().unwrap_or_default(),
            risk: body.risk.map(|r| r.as_str().to_string()).unwrap_or_default(),
            risk_detail: body.risk_detail.clone().unwrap_or_default(),
            plan: body.plan.clone().unwrap_or_default(),
        }
    }

    fn raw(&self, e: &mut ValidationErrors) -> RawProgressNote {
        let some = |s: &str| Some(s.to_string());
        RawProgressNote {
            mood: rapport_core::validation::form_number(e, "mood", msg("field-mood"), &self.mood),
            events: self.events.iter().map(|(t, x)| (t.clone(), Some(x.clone()).filter(|x| !x.is_empty()))).collect(),
            problem_area_work: some(&self.problem_area_work),
            techniques: self.techniques.clone(),
            work_set: some(&self.work_set),
            work_reviewed: some(&self.work_reviewed),
            risk: some(&self.risk),
            risk_detail: some(&self.risk_detail),
            plan: some(&self.plan),
        }
    }

    /// Validated note, or every field error (form numbers and note rules together).
    fn parse(&self) -> Result<ProgressNote, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let raw = self.raw(&mut e);
        rapport_core::validation::with_form_errors(e, validate_note(&raw))
    }

    /// The version this save started from (after a conflict: the stored one the writer saw).
    fn expected_version(&self) -> Result<i64, AppError> {
        let v = if self.resolve_version.trim().is_empty() { &self.version } else { &self.resolve_version };
        crate::html::form::required_version(v)
    }

    /// Rows to show: those typed (blank rows in between kept, so error
    /// positions match) plus two blank ones to fill in, three on a new note.
    pub fn event_rows(&self) -> Vec<EventRow> {
        let blank = |r: &(String, String)| r.0.trim().is_empty() && r.1.is_empty();
        let mut rows = self.events.clone();
        while rows.last().is_some_and(blank) {
            rows.pop();
        }
        let spare = if rows.is_empty() { 3 } else { 2 };
        let total = (rows.len() + spare).min(MAX_EVENTS).max(rows.len());
        rows.resize(total, Default::default());
        rows.into_iter()
            .enumerate()
            .map(|(i, (text, effect))| EventRow {
                n: i + 1,
                text_id: format!("events[{i}].text"),
                effect_id: format!("events[{i}].effect"),
                text,
                effect,
            })
            .collect()
    }

    pub fn has_technique(&self, code: &str) -> bool {
        self.techniques.iter().any(|t| t == code)
    }
}

/// One row of interpersonal events in the form; ids double as field names.
pub struct EventRow {
    pub n: usize,
    pub text_id: String,
    pub effect_id: String,
    pub text: String,
    pub effect: String,
}

/// (code, label) choices for the form.
pub fn techniques() -> Vec<(String, String)> {
    let tr = crate::i18n::current();
    Technique::ALL.iter().map(|t| (t.as_str().into(), tr.t(t.message()))).collect()
}

pub fn effects() -> Vec<(String, String)> {
    let tr = crate::i18n::current();
    MoodEffect::ALL.iter().map(|t| (t.as_str().into(), tr.t(t.message()))).collect()
}

pub fn risks() -> Vec<(String, String)> {
    let tr = crate::i18n::current();
    RiskCheck::ALL.iter().map(|t| (t.as_str().into(), tr.t(t.message()))).collect()
}

/// Where the session stands: "Session 4 of 16 · middle phase", or
/// "Cancelled session (not counted)".
pub fn session_heading(tr: &Tr, sx: &SessionContext) -> String {
    match sx.s.number {
        _ if sx.s.session.engagement => tr.t("session-engagement"),
        Some(n) => {
            let phase = super::courses::phase_name(tr, &sx.cx.protocol, sx.s.phase);
            let (n, of) = (i64::from(n), i64::from(sx.cx.course.planned_sessions));
            tr.tn("session-heading-counted", &[("number", &n), ("count", &of), ("phase", &phase)])
        }
        None => tr.ta("session-heading-not-counted", "attendance", tr.t(sx.s.session.attendance.message())),
    }
}

/// "11 left after this one" / "the last contracted session" (held sessions only).
pub fn remaining_text(tr: &Tr, sx: &SessionContext) -> Option<String> {
    sx.remaining_after().map(|r| tr.ta("session-remaining-after", "count", i64::from(r)))
}

// ---------------------------------------------------------------- the page

/// A write that was refused: the stored note, shown beside the one as typed.
pub struct NoteConflict {
    pub stored: ProgressNoteRecord,
    /// The note as the writer typed it (also still in the form when it is a draft).
    pub mine: ProgressNote,
}

impl NoteConflict {
    pub fn signed(&self) -> bool {
        self.stored.status == NoteStatus::Signed
    }
}

/// The caller's own process note and what they may do with it.
#[derive(Default)]
pub struct ProcessPanel {
    pub own: Option<ProcessNoteRecord>,
    /// The text in the form (as typed after a refused save).
    pub text: String,
    pub version: i64,
    /// A newer stored text, when the caller's save was refused as stale.
    pub conflict: Option<ProcessNoteRecord>,
    pub has_supervisor: bool,
    /// Process notes of this session shared with the caller (a supervisor): (author id, name).
    pub shared_with_me: Vec<(Id, String)>,
}

#[derive(Template)]
#[template(path = "session.html")]
struct SessionPage {
    layout: Layout,
    sx: SessionContext,
    url: String,
    prev: Option<(String, String)>,
    next: Option<(String, String)>,
    /// (session label, plan, still a draft?) from the previous held session's note.
    previous_plan: Option<(String, String, bool)>,
    /// The client's portal diary since the previous held session (to this session's day).
    since_we_last_met: Vec<crate::html::diary::DiaryView>,
    /// "Check in": the diary mood that asks for it, worded (not a risk flag).
    check_in: Option<String>,
    /// Questionnaires since the previous held session whose risk question was
    /// left blank: (instrument, completed), to ask at this session.
    risk_unanswered: Vec<(String, String)>,
    note: Option<ProgressNoteRecord>,
    addenda: Vec<Addendum>,
    form: NoteForm,
    errors: FormErrors,
    conflict: Option<NoteConflict>,
    addendum_text: String,
    process: ProcessPanel,
    break_glass: bool,
    /// The client's oldest risk flag not yet closed (signing "No risk
    /// identified" then needs a confirmation; "Risk identified" links to it).
    open_flag: Option<rapport_store::measures::RiskFlagRow>,
    /// The measures taken since the previous held session, and what to record now.
    scores: rapport_app::scores::SessionScores,
    /// Signing was asked for and the note is valid: confirm it (the box
    /// "confirm_open_flag" ticked or not).
    confirm_sign: Option<bool>,
    /// Fidelity ratings and recordings of the session.
    fidelity: Option<super::fidelity_section::FidelityPanel>,
}

impl SessionPage {
    /// The risk questions answered since the last session, with their
    /// measure: ("PHQ-9 of 2026-11-03", "Question 9 (thoughts of self-harm): Several days", positive).
    fn risk_answers(&self) -> Vec<(String, String, bool)> {
        self.scores
            .since_last
            .iter()
            .flat_map(|r| {
                let date = rapport_app::scores::local_date(r.row.completed_at);
                let of = self.layout.tr.tn("session-measure-of", &[("measure", &r.short_name), ("date", &date)]);
                let positive = r.risk_positive || r.risk_unanswered;
                r.risk.iter().map(move |line| (of.clone(), line.clone(), positive))
            })
            .collect()
    }

    /// A link to one of the client's responses, back to this session.
    fn response_href(&self, id: &Id) -> String {
        format!("/clients/{}/responses/{id}?session={}", self.sx.cx.client.id, self.sx.s.session.id)
    }

    fn record_href(&self, instrument: &str) -> String {
        format!(
            "/clients/{}/measures/new?instrument={instrument}&session={}",
            self.sx.cx.client.id, self.sx.s.session.id
        )
    }

    /// The open flag's status, capitalised for the start of a sentence.
    fn flag_status(&self) -> String {
        let status =
            self.open_flag.as_ref().map(|f| crate::i18n::current().flag_status_label(f.status)).unwrap_or_default();
        let mut chars = status.chars();
        chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
    }

    /// Who started the note, and who signed it when or last saved it.
    fn note_meta(&self, n: &ProgressNoteRecord) -> String {
        let tr = &self.layout.tr;
        if n.status == NoteStatus::Signed {
            let signer = n.signed_by_name.clone().unwrap_or_default();
            match n.signed_at {
                Some(t) => tr.tn(
                    crate::i18n::msg("note-meta-signed-at"),
                    &[("author", &n.author_name), ("signer", &signer), ("time", &crate::i18n::show(t))],
                ),
                None => tr.tn("note-meta-signed", &[("author", &n.author_name), ("signer", &signer)]),
            }
        } else {
            tr.tn(
                crate::i18n::msg("note-meta-draft"),
                &[
                    ("author", &n.author_name),
                    ("name", &n.updated_by_name),
                    ("time", &crate::i18n::show(n.updated_at)),
                    ("version", &n.version),
                ],
            )
        }
    }

    /// Why a save was refused because someone signed the note meanwhile.
    fn conflict_signed_text(&self, c: &NoteConflict) -> String {
        let tr = &self.layout.tr;
        let signer = c.stored.signed_by_name.clone().unwrap_or_default();
        match c.stored.signed_at {
            Some(t) => tr.tn("note-conflict-signed-at", &[("signer", &signer), ("time", &crate::i18n::show(t))]),
            None => tr.ta("note-conflict-signed", "signer", signer),
        }
    }
    fn modalities(&self) -> Vec<(String, String)> {
        super::courses::modalities()
    }
    fn attendances(&self) -> Vec<(String, String)> {
        super::courses::attendances()
    }
    /// (value, label, selected): "computed" first, then the protocol's phases.
    fn phase_choices(&self) -> Vec<(String, String, bool)> {
        let phases = rapport_core::course::overridable_phases(&self.sx.cx.protocol);
        if phases.is_empty() {
            return Vec::new();
        }
        let set = self.sx.s.session.phase_override.as_ref().map(|(p, _)| *p);
        let tr = &self.layout.tr;
        let mut v = vec![("computed".to_string(), tr.t("session-phase-computed"), set.is_none())];
        v.extend(phases.into_iter().map(|p| {
            (p.as_str().to_string(), super::courses::phase_name(tr, &self.sx.cx.protocol, p), set == Some(p))
        }));
        v
    }
    fn can_edit_note(&self) -> bool {
        self.note.as_ref().is_none_or(|n| n.status == NoteStatus::Draft)
    }
}

/// What differs from the page as first shown: the form state after a post.
#[derive(Default)]
struct PageState {
    form: Option<NoteForm>,
    errors: FormErrors,
    conflict: Option<NoteConflict>,
    addendum_text: String,
    process_text: Option<String>,
    process_conflict: Option<ProcessNoteRecord>,
    /// The note passed the signing checks and waits for "Yes, sign": whether
    /// the open-flag box was ticked (carried to the confirmation).
    confirm_sign: Option<bool>,
}

async fn session_page(
    state: &AppState,
    me: &Identity,
    sx: SessionContext,
    done: Option<&str>,
    st: PageState,
) -> AppResult<Html<String>> {
    let (note, addenda) = sessions::read_note(state, me, &sx, "session page").await?;
    let tr = crate::i18n::current();
    let previous_plan = match (sx.previous_held(), sessions::previous_plan(state, &sx).await?) {
        (Some(p), Some((plan, draft))) => Some((super::session_label(&tr, p), plan, draft)),
        _ => None,
    };
    let diary = sessions::session_diary(state, me, &sx, "on the session page").await?;
    let since_we_last_met = diary.entries.iter().rev().map(crate::html::diary::DiaryView::from).collect();
    let check_in = diary.check_in.map(|c| crate::html::diary::check_in_text(&tr, &c));
    let risk_unanswered = risk_unanswered(state, me, &sx).await?;
    let notes = sessions::process_notes(state, me, &sx).await?;
    let own = notes.own;
    let process = ProcessPanel {
        text: st.process_text.unwrap_or_else(|| own.as_ref().map(|p| p.text.clone()).unwrap_or_default()),
        version: own.as_ref().map(|p| p.version).unwrap_or(0),
        own,
        conflict: st.process_conflict,
        has_supervisor: notes.has_supervisor,
        shared_with_me: notes.shared_with_me,
    };
    let form = st.form.unwrap_or_else(|| match &note {
        Some(n) => NoteForm::from_note(&n.body, n.version),
        None => NoteForm::from_note(&ProgressNote::default(), 0),
    });
    let open_flag = sessions::open_risk_flag(state, &sx).await?;
    let scores = rapport_app::scores::session_scores(state, me, &sx).await?;
    let base = session_url(&sx);
    let fidelity = super::fidelity_section::panel(
        state,
        me,
        sx.id(),
        sx.s.number.is_some(),
        format!("{base}/fidelity/new"),
        Some(format!("{base}/recordings")),
    )
    .await?;
    let (prev, next) = sx.neighbours();
    let link = |s: &rapport_app::access::course::NumberedSession| {
        (format!("/courses/{}/sessions/{}", sx.cx.course.id, s.session.id), super::session_label(&tr, s))
    };
    let (prev, next) = (prev.map(link), next.map(link));
    let title = format!("{} · {}", sx.cx.client.details.display_name, super::session_label(&tr, &sx.s));
    let layout = Layout::new(state, me, title, "caseload").await?.with_done(done);
    render(&SessionPage {
        layout,
        url: session_url(&sx),
        break_glass: sx.cx.basis == AccessBasis::BreakGlass,
        sx,
        prev,
        next,
        previous_plan,
        since_we_last_met,
        check_in,
        risk_unanswered,
        note,
        addenda,
        form,
        errors: st.errors,
        conflict: st.conflict,
        addendum_text: st.addendum_text,
        process,
        open_flag,
        scores,
        confirm_sign: st.confirm_sign,
        fidelity,
    })
}

/// The session page with errors of a form outside this module (the recording upload).
pub async fn session_page_with_errors(
    state: &AppState,
    me: &Identity,
    sx: SessionContext,
    errors: FormErrors,
) -> AppResult<Html<String>> {
    session_page(state, me, sx, None, PageState { errors, ..Default::default() }).await
}

/// Responses since the previous held session with the risk question left
/// blank (`sessions::risk_unanswered`), as (instrument, time shown).
async fn risk_unanswered(state: &AppState, me: &Identity, sx: &SessionContext) -> AppResult<Vec<(String, String)>> {
    Ok(sessions::risk_unanswered(state, me, sx)
        .await?
        .into_iter()
        .map(|(name, at)| (name, crate::i18n::show(at)))
        .collect())
}

pub async fn show(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path((id, session_id)): Path<(String, String)>,
    Query(q): Query<DoneParam>,
) -> AppResult<Html<String>> {
    let sx = session_for(&state, &me, Some(&id), &session_id).await?;
    session_page(&state, &me, sx, q.done.as_deref(), PageState::default()).await
}

// ---------------------------------------------------------------- autosave fragment

/// The small status swapped in after an autosave (and the new version, out of band).
#[derive(Template)]
#[template(path = "note_autosave.html")]
struct AutosaveFragment {
    /// "note" or "process": the form this status belongs to.
    which: &'static str,
    /// "saved", "invalid", "stale" or "signed".
    outcome: &'static str,
    message: String,
    /// After "saved": the version the form now starts from.
    version: i64,
    /// The stored progress note after a refused save.
    stored_note: Option<ProgressNoteRecord>,
    /// The stored process note after a refused save.
    stored_process: Option<ProcessNoteRecord>,
    url: String,
}

impl AutosaveFragment {
    fn new(which: &'static str, outcome: &'static str, message: String, url: String) -> Self {
        AutosaveFragment { which, outcome, message, version: 0, stored_note: None, stored_process: None, url }
    }
}

/// Tells app.js the form's edits are stored (it stops warning about leaving).
const SAVED_TRIGGER: (&str, &str) = ("hx-trigger", "rapport-saved");

fn saved_message(at: Timestamp) -> String {
    let t = at.datetime();
    crate::i18n::current().ta("note-autosave-saved", "time", format!("{:02}:{:02}", t.hour(), t.minute()))
}

/// "Not saved: " and the first refusal, in the reader's language (autosave status).
fn not_saved(e: &ValidationErrors) -> String {
    let tr = crate::i18n::current();
    let reason = e.first().map(|f| tr.field_message(f)).unwrap_or_default();
    tr.ta("note-autosave-not-saved", "reason", reason)
}

// ---------------------------------------------------------------- progress note

#[derive(Deserialize, Default)]
pub struct PhaseForm {
    #[serde(default)]
    version: String,
    phase: Option<String>,
    reason: Option<String>,
}

/// Sets the phase of an attended session (with a reason), or returns it to
/// the computed phase.
pub async fn set_phase(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path((id, session_id)): Path<(String, String)>,
    Form(f): Form<PhaseForm>,
) -> AppResult<Response> {
    let sx = session_for(&state, &me, Some(&id), &session_id).await?;
    sx.cx.require_open()?;
    let version = crate::html::form::required_version(&f.version)?;
    match sessions::set_phase(&state, &me, &sx, f.phase.as_deref(), f.reason.as_deref(), version)
        .await
        .map_err(AppError::from)
    {
        Ok(()) => Ok(Redirect::to(&format!("{}?done=phase-saved", session_url(&sx))).into_response()),
        Err(AppError::Invalid(e)) => {
            let st = PageState { errors: FormErrors(e), ..Default::default() };
            Ok((UNPROCESSABLE, session_page(&state, &me, sx, None, st).await?).into_response())
        }
        Err(other) => Err(other),
    }
}

pub async fn save_note(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    headers: HeaderMap,
    Path((id, session_id)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let sx = session_for(&state, &me, Some(&id), &session_id).await?;
    let form = NoteForm::from_pairs(&pairs);
    let htmx = is_htmx(&headers);
    let url = session_url(&sx);
    let mut unread = ValidationErrors::new();
    let raw = form.raw(&mut unread);
    let version = form.expected_version()?;
    let (body, w) = match sessions::save_progress_note(&state, &me, &sx, &raw, unread, version).await {
        Ok(v) => v,
        Err(rapport_app::Error::Invalid(e)) if htmx => {
            let f = AutosaveFragment::new("note", "invalid", not_saved(&e), url);
            return Ok(render(&f)?.into_response());
        }
        Err(rapport_app::Error::Invalid(e)) => {
            let st = PageState { form: Some(form), errors: FormErrors(e), ..Default::default() };
            return Ok((UNPROCESSABLE, session_page(&state, &me, sx, None, st).await?).into_response());
        }
        Err(other) => return Err(other.into()),
    };
    note_write_response(&state, &me, sx, form, body, w, htmx, "note-saved").await
}

/// The answer to a save or a sign: the status fragment (htmx), a redirect, or
/// the page with both versions after a refused write.
#[allow(clippy::too_many_arguments)]
async fn note_write_response(
    state: &AppState,
    me: &Identity,
    sx: SessionContext,
    form: NoteForm,
    mine: ProgressNote,
    w: NoteWrite<ProgressNoteRecord>,
    htmx: bool,
    done: &str,
) -> AppResult<Response> {
    let url = session_url(&sx);
    match (w, htmx) {
        (NoteWrite::Saved(n), true) => {
            let mut f = AutosaveFragment::new("note", "saved", saved_message(n.updated_at), url);
            f.version = n.version;
            Ok(([SAVED_TRIGGER], render(&f)?).into_response())
        }
        (NoteWrite::Saved(_), false) => Ok(Redirect::to(&format!("{url}?done={done}#note")).into_response()),
        (NoteWrite::Stale(stored) | NoteWrite::Signed(stored), true) => {
            let tr = crate::i18n::current();
            let (outcome, message) = if stored.status == NoteStatus::Signed {
                ("signed", tr.ta("note-autosave-signed", "signer", stored.signed_by_name.clone().unwrap_or_default()))
            } else {
                let time = crate::i18n::show(stored.updated_at);
                ("stale", tr.tn("note-autosave-stale", &[("name", &stored.updated_by_name), ("time", &time)]))
            };
            let mut f = AutosaveFragment::new("note", outcome, message, url);
            f.stored_note = Some(stored);
            Ok(render(&f)?.into_response())
        }
        (NoteWrite::Stale(stored) | NoteWrite::Signed(stored), false) => {
            let st =
                PageState { form: Some(form), conflict: Some(NoteConflict { stored, mine }), ..Default::default() };
            Ok((StatusCode::CONFLICT, session_page(state, me, sx, None, st).await?).into_response())
        }
    }
}

fn open_flag_error() -> ValidationErrors {
    ValidationErrors::single_key("confirm_open_flag", crate::i18n::msg("note-error-confirm-open-flag"), vec![])
}

pub async fn sign_note(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path((id, session_id)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let sx = session_for(&state, &me, Some(&id), &session_id).await?;
    let form = NoteForm::from_pairs(&pairs);
    let body = match form.parse() {
        Ok(b) => b,
        Err(e) => {
            let st = PageState { form: Some(form), errors: FormErrors(e), ..Default::default() };
            return Ok((UNPROCESSABLE, session_page(&state, &me, sx, None, st).await?).into_response());
        }
    };
    if let Err(e) = check_signable(&body) {
        // Event rows as validated (blank rows dropped), so error indices match the rows shown.
        let mut shown = NoteForm::from_note(&body, 0);
        shown.version = form.version.clone();
        shown.resolve_version = form.resolve_version.clone();
        let st = PageState { form: Some(shown), errors: FormErrors(e), ..Default::default() };
        return Ok((UNPROCESSABLE, session_page(&state, &me, sx, None, st).await?).into_response());
    }
    // "No risk identified" while a flag is open needs the box ticked.
    let confirmed = pairs.iter().any(|(k, v)| k == "confirm_open_flag" && !v.trim().is_empty());
    // The page's "Sign note" checks first (`sign_step=check`): a note that
    // passes is shown again with "Yes, sign" (it signs), so the confirmation
    // only ever comes for a note that can be signed.
    if pairs.iter().any(|(k, v)| k == "sign_step" && v == "check") {
        if sessions::sign_needs_flag_confirmation(&state, &sx, &body, confirmed).await? {
            let st = PageState { form: Some(form), errors: FormErrors(open_flag_error()), ..Default::default() };
            return Ok((UNPROCESSABLE, session_page(&state, &me, sx, None, st).await?).into_response());
        }
        let st = PageState { form: Some(form), confirm_sign: Some(confirmed), ..Default::default() };
        return Ok(session_page(&state, &me, sx, None, st).await?.into_response());
    }
    let version = form.expected_version()?;
    let mut w = sessions::sign_progress_note(&state, &me, &sx, version, &body, confirmed).await?;
    // An autosave of this very text may have landed just before: nothing to choose between.
    if let Some(NoteWrite::Stale(cur)) = &w {
        if cur.body == body {
            w = sessions::sign_progress_note(&state, &me, &sx, cur.version, &body, confirmed).await?;
        }
    }
    let Some(w) = w else {
        let st = PageState { form: Some(form), errors: FormErrors(open_flag_error()), ..Default::default() };
        return Ok((UNPROCESSABLE, session_page(&state, &me, sx, None, st).await?).into_response());
    };
    note_write_response(&state, &me, sx, form, body, w, false, "note-signed").await
}

#[derive(Deserialize, Default)]
pub struct AddendumForm {
    #[serde(default)]
    pub text: String,
}

pub async fn add_addendum(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path((id, session_id)): Path<(String, String)>,
    Form(form): Form<AddendumForm>,
) -> AppResult<Response> {
    let sx = session_for(&state, &me, Some(&id), &session_id).await?;
    match sessions::add_addendum(&state, &me, &sx, &form.text, "").await.map_err(AppError::from) {
        Ok(_) => Ok(Redirect::to(&format!("{}?done=addendum#addenda", session_url(&sx))).into_response()),
        Err(AppError::Invalid(e)) => {
            let st = PageState {
                errors: FormErrors(e).rename("text", "addendum"),
                addendum_text: form.text,
                ..Default::default()
            };
            Ok((UNPROCESSABLE, session_page(&state, &me, sx, None, st).await?).into_response())
        }
        Err(other) => Err(other),
    }
}

// ---------------------------------------------------------------- process note

#[derive(Deserialize, Default)]
pub struct ProcessForm {
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub version: String,
    #[serde(default)]
    pub resolve_version: String,
}

pub async fn save_process_note(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    headers: HeaderMap,
    Path((id, session_id)): Path<(String, String)>,
    Form(form): Form<ProcessForm>,
) -> AppResult<Response> {
    let sx = session_for(&state, &me, Some(&id), &session_id).await?;
    let htmx = is_htmx(&headers);
    let url = session_url(&sx);
    let v = if form.resolve_version.trim().is_empty() { &form.version } else { &form.resolve_version };
    let version = crate::html::form::required_version(v)?;
    let w = match sessions::save_process_note(&state, &me, &sx, &form.text, version, "").await {
        Ok(w) => w,
        Err(rapport_app::Error::Invalid(e)) if htmx => {
            return Ok(render(&AutosaveFragment::new("process", "invalid", not_saved(&e), url))?.into_response());
        }
        Err(rapport_app::Error::Invalid(e)) => {
            let st = PageState {
                errors: FormErrors(e).rename("text", "process-text"),
                process_text: Some(form.text),
                ..Default::default()
            };
            return Ok((UNPROCESSABLE, session_page(&state, &me, sx, None, st).await?).into_response());
        }
        Err(other) => return Err(other.into()),
    };
    match (w, htmx) {
        (NoteWrite::Saved(p), true) => {
            let mut f = AutosaveFragment::new("process", "saved", saved_message(p.updated_at), url);
            f.version = p.version;
            Ok(([SAVED_TRIGGER], render(&f)?).into_response())
        }
        (NoteWrite::Saved(_), false) => {
            Ok(Redirect::to(&format!("{url}?done=process-saved#process-note")).into_response())
        }
        (NoteWrite::Stale(p) | NoteWrite::Signed(p), true) => {
            let msg = crate::i18n::current().ta("note-autosave-process-stale", "time", crate::i18n::show(p.updated_at));
            let mut f = AutosaveFragment::new("process", "stale", msg, url);
            f.stored_process = Some(p);
            Ok(render(&f)?.into_response())
        }
        (NoteWrite::Stale(p) | NoteWrite::Signed(p), false) => {
            let st = PageState { process_text: Some(form.text), process_conflict: Some(p), ..Default::default() };
            Ok((StatusCode::CONFLICT, session_page(&state, &me, sx, None, st).await?).into_response())
        }
    }
}

#[derive(Deserialize, Default)]
pub struct ShareForm {
    #[serde(default)]
    pub shared: String,
}

pub async fn share_process_note(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path((id, session_id)): Path<(String, String)>,
    Form(form): Form<ShareForm>,
) -> AppResult<Response> {
    let sx = session_for(&state, &me, Some(&id), &session_id).await?;
    let shared = form.shared == "true";
    let note = sessions::share(&state, &me, &sx, shared).await?;
    let done = if note.shared { "process-shared" } else { "process-unshared" };
    Ok(Redirect::to(&format!("{}?done={done}#process-note", session_url(&sx))).into_response())
}

#[derive(Template)]
#[template(path = "process_note_own.html")]
struct OwnProcessNotePage {
    layout: Layout,
    session_date: String,
    note: ProcessNoteRecord,
}

#[derive(Template)]
#[template(path = "process_note.html")]
struct ProcessNotePage {
    layout: Layout,
    sx: SessionContext,
    note: ProcessNoteRecord,
    by_supervisor: bool,
    url: String,
}

/// One author's process note, read-only: for its author, and for the author's
/// supervisor while shared. Anyone else: 404.
pub async fn read_process_note(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path((id, session_id, author_id)): Path<(String, String, String)>,
) -> AppResult<Html<String>> {
    if author_id == me.user.id.as_str() {
        // The author keeps their own note after losing access to the record: the note alone.
        if let Some((session, note)) =
            rapport_app::access::session::own_note_without_record(&state, &me, Some(&id), &session_id).await?
        {
            let layout =
                Layout::new(&state, &me, crate::i18n::current().t("note-process-own-title"), "caseload").await?;
            return render(&OwnProcessNotePage { layout, session_date: crate::i18n::day(session.date), note });
        }
    }
    let sx = session_for(&state, &me, Some(&id), &session_id).await?;
    let Some(author) = Id::parse(&author_id) else {
        rapport_app::access::deny(&state, &me, "process_note", Some(&author_id)).await?;
        return Err(AppError::NotFound);
    };
    let (note, reader) = process_note_for(&state, &me, &sx, &author).await?;
    let tr = crate::i18n::current();
    let title = tr.ta("note-process-title", "session", super::session_label(&tr, &sx.s));
    let layout = Layout::new(&state, &me, title, "caseload").await?;
    render(&ProcessNotePage {
        layout,
        url: session_url(&sx),
        sx,
        note,
        by_supervisor: reader == ProcessNoteReader::Supervisor,
    })
}
