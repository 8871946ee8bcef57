//! Documents about a course as PDF: the end-of-treatment summary, a letter
//! to the client's GP or prescriber, and a progress report with the score
//! charts. Each is built from what the course pages show (the one outcome
//! computation, goals, risk flags, the ending review; never process notes),
//! worded from the Fluent messages (`doc-*`, so a site's adaptation can
//! change them) in the recipient's language, and rendered by [`pdf`].
//! The course comes in through `course_for` (access checked, read audited);
//! each document written is audited as `document.create`.

pub mod pdf;

use crate::access::course::CourseContext;
use crate::caller::Identity;
use crate::outcomes::{scoped_responses, ScopeRequest};
use crate::scores::{local_date, outcome_lines, OutcomeLine};
use crate::{AppResult, AppState, Error};
use pdf::{Block, Chart, Document, Series, Table};
use rapport_core::audit::action;
use rapport_core::course::Attendance;
use rapport_core::measures::definition::Direction;
use rapport_core::msg;
use rapport_core::risk::FlagStatus;
use rapport_core::ValidationErrors;
use rapport_i18n::Tr;

/// A rendered document, ready to download.
pub struct PdfFile {
    /// "summary-2026-12-05.pdf": no client name, so a download folder or an
    /// e-mail attachment list does not disclose whose it is.
    pub filename: String,
    pub bytes: Vec<u8>,
}

/// Which document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Summary,
    Letter,
    Progress,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Summary => "summary",
            Kind::Letter => "letter",
            Kind::Progress => "progress",
        }
    }
}

/// What the clinician writes on the letter form.
#[derive(Clone, Debug, Default)]
pub struct LetterInput {
    pub recipient_name: String,
    /// One line per line of the address.
    pub recipient_address: String,
    pub summary: String,
    pub recommendations: String,
    /// A shipped language tag; empty: the client's preferred language.
    pub language: String,
}

/// The limits of the letter's fields (characters).
const NAME_MAX: usize = 200;
const ADDRESS_MAX: usize = 500;
const TEXT_MAX: usize = 5000;

impl LetterInput {
    /// Checks the fields: a recipient, lengths within bounds, a shipped language.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut e = ValidationErrors::default();
        if self.recipient_name.trim().is_empty() {
            e.add_key("recipient_name", msg("doc-letter-error-recipient"), vec![]);
        } else if self.recipient_name.chars().count() > NAME_MAX {
            e.add_key("recipient_name", msg("doc-letter-error-too-long"), vec![]);
        }
        if self.recipient_address.chars().count() > ADDRESS_MAX {
            e.add_key("recipient_address", msg("doc-letter-error-too-long"), vec![]);
        }
        if self.summary.chars().count() > TEXT_MAX {
            e.add_key("summary", msg("doc-letter-error-too-long"), vec![]);
        }
        if self.recommendations.chars().count() > TEXT_MAX {
            e.add_key("recommendations", msg("doc-letter-error-too-long"), vec![]);
        }
        if !self.language.is_empty() && !rapport_i18n::SHIPPED.iter().any(|(code, _)| *code == self.language) {
            e.add_key("language", msg("doc-letter-error-language"), vec![]);
        }
        e.into_result()
    }
}

/// The language a document about the client is written in by default: the
/// client's preferred language when it is shipped, else the reader's.
pub fn default_language(cx: &CourseContext) -> String {
    cx.client
        .details
        .preferred_language
        .as_deref()
        .filter(|l| rapport_i18n::SHIPPED.iter().any(|(code, _)| code == l))
        .map(str::to_string)
        .unwrap_or_else(|| rapport_i18n::current().lang().to_string())
}

/// The end-of-treatment summary of the course.
#[crate::boxing::boxed_future]
pub async fn summary(state: &AppState, me: &Identity, cx: &CourseContext) -> AppResult<PdfFile> {
    let lang = default_language(cx);
    write(state, me, cx, Kind::Summary, &lang, None).await
}

/// The progress report: sessions so far, the score charts, the goals.
#[crate::boxing::boxed_future]
pub async fn progress(state: &AppState, me: &Identity, cx: &CourseContext) -> AppResult<PdfFile> {
    let lang = default_language(cx);
    write(state, me, cx, Kind::Progress, &lang, None).await
}

/// The letter to the GP or prescriber, in the language chosen on the form.
#[crate::boxing::boxed_future]
pub async fn letter(state: &AppState, me: &Identity, cx: &CourseContext, input: &LetterInput) -> AppResult<PdfFile> {
    input.validate()?;
    let lang = if input.language.is_empty() { default_language(cx) } else { input.language.clone() };
    write(state, me, cx, Kind::Letter, &lang, Some(input)).await
}

async fn write(
    state: &AppState,
    me: &Identity,
    cx: &CourseContext,
    kind: Kind,
    lang: &str,
    letter: Option<&LetterInput>,
) -> AppResult<PdfFile> {
    // The site's wording (its adaptation) in the recipient's language.
    let tr = rapport_i18n::current().in_other_language(lang);
    let facts = rapport_i18n::in_language(tr.clone(), gather(state, me, cx, kind)).await?;
    let doc = rapport_i18n::in_language(tr.clone(), async {
        match kind {
            Kind::Summary => summary_doc(state, cx, me, &facts),
            Kind::Progress => progress_doc(state, cx, me, &facts),
            Kind::Letter => letter_doc(state, cx, me, &facts, letter.cloned().unwrap_or_default()),
        }
    })
    .await;
    let bytes = pdf::render(&doc, &|n, of| tr.tn(msg("doc-page"), &[("page", &(n as i64)), ("pages", &(of as i64))]));
    let mut e = me.event(action::DOCUMENT_CREATE, "course");
    e.resource_id = Some(cx.course.id.to_string());
    e.client_id = Some(cx.client.id.to_string());
    e.detail = Some(format!("{} in {lang}", kind.as_str()));
    state.store.audit(e).await?;
    let day = crate::clock::zone().local(rapport_core::Timestamp::now()).date();
    Ok(PdfFile { filename: format!("{}-{day}.pdf", kind.as_str()), bytes })
}

/// What the documents are built from, read once.
struct Facts {
    outcomes: Vec<OutcomeLine>,
    nhs: Option<crate::scores::NhsLine>,
    responses: Vec<rapport_store::measures::ResponseRow>,
    goals: Vec<rapport_store::formulation::GoalWithRatings>,
    areas: Vec<(String, String)>,
    /// Interpersonal sensitivity as the formulation records it (Stuart), with its note.
    sensitivity: Option<(bool, Option<String>)>,
    flags: Vec<rapport_store::measures::RiskFlagRow>,
    review: Option<rapport_core::ending::EndingReview>,
    organisation: String,
    author: String,
}

async fn gather(state: &AppState, me: &Identity, cx: &CourseContext, kind: Kind) -> AppResult<Facts> {
    let via = format!("{} PDF", kind.as_str());
    let o = crate::scores::course_outcomes(state, me, cx, &via).await?;
    let (outcomes, nhs) = outcome_lines(state, o);
    let course = cx.course.id.to_string();
    let responses = scoped_responses(state, &cx.client.id, ScopeRequest::Course(&course)).await?.responses;
    let goals = crate::goals::goals(state, cx).await?;
    let areas = crate::ending::areas_of(state, cx).await?;
    // The flags raised from the course's start on.
    let start = cx.course.start_date;
    let flags = state
        .store
        .client_risk_flags(&cx.client.id)
        .await?
        .into_iter()
        .filter(|f| crate::clock::zone().local(f.raised_at).date() >= start)
        .map(|mut f| {
            // Named as the documents write it ("PHQ-9", not "phq9").
            f.instrument_id =
                f.instrument_id.map(|i| state.instruments.get(&i).map(|x| x.short_name.clone()).unwrap_or(i));
            f
        })
        .collect();
    let review = crate::ending::review_of(state, cx).await?.map(|r| r.body);
    let sensitivity = crate::ending::formulation_of(state, cx)
        .await?
        .and_then(|f| f.interpersonal_sensitivity.map(|yes| (yes, f.sensitivity_note)));
    let organisation = state.organisation().await.map_err(Error::from)?.name;
    let author = me.user.name.clone();
    Ok(Facts { outcomes, nhs, responses, goals, areas, sensitivity, flags, review, organisation, author })
}

fn t(id: &str) -> String {
    rapport_i18n::current().t(id)
}

fn today() -> String {
    local_date(rapport_core::Timestamp::now())
}

fn subtitle(cx: &CourseContext, author: &str) -> String {
    let tr = rapport_i18n::current();
    let mut parts = vec![cx.client.details.display_name.clone()];
    if let Some(d) = &cx.client.details.date_of_birth {
        parts.push(tr.ta("course-summary-born", "date", born(&tr, d)));
    }
    parts.push(cx.protocol.name_in(tr.lang()).to_string());
    parts.push(tr.tn(msg("course-summary-prepared"), &[("date", &today()), ("name", &author)]));
    parts.join(" · ")
}

fn attendance(cx: &CourseContext) -> (usize, usize, usize) {
    // The engagement session (session 0) is counted in none of them.
    let count =
        |a: Attendance| cx.sessions.iter().filter(|s| s.session.attendance == a && !s.session.engagement).count();
    (count(Attendance::Attended), count(Attendance::Cancelled), count(Attendance::NoShow))
}

fn treatment_fields(cx: &CourseContext) -> Vec<(String, String)> {
    let tr = rapport_i18n::current();
    let dates = match cx.sessions.iter().rev().find(|s| s.number.is_some()) {
        Some(s) => tr.tn(
            msg("course-dates-held"),
            &[("start", &tr.date(cx.course.start_date)), ("end", &tr.date(s.session.date))],
        ),
        None => tr.tn(
            msg("course-dates-planned"),
            &[("start", &tr.date(cx.course.start_date)), ("end", &tr.date(cx.course.planned_end_date))],
        ),
    };
    let (attended, cancelled, no_show) = attendance(cx);
    let mut status = tr.t(cx.course.status.message());
    if let Some(r) = &cx.course.status_reason {
        status = format!("{status}: {r}");
    }
    vec![
        (t("course-dates"), dates),
        (
            t("course-contract"),
            tr.tn(
                msg("course-protocol-sessions"),
                &[
                    ("count", &(cx.course.planned_sessions as i64)),
                    ("frequency", &tr.t(cx.course.frequency.message()).to_lowercase()),
                ],
            ),
        ),
        (
            t("session-attendance"),
            tr.tn(
                msg("course-summary-attendance"),
                &[("attended", &(attended as i64)), ("cancelled", &(cancelled as i64)), ("noshow", &(no_show as i64))],
            ),
        ),
        (t("course-status"), status),
    ]
}

fn areas_block(f: &Facts) -> Block {
    let tr = rapport_i18n::current();
    let areas = if f.areas.is_empty() {
        t("course-summary-no-area")
    } else {
        let names: Vec<String> = f.areas.iter().map(|(code, label)| tr.term("area", code, label)).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        format!("{} {}.", tr.ta("course-summary-areas", "count", f.areas.len() as i64), tr.list(&names))
    };
    match &f.sensitivity {
        None => Block::Paragraph(areas),
        Some((yes, note)) => {
            let said = t(if *yes { msg("formulation-sensitivity-yes") } else { msg("formulation-sensitivity-no") });
            let mut line = tr.ta("course-summary-sensitivity", "answer", said);
            if let Some(n) = note {
                line = format!("{line} {n}");
            }
            Block::Paragraph(format!("{areas} {line}"))
        }
    }
}

fn outcomes_table(f: &Facts) -> Block {
    if f.outcomes.is_empty() {
        return Block::Paragraph(t("doc-no-scores"));
    }
    Block::Table(Table {
        header: vec![
            t("doc-col-measure"),
            t("doc-col-first"),
            t("doc-col-last"),
            t("doc-col-change"),
            t("doc-col-reliable"),
            t("doc-col-recovery"),
        ],
        rows: f
            .outcomes
            .iter()
            .map(|o| {
                vec![
                    o.instrument.clone(),
                    format!("{} ({})", o.baseline, o.baseline_on),
                    format!("{} ({})", o.latest, o.latest_on),
                    o.change.clone(),
                    o.reliable.clone(),
                    o.recovery.clone(),
                ]
            })
            .collect(),
        widths: vec![1.0, 1.4, 1.4, 0.8, 1.6, 1.6],
    })
}

fn nhs_fields(f: &Facts) -> Option<Block> {
    let n = f.nhs.as_ref()?;
    Some(Block::Fields(vec![
        (t("doc-nhs-status"), n.status.clone()),
        (t("doc-nhs-recovery"), n.recovery.clone()),
        (t("doc-nhs-reliable-improvement"), n.reliable_improvement.clone()),
        (t("doc-nhs-reliable-recovery"), n.reliable_recovery.clone()),
        (t("doc-nhs-reliable-deterioration"), n.reliable_deterioration.clone()),
    ]))
}

fn goals_table(f: &Facts) -> Block {
    let tr = rapport_i18n::current();
    if f.goals.is_empty() {
        return Block::Paragraph(t("doc-no-goals"));
    }
    Block::Table(Table {
        header: vec![t("doc-col-goal"), t("doc-col-goal-status"), t("doc-col-ratings")],
        rows: f
            .goals
            .iter()
            .map(|g| {
                let ratings = match (g.ratings.first(), g.ratings.last()) {
                    (Some(a), Some(b)) if g.ratings.len() > 1 => tr.tn(
                        msg("doc-rating-change"),
                        &[("first", &i64::from(a.rating)), ("last", &i64::from(b.rating))],
                    ),
                    (Some(a), _) => tr.ta("doc-rating-one", "rating", i64::from(a.rating)),
                    _ => t("doc-rating-none"),
                };
                vec![g.goal.body.statement.clone(), tr.t(g.goal.body.status.message()), ratings]
            })
            .collect(),
        widths: vec![3.0, 1.0, 1.6],
    })
}

/// The risk flags of the course in one sentence, then one line each.
fn risk_blocks(f: &Facts) -> Vec<Block> {
    let tr = rapport_i18n::current();
    let open = f.flags.iter().filter(|x| x.status != FlagStatus::Closed).count();
    let mut out = vec![Block::Paragraph(
        tr.tn(msg("doc-risk-count"), &[("count", &(f.flags.len() as i64)), ("open", &(open as i64))]),
    )];
    if !f.flags.is_empty() {
        out.push(Block::Bullets(
            f.flags
                .iter()
                .map(|x| {
                    let source = x
                        .instrument_id
                        .clone()
                        .map(|i| tr.ta("doc-risk-from-measure", "measure", i))
                        .unwrap_or_else(|| t("doc-risk-from-clinician"));
                    tr.tn(
                        msg("doc-risk-line"),
                        &[
                            ("date", &local_date(x.raised_at)),
                            ("source", &source),
                            ("status", &tr.t(x.status.message())),
                        ],
                    )
                })
                .collect(),
        ));
    }
    out
}

fn summary_doc(_state: &AppState, cx: &CourseContext, _me: &Identity, f: &Facts) -> Document {
    let tr = rapport_i18n::current();
    let mut b = vec![
        Block::Title(t("course-summary-heading")),
        Block::Subtitle(subtitle(cx, &f.author)),
        Block::Heading(t("course-summary-treatment")),
        Block::Fields(treatment_fields(cx)),
        Block::Heading(t("course-summary-formulation")),
        areas_block(f),
        Block::Heading(t("doc-goals")),
        goals_table(f),
        Block::Heading(t("doc-outcomes")),
        outcomes_table(f),
    ];
    b.extend(nhs_fields(f));
    b.push(Block::Heading(t("doc-risk")));
    b.extend(risk_blocks(f));
    match &f.review {
        Some(r) => {
            if let Some(p) = &r.progress_summary {
                b.push(Block::Heading(t("course-summary-progress")));
                b.push(Block::Paragraph(p.clone()));
            }
            b.push(Block::Heading(t("course-summary-staying-well")));
            b.push(Block::Paragraph(t("course-summary-warning-signs")));
            if r.warning_signs.is_empty() {
                b.push(Block::Note(t("course-summary-none-recorded")));
            } else {
                b.push(Block::Bullets(r.warning_signs.clone()));
            }
            let mut fields = Vec::new();
            if let Some(c) = &r.coping_plan {
                fields.push((t("course-summary-if-they-appear"), c.clone()));
            }
            if !r.supports.is_empty() {
                fields.push((t("course-summary-supports"), r.supports.join("; ")));
            }
            if let Some(p) = &r.return_plan {
                fields.push((t("course-summary-coming-back"), p.clone()));
            }
            if let Some(m) = &r.medication_plan {
                fields.push((t("course-summary-medication"), m.clone()));
            }
            fields.push((t("course-summary-maintenance"), tr.t(r.maintenance.message())));
            b.push(Block::Fields(fields));
        }
        None => b.push(Block::Note(t("course-summary-no-review"))),
    }
    b.push(Block::Note(t("doc-confidential")));
    Document { title: t("course-summary-heading"), lang: tr.lang().to_string(), blocks: b }
}

fn progress_doc(state: &AppState, cx: &CourseContext, _me: &Identity, f: &Facts) -> Document {
    let tr = rapport_i18n::current();
    let mut b = vec![
        Block::Title(t("doc-progress-heading")),
        Block::Subtitle(subtitle(cx, &f.author)),
        Block::Fields(treatment_fields(cx)),
        Block::Heading(t("course-summary-formulation")),
        areas_block(f),
        Block::Heading(t("doc-scores")),
    ];
    // One chart per instrument with a total, in the order first taken.
    let mut instruments: Vec<&str> = Vec::new();
    for r in f.responses.iter().filter(|r| r.total.is_some()) {
        if !instruments.contains(&r.instrument_id.as_str()) {
            instruments.push(&r.instrument_id);
        }
    }
    if instruments.is_empty() {
        b.push(Block::Paragraph(t("doc-no-scores")));
    }
    for id in instruments {
        let rows: Vec<_> = f.responses.iter().filter(|r| r.instrument_id == id && r.total.is_some()).collect();
        let inst = state.instruments.get(id);
        let name = inst.map(|i| i.short_name.clone()).unwrap_or_else(|| id.to_string());
        let (y_min, y_max) = match inst {
            Some(i) => (i.range.min as f32, i.range.max as f32),
            None => (0.0, rows.iter().filter_map(|r| r.total).max().unwrap_or(10) as f32),
        };
        // The caseness line, as a value and as words ("≥ 10").
        let caseness = inst.and_then(|i| {
            let c = i.caseness.as_ref()?;
            let (v, sign) = match i.direction {
                Direction::HigherIsWorse => (c.min?, "≥ "),
                Direction::HigherIsBetter => (c.max?, "≤ "),
            };
            Some((v as f32, format!("{sign}{v}")))
        });
        let cutoffs = caseness
            .iter()
            .map(|(v, words)| (*v, tr.ta("measure-chart-caseness-line", "cutoff", words.as_str())))
            .collect();
        let alt = chart_alt(&tr, &name, &rows, caseness.as_ref().map(|(_, words)| words.as_str()));
        b.push(Block::Chart(Chart {
            title: tr.ta("measure-chart-title", "measure", name.as_str()),
            alt,
            y_min,
            y_max,
            x_labels: rows.iter().map(|r| short_day(&tr, r.completed_at)).collect(),
            series: vec![Series {
                label: name.clone(),
                points: rows.iter().enumerate().map(|(i, r)| (i as f32, r.total.unwrap_or(0) as f32)).collect(),
            }],
            cutoffs,
            y_label: tr.ta("measure-chart-axis-total", "measure", name.as_str()),
        }));
        b.push(Block::Table(Table {
            header: vec![t("doc-col-date"), t("doc-col-score"), t("doc-col-band")],
            rows: rows
                .iter()
                .map(|r| {
                    let band = match (inst, r.band.as_deref()) {
                        (Some(i), Some(band)) => tr.band_label(i, r.band_set.as_deref(), band),
                        _ => String::new(),
                    };
                    vec![local_date(r.completed_at), r.total.unwrap_or(0).to_string(), band]
                })
                .collect(),
            widths: vec![1.2, 0.8, 2.0],
        }));
    }
    b.push(Block::Heading(t("doc-outcomes")));
    b.push(outcomes_table(f));
    b.push(Block::Heading(t("doc-goals")));
    b.push(goals_table(f));
    b.push(Block::Heading(t("doc-risk")));
    b.extend(risk_blocks(f));
    b.push(Block::Note(t("doc-confidential")));
    Document { title: t("doc-progress-heading"), lang: tr.lang().to_string(), blocks: b }
}

/// The chart's text alternative: how many scores, from when to when, from
/// what to what, the lowest and highest, and where the caseness line is.
fn chart_alt(tr: &Tr, measure: &str, rows: &[&rapport_store::measures::ResponseRow], caseness: Option<&str>) -> String {
    let totals: Vec<i64> = rows.iter().filter_map(|r| r.total).collect();
    let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
        return String::new();
    };
    let mut alt = tr.tn(
        msg("doc-chart-alt"),
        &[
            ("measure", &measure),
            ("count", &totals.len()),
            ("first", &totals.first().copied().unwrap_or(0)),
            ("last", &totals.last().copied().unwrap_or(0)),
            ("lowest", &totals.iter().copied().min().unwrap_or(0)),
            ("highest", &totals.iter().copied().max().unwrap_or(0)),
            ("first_on", &local_date(first.completed_at)),
            ("last_on", &local_date(last.completed_at)),
        ],
    );
    if let Some(words) = caseness {
        alt.push(' ');
        alt.push_str(&tr.ta(msg("doc-chart-alt-cutoff"), "cutoff", words));
    }
    alt
}

/// A stored date of birth (`YYYY-MM-DD`) in the document's language.
fn born(tr: &Tr, stored: &str) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(stored, &format).map(|d| tr.date(d)).unwrap_or_else(|_| stored.to_string())
}

fn short_day(tr: &Tr, t: rapport_core::Timestamp) -> String {
    let d = crate::clock::zone().local(t).date();
    format!("{} {}", d.day(), tr.month_short(d.month()))
}

fn letter_doc(_state: &AppState, cx: &CourseContext, _me: &Identity, f: &Facts, input: LetterInput) -> Document {
    let tr = rapport_i18n::current();
    let client = &cx.client.details;
    let (attended, _, _) = attendance(cx);
    let mut b = vec![Block::Lines(vec![f.author.clone(), f.organisation.clone(), today()])];
    let mut to = vec![input.recipient_name.trim().to_string()];
    to.extend(input.recipient_address.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string));
    b.push(Block::Lines(to));
    let about = match &client.date_of_birth {
        Some(d) => tr.tn(msg("doc-letter-re-born"), &[("name", &client.display_name), ("date", &born(&tr, d))]),
        None => tr.ta("doc-letter-re", "name", client.display_name.as_str()),
    };
    b.push(Block::Heading(about));
    b.push(Block::Paragraph(tr.ta("doc-letter-dear", "name", input.recipient_name.trim())));
    b.push(Block::Paragraph(tr.tn(
        msg("doc-letter-intro"),
        &[
            ("name", &client.display_name),
            ("start", &tr.date(cx.course.start_date)),
            ("attended", &(attended as i64)),
            ("planned", &(cx.course.planned_sessions as i64)),
        ],
    )));
    if !input.summary.trim().is_empty() {
        b.push(Block::Paragraph(input.summary.trim().to_string()));
    }
    b.push(Block::Heading(t("doc-letter-scores")));
    b.push(outcomes_table(f));
    b.push(Block::Heading(t("doc-letter-risk")));
    let open: Vec<_> = f.flags.iter().filter(|x| x.status != FlagStatus::Closed).collect();
    b.push(Block::Paragraph(match open.first() {
        Some(x) => tr.tn(
            msg("doc-letter-risk-open"),
            &[
                ("count", &(open.len() as i64)),
                ("date", &local_date(x.raised_at)),
                ("status", &tr.t(x.status.message())),
            ],
        ),
        None => tr.ta("doc-letter-risk-none", "count", f.flags.len() as i64),
    }));
    if !input.recommendations.trim().is_empty() {
        b.push(Block::Heading(t("doc-letter-recommendations")));
        b.push(Block::Paragraph(input.recommendations.trim().to_string()));
    }
    b.push(Block::Paragraph(t("doc-letter-closing")));
    b.push(Block::Lines(vec![f.author.clone(), f.organisation.clone()]));
    b.push(Block::Note(t("doc-confidential")));
    Document { title: t("doc-letter-title"), lang: tr.lang().to_string(), blocks: b }
}
