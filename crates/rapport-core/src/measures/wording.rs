//! Scores in words, for the pages where clinicians write: a band's name, a
//! risk question's answer ("Question 9 (thoughts of self-harm): Several
//! days"), the change from the course's baseline ("-14 from baseline,
//! reliable improvement") and the one-line sentence after a measure is saved
//! ("PHQ-9 = 4 (none or minimal), -14 from baseline, reliable improvement").
//!
//! Never a raw id: instruments by short name, bands by label, answers by
//! option label. The numbers come from the scoring engine and
//! [`super::change::instrument_outcome_at`]; nothing is computed again here.

use super::change::{InstrumentOutcome, ReliableChange};
use super::definition::Instrument;

/// A band's label as stored in the definition ("Moderately severe"); an id
/// the definition no longer has reads as words ("moderately severe").
pub fn band_label(inst: &Instrument, band_set: Option<&str>, band: &str) -> String {
    let set = inst.band_set(band_set).or_else(|| inst.band_set(None));
    set.and_then(|s| s.bands.iter().find(|b| b.id == band))
        .map(|b| b.label.clone())
        .unwrap_or_else(|| band.replace('_', " "))
}

/// The label inside a sentence: first letter lower-cased ("none or minimal").
pub fn in_sentence(label: &str) -> String {
    let mut c = label.chars();
    match c.next() {
        // Keep abbreviations as they are ("EPDS item 10", "PHQ-9").
        Some(f) if c.clone().next().is_some_and(|n| n.is_lowercase()) => f.to_lowercase().chain(c).collect(),
        _ => label.to_string(),
    }
}

/// The option label of scored item `number` for `code`, or "not answered".
pub fn answer_label(inst: &Instrument, number: u32, code: Option<i64>) -> String {
    let Some(code) = code else { return "not answered".into() };
    let Some(item) = inst.items.iter().find(|i| i.number == number) else { return format!("answer {code}") };
    inst.options_for(item)
        .iter()
        .find(|o| o.code == code)
        .map(|o| o.label.clone())
        .unwrap_or_else(|| format!("answer {code}"))
}

/// "Question 9 (thoughts of self-harm)" for a risk item of the instrument;
/// "Question N" for another item.
pub fn question(inst: &Instrument, number: u32) -> String {
    match inst.risk_items.iter().find(|r| r.item == number) {
        Some(r) => {
            let words = r.short_label.clone().unwrap_or_else(|| in_sentence(&r.label));
            format!("Question {number} ({words})")
        }
        None => format!("Question {number}"),
    }
}

/// Each risk question with its answer, in words: "Question 9 (thoughts of
/// self-harm): Several days" ("…: not answered" when left blank).
pub fn risk_answers(inst: &Instrument, answers: &[Option<i64>]) -> Vec<String> {
    inst.risk_items
        .iter()
        .map(|r| {
            let code = answers.get(r.item as usize - 1).copied().flatten();
            format!("{}: {}", question(inst, r.item), answer_label(inst, r.item, code))
        })
        .collect()
}

/// The same with the instrument named: "PHQ-9 question 9 (thoughts of
/// self-harm): Several days" (the risk flag page).
pub fn named_risk_answer(inst: &Instrument, number: u32, code: Option<i64>) -> String {
    format!(
        "{} {}: {}",
        inst.short_name,
        in_sentence(&question(inst, number)).replacen("Question", "question", 1),
        answer_label(inst, number, code)
    )
}

/// The change from the course's baseline in words, from the outcome of the
/// scores up to the one described: "-14 from baseline, reliable
/// improvement"; "the baseline (first score of this course)" for the first;
/// "no change from baseline".
pub fn change_words(outcome: &InstrumentOutcome) -> String {
    if outcome.count <= 1 {
        return "the baseline (first score of this course)".into();
    }
    let mut s = if outcome.change == 0 {
        "no change from baseline".to_string()
    } else {
        format!("{:+} from baseline", outcome.change)
    };
    if let Some(rc) = &outcome.reliable_change {
        s.push_str(match rc.category {
            ReliableChange::Improved => ", reliable improvement",
            ReliableChange::Deteriorated => ", reliable deterioration",
            ReliableChange::None => ", no reliable change",
        });
    } else if let Some(m) = outcome.meaningful_change {
        s.push_str(match m {
            ReliableChange::Improved => ", meaningful improvement",
            ReliableChange::Deteriorated => ", meaningful deterioration",
            ReliableChange::None => ", no meaningful change",
        });
    }
    s
}

/// "PHQ-9 = 4 (none or minimal)"; without a total: "PHQ-9: no total (questions 3, 5 left blank)".
pub fn score_words(
    inst: &Instrument,
    total: Option<i64>,
    band_set: Option<&str>,
    band: Option<&str>,
    blank: &[u32],
) -> String {
    match total {
        Some(t) => match band {
            Some(b) => format!("{} = {t} ({})", inst.short_name, in_sentence(&band_label(inst, band_set, b))),
            None => format!("{} = {t}", inst.short_name),
        },
        None => {
            let n: Vec<String> = blank.iter().map(u32::to_string).collect();
            match n.len() {
                0 => format!("{}: no total", inst.short_name),
                1 => format!("{}: no total (question {} left blank)", inst.short_name, n[0]),
                _ => format!("{}: no total (questions {} left blank)", inst.short_name, n.join(", ")),
            }
        }
    }
}

/// The sentence after saving: the score, then (with a total) the change
/// from the course's baseline: "PHQ-9 = 4 (none or minimal), -14 from
/// baseline, reliable improvement".
pub fn score_sentence(
    inst: &Instrument,
    total: Option<i64>,
    band_set: Option<&str>,
    band: Option<&str>,
    blank: &[u32],
    outcome: Option<&InstrumentOutcome>,
) -> String {
    let head = score_words(inst, total, band_set, band, blank);
    match (total, outcome) {
        (Some(_), Some(o)) => format!("{head}, {}", change_words(o)),
        _ => head,
    }
}

/// The option code of scored item `number` whose item score (after reverse
/// scoring) is `score`: a risk flag stores scores, the words need the answer.
pub fn code_for_score(inst: &Instrument, number: u32, score: i64) -> Option<i64> {
    let item = inst.items.iter().find(|i| i.number == number)?;
    let (lo, hi) = inst.score_bounds(item);
    inst.options_for(item)
        .iter()
        .find(|o| if item.reverse { lo + hi - o.score == score } else { o.score == score })
        .map(|o| o.code)
}

/// A risk flag's positive items in words: "PHQ-9 question 9 (thoughts of
/// self-harm): Several days"; joined with "; ".
pub fn flag_items(inst: &Instrument, hits: &[(u32, i64)]) -> String {
    hits.iter()
        .map(|(n, score)| match code_for_score(inst, *n, *score) {
            Some(code) => named_risk_answer(inst, *n, Some(code)),
            None => {
                format!("{} {} scored {score}", inst.short_name, question(inst, *n).replacen("Question", "question", 1))
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// How a response was taken, in words (`in_session` → "in session").
pub fn mode_label(mode: &str) -> &'static str {
    match mode {
        "in_session" => "in session",
        "on_behalf" => "entered on the client's behalf",
        "portal" => "by the client in the portal",
        "link" => "by the client through a questionnaire link",
        _ => "other",
    }
}

/// A risk flag's status in words.
pub fn flag_status_label(s: crate::risk::FlagStatus) -> &'static str {
    match s {
        crate::risk::FlagStatus::Open => "open",
        crate::risk::FlagStatus::Acknowledged => "acknowledged, assessment pending",
        crate::risk::FlagStatus::Closed => "closed",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measures::change::{instrument_outcome, NotOnTrackRule};
    use crate::measures::Library;

    fn lib() -> Library {
        Library::builtin()
    }

    #[test]
    fn bands_read_as_their_labels_never_ids() {
        let l = lib();
        let phq9 = l.get("phq9").unwrap();
        assert_eq!(band_label(phq9, None, "moderately_severe"), "Moderately severe");
        assert_eq!(band_label(phq9, Some("kroenke_2001"), "minimal"), "None or minimal");
        // A band set the definition lacks falls back to the default set.
        assert_eq!(band_label(phq9, Some("gone"), "severe"), "Severe");
        // An id no longer defined still reads as words.
        assert_eq!(band_label(phq9, None, "very_odd_band"), "very odd band");
        let hamd = l.get("hamd17").unwrap();
        assert_eq!(band_label(hamd, Some("zimmerman_2013"), "mild"), "Mild");
        assert_eq!(in_sentence("Moderately severe"), "moderately severe");
        assert_eq!(in_sentence("EPDS item 10"), "EPDS item 10");
    }

    #[test]
    fn risk_answers_in_words_blank_included() {
        let l = lib();
        let phq9 = l.get("phq9").unwrap();
        let mut a = vec![Some(0); 9];
        a[8] = Some(1);
        assert_eq!(risk_answers(phq9, &a), vec!["Question 9 (thoughts of self-harm): Several days".to_string()]);
        a[8] = None;
        assert_eq!(risk_answers(phq9, &a), vec!["Question 9 (thoughts of self-harm): not answered".to_string()]);
        assert_eq!(
            named_risk_answer(phq9, 9, Some(2)),
            "PHQ-9 question 9 (thoughts of self-harm): More than half the days"
        );
        // Licensed text not shipped: the placeholder option label, never a raw code alone.
        let epds = l.get("epds").unwrap();
        assert_eq!(named_risk_answer(epds, 10, Some(1)), "EPDS question 10 (thoughts of self-harm): Option 2");
        // Instruments without a risk item say nothing; other items are "Question N".
        assert!(risk_answers(l.get("gad7").unwrap(), &[Some(0); 7]).is_empty());
        assert_eq!(question(phq9, 3), "Question 3");
        assert_eq!(answer_label(phq9, 3, Some(7)), "answer 7");
        // A flag stores item scores: EPDS item 10 is reverse-scored, so score 1 is the third option.
        assert_eq!(flag_items(epds, &[(10, 1)]), "EPDS question 10 (thoughts of self-harm): Option 3");
        assert_eq!(flag_items(phq9, &[(9, 1)]), "PHQ-9 question 9 (thoughts of self-harm): Several days");
    }

    #[test]
    fn change_wording() {
        let l = lib();
        let phq9 = l.get("phq9").unwrap();
        let rule = NotOnTrackRule::default();
        let o = |t: &[i64]| instrument_outcome(phq9, t, &rule).unwrap();
        assert_eq!(change_words(&o(&[18])), "the baseline (first score of this course)");
        assert_eq!(change_words(&o(&[18, 4])), "-14 from baseline, reliable improvement");
        assert_eq!(change_words(&o(&[12, 15])), "+3 from baseline, no reliable change");
        assert_eq!(change_words(&o(&[9, 20])), "+11 from baseline, reliable deterioration");
        assert_eq!(change_words(&o(&[9, 12, 9])), "no change from baseline, no reliable change");
        // A second course counts from its own baseline: its first score is the baseline again.
        assert_eq!(change_words(&o(&[6])), "the baseline (first score of this course)");
        // WHO-5 reports meaningful change (10 points) instead.
        let who5 = l.get("who5").unwrap();
        let w = instrument_outcome(who5, &[40, 64], &rule).unwrap();
        assert!(change_words(&w).starts_with("+24 from baseline"), "{}", change_words(&w));
    }

    #[test]
    fn score_sentences() {
        let l = lib();
        let phq9 = l.get("phq9").unwrap();
        let rule = NotOnTrackRule::default();
        let o = instrument_outcome(phq9, &[18, 4], &rule).unwrap();
        assert_eq!(
            score_sentence(phq9, Some(4), None, Some("minimal"), &[], Some(&o)),
            "PHQ-9 = 4 (none or minimal), -14 from baseline, reliable improvement"
        );
        assert_eq!(
            score_sentence(phq9, Some(16), None, Some("moderately_severe"), &[], None),
            "PHQ-9 = 16 (moderately severe)"
        );
        // Item 9 left blank: no total, and the sentence says which question.
        assert_eq!(score_sentence(phq9, None, None, None, &[9], Some(&o)), "PHQ-9: no total (question 9 left blank)");
        assert_eq!(score_words(phq9, None, None, None, &[3, 5]), "PHQ-9: no total (questions 3, 5 left blank)");
    }
}
