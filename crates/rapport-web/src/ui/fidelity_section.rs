//! The "Fidelity" section of a session page or a group meeting page (its
//! ratings, self versus supervisor item by item, the prompt to self-rate,
//! the session's recordings) and the course page's fidelity summary. Apart
//! from the form handlers (`ui::fidelity`) so the pages that show it do not
//! import the handlers.

use crate::error::AppResult;
use crate::i18n::{msg, Tr};
use rapport_app::access::course::CourseContext;
use rapport_app::caller::Identity;
use rapport_app::fidelity;
use rapport_app::recordings;
use rapport_app::AppState;
use rapport_core::fidelity::{Agreement, Checklist, Rater};
use rapport_core::Id;
use rapport_store::fidelity::RatingRow;

/// One rating as listed.
pub struct RatingLine {
    pub rater: String,
    pub rater_name: String,
    pub checklist: String,
    /// "mean 2.4 (scale 0 to 3) over 8 items"
    pub mean_over: String,
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
    /// "Uploaded 4 Dec 2026 · 2.1 MB · deleted automatically on 3 Jan 2027".
    pub line: String,
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

/// A point of the scale with its words in the reader's language: "2 · Done".
pub fn scale_text(c: Option<&Checklist>, v: i64) -> String {
    let language = crate::i18n::current().lang();
    match c.and_then(|c| c.scale_label_in(v, language)) {
        Some(l) => format!("{v} · {l}"),
        None => v.to_string(),
    }
}

fn item_text(c: Option<&Checklist>, id: &str) -> String {
    let language = crate::i18n::current().lang();
    c.and_then(|c| c.item(id)).map(|i| i.text_in(language).to_string()).unwrap_or_else(|| id.to_string())
}

fn mean_text(tr: &Tr, c: Option<&Checklist>, mean: f64) -> String {
    let mean = tr.decimal(mean, 1);
    match c {
        Some(c) => tr.tn(msg("fidelity-mean-scale"), &[("mean", &mean), ("min", &c.scale.min), ("max", &c.scale.max)]),
        None => mean,
    }
}

fn rating_line(state: &AppState, r: &RatingRow) -> RatingLine {
    let tr = crate::i18n::current();
    let c = state.config.fidelity.get(&r.checklist_id);
    let mean = mean_text(&tr, c, r.mean);
    RatingLine {
        rater: tr.t(r.rater.message()),
        rater_name: r.rater_name.clone(),
        checklist: c.map(|c| c.name_in(tr.lang()).to_string()).unwrap_or_else(|| r.checklist_id.clone()),
        mean_over: tr.tn(msg("fidelity-mean-over"), &[("mean", &mean), ("items", &r.ratings.len())]),
        pass: r.pass,
        date: crate::i18n::day(r.rated_at.date()),
        comment: r.comment.clone().unwrap_or_default(),
    }
}

fn share(tr: &Tr, part: Option<f64>, n: usize) -> String {
    let p = part.unwrap_or(0.0);
    let count = (p * n as f64).round() as usize;
    tr.tn(msg("fidelity-share"), &[("count", &count), ("items", &n), ("percent", &format!("{:.0}", p * 100.0))])
}

fn agreement_view(state: &AppState, checklist: &str, a: &Agreement) -> AgreementView {
    let c = state.config.fidelity.get(checklist);
    let n = a.items.len();
    // In the checklist's order, as on the form.
    let position = |id: &str| c.and_then(|c| c.items.iter().position(|i| i.id == id)).unwrap_or(usize::MAX);
    let mut items: Vec<_> = a.items.iter().collect();
    items.sort_by_key(|i| position(&i.item));
    AgreementView {
        checklist: c
            .map(|c| c.name_in(crate::i18n::current().lang()).to_string())
            .unwrap_or_else(|| checklist.to_string()),
        rows: items
            .into_iter()
            .map(|i| AgreementRow {
                item: item_text(c, &i.item),
                self_rating: scale_text(c, i.first),
                supervisor: scale_text(c, i.second),
                differs: i.difference() > 0,
            })
            .collect(),
        summary: {
            let tr = crate::i18n::current();
            tr.tn(
                msg("fidelity-agreement"),
                &[("same", &share(&tr, a.exact, n)), ("within", &share(&tr, a.within_one, n))],
            )
        },
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
                .map(|r| {
                    let uploaded = rapport_core::time::format_date(r.uploaded_at.date());
                    let line = crate::i18n::current().tn(
                        msg("recording-line"),
                        &[
                            ("date", &uploaded),
                            ("size", &size_text(r.size_bytes)),
                            ("deleted", &rapport_core::time::format_date(r.delete_after.date())),
                        ],
                    );
                    RecordingLine { id: r.id.to_string(), uploaded, line, content_type: r.content_type }
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
    let tr = crate::i18n::current();
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
                    .map(|r| (mean_text(&tr, state.config.fidelity.get(&r.checklist_id), r.mean), r.pass))
            };
            let (self_rating, supervisor) = (latest(Rater::SelfRated), latest(Rater::Supervisor));
            (!of_session.is_empty()).then(|| SummaryRow {
                href: format!("/courses/{}/sessions/{}#fidelity", cx.course.id, s.session.id),
                label: super::session_label(&tr, s),
                self_rating,
                supervisor,
            })
        })
        .collect()
}
