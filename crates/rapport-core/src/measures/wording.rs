//! The numbers behind the words of a score. The words themselves, in the
//! reader's language, are `rapport_i18n::scores`.

use super::definition::Instrument;

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
