//! Scores in words, in the reader's language: a band's name, a risk
//! question's answer ("Question 9 (thoughts of self-harm): Several days"),
//! the change from the course's baseline ("-14 from baseline, reliable
//! improvement") and the sentence after a measure is saved ("PHQ-9 = 4 (none
//! or minimal), -14 from baseline, reliable improvement").
//!
//! Never a raw id: instruments by short name, bands by label, answers by the
//! option label of the questionnaire as the reader's language shows it. The
//! numbers come from the scoring engine and
//! `rapport_core::measures::change`; nothing is computed again here.
//!
//! English reads the definition's own labels (a site's instrument words its
//! bands its own way). Another language reads the message
//! `band-{instrument}-{band}`, else `band-{band}`, else the definition's label:
//! the shipped bands have messages ([`BANDS`]).

use crate::{msg, Tr};
use rapport_core::measures::change::{InstrumentOutcome, NhsStatus, NotOnTrackReason, ReliableChange};
use rapport_core::measures::definition::Instrument;
use rapport_core::risk::FlagStatus;

/// The shipped instruments' band names and risk-question words, looked up
/// by id built at run time (listed so the message check sees them used).
pub const BANDS: [&str; 20] = [
    msg("band-minimal"),
    msg("band-mild"),
    msg("band-moderate"),
    msg("band-moderately-severe"),
    msg("band-severe"),
    msg("band-very-severe"),
    msg("band-none"),
    msg("band-negative"),
    msg("band-positive"),
    msg("band-below-threshold"),
    msg("band-possible-depression"),
    msg("band-probable-depression"),
    msg("band-likely-depression"),
    msg("band-poor-wellbeing"),
    msg("band-adequate-wellbeing"),
    msg("band-phq9-minimal"),
    msg("band-hamd17-none"),
    msg("risk-words-suicide"),
    msg("risk-words-self-harm"),
    msg("risk-words-death-or-suicide"),
];

/// The shipped instruments' threshold flags (a response's `flags`), by id.
const THRESHOLDS: [(&str, &str); 7] = [
    ("caseness", msg("threshold-caseness")),
    ("evaluate", msg("threshold-evaluate")),
    ("possible_depression", msg("threshold-possible-depression")),
    ("probable_depression", msg("threshold-probable-depression")),
    ("positive_screen", msg("threshold-positive-screen")),
    ("poor_wellbeing", msg("threshold-poor-wellbeing")),
    ("likely_depression", msg("threshold-likely-depression")),
];

/// A risk question's short words ("thoughts of self-harm") by its definition text.
fn risk_words_id(short: &str) -> Option<&'static str> {
    match short {
        "thoughts of self-harm" => Some("risk-words-self-harm"),
        "suicide" => Some("risk-words-suicide"),
        "thoughts of death or suicide" => Some("risk-words-death-or-suicide"),
        _ => None,
    }
}

/// The label inside a sentence: first letter lower-cased ("none or minimal"),
/// abbreviations kept ("EPDS item 10", "PHQ-9").
pub fn in_sentence(label: &str) -> String {
    let mut c = label.chars();
    match c.next() {
        Some(f) if c.clone().next().is_some_and(|n| n.is_lowercase()) => f.to_lowercase().chain(c).collect(),
        _ => label.to_string(),
    }
}

fn hyphens(s: &str) -> String {
    s.replace('_', "-")
}

impl Tr {
    /// A band's name ("Moderately severe", "Moderadamente grave"); an id the
    /// definition no longer has reads as words ("moderately severe").
    pub fn band_label(&self, inst: &Instrument, band_set: Option<&str>, band: &str) -> String {
        let set = inst.band_set(band_set).or_else(|| inst.band_set(None));
        let label = set
            .and_then(|s| s.bands.iter().find(|b| b.id == band))
            .map(|b| b.label.clone())
            .unwrap_or_else(|| band.replace('_', " "));
        self.band_words(inst, band, &label)
    }

    /// A band of `inst` named `label` by its definition, in this language.
    pub fn band_words(&self, inst: &Instrument, band: &str, label: &str) -> String {
        let own = format!("{}-{}", hyphens(&inst.id), hyphens(band));
        if self.lang() != "en" && self.has(&format!("band-{own}")) {
            return self.term("band", &own, label);
        }
        self.term("band", band, label)
    }

    /// The change from the course's baseline up to the score described.
    pub fn change_words(&self, outcome: &InstrumentOutcome) -> String {
        if outcome.count <= 1 {
            return self.t("score-baseline");
        }
        let change = if outcome.change == 0 {
            self.t("score-no-change")
        } else {
            self.ta("score-change", "change", format!("{:+}", outcome.change))
        };
        let category = match (&outcome.reliable_change, outcome.meaningful_change) {
            (Some(rc), _) => Some(match rc.category {
                ReliableChange::Improved => msg("score-reliable-improved"),
                ReliableChange::Deteriorated => msg("score-reliable-deteriorated"),
                ReliableChange::None => msg("score-reliable-none"),
            }),
            (None, Some(m)) => Some(match m {
                ReliableChange::Improved => msg("score-meaningful-improved"),
                ReliableChange::Deteriorated => msg("score-meaningful-deteriorated"),
                ReliableChange::None => msg("score-meaningful-none"),
            }),
            (None, None) => None,
        };
        match category {
            Some(id) => self.tn(msg("score-change-and"), &[("change", &change), ("category", &self.t(id))]),
            None => change,
        }
    }

    /// "PHQ-9 = 4 (none or minimal)"; without a total: "PHQ-9: no total
    /// (questions 3, 5 left blank)".
    pub fn score_words(
        &self,
        inst: &Instrument,
        total: Option<i64>,
        band_set: Option<&str>,
        band: Option<&str>,
        blank: &[u32],
    ) -> String {
        let name = inst.short_name.as_str();
        match (total, band) {
            (Some(t), Some(b)) => self.tn(
                msg("score-with-band"),
                &[("instrument", &name), ("total", &t), ("band", &in_sentence(&self.band_label(inst, band_set, b)))],
            ),
            (Some(t), None) => self.tn(msg("score-total"), &[("instrument", &name), ("total", &t)]),
            (None, _) if blank.is_empty() => self.ta("score-no-total", "instrument", name),
            (None, _) => {
                let numbers: Vec<String> = blank.iter().map(u32::to_string).collect();
                self.tn(
                    msg("score-no-total-blank"),
                    &[("instrument", &name), ("count", &(blank.len() as i64)), ("questions", &numbers.join(", "))],
                )
            }
        }
    }

    /// The sentence after saving: the score, then (with a total) the change
    /// from the course's baseline.
    pub fn score_sentence(
        &self,
        inst: &Instrument,
        total: Option<i64>,
        band_set: Option<&str>,
        band: Option<&str>,
        blank: &[u32],
        outcome: Option<&InstrumentOutcome>,
    ) -> String {
        let head = self.score_words(inst, total, band_set, band, blank);
        match (total, outcome) {
            (Some(_), Some(o)) => {
                self.tn(msg("score-sentence"), &[("score", &head), ("change", &self.change_words(o))])
            }
            _ => head,
        }
    }

    /// The option label of scored item `number` for `code` as this reader's
    /// questionnaire shows it, or "not answered".
    pub fn answer_label(&self, inst: &Instrument, number: u32, code: Option<i64>) -> String {
        let Some(code) = code else { return self.t("answer-not-answered") };
        // Copy the questionnaire into the reader's language only when it has that translation.
        let translated = (!rapport_core::measures::language::same_language(self.lang(), inst.base_language())
            && inst.translation_for(self.lang()).is_some())
        .then(|| inst.localized(self.lang()).instrument);
        let shown = translated.as_ref().unwrap_or(inst);
        let Some(item) = shown.items.iter().find(|i| i.number == number) else {
            return self.ta("answer-code", "code", code);
        };
        let options = shown.options_for(item);
        match options.iter().position(|o| o.code == code) {
            // A licensed text not imported: "Option 2", in the reader's language.
            Some(i) if shown.text_placeholder => self.ta("answer-option", "number", i as i64 + 1),
            Some(i) => options[i].label.clone(),
            None => self.ta("answer-code", "code", code),
        }
    }

    /// A risk question's short words ("thoughts of self-harm").
    fn risk_words(&self, inst: &Instrument, number: u32) -> Option<String> {
        let r = inst.risk_items.iter().find(|r| r.item == number)?;
        let own = r.short_label.clone().unwrap_or_else(|| in_sentence(&r.label));
        Some(match risk_words_id(&own) {
            Some(id) if self.lang() != "en" => self.t(id),
            _ => own,
        })
    }

    /// "Question 9 (thoughts of self-harm)" for a risk item; "Question N" for another.
    pub fn question(&self, inst: &Instrument, number: u32) -> String {
        match self.risk_words(inst, number) {
            Some(words) => self.tn(msg("question-risk"), &[("number", &i64::from(number)), ("words", &words)]),
            None => self.ta("question-plain", "number", i64::from(number)),
        }
    }

    /// Each risk question with its answer: "Question 9 (thoughts of
    /// self-harm): Several days" ("…: not answered" when left blank).
    pub fn risk_answers(&self, inst: &Instrument, answers: &[Option<i64>]) -> Vec<String> {
        inst.risk_items
            .iter()
            .map(|r| {
                let code = answers.get(r.item as usize - 1).copied().flatten();
                self.tn(
                    msg("question-answer"),
                    &[("question", &self.question(inst, r.item)), ("answer", &self.answer_label(inst, r.item, code))],
                )
            })
            .collect()
    }

    /// The same with the instrument named: "PHQ-9 question 9 (thoughts of
    /// self-harm): Several days" (the risk flag page).
    pub fn named_risk_answer(&self, inst: &Instrument, number: u32, code: Option<i64>) -> String {
        self.tn(
            msg("question-answer"),
            &[("question", &self.named_question(inst, number)), ("answer", &self.answer_label(inst, number, code))],
        )
    }

    /// "PHQ-9 question 9 (thoughts of self-harm)".
    fn named_question(&self, inst: &Instrument, number: u32) -> String {
        let name = inst.short_name.as_str();
        match self.risk_words(inst, number) {
            Some(words) => self.tn(
                msg("question-named-risk"),
                &[("instrument", &name), ("number", &i64::from(number)), ("words", &words)],
            ),
            None => self.tn(msg("question-named"), &[("instrument", &name), ("number", &i64::from(number))]),
        }
    }

    /// A risk flag's positive items (item number, item score) in words,
    /// joined with "; ". A flag stores item scores: the words need the answer.
    pub fn flag_items(&self, inst: &Instrument, hits: &[(u32, i64)]) -> String {
        hits.iter()
            .map(|(n, score)| match rapport_core::measures::wording::code_for_score(inst, *n, *score) {
                Some(code) => self.named_risk_answer(inst, *n, Some(code)),
                None => {
                    self.tn(msg("question-scored"), &[("question", &self.named_question(inst, *n)), ("score", score)])
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// A reliable (or meaningful) change category alone: "improved", "no change", "deteriorated".
    pub fn change_category(&self, c: &ReliableChange) -> String {
        self.t(match c {
            ReliableChange::Improved => msg("score-category-improved"),
            ReliableChange::Deteriorated => msg("score-category-deteriorated"),
            ReliableChange::None => msg("score-category-none"),
        })
    }

    /// Why a course is not on track, each reason in words, joined with ", ".
    pub fn not_on_track_reasons(&self, reasons: &[NotOnTrackReason]) -> String {
        reasons
            .iter()
            .map(|r| {
                self.t(match r {
                    NotOnTrackReason::ReliableDeterioration => msg("score-off-track-deterioration"),
                    NotOnTrackReason::NoImprovementByReview => msg("score-off-track-no-improvement"),
                    NotOnTrackReason::TooLittleReductionByReview => msg("score-off-track-too-little-reduction"),
                })
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Whether NHS Talking Therapies categories are final or provisional.
    pub fn nhs_status(&self, s: &NhsStatus) -> String {
        self.t(match s {
            NhsStatus::Final => msg("score-nhs-final"),
            NhsStatus::Provisional => msg("score-nhs-provisional"),
        })
    }

    /// A threshold flag a response reached ("caseness" → "at caseness"); a
    /// site's own threshold reads as its id in words.
    pub fn threshold_name(&self, id: &str) -> String {
        match THRESHOLDS.iter().find(|(t, _)| *t == id) {
            Some((_, message)) => self.t(message),
            None => id.replace('_', " "),
        }
    }

    /// How a response was taken (`in_session` → "in session").
    pub fn mode_label(&self, mode: &str) -> String {
        self.t(match mode {
            "in_session" => msg("mode-in-session"),
            "on_behalf" => msg("mode-on-behalf"),
            "portal" => msg("mode-portal"),
            "link" => msg("mode-link"),
            _ => msg("mode-other"),
        })
    }

    /// A risk flag's status.
    pub fn flag_status_label(&self, s: FlagStatus) -> String {
        self.t(match s {
            FlagStatus::Open => msg("risk-status-open"),
            FlagStatus::Acknowledged => msg("risk-status-acknowledged"),
            FlagStatus::Closed => msg("risk-status-closed"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rapport_core::measures::change::{instrument_outcome, NotOnTrackRule};
    use rapport_core::measures::Library;

    fn lib() -> Library {
        Library::builtin()
    }

    fn en() -> Tr {
        Tr::new("en")
    }

    #[test]
    fn bands_read_as_their_labels_never_ids() {
        let l = lib();
        let phq9 = l.get("phq9").unwrap();
        assert_eq!(en().band_label(phq9, None, "moderately_severe"), "Moderately severe");
        assert_eq!(en().band_label(phq9, Some("kroenke_2001"), "minimal"), "None or minimal");
        // A band set the definition lacks falls back to the default set.
        assert_eq!(en().band_label(phq9, Some("gone"), "severe"), "Severe");
        // An id no longer defined still reads as words.
        assert_eq!(en().band_label(phq9, None, "very_odd_band"), "very odd band");
        let hamd = l.get("hamd17").unwrap();
        assert_eq!(en().band_label(hamd, Some("zimmerman_2013"), "mild"), "Mild");
        assert_eq!(in_sentence("Moderately severe"), "moderately severe");
        assert_eq!(in_sentence("EPDS item 10"), "EPDS item 10");
    }

    #[test]
    fn every_shipped_band_and_risk_question_has_its_words_in_every_shipped_language() {
        let l = lib();
        for (lang, _) in crate::SHIPPED.iter().filter(|(c, _)| *c != "en") {
            let tr = Tr::new(lang);
            for inst in l.all() {
                for set in &inst.band_sets {
                    for b in &set.bands {
                        let own = format!("band-{}-{}", hyphens(&inst.id), hyphens(&b.id));
                        let id = if tr.has(&own) { own } else { format!("band-{}", hyphens(&b.id)) };
                        assert!(tr.has(&id), "{lang}: {} band {} has no message", inst.id, b.id);
                        assert_eq!(
                            tr.band_label(inst, Some(&set.id), &b.id),
                            tr.t(&id),
                            "{lang}: {} band {}",
                            inst.id,
                            b.id
                        );
                    }
                }
                for r in &inst.risk_items {
                    let q = tr.question(inst, r.item);
                    let own = r.short_label.clone().unwrap_or_default();
                    let id = risk_words_id(&own).unwrap_or_else(|| panic!("{}: no message for {own:?}", inst.id));
                    assert!(q.contains(&tr.t(id)), "{lang}: {} risk item {} reads {q:?}", inst.id, r.item);
                }
            }
        }
        let phq9 = l.get("phq9").unwrap();
        assert_eq!(Tr::new("es").band_label(phq9, None, "moderately_severe"), "Moderadamente grave");
        assert_eq!(Tr::new("fr").band_label(phq9, None, "severe"), "Sévère");
    }

    #[test]
    fn risk_answers_in_words_blank_included() {
        let l = lib();
        let phq9 = l.get("phq9").unwrap();
        let mut a = vec![Some(0); 9];
        a[8] = Some(1);
        assert_eq!(en().risk_answers(phq9, &a), vec!["Question 9 (thoughts of self-harm): Several days".to_string()]);
        a[8] = None;
        assert_eq!(en().risk_answers(phq9, &a), vec!["Question 9 (thoughts of self-harm): not answered".to_string()]);
        assert_eq!(
            en().named_risk_answer(phq9, 9, Some(2)),
            "PHQ-9 question 9 (thoughts of self-harm): More than half the days"
        );
        // Licensed text not shipped: the placeholder option label, never a raw code alone.
        let epds = l.get("epds").unwrap();
        assert_eq!(en().named_risk_answer(epds, 10, Some(1)), "EPDS question 10 (thoughts of self-harm): Option 2");
        // Instruments without a risk item say nothing; other items are "Question N".
        assert!(en().risk_answers(l.get("gad7").unwrap(), &[Some(0); 7]).is_empty());
        assert_eq!(en().question(phq9, 3), "Question 3");
        assert_eq!(en().answer_label(phq9, 3, Some(7)), "answer 7");
        // A flag stores item scores: EPDS item 10 is reverse-scored, so score 1 is the third option.
        assert_eq!(en().flag_items(epds, &[(10, 1)]), "EPDS question 10 (thoughts of self-harm): Option 3");
        assert_eq!(en().flag_items(phq9, &[(9, 1)]), "PHQ-9 question 9 (thoughts of self-harm): Several days");
        // Spanish reads the Spanish questionnaire's own answer (Pfizer's text).
        let es = Tr::new("es");
        let spanish = es.named_risk_answer(phq9, 9, Some(1));
        assert!(spanish.starts_with("PHQ-9, pregunta 9 (pensamientos de hacerse daño): "), "{spanish}");
        assert!(!spanish.contains("Several days"), "{spanish}");
        assert_eq!(es.answer_label(epds, 10, Some(1)), "Opción 2");
    }

    #[test]
    fn every_shipped_threshold_has_words() {
        let l = lib();
        for inst in l.all() {
            for t in &inst.thresholds {
                assert!(THRESHOLDS.iter().any(|(id, _)| *id == t.id), "{} threshold {} has no message", inst.id, t.id);
            }
        }
        assert_eq!(Tr::new("es").threshold_name("caseness"), "en umbral de caso");
        assert_eq!(en().threshold_name("site_own_flag"), "site own flag");
    }

    #[test]
    fn change_wording() {
        let l = lib();
        let phq9 = l.get("phq9").unwrap();
        let rule = NotOnTrackRule::default();
        let o = |t: &[i64]| instrument_outcome(phq9, t, &rule).unwrap();
        assert_eq!(en().change_words(&o(&[18])), "the baseline (first score of this course)");
        assert_eq!(en().change_words(&o(&[18, 4])), "-14 from baseline, reliable improvement");
        assert_eq!(en().change_words(&o(&[12, 15])), "+3 from baseline, no reliable change");
        assert_eq!(en().change_words(&o(&[9, 20])), "+11 from baseline, reliable deterioration");
        assert_eq!(en().change_words(&o(&[9, 12, 9])), "no change from baseline, no reliable change");
        // A second course counts from its own baseline: its first score is the baseline again.
        assert_eq!(en().change_words(&o(&[6])), "the baseline (first score of this course)");
        // WHO-5 reports meaningful change (10 points) instead.
        let who5 = l.get("who5").unwrap();
        let w = instrument_outcome(who5, &[40, 64], &rule).unwrap();
        assert!(en().change_words(&w).starts_with("+24 from baseline"), "{}", en().change_words(&w));
        assert_eq!(Tr::new("es").change_words(&o(&[18, 4])), "-14 respecto de la línea de base, mejoría fiable");
    }

    #[test]
    fn score_sentences() {
        let l = lib();
        let phq9 = l.get("phq9").unwrap();
        let rule = NotOnTrackRule::default();
        let o = instrument_outcome(phq9, &[18, 4], &rule).unwrap();
        assert_eq!(
            en().score_sentence(phq9, Some(4), None, Some("minimal"), &[], Some(&o)),
            "PHQ-9 = 4 (none or minimal), -14 from baseline, reliable improvement"
        );
        assert_eq!(
            en().score_sentence(phq9, Some(16), None, Some("moderately_severe"), &[], None),
            "PHQ-9 = 16 (moderately severe)"
        );
        // Item 9 left blank: no total, and the sentence says which question.
        assert_eq!(
            en().score_sentence(phq9, None, None, None, &[9], Some(&o)),
            "PHQ-9: no total (question 9 left blank)"
        );
        assert_eq!(en().score_words(phq9, None, None, None, &[3, 5]), "PHQ-9: no total (questions 3, 5 left blank)");
        assert_eq!(
            Tr::new("fr").score_words(phq9, None, None, None, &[3, 5]),
            "PHQ-9 : pas de total (questions 3, 5 sans réponse)"
        );
    }
}
