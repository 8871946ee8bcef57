//! The caseload page's read model (migration 0042, decision 46): one card
//! per client holding, in one text, every fact the page's markers come from.
//!
//! Why a card, and why refreshed in the write's own transaction: the page
//! shows markers for the whole caseload (the per-clinician summary and the
//! order by need cover every client, not only the page's 50), and working
//! them out from the records took five passes over the caseload per request,
//! each probing several tables per client. With cards, a request is one pass:
//! one probe per client, one text per client (sqlx's per-value cost is paid
//! once per request, not once per value). A card must never lag its records
//! (a risk flag missing from the caseload is a safety defect), so it is
//! refreshed where every write already goes: `card_refresh::refresh_touched` runs from the
//! audit append of each write, for the clients its entries name, after the
//! append has taken the audit head row's lock. That lock serialises writers,
//! so on PostgreSQL (read committed) the refresh sees every earlier write
//! committed, and the last writer to a client leaves a card with everything.
//! Markers that depend on the date (the diary check-in) or on the site's
//! settings (not on track, due, overdue) are worked out from the facts. Since
//! decision 58 a page reads only its own cards; what it counts and orders by
//! over the whole caseload is kept in the viewers' lists (`caseload_lists`).

use crate::card_refresh::{refresh_range, FIELD, PART, SCORE};
use crate::row::Named;
use crate::{Result, Store, StoreError};
use rapport_core::{Id, Timestamp};
use sqlx::AnyPool;

/// Clients refreshed per transaction when building every card.
const BUILD_BATCH: i64 = 500;

/// Builds every card when the model says they are not built (after its
/// migration), in batches of clients by id, and marks them built.
pub(crate) async fn build_if_needed(backend: crate::Backend, pool: &AnyPool) -> Result<()> {
    let built: i64 =
        sqlx::query("SELECT built FROM caseload_card_model WHERE id = 1").fetch_one(pool).await?.col("built")?;
    if built == 0 {
        build_all(backend, pool).await?;
    }
    Ok(())
}

/// Recomputes every card from the records, a batch of clients per transaction.
pub(crate) async fn build_all(backend: crate::Backend, pool: &AnyPool) -> Result<u64> {
    let started = std::time::Instant::now();
    let mut after = String::new();
    let mut cards = 0u64;
    loop {
        let mut tx = crate::begin_write(backend, pool).await?;
        // Take turns with writers, as their own refreshes do (see the module
        // comment): a card built here then has every write committed before
        // it, and a later write refreshes it again.
        crate::list_refresh::take_writers_turn(&mut tx).await?;
        // The first and last ids of the next batch ("" sorts before every id).
        let batch = sqlx::query(
            "SELECT MIN(id) AS first, MAX(id) AS last FROM (SELECT id FROM clients WHERE id > $1 ORDER BY id LIMIT $2) b",
        )
        .bind(after.as_str())
        .bind(BUILD_BATCH)
        .fetch_one(&mut *tx)
        .await?;
        let (Some(first), Some(last)) = (batch.col::<Option<String>>("first")?, batch.col::<Option<String>>("last")?)
        else {
            sqlx::query("UPDATE caseload_card_model SET built = 1 WHERE id = 1").execute(&mut *tx).await?;
            tx.commit().await?;
            break;
        };
        let n = refresh_range(&mut tx, &first, &last).await?;
        tx.commit().await?;
        cards += n;
        after = last;
    }
    if cards > 0 {
        tracing::info!(cards, seconds = started.elapsed().as_secs_f64(), "caseload cards built");
    }
    Ok(cards)
}

/// One client's card as read back: the facts of the caseload page's markers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseloadCard {
    pub client_id: Id,
    pub responsible_clinician_id: Id,
    pub open_course: Option<crate::clients::OpenCourseFacts>,
    /// Dates of the open course's attended sessions, in order.
    pub held: Vec<time::Date>,
    /// A risk flag not yet closed.
    pub open_risk_flag: bool,
    /// The latest response of some instrument left its risk question blank.
    pub risk_unanswered: bool,
    /// Complete scores, oldest first, as kept (read with [`CaseloadCard::scores`]).
    scores: String,
    /// The open course's own measure schedule (JSON), if it has one.
    pub schedule: Option<String>,
    /// The client's newest diary moods, newest first (`check_in::CARD_MOODS` at most).
    pub moods: Vec<rapport_core::check_in::Mood>,
    pub status: rapport_core::client::ClientStatus,
    /// What the caseload row shows, read only for the rows of the page shown
    /// ([`CaseloadCard::shown`]).
    shown: String,
}

/// One complete score on a card, borrowed from the card's text: a caseload
/// page reads many cards and each card's whole score history, so a score
/// costs no allocation of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CardScore<'a> {
    pub instrument_id: &'a str,
    /// The course it was recorded in, if one was named.
    pub course_id: Option<&'a str>,
    pub completed_at: Timestamp,
    pub total: i64,
}

/// A card's caseload row, without the responsible clinician's name (not
/// kept on the card: a renamed clinician would leave every card stale).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CardRow {
    pub display_name: String,
    pub date_of_birth: Option<String>,
    pub pronouns: Option<String>,
    pub updated_at: Timestamp,
}

impl CaseloadCard {
    /// The card's complete scores, oldest first.
    pub fn scores(&self) -> Result<Vec<CardScore<'_>>> {
        self.scores
            .split(SCORE)
            .filter(|s| !s.is_empty())
            .map(|s| {
                let mut part = s.split(PART);
                let (Some(instrument), Some(course), Some(completed), Some(total), None) =
                    (part.next(), part.next(), part.next(), part.next(), part.next())
                else {
                    return Err(corrupt("score", s));
                };
                Ok(CardScore {
                    instrument_id: instrument,
                    course_id: Some(course).filter(|c| !c.is_empty()),
                    completed_at: Timestamp::parse(completed).ok_or_else(|| corrupt("completed_at", completed))?,
                    total: total.parse().map_err(|_| corrupt("total", total))?,
                })
            })
            .collect()
    }

    /// The card's caseload row.
    pub fn shown(&self) -> Result<CardRow> {
        let [updated, birth, pronouns, name] = self.shown.splitn(4, FIELD).collect::<Vec<_>>()[..] else {
            return Err(corrupt("row", &self.shown));
        };
        Ok(CardRow {
            display_name: name.to_string(),
            date_of_birth: Some(birth.to_string()).filter(|s| !s.is_empty()),
            pronouns: Some(pronouns.to_string()).filter(|s| !s.is_empty()),
            updated_at: Timestamp::parse(updated).ok_or_else(|| corrupt("updated_at", updated))?,
        })
    }
}

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Invalid(format!("corrupt caseload card ({what}): {value:?}"))
}

fn date(s: &str) -> Result<time::Date> {
    rapport_core::time::parse_date(s).ok_or_else(|| corrupt("date", s))
}

/// A card from its client id and facts text (see `card_refresh::refresh_sql`).
fn card(client_id: &str, status: rapport_core::client::ClientStatus, facts: &str) -> Result<CaseloadCard> {
    // The last four fields are the row shown, split only for the page's rows.
    let f: Vec<&str> = facts.splitn(12, FIELD).collect();
    let [clinician, course, protocol, start, planned, held, flag, unanswered, scores, schedule, moods, shown] = f[..]
    else {
        return Err(corrupt("fields", facts));
    };
    let held: Vec<time::Date> = held.split(',').filter(|d| !d.is_empty()).map(date).collect::<Result<_>>()?;
    let open_course = if course.is_empty() {
        None
    } else {
        Some(crate::clients::OpenCourseFacts {
            id: Id::from_db(course.to_string()),
            protocol_id: protocol.to_string(),
            start_date: date(start)?,
            planned_sessions: planned.parse().map_err(|_| corrupt("planned sessions", planned))?,
            sessions_held: held.len() as u32,
        })
    };
    let moods = moods
        .split(',')
        .filter(|m| !m.is_empty())
        .map(|m| {
            let (day, mood) = m.split_once(':').ok_or_else(|| corrupt("mood", m))?;
            Ok(rapport_core::check_in::Mood { date: date(day)?, mood: mood.parse().map_err(|_| corrupt("mood", m))? })
        })
        .collect::<Result<_>>()?;
    Ok(CaseloadCard {
        client_id: Id::from_db(client_id.to_string()),
        responsible_clinician_id: Id::from_db(clinician.to_string()),
        open_course,
        held,
        open_risk_flag: flag == "1",
        risk_unanswered: unanswered == "1",
        scores: scores.to_string(),
        schedule: Some(schedule.to_string()).filter(|s| !s.is_empty()),
        moods,
        status,
        shown: shown.to_string(),
    })
}

/// A card from a row with its `client_id`, `status` and `facts`.
pub(crate) fn card_of_row(r: &sqlx::any::AnyRow) -> Result<CaseloadCard> {
    let status: String = r.col("status")?;
    let status = rapport_core::client::ClientStatus::parse(&status).ok_or_else(|| corrupt("status", &status))?;
    card(&r.col::<String>("client_id")?, status, &r.col::<String>("facts")?)
}

impl Store {
    /// The cards of the clients `ids` (any order; a client without a card is
    /// left out). The caller has checked that it may see them.
    #[crate::boxing::boxed_future]
    pub async fn caseload_cards_of(&self, ids: &[Id]) -> Result<Vec<CaseloadCard>> {
        // In chunks of a few fixed sizes: a text per caseload size would
        // fill every connection's prepared-statement cache with near copies.
        let mut cards = Vec::with_capacity(ids.len());
        let mut rest = ids;
        while !rest.is_empty() {
            let size = [64, 16, 4, 1].into_iter().find(|s| *s <= rest.len()).unwrap_or(1);
            let (chunk, tail) = rest.split_at(size);
            let marks: Vec<String> = (1..=size).map(|i| format!("${i}")).collect();
            let sql = format!(
                "SELECT client_id, status, facts FROM caseload_cards WHERE client_id IN ({})",
                marks.join(", ")
            );
            let mut q = sqlx::query(&sql);
            for id in chunk {
                q = q.bind(id.as_str());
            }
            for r in q.fetch_all(&self.read).await? {
                cards.push(card_of_row(&r)?);
            }
            rest = tail;
        }
        Ok(cards)
    }

    /// Every card as `client|status|sort name|facts` lines in id order, for
    /// tests comparing the kept cards with a rebuild.
    #[crate::boxing::boxed_future]
    pub async fn caseload_cards_dump(&self) -> Result<Vec<String>> {
        let rows = sqlx::query("SELECT client_id, status, sort_name, facts FROM caseload_cards ORDER BY client_id")
            .fetch_all(&self.read)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(format!(
                    "{}|{}|{}|{}",
                    r.col::<String>("client_id")?,
                    r.col::<String>("status")?,
                    r.col::<String>("sort_name")?,
                    r.col::<String>("facts")?.replace([FIELD, SCORE, PART], "/")
                ))
            })
            .collect()
    }

    /// Recomputes every card from the records (they are kept current by
    /// every write; this is for tests and repairs). Returns the cards written.
    #[crate::boxing::boxed_future]
    pub async fn rebuild_caseload_cards(&self) -> Result<u64> {
        build_all(self.backend, &self.write).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A card's facts text with `scores` as its scores field.
    fn facts(scores: &str) -> String {
        let f = FIELD.to_string();
        ["clin", "", "", "", "", "", "0", "0", scores, "", "", "2026-01-02T03:04:05Z", "", "", "Ana"].join(&f)
    }

    #[test]
    fn a_cards_scores_are_read_in_order_with_their_course() {
        let (s, p) = (SCORE.to_string(), PART.to_string());
        let scores = [
            ["phq9", "course-1", "2026-01-05T10:00:00Z", "14"].join(&p),
            ["gad7", "", "2026-01-12T10:00:00Z", "9"].join(&p),
        ]
        .join(&s);
        let card = card("client-1", rapport_core::client::ClientStatus::Active, &facts(&scores)).unwrap();
        let read = card.scores().unwrap();
        assert_eq!(read.len(), 2);
        assert_eq!((read[0].instrument_id, read[0].course_id, read[0].total), ("phq9", Some("course-1"), 14));
        assert_eq!((read[1].instrument_id, read[1].course_id, read[1].total), ("gad7", None, 9));
        assert_eq!(read[1].completed_at, Timestamp::parse("2026-01-12T10:00:00Z").unwrap());
        assert_eq!(card.scores, scores, "kept as read, parsed only when asked");
        assert_eq!(card.shown().unwrap().display_name, "Ana");
    }

    #[test]
    fn a_corrupt_score_is_an_error_not_a_guess() {
        let p = PART.to_string();
        for bad in [
            ["phq9", "", "2026-01-05T10:00:00Z"].join(&p),
            ["phq9", "", "2026-01-05T10:00:00Z", "14", "extra"].join(&p),
            ["phq9", "", "not a time", "14"].join(&p),
            ["phq9", "", "2026-01-05T10:00:00Z", "fourteen"].join(&p),
        ] {
            let card = card("client-1", rapport_core::client::ClientStatus::Active, &facts(&bad)).unwrap();
            let err = card.scores().unwrap_err().to_string();
            assert!(err.contains("corrupt caseload card"), "{bad:?}: {err}");
        }
        let empty = card("client-1", rapport_core::client::ClientStatus::Active, &facts("")).unwrap();
        assert!(empty.scores().unwrap().is_empty());
    }
}
