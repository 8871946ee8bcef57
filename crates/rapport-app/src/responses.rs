//! Recording a questionnaire response: the one path for every face (the
//! clinician's form, on the client's behalf, the client portal, a single-use
//! measure link, the JSON API; later group sessions and FHIR).
//!
//! It checks the answers (`None` = left blank), scores them with the core
//! engine (risk items first, from whatever was answered), attributes the
//! response to its course, and stores it with its risk flag, notification and
//! audit entry in one transaction. A partial form is stored as incomplete; it
//! is never refused for being partial, because the people most at risk are
//! the most likely to stop half-way.

use crate::error::field_error;
use crate::AppState;
use crate::Error;
use rapport_core::audit::{action, AuditEvent};
use rapport_core::course::{course_on, CourseSpan};
use rapport_core::measures::definition::Instrument;
use rapport_core::measures::scoring::{check_answers, score_response, Score, RISK_ITEM_UNANSWERED};
use rapport_core::msg;
use rapport_core::validation::KeyArg;
use rapport_core::{Id, Timestamp, ValidationErrors};
use rapport_store::links::LinkSubmit;
use rapport_store::measures::{Mode, NewResponse};
use std::collections::HashMap;

/// The flag on a measure-link response sent after the link expired, from a
/// form opened before it did.
pub const LATE_SUBMISSION: &str = "late_submission";

/// Which course a response belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CourseChoice {
    /// Named by the caller (checked to be the client's).
    Given(Id),
    /// The course open on the day the response was completed, if any.
    ByDate,
    /// None: a group meeting's or a screening's response belongs to the
    /// group or the screening, not to an individual course.
    NoCourse,
}

/// A single-use measure link that the response arrives through: it is
/// claimed in the same transaction as the response is stored.
#[derive(Clone, Debug)]
pub struct ViaLink {
    pub token_hash: String,
    /// Sent after the link expired, from a form opened before it did.
    pub late: bool,
}

/// One response, as any face received it.
pub struct Submission<'a> {
    pub client: &'a Id,
    pub instrument: &'a Instrument,
    /// One per scored item, in order; `None` for a question left blank.
    pub answers: Vec<Option<i64>>,
    /// Answers to the unscored questions (e.g. PHQ-9's difficulty question).
    pub unscored: Option<Vec<Option<i64>>>,
    pub band_set: Option<&'a str>,
    pub mode: Mode,
    pub course: CourseChoice,
    pub completed_at: Timestamp,
    pub entered_by: Option<Id>,
    /// Who sent it, for the audit entry (action and detail are set here).
    pub event: AuditEvent,
    /// How it came, for the audit detail ("API", "client portal", …).
    pub via: &'a str,
    pub link: Option<ViaLink>,
}

/// A stored response.
#[derive(Clone, Debug)]
pub struct Recorded {
    pub id: Id,
    pub risk_flag_id: Option<Id>,
    pub score: Score,
    pub course_id: Option<String>,
}

/// What became of a submission.
pub enum Recording {
    Recorded(Box<Recorded>),
    /// The measure link was used (or withdrawn) between the check and the
    /// write: nothing was stored.
    LinkRefused,
}

/// A submission checked, scored and attributed, ready to store: what
/// `record` stores at once, and what a group meeting or a screening stores
/// with its own rows in one transaction.
pub struct Prepared {
    pub new: NewResponse,
    pub score: Score,
    pub event: AuditEvent,
}

/// Checks, scores and attributes one submission without storing it. Bad
/// input (a wrong number of answers, an option a question does not have,
/// nothing answered at all, a course of another client) is `Error::Invalid`
/// naming the field as the API does (`answers[i]`, 0-based).
pub fn prepare<'a>(state: &'a AppState, sub: &'a Submission<'a>) -> crate::boxing::Boxed<'a, Result<Prepared, Error>> {
    Box::pin(async move {
        let inst = sub.instrument;
        check_answers(inst, &sub.answers)?;
        if sub.answers.iter().all(Option::is_none) {
            return Err(Error::keyed(
                "answers",
                rapport_core::msg("measure-answer-at-least-one"),
                vec![("measure", inst.short_name.as_str().into())],
            ));
        }
        if let Some(u) = &sub.unscored {
            check_unscored(inst, u)?;
        }
        let now = Timestamp::now();
        if sub.completed_at > now.plus(time::Duration::minutes(5)) {
            return Err(Error::keyed("completed_at", msg("app-response-future"), vec![]));
        }
        rapport_core::validation::plausible_date(
            "completed_at",
            rapport_core::msg("field-date-completed"),
            sub.completed_at.date(),
            now.date(),
        )
        .map_err(|f| Error::Invalid(ValidationErrors(vec![f])))?;
        let course_id = course_for(state, sub.client, &sub.course, sub.completed_at).await?;
        let mut scored = score_response(inst, &sub.answers, sub.unscored.as_deref(), sub.band_set)?;
        let late = sub.link.as_ref().is_some_and(|l| l.late);
        if late {
            scored.flags.push(LATE_SUBMISSION.into());
        }
        let mut e = sub.event.clone();
        e.action = action::MEASURE_RECORD.into();
        e.resource_type = "measure_response".into();
        e.detail = Some(audit_detail(&scored, sub.via, late));
        let new = NewResponse {
            client_id: sub.client.clone(),
            course_id,
            score: scored.clone(),
            unscored_answers: sub.unscored.clone(),
            completed_at: sub.completed_at,
            entered_by: sub.entered_by.clone(),
            mode: sub.mode,
            group_session_id: None,
        };
        Ok(Prepared { new, score: scored, event: e })
    })
}

/// Checks, scores, attributes and stores one response (see `prepare` for
/// what is refused); nothing is stored when it is refused.
pub fn record<'a>(state: &'a AppState, sub: Submission<'a>) -> crate::boxing::Boxed<'a, Result<Recording, Error>> {
    Box::pin(async move {
        let Prepared { new, score, event } = prepare(state, &sub).await?;
        let rec = match &sub.link {
            Some(link) => match state.store.submit_measure_link(&link.token_hash, &new, link.late, event).await? {
                LinkSubmit::Recorded(rec) => rec,
                LinkSubmit::Refused => return Ok(Recording::LinkRefused),
            },
            None => state.store.record_response(&new, event).await?,
        };
        Ok(Recording::Recorded(Box::new(Recorded {
            id: rec.id,
            risk_flag_id: rec.risk_flag_id,
            score,
            course_id: new.course_id,
        })))
    })
}

fn check_unscored(inst: &Instrument, u: &[Option<i64>]) -> Result<(), Error> {
    if u.len() != inst.unscored_items.len() {
        return Err(Error::keyed(
            "unscored_answers",
            msg("app-response-unscored-count"),
            vec![
                ("instrument", inst.short_name.as_str().into()),
                ("count", KeyArg::Number(inst.unscored_items.len() as i64)),
                ("given", KeyArg::Number(u.len() as i64)),
            ],
        ));
    }
    for (i, (item, a)) in inst.unscored_items.iter().zip(u).enumerate() {
        if a.is_some_and(|c| !inst.options_for(item).iter().any(|o| o.code == c)) {
            return Err(Error::keyed(&format!("unscored_answers[{i}]"), msg("app-response-not-an-option"), vec![]));
        }
    }
    Ok(())
}

/// "phq9 v1 total 14 (API)", "… total withheld (incomplete: items 3, 5; risk question not answered)".
fn audit_detail(s: &Score, via: &str, late: bool) -> String {
    let total = match s.total {
        Some(t) => t.to_string(),
        None if s.missing.is_empty() => "withheld".into(),
        None => {
            let items: Vec<String> = s.missing.iter().map(u32::to_string).collect();
            format!("withheld (incomplete: items {})", items.join(", "))
        }
    };
    let mut d = format!("{} v{} total {total} ({via})", s.instrument, s.instrument_version);
    if s.flags.iter().any(|f| f == RISK_ITEM_UNANSWERED) {
        d.push_str("; risk question not answered");
    }
    if late {
        d.push_str("; sent after the link expired");
    }
    d
}

/// The course a response belongs to: the given one (which must be the
/// client's), or the one open on the day it was completed.
async fn course_for(
    state: &AppState,
    client: &Id,
    choice: &CourseChoice,
    completed_at: Timestamp,
) -> Result<Option<String>, Error> {
    match choice {
        CourseChoice::Given(id) => match state.store.course(id).await? {
            Some(course) if &course.client_id == client => Ok(Some(id.to_string())),
            _ => Err(Error::keyed("course_id", msg("app-course-not-this-client"), vec![])),
        },
        CourseChoice::NoCourse => Ok(None),
        CourseChoice::ByDate => {
            let spans: Vec<CourseSpan<Id>> = state
                .store
                .client_courses(client)
                .await?
                .into_iter()
                .map(|c| CourseSpan {
                    key: c.course.id.clone(),
                    start: c.course.start_date,
                    // A closed course accepts no changes, so its last update is its ending.
                    ended: (!c.course.status.is_open()).then(|| c.course.updated_at.date()),
                })
                .collect();
            Ok(course_on(&spans, completed_at.date()).map(|k| k.to_string()))
        }
    }
}

/// A form's answers: the scored questions, then the unscored ones (if any).
pub type FormAnswers = (Vec<Option<i64>>, Option<Vec<Option<i64>>>);

/// Reads a questionnaire form's answers (`item_N` for the scored questions,
/// `extra_N` for the unscored ones); a blank field is a question left blank.
/// Errors name the form's fields.
pub fn form_answers(inst: &Instrument, form: &HashMap<String, String>) -> Result<FormAnswers, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let mut code = |field: String| -> Option<i64> {
        let v = form.get(&field).map(|s| s.trim()).filter(|s| !s.is_empty())?;
        match v.parse::<i64>() {
            Ok(n) => Some(n),
            Err(_) => {
                errors.0.push(field_error(&field, rapport_core::msg("measure-choose-an-option"), vec![]));
                None
            }
        }
    };
    let answers: Vec<Option<i64>> = inst.items.iter().map(|it| code(format!("item_{}", it.number))).collect();
    let offset = inst.items.len() as u32;
    let extras: Vec<Option<i64>> =
        inst.unscored_items.iter().map(|it| code(format!("extra_{}", it.number - offset))).collect();
    errors.into_result()?;
    Ok((answers, (!extras.is_empty()).then_some(extras)))
}

/// The form's names for the pipeline's errors: `answers[i]` is `item_{i+1}`,
/// `answers` is `item_1`.
pub fn form_errors(errors: ValidationErrors) -> ValidationErrors {
    ValidationErrors(
        errors
            .0
            .into_iter()
            .map(|mut e| {
                if let Some(i) = e.field.strip_prefix("answers[").and_then(|r| r.strip_suffix(']')) {
                    e.field = format!("item_{}", i.parse::<u32>().unwrap_or(0) + 1);
                } else if e.field == "answers" {
                    e.field = "item_1".into();
                }
                e
            })
            .collect(),
    )
}

/// The numbers of the scored questions left blank.
pub fn blank_questions(inst: &Instrument, answers: &[Option<i64>]) -> Vec<u32> {
    inst.items.iter().zip(answers).filter(|(_, a)| a.is_none()).map(|(it, _)| it.number).collect()
}

/// "You left 2 questions blank (3, 5). Send anyway?": asked once on a
/// client-facing form before a partial response is stored.
pub struct BlankPrompt {
    pub message: String,
    /// An answered risk question is positive: the crisis lines show at once,
    /// even before the client confirms.
    pub risk: bool,
}

/// The prompt to show before storing a partial client form, or `None` to
/// store it now: nothing blank, the client already confirmed
/// (`send_anyway=1`), or nothing answered at all (the pipeline refuses that).
pub fn blank_prompt(inst: &Instrument, answers: &[Option<i64>], form: &HashMap<String, String>) -> Option<BlankPrompt> {
    let blank = blank_questions(inst, answers);
    if blank.is_empty() || blank.len() == answers.len() || form.get("send_anyway").map(String::as_str) == Some("1") {
        return None;
    }
    let numbers: Vec<String> = blank.iter().map(u32::to_string).collect();
    // Shown to whoever answers (the client in the portal), in the page's language.
    let message = rapport_i18n::current()
        .tn(msg("app-blank-prompt"), &[("count", &blank.len()), ("questions", &numbers.join(", "))]);
    let risk = rapport_core::measures::scoring::score(inst, answers).map(|s| !s.risk.is_empty()).unwrap_or(false);
    Some(BlankPrompt { message, risk })
}

/// When a response given a date (the form's "Date taken") was completed:
/// now when the date is `today` (the organisation's local day), else noon UTC
/// of that day (so the day is the same in every time zone a clinic may be
/// in). The pipeline refuses a date in the future.
pub fn taken_on(date: time::Date, now: Timestamp, today: time::Date) -> Timestamp {
    if date == today {
        now
    } else {
        Timestamp::from_datetime(date.with_time(time::Time::from_hms(12, 0, 0).expect("noon")).assume_utc())
    }
}

#[cfg(test)]
mod taken_on_tests {
    use super::*;

    #[test]
    fn today_is_now_and_another_day_is_its_noon() {
        let now = Timestamp::parse("2026-11-26T09:30:00Z").unwrap();
        assert_eq!(taken_on(now.date(), now, now.date()), now);
        let d = time::Date::from_calendar_date(2026, time::Month::November, 3).unwrap();
        let t = taken_on(d, now, now.date());
        assert_eq!((t.date(), t.datetime().hour()), (d, 12));
    }
}
