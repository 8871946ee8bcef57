//! The meeting screen, designed for a phone in the field: the meeting's
//! number, phase and agenda as a checklist; each current member as a card
//! with an attended/absent toggle, the group's quick measure (PHQ-9, each
//! answer a labelled radio) and a short note; the group note and the week's
//! task; one Save (`groups::record_meeting`). What is typed is kept on the
//! device until it is saved (`form[data-keep-local]` in `static/app.js`).
//! After a save, the meeting's page, with the crisis guidance at the top
//! for each member whose answer raised a risk flag.

use super::{meeting_words, DoneParam};
use crate::error::{AppError, AppResult};
use crate::html::form::Pairs;
use crate::html::phone::{crisis_links, Linked};
use crate::html::{render, FormErrors};
use crate::i18n::msg;
use crate::identity::SignedIn;
use crate::ui::Layout;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Form;
use rapport_app::access::Purpose;
use rapport_app::caller::Identity;
use rapport_app::groups::{self, GroupView, MeetingInput, MemberResponse};
use rapport_app::AppState;
use rapport_core::measures::definition::Instrument;
use std::collections::BTreeSet;

/// One answer of a compact item: the code shown, the option's words for
/// screen readers.
pub struct Answer {
    pub code: i64,
    pub label: String,
    pub checked: bool,
}

pub struct ItemRow {
    /// Field name and element id: `phq_{client}_{n}`.
    pub field: String,
    pub number: u32,
    pub text: String,
    pub answers: Vec<Answer>,
}

pub struct MemberCard {
    pub id: String,
    pub name: String,
    /// "attended", "absent" or "" (not chosen).
    pub attendance: String,
    pub items: Vec<ItemRow>,
    pub note: String,
    pub areas: String,
    /// Their pre-group session is not recorded yet.
    pub awaiting_pre_group: bool,
    /// "Record it when you can.", with its link (escaped HTML).
    pub pre_group_prompt: String,
}

pub struct AgendaItem {
    pub number: u32,
    pub text: String,
    pub done: bool,
}

#[derive(Template)]
#[template(path = "group_meeting.html")]
struct MeetingPage {
    layout: Layout,
    group_id: String,
    group_name: String,
    number: u32,
    /// "Meeting 3 of 8".
    heading: String,
    phase: String,
    date: String,
    today: String,
    agenda: Vec<AgendaItem>,
    members: Vec<MemberCard>,
    measure_name: String,
    /// "0 Not at all · 1 Several days · …"
    key: Vec<(i64, String)>,
    group_note: String,
    task: String,
    storage_key: String,
    errors: FormErrors,
}

fn storage_key(g: &GroupView, number: u32) -> String {
    format!("rapport-meeting-{}-{number}", g.detail.group.id)
}

fn measure<'a>(state: &'a AppState, g: &GroupView) -> AppResult<&'a Instrument> {
    state
        .instruments
        .get(&g.format().measure)
        .ok_or_else(|| AppError::internal(format!("group measure {} is not installed", g.format().measure)))
}

fn meeting_page(
    state: &AppState,
    layout: Layout,
    g: &GroupView,
    form: &Pairs,
    errors: FormErrors,
) -> AppResult<MeetingPage> {
    let tr = layout.tr.clone();
    let number = g.next_number().ok_or_else(|| {
        AppError::Conflict(tr.ta("group-all-recorded", "planned", i64::from(g.detail.group.planned_sessions)))
    })?;
    // The questionnaire as the reader's language has it (Spanish PHQ-9 for a
    // Spanish facilitator); the codes and scores are the definition's.
    let inst = &crate::html::questionnaire::localized(measure(state, g)?).instrument;
    let fresh = form.0.is_empty();
    let done: BTreeSet<String> = form.all("agenda").into_iter().collect();
    let agenda = g
        .format()
        .agenda_in(number, tr.lang())
        .iter()
        .enumerate()
        .map(|(i, text)| AgendaItem {
            number: i as u32 + 1,
            text: text.clone(),
            done: done.contains(&(i + 1).to_string()),
        })
        .collect();
    let members = g
        .current_members()
        .map(|m| {
            let id = m.client_id.to_string();
            let items = inst
                .items
                .iter()
                .map(|it| {
                    let field = format!("phq_{id}_{}", it.number);
                    let chosen = form.get(&field);
                    ItemRow {
                        number: it.number,
                        text: it.text.clone(),
                        answers: inst
                            .options_for(it)
                            .iter()
                            .map(|o| Answer {
                                code: o.code,
                                label: o.label.clone(),
                                checked: chosen == o.code.to_string(),
                            })
                            .collect(),
                        field,
                    }
                })
                .collect();
            let attendance = if fresh { "attended".to_string() } else { form.get(&format!("att_{id}")).to_string() };
            let pre_group_href = format!("/groups/{}/members/{id}/pre-group", g.detail.group.id);
            MemberCard {
                awaiting_pre_group: m.status == rapport_core::group::MemberStatus::AwaitingPreGroup,
                pre_group_prompt: super::with_link(
                    &tr,
                    msg("group-meeting-record-later"),
                    &pre_group_href,
                    msg("group-record-it"),
                ),
                name: m.display_name.clone(),
                attendance,
                items,
                note: form.get(&format!("note_{id}")).to_string(),
                areas: m
                    .problem_areas
                    .iter()
                    .map(|a| super::area_name(&tr, &g.protocol, a))
                    .collect::<Vec<_>>()
                    .join(", "),
                id,
            }
        })
        .collect();
    let key = inst
        .items
        .first()
        .map(|it| inst.options_for(it).iter().map(|o| (o.code, o.label.clone())).collect())
        .unwrap_or_default();
    let today = rapport_core::time::format_date(rapport_app::clock::today());
    Ok(MeetingPage {
        layout,
        group_id: g.detail.group.id.to_string(),
        group_name: g.detail.group.name.clone(),
        number,
        heading: meeting_heading(&tr, number, g.detail.group.planned_sessions),
        phase: meeting_words(&tr, &g.protocol, g.detail.group.planned_sessions, number),
        date: if fresh { today.clone() } else { form.get("date").to_string() },
        today,
        agenda,
        members,
        measure_name: inst.short_name.clone(),
        key,
        group_note: form.get("group_note").to_string(),
        task: form.get("task").to_string(),
        storage_key: storage_key(g, number),
        errors,
    })
}

fn meeting_heading(tr: &crate::i18n::Tr, number: u32, planned: u32) -> String {
    tr.tn("group-meeting-of", &[("number", &i64::from(number)), ("planned", &i64::from(planned))])
}

/// The page's title: "Meeting 3 · Kisoro women".
fn meeting_title(number: u32, group: &str) -> String {
    crate::i18n::current().tn("group-meeting-title", &[("number", &i64::from(number)), ("group", &group)])
}

async fn working_group(state: &AppState, me: &Identity, id: &str, purpose: Purpose) -> AppResult<GroupView> {
    let g = groups::group_for(state, me, id, purpose).await?;
    if !g.access.sees_members() {
        return Err(AppError::Forbidden(crate::i18n::current().t("group-forbidden-meetings")));
    }
    Ok(g)
}

pub async fn form(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Html<String>> {
    let g = working_group(&state, &me, &id, Purpose::AuditRead).await?;
    let title = meeting_title(g.held() + 1, &g.detail.group.name);
    let layout = Layout::new(&state, &me, title, "groups").await?;
    render(&meeting_page(&state, layout, &g, &Pairs::default(), FormErrors::default())?)
}

/// The form as the use case takes it. Answers of a member marked absent are
/// not sent (their part of the card is hidden once "Absent" is chosen).
fn meeting_input(g: &GroupView, inst: &Instrument, form: &Pairs) -> (MeetingInput, Vec<String>) {
    let mut input = MeetingInput {
        date: form.opt("date"),
        group_note: form.opt("group_note"),
        task: form.opt("task"),
        agenda_done: form.all("agenda").iter().filter_map(|s| s.trim().parse().ok()).collect(),
        ..Default::default()
    };
    // Which member each response is for, in order, to name the fields of an error.
    let mut order = Vec::new();
    for m in g.current_members() {
        let id = m.client_id.to_string();
        match form.get(&format!("att_{id}")) {
            "attended" => input.attendance.push((id.clone(), true)),
            "absent" => input.attendance.push((id.clone(), false)),
            _ => {}
        }
        if let Some(note) = form.opt(&format!("note_{id}")) {
            input.member_notes.push((id.clone(), note));
        }
        if form.get(&format!("att_{id}")) != "attended" {
            continue;
        }
        let answers: Vec<Option<i64>> =
            inst.items.iter().map(|it| form.get(&format!("phq_{id}_{}", it.number)).trim().parse().ok()).collect();
        if answers.iter().any(Option::is_some) {
            input.responses.push(MemberResponse { client_id: id.clone(), instrument: inst.id.clone(), answers });
            order.push(id);
        }
    }
    (input, order)
}

/// The use case's field names as the page's element ids.
fn page_errors(e: rapport_core::ValidationErrors, order: &[String]) -> FormErrors {
    let mut errors = FormErrors(e);
    for (i, id) in order.iter().enumerate() {
        errors = errors.rename(&format!("responses[{i}].client_id"), &format!("attendance.{id}"));
        errors = errors.rename(&format!("responses[{i}].answers"), &format!("phq_{id}_1"));
        for n in 0..30 {
            errors = errors.rename(&format!("responses[{i}].answers[{n}]"), &format!("phq_{id}_{}", n + 1));
        }
    }
    errors
}

pub async fn save(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Form(form): Form<Pairs>,
) -> AppResult<Response> {
    let g = working_group(&state, &me, &id, Purpose::Write).await?;
    let inst = measure(&state, &g)?;
    let (input, order) = meeting_input(&g, inst, &form);
    match groups::record_meeting(&state, &me, &id, &input).await.map_err(AppError::from) {
        Ok(m) => Ok(Redirect::to(&format!("/groups/{id}/sessions/{}?done=saved", m.number)).into_response()),
        Err(AppError::Invalid(e)) => {
            let title = meeting_title(g.held() + 1, &g.detail.group.name);
            let layout = Layout::new(&state, &me, title, "groups").await?;
            let page = meeting_page(&state, layout, &g, &form, page_errors(e, &order))?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
        Err(other) => Err(other),
    }
}

// ---- A recorded meeting ----

pub struct FlagLine {
    pub flag_id: String,
    pub member: String,
    pub client_id: String,
    pub open: bool,
    /// For a supervisor reading it: "Call … today, who ran the meeting: …".
    pub call_recorder: String,
}

pub struct AttendanceLine {
    pub name: String,
    pub attended: bool,
    pub score: String,
    pub note: String,
}

#[derive(Template)]
#[template(path = "group_meeting_done.html")]
struct MeetingDonePage {
    layout: Layout,
    group_id: String,
    group_name: String,
    number: u32,
    heading: String,
    date: String,
    phase: String,
    /// Flags still open (the crisis guidance) and those closed since.
    flags: Vec<FlagLine>,
    closed_flags: Vec<FlagLine>,
    supervisors: String,
    /// Whoever recorded the meeting is reading it (else a supervisor or co-facilitator is).
    recorder_reads: bool,
    crisis: Vec<Linked>,
    lines: Vec<AttendanceLine>,
    group_note: String,
    task: String,
    agenda_done: Vec<String>,
    storage_key: String,
    /// Fidelity ratings of the meeting (the group facilitator checklist).
    fidelity: Option<crate::ui::fidelity_section::FidelityPanel>,
}

pub async fn show(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path((id, number)): Path<(String, String)>,
    Query(q): Query<DoneParam>,
) -> AppResult<Html<String>> {
    let g = working_group(&state, &me, &id, Purpose::AuditRead).await?;
    let number: u32 = number.trim().parse().map_err(|_| AppError::NotFound)?;
    let tr = crate::i18n::current();
    let session = g.detail.sessions.iter().find(|s| s.number == number).ok_or(AppError::NotFound)?;
    let scores: Vec<_> = g.scores.iter().filter(|s| s.group_session_id.as_ref() == Some(&session.id)).collect();
    let responses: BTreeSet<_> = scores.iter().map(|s| s.response_id.clone()).collect();
    let recorder = g
        .detail
        .facilitators
        .iter()
        .find(|f| f.id == session.recorded_by)
        .map(|f| f.name.clone())
        .unwrap_or_else(|| tr.t("group-recorder-unknown"));
    let flags: Vec<FlagLine> = rapport_app::risk::visible_flags(&state, &me, None, "(group meeting page)")
        .await?
        .into_iter()
        .filter(|f| f.response_id.as_ref().is_some_and(|r| responses.contains(r)))
        .map(|f| FlagLine {
            flag_id: f.id.to_string(),
            member: f.client_name.clone(),
            client_id: f.client_id.to_string(),
            open: f.closed_at.is_none(),
            call_recorder: tr.tn("group-crisis-call-recorder", &[("recorder", &recorder), ("name", &f.client_name)]),
        })
        .collect();
    let (flags, closed_flags): (Vec<FlagLine>, Vec<FlagLine>) = flags.into_iter().partition(|f| f.open);
    let supervisors = groups::my_supervisors(&state, &me).await?.join(&format!(" {} ", tr.t("group-or")));
    let crisis = if flags.is_empty() { Vec::new() } else { crisis_links(state.organisation().await?.crisis_lines()) };
    let recorder_reads = session.recorded_by == me.user.id;
    let lines = g
        .detail
        .attendance
        .iter()
        .filter(|a| a.session_id == session.id)
        .map(|a| AttendanceLine {
            name: g
                .detail
                .members
                .iter()
                .find(|m| m.client_id == a.client_id)
                .map(|m| m.display_name.clone())
                .unwrap_or_default(),
            attended: a.attended,
            score: scores
                .iter()
                .find(|s| s.client_id == a.client_id)
                .and_then(|s| s.total)
                .map(|t| t.to_string())
                .unwrap_or_default(),
            note: a.note.clone().unwrap_or_default(),
        })
        .collect();
    let agenda = g.format().agenda_in(number, tr.lang());
    let agenda_done = session
        .agenda_done
        .iter()
        .filter_map(|i| (*i as usize).checked_sub(1).and_then(|k| agenda.get(k)).cloned())
        .collect();
    let phase = meeting_words(&tr, &g.protocol, g.detail.group.planned_sessions, number);
    let rate_href = format!("/groups/{}/sessions/{number}/fidelity/new", g.detail.group.id);
    let fidelity = crate::ui::fidelity_section::panel(&state, &me, &session.id, true, rate_href, None).await?;
    let mut layout = Layout::new(&state, &me, meeting_title(number, &g.detail.group.name), "groups").await?;
    if q.done.as_deref() == Some("saved") {
        layout.flash = Some(crate::ui::Flash {
            kind: "success",
            message: tr.ta("group-meeting-saved", "number", i64::from(number)),
        });
    } else if q.done.is_some() {
        layout = layout.with_done(q.done.as_deref());
    }
    render(&MeetingDonePage {
        layout,
        group_id: g.detail.group.id.to_string(),
        group_name: g.detail.group.name.clone(),
        number,
        heading: meeting_heading(&tr, number, g.detail.group.planned_sessions),
        date: crate::i18n::long_day(session.held_on),
        phase,
        flags,
        closed_flags,
        supervisors,
        recorder_reads,
        crisis,
        lines,
        group_note: session.group_note.clone().unwrap_or_default(),
        task: session.task.clone().unwrap_or_default(),
        agenda_done,
        storage_key: storage_key(&g, number),
        fidelity,
    })
}
