//! Scores where clinicians write: the measures taken since the previous
//! session (on the session page), one response with its answers (the
//! response page, also shown after a measure is saved), the course's latest
//! primary score and open flag (the course header), and the course's
//! outcomes (the ending review and the end-of-treatment summary).
//!
//! Every number comes from the scoring engine and the one outcome
//! computation (`outcomes::outcomes_in`); the words from
//! `rapport_i18n::scores`, in the reader's language. Reads are audited.

use crate::access::course::{CourseContext, CourseHeadline};
use crate::access::session::SessionContext;
use crate::access::{client_for, Purpose};
use crate::caller::Identity;
use crate::outcomes::{
    client_outcomes, course_facts, outcomes_in, scoped_responses, CourseFacts, Outcomes, ScopeRequest,
};
use crate::{AppState, Error};
use rapport_core::audit::action;
use rapport_core::measures::definition::Instrument;
use rapport_store::clients::ClientRecord;
use rapport_store::measures::{ResponseRow, RiskFlagRow};

/// A timestamp's day in the organisation's local time, as the reader's
/// language writes it ("4 Dec 2026", "4 dic 2026").
pub fn local_date(t: impl crate::clock::Instant) -> String {
    rapport_i18n::current().date(crate::clock::zone().local(t.instant()).date())
}

/// The instrument every course falls back to (the "Record PHQ-9" button, the header's score).
pub const DEFAULT_INSTRUMENT: &str = "phq9";

/// One response in words.
#[derive(Clone, Debug)]
pub struct ResponseSummary {
    pub row: ResponseRow,
    /// "PHQ-9" (the id when the instrument is no longer in the library).
    pub short_name: String,
    pub name: String,
    /// "PHQ-9 = 4 (none or minimal)", or "PHQ-9: no total (question 4 left blank)".
    pub score: String,
    /// The band's label ("Moderately severe"), when there is a total.
    pub band: Option<String>,
    /// "-14 from baseline, reliable improvement", when there is a total.
    pub change: Option<String>,
    /// The score then the change: "PHQ-9 = 4 (none or minimal), -14 from baseline, reliable improvement".
    pub sentence: String,
    /// "Question 9 (thoughts of self-harm): Several days", one per risk item.
    pub risk: Vec<String>,
    /// A risk item was positive (or left blank).
    pub risk_positive: bool,
    pub risk_unanswered: bool,
    /// How it was taken ("in session", "by the client in the portal").
    pub mode: String,
}

/// One item and its answer, in words.
#[derive(Clone, Debug)]
pub struct ItemAnswer {
    pub number: u32,
    /// The item text; "Item 3" for a licensed instrument whose text is not shipped.
    pub text: String,
    /// The option label, or "not answered" (in the reader's language).
    pub answer: String,
    pub answered: bool,
    /// The item's score (after reverse scoring), when answered.
    pub score: Option<i64>,
    pub risk: bool,
    /// Unscored question (PHQ-9's difficulty question).
    pub unscored: bool,
}

fn words(
    inst: Option<&Instrument>,
    r: &ResponseRow,
    outcome: Option<&rapport_core::measures::change::InstrumentOutcome>,
) -> ResponseSummary {
    use rapport_core::measures::scoring::RISK_ITEM_UNANSWERED;
    let risk_positive = r.flags.iter().any(|f| f.starts_with("risk_item_") && f != RISK_ITEM_UNANSWERED);
    let risk_unanswered = r.flags.iter().any(|f| f == RISK_ITEM_UNANSWERED);
    let tr = rapport_i18n::current();
    let Some(inst) = inst else {
        let score = match r.total {
            Some(t) => {
                tr.tn(rapport_i18n::msg("score-total"), &[("instrument", &r.instrument_id.as_str()), ("total", &t)])
            }
            None => tr.ta("score-no-total", "instrument", r.instrument_id.as_str()),
        };
        return ResponseSummary {
            row: r.clone(),
            short_name: r.instrument_id.clone(),
            name: r.instrument_id.clone(),
            sentence: score.clone(),
            score,
            band: None,
            change: None,
            risk: Vec::new(),
            risk_positive,
            risk_unanswered,
            mode: tr.mode_label(&r.mode),
        };
    };
    let blank: Vec<u32> =
        r.answers.iter().enumerate().filter(|(_, a)| a.is_none()).map(|(i, _)| i as u32 + 1).collect();
    let score = tr.score_words(inst, r.total, r.band_set.as_deref(), r.band.as_deref(), &blank);
    let sentence = tr.score_sentence(inst, r.total, r.band_set.as_deref(), r.band.as_deref(), &blank, outcome);
    ResponseSummary {
        row: r.clone(),
        short_name: inst.short_name.clone(),
        // The translation's name when the reader's language has one.
        name: inst.name_in(tr.lang()).to_string(),
        band: r.band.as_deref().map(|b| tr.band_label(inst, r.band_set.as_deref(), b)),
        change: r.total.and(outcome).map(|o| tr.change_words(o)),
        risk: tr.risk_answers(inst, &r.answers),
        score,
        sentence,
        risk_positive,
        risk_unanswered,
        mode: tr.mode_label(&r.mode),
    }
}

/// Summaries of `pick` (a subset of `rows`), each with its change from the
/// baseline of `rows` (one course's responses, oldest first) as it stood
/// when it was taken: the outcome of the scores up to and including it.
pub fn summarise(
    state: &AppState,
    rows: &[ResponseRow],
    facts: Option<&CourseFacts>,
    pick: &[&ResponseRow],
) -> Vec<ResponseSummary> {
    pick.iter()
        .map(|r| {
            let upto = rows.iter().position(|x| x.id == r.id).map(|i| &rows[..=i]).unwrap_or(&[]);
            let outcomes = outcomes_in(state, upto, facts);
            words(
                state.instruments.get(&r.instrument_id),
                r,
                outcomes.instruments.get(&r.instrument_id).map(|o| &o.outcome),
            )
        })
        .collect()
}

/// What the session page shows of the measures.
pub struct SessionScores {
    /// Responses completed after the previous held session, up to this
    /// session's day, oldest first.
    pub since_last: Vec<ResponseSummary>,
    /// Instruments to offer a "Record …" button for: those the course's
    /// schedule asks for at this session and not yet taken, else the PHQ-9.
    /// (instrument id, short name)
    pub record: Vec<(String, String)>,
}

/// The measures taken since the previous held session (after its day, up to
/// this session's day) in this course, with their change from the course's
/// baseline; the read is audited when there is something to show.
#[crate::boxing::boxed_future]
pub async fn session_scores(state: &AppState, me: &Identity, sx: &SessionContext) -> Result<SessionScores, Error> {
    let client = &sx.cx.client.id;
    let course = sx.cx.course.id.to_string();
    let scoped = scoped_responses(state, client, ScopeRequest::Course(&course)).await?;
    let facts = course_facts(state, client, &course).await?;
    let after = sx.previous_held().map(|p| p.session.date);
    let day = sx.s.session.date;
    let window: Vec<&ResponseRow> = scoped
        .responses
        .iter()
        .filter(|r| after.is_none_or(|a| r.completed_at.date() > a) && r.completed_at.date() <= day)
        .collect();
    let since_last = summarise(state, &scoped.responses, facts.as_ref(), &window);
    if !since_last.is_empty() {
        let mut e = me.event(action::MEASURE_LIST, "client");
        e.resource_id = Some(client.to_string());
        e.client_id = Some(client.to_string());
        e.detail = Some(format!("{} responses since the last session, on the session page", since_last.len()));
        state.store.audit(e).await?;
    }
    // Held sessions before this one: this session is number `before + 1` when held.
    let before = match sx.cx.sessions.iter().position(|s| s.session.id == sx.s.session.id) {
        Some(i) => sx.cx.sessions[..i].iter().filter(|s| s.number.is_some_and(|n| n > 0)).count(),
        None => 0,
    };
    let (schedule, _, _) = crate::measures::schedule_of(state, &sx.cx.course.id).await?;
    // The engagement session (session 0) is outside the schedule.
    let scheduled_here = !sx.s.session.engagement
        && rapport_core::measures::schedule::is_scheduled(
            before as u32 + 1,
            schedule.every,
            sx.cx.course.planned_sessions,
        );
    let short = |id: &str| state.instruments.get(id).map(|i| (i.id.clone(), i.short_name.clone()));
    let mut record: Vec<(String, String)> = if scheduled_here {
        schedule
            .instruments
            .iter()
            .filter(|i| !window.iter().any(|r| &r.instrument_id == *i && r.total.is_some()))
            .filter_map(|i| short(i))
            .collect()
    } else {
        Vec::new()
    };
    if record.is_empty() {
        record.extend(short(DEFAULT_INSTRUMENT));
    }
    Ok(SessionScores { since_last, record })
}

/// One response of a client, with its answers in words and its change from
/// its course's baseline; audited as a read of the client's measures.
pub struct ResponseDetail {
    pub client: ClientRecord,
    pub summary: ResponseSummary,
    pub items: Vec<ItemAnswer>,
    /// The instrument's text is a placeholder (licensed, not imported).
    pub placeholder: bool,
    pub attribution: Option<String>,
    /// The risk flag this response raised, if any.
    pub flag: Option<RiskFlagRow>,
}

#[crate::boxing::boxed_future]
pub async fn response_detail(
    state: &AppState,
    me: &Identity,
    client: &str,
    response: &str,
) -> Result<ResponseDetail, Error> {
    let (client, _) = client_for(state, me, client, Purpose::AuditRead).await?;
    let all = state.store.responses(&client.id).await?;
    let Some(row) = all.iter().find(|r| r.id.as_str() == response).cloned() else {
        crate::access::deny(state, me, "measure_response", Some(response)).await?;
        return Err(Error::NotFound);
    };
    let mut e = me.event(action::MEASURE_LIST, "measure_response");
    e.resource_id = Some(row.id.to_string());
    e.client_id = Some(client.id.to_string());
    e.detail = Some("response page".into());
    state.store.audit(e).await?;
    // Its course's responses (or those outside every course), as the outcomes count them.
    let courses = state.store.client_courses(&client.id).await?;
    let course = crate::outcomes::course_of_response(&row, &crate::outcomes::spans(&courses));
    let (rows, facts) = match &course {
        Some(k) => {
            let s = scoped_responses(state, &client.id, ScopeRequest::Course(k)).await?;
            (s.responses, course_facts(state, &client.id, k).await?)
        }
        None => {
            let spans = crate::outcomes::spans(&courses);
            (all.iter().filter(|r| crate::outcomes::course_of_response(r, &spans).is_none()).cloned().collect(), None)
        }
    };
    let inst = state.instruments.get(&row.instrument_id);
    let summary = summarise(state, &rows, facts.as_ref(), &[&row]).remove(0);
    let items = inst.map(|i| item_answers(i, &row)).unwrap_or_default();
    let flag =
        state.store.client_risk_flags(&client.id).await?.into_iter().find(|f| f.response_id.as_ref() == Some(&row.id));
    Ok(ResponseDetail {
        client,
        summary,
        items,
        placeholder: inst.is_some_and(|i| i.text_placeholder),
        attribution: inst.and_then(|i| i.attribution.clone()),
        flag,
    })
}

/// Each item with its answer in words, in the reader's language when the
/// questionnaire has it (else its own); a placeholder text reads "Item N".
pub fn item_answers(inst: &Instrument, r: &ResponseRow) -> Vec<ItemAnswer> {
    let tr = rapport_i18n::current();
    let shown = inst.localized(tr.lang()).instrument;
    let text = |it: &rapport_core::measures::definition::Item| {
        if shown.text_placeholder {
            tr.ta("answer-item", "number", i64::from(it.number))
        } else {
            it.text.clone()
        }
    };
    let mut out: Vec<ItemAnswer> = shown
        .items
        .iter()
        .enumerate()
        .map(|(i, it)| {
            let code = r.answers.get(i).copied().flatten();
            let answer = tr.answer_label(inst, it.number, code);
            ItemAnswer {
                number: it.number,
                answered: code.is_some(),
                text: text(it),
                answer: match code {
                    Some(c) if shown.text_placeholder => {
                        tr.tn(rapport_i18n::msg("answer-with-code"), &[("answer", &answer), ("code", &c)])
                    }
                    _ => answer,
                },
                score: r.item_scores.get(i).copied().flatten(),
                risk: shown.risk_items.iter().any(|x| x.item == it.number),
                unscored: false,
            }
        })
        .collect();
    let extras = r.unscored_answers.clone().unwrap_or_default();
    for (i, it) in shown.unscored_items.iter().enumerate() {
        let code = extras.get(i).copied().flatten();
        let answer = match code {
            None => tr.t("answer-not-answered"),
            Some(c) => shown
                .options_for(it)
                .iter()
                .find(|o| o.code == c)
                .map(|o| o.label.clone())
                .unwrap_or_else(|| tr.ta("answer-code", "code", c)),
        };
        let answered = code.is_some();
        out.push(ItemAnswer {
            number: it.number,
            text: text(it),
            answer,
            answered,
            score: None,
            risk: false,
            unscored: true,
        });
    }
    out
}

/// The primary measure of a course: the PHQ-9 when its schedule has it (or
/// has none), else the schedule's first instrument.
#[crate::boxing::boxed_future]
pub async fn primary_instrument(state: &AppState, cx: &CourseContext) -> Result<String, Error> {
    let (schedule, _, _) = crate::measures::schedule_of(state, &cx.course.id).await?;
    Ok(if schedule.instruments.iter().any(|i| i == DEFAULT_INSTRUMENT) || schedule.instruments.is_empty() {
        DEFAULT_INSTRUMENT.to_string()
    } else {
        schedule.instruments[0].clone()
    })
}

/// The course header's scores (the course read itself is audited by its loader).
#[crate::boxing::boxed_future]
pub async fn course_headline(state: &AppState, cx: &CourseContext) -> Result<CourseHeadline, Error> {
    let course = cx.course.id.to_string();
    let primary = primary_instrument(state, cx).await?;
    let scoped = scoped_responses(state, &cx.client.id, ScopeRequest::Course(&course)).await?;
    let latest = scoped.responses.iter().rev().find(|r| r.instrument_id == primary && r.total.is_some()).map(|r| {
        let s = words(state.instruments.get(&r.instrument_id), r, None);
        (s.score, local_date(r.completed_at), r.id.clone())
    });
    let open_flag = state.store.open_risk_flag(&cx.client.id).await?.map(|f| f.id);
    Ok(CourseHeadline { latest, open_flag })
}

/// The course's outcomes (the one computation the Measures page and the
/// outcomes API use), for the ending review and the summary; audited.
#[crate::boxing::boxed_future]
pub async fn course_outcomes(
    state: &AppState,
    me: &Identity,
    cx: &CourseContext,
    via: &str,
) -> Result<Outcomes, Error> {
    let course = cx.course.id.to_string();
    let (_, outcomes) = client_outcomes(state, &cx.client.id, ScopeRequest::Course(&course)).await?;
    let mut e = me.event(action::OUTCOMES_READ, "client");
    e.resource_id = Some(cx.client.id.to_string());
    e.client_id = Some(cx.client.id.to_string());
    e.detail = Some(via.to_string());
    state.store.audit(e).await?;
    Ok(outcomes)
}

/// One instrument's outcome in words.
#[derive(Clone, Debug)]
pub struct OutcomeLine {
    pub instrument: String,
    pub count: usize,
    pub baseline: i64,
    pub baseline_on: String,
    pub latest: i64,
    pub latest_on: String,
    /// "-14" / "+3" / "0".
    pub change: String,
    /// "reliable improvement", "no reliable change", "meaningful improvement (10 points)", "not defined".
    pub reliable: String,
    pub response: String,
    pub remission: String,
    /// Below caseness now after starting at caseness: "recovered"; "n/a (baseline below caseness)".
    pub recovery: String,
}

#[derive(Clone, Debug)]
pub struct NhsLine {
    pub status: String,
    pub recovery: String,
    pub reliable_improvement: String,
    pub reliable_recovery: String,
    pub reliable_deterioration: String,
}

/// The outcomes in words, one line per instrument and the NHS Talking
/// Therapies categories: the ending review, the summary page and the PDF
/// documents word them alike.
pub fn outcome_lines(state: &AppState, o: Outcomes) -> (Vec<OutcomeLine>, Option<NhsLine>) {
    use rapport_core::measures::change::ReliableChange;
    let tr = rapport_i18n::current();
    let yes_no = |b: bool| tr.t(if b { "measure-yes" } else { "measure-no" });
    let na = |base_case: Option<bool>| match base_case {
        Some(false) => tr.t("outcome-na-below-caseness"),
        _ => tr.t("outcome-na"),
    };
    let rows = o
        .instruments
        .into_iter()
        .map(|(id, r)| {
            let oc = r.outcome;
            let name = state.instruments.get(&id).map(|i| i.short_name.clone()).unwrap_or(id);
            let reliable = match (&oc.reliable_change, oc.meaningful_change) {
                _ if oc.count < 2 => tr.t("outcome-one-score"),
                (Some(x), _) => tr.t(match x.category {
                    ReliableChange::Improved => "score-reliable-improved",
                    ReliableChange::Deteriorated => "score-reliable-deteriorated",
                    ReliableChange::None => "score-reliable-none",
                }),
                (None, Some(m)) => {
                    let words = tr.t(match m {
                        ReliableChange::Improved => "score-meaningful-improved",
                        ReliableChange::Deteriorated => "score-meaningful-deteriorated",
                        ReliableChange::None => "score-meaningful-none",
                    });
                    tr.ta("outcome-meaningful-points", "words", words)
                }
                (None, None) => tr.t("outcome-not-defined"),
            };
            let flag = |v: Option<bool>, yes: &str, no: &str| match v {
                Some(true) => tr.t(yes),
                Some(false) => tr.t(no),
                None => na(oc.caseness_at_baseline),
            };
            let recovery = match (oc.caseness_at_baseline, oc.caseness_at_latest) {
                _ if oc.count < 2 => tr.t("outcome-na"),
                (Some(true), Some(false)) => tr.t("outcome-below-caseness-now"),
                (Some(true), Some(true)) => tr.t("outcome-still-at-caseness"),
                (Some(false), _) => na(Some(false)),
                _ => tr.t("outcome-na"),
            };
            OutcomeLine {
                instrument: name,
                count: oc.count,
                baseline: oc.baseline,
                baseline_on: local_date(r.baseline_at),
                latest: oc.latest,
                latest_on: local_date(r.latest_at),
                change: if oc.change == 0 { "0".into() } else { format!("{:+}", oc.change) },
                reliable,
                response: flag(oc.response, "measure-response-yes", "measure-response-no"),
                remission: flag(oc.remission, "measure-remission-yes", "measure-remission-no"),
                recovery,
            }
        })
        .collect();
    let nhs = o.nhs.map(|n| {
        let c = n.categories;
        let na = |v: Option<bool>| v.map(yes_no).unwrap_or_else(|| tr.t("outcome-na-not-a-case"));
        NhsLine {
            status: tr.nhs_status(&c.status),
            recovery: na(c.recovered),
            reliable_improvement: yes_no(c.reliably_improved),
            reliable_recovery: na(c.reliably_recovered),
            reliable_deterioration: yes_no(c.reliably_deteriorated),
        }
    });
    (rows, nhs)
}
