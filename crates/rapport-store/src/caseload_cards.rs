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
//! Markers that depend on the site's settings (not on track, due, overdue)
//! are worked out by the application from the facts. What a page counts and
//! orders by over the whole caseload (the need rank, an open flag, overdue
//! measures) is written back beside the facts with the fingerprint of the
//! configuration it was worked out under (migration 0049, decision 55), and
//! cleared by any refresh that changes the facts; so the database counts a
//! caseload and reads a page by key, and only the page's cards are parsed.

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
        sqlx::query("UPDATE audit_head SET last_seq = last_seq WHERE id = 1").execute(&mut *tx).await?;
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
    /// Complete scores, oldest first.
    pub scores: Vec<crate::measures::CaseloadScore>,
    /// The open course's own measure schedule (JSON), if it has one.
    pub schedule: Option<String>,
    /// The client's newest diary moods, newest first (`check_in::CARD_MOODS` at most).
    pub moods: Vec<rapport_core::check_in::Mood>,
    pub status: rapport_core::client::ClientStatus,
    /// What the caseload row shows, read only for the rows of the page shown
    /// ([`CaseloadCard::shown`]).
    shown: String,
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
    let scores = scores
        .split(SCORE)
        .filter(|s| !s.is_empty())
        .map(|s| {
            let [instrument, course, completed, total] = s.split(PART).collect::<Vec<_>>()[..] else {
                return Err(corrupt("score", s));
            };
            Ok(crate::measures::CaseloadScore {
                client_id: client_id.to_string(),
                course_id: Some(course.to_string()).filter(|c| !c.is_empty()),
                instrument_id: instrument.to_string(),
                completed_at: Timestamp::parse(completed).ok_or_else(|| corrupt("completed_at", completed))?,
                total: total.parse().map_err(|_| corrupt("total", total))?,
            })
        })
        .collect::<Result<_>>()?;
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
        scores,
        schedule: Some(schedule.to_string()).filter(|s| !s.is_empty()),
        moods,
        status,
        shown: shown.to_string(),
    })
}

/// A card `k` is on `$1`'s caseload: the client is on their care team or
/// on that of a clinician they supervise. Over a whole caseload SQLite
/// drives this from the care-team rows and probes each card by id through
/// `caseload_cards_needs`, which covers every column a count or an order
/// reads (so no card's row, with its long facts, is touched); PostgreSQL
/// plans a semi-join.
const IN_SCOPE: &str = "k.client_id IN (SELECT t.client_id FROM care_team t WHERE t.user_id IN \
     (SELECT $1 UNION ALL SELECT s.clinician_id FROM supervision_reach s WHERE s.supervisor_id = $1))";

/// Which cards a caseload read covers: `user`'s caseload, clients with
/// `status`, matching `search` when given.
#[derive(Clone, Copy, Debug)]
pub struct CardScope<'a> {
    pub user: &'a Id,
    pub status: rapport_core::client::ClientStatus,
    pub search: Option<&'a str>,
}

/// What the application worked out from a card's facts for the database to
/// count and order by (migration 0049, decision 55).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CardNeeds {
    /// `rapport_core::caseload::need_rank`.
    pub need_rank: i64,
    pub open_flag: bool,
    /// Scheduled measures overdue.
    pub overdue: i64,
}

/// A card whose needs are not worked out for the current configuration,
/// with the facts text they are to be worked out from (the write-back only
/// applies while the card still holds it).
#[derive(Clone, Debug)]
pub struct StaleCard {
    pub card: CaseloadCard,
    facts: String,
}

/// One client of a caseload as its order lists it: what the page counts
/// over the whole caseload, without the card's facts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseloadEntry {
    pub client_id: Id,
    pub clinician_id: Id,
    pub open_flag: bool,
    pub overdue: i64,
    /// The kept needs were worked out under the fingerprint asked about.
    pub current: bool,
}

/// A statement's text and its bound values, built clause by clause
/// (placeholders numbered as they are added; `$1` is the caseload's user).
struct Sql {
    text: String,
    binds: Vec<String>,
}

impl Sql {
    fn new(head: &str, user: &Id) -> Sql {
        Sql { text: head.to_string(), binds: vec![user.to_string()] }
    }

    /// The next placeholder, bound to `value`.
    fn bind(&mut self, value: impl Into<String>) -> String {
        self.binds.push(value.into());
        format!("${}", self.binds.len())
    }

    /// Adds the scope's conditions to a `head` that reads the cards `k`.
    fn scope(&mut self, scope: &CardScope) {
        let status = self.bind(scope.status.as_str());
        self.text.push_str(&format!(" WHERE {IN_SCOPE} AND k.status = {status}"));
        if let Some(pattern) = scope.search.filter(|s| !s.trim().is_empty()).map(crate::clients::like_pattern) {
            let p = self.bind(pattern);
            self.text.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM clients sc WHERE sc.id = k.client_id AND sc.search_text LIKE {p} ESCAPE '\\')"
            ));
        }
    }

    fn query(&self) -> sqlx::query::Query<'_, sqlx::Any, sqlx::any::AnyArguments<'_>> {
        let mut q = sqlx::query(&self.text);
        for b in &self.binds {
            q = q.bind(b.as_str());
        }
        q
    }
}

impl Store {
    /// Every client of a caseload read in the order shown (`by_need`: need
    /// rank, then name; else name), with what the page counts, in one read
    /// of the narrow columns (`caseload_cards_needs` covers them) returned as
    /// one text. `current` says whether each card's kept needs were worked
    /// out under `needs_for`.
    #[crate::boxing::boxed_future]
    pub async fn caseload_order(
        &self,
        scope: &CardScope<'_>,
        by_need: bool,
        needs_for: &str,
    ) -> Result<Vec<CaseloadEntry>> {
        let f = FIELD;
        let mut sql = Sql::new("", scope.user);
        let fp = sql.bind(needs_for);
        let rank = if by_need { "k.need_rank, " } else { "" };
        sql.text = format!(
            "SELECT string_agg(k.client_id || '{f}' || k.clinician_id || '{f}' || CAST(k.open_flag AS TEXT) || '{f}' \
             || CAST(k.overdue AS TEXT) || '{f}' || CASE WHEN k.needs_for = {fp} THEN '1' ELSE '0' END, '{c}' \
             ORDER BY {rank}k.sort_name, k.client_id) AS entries FROM caseload_cards k",
            c = crate::card_refresh::CARD
        );
        sql.scope(scope);
        let text: Option<String> = sql.query().fetch_one(&self.read).await?.col("entries")?;
        text.as_deref()
            .unwrap_or_default()
            .split(crate::card_refresh::CARD)
            .filter(|e| !e.is_empty())
            .map(|e| {
                let [client, clinician, flag, overdue, current] = e.split(FIELD).collect::<Vec<_>>()[..] else {
                    return Err(corrupt("entry", e));
                };
                Ok(CaseloadEntry {
                    client_id: Id::from_db(client.to_string()),
                    clinician_id: Id::from_db(clinician.to_string()),
                    open_flag: flag == "1",
                    overdue: overdue.parse().map_err(|_| corrupt("overdue", overdue))?,
                    current: current == "1",
                })
            })
            .collect()
    }

    /// The cards of `user`'s caseload (clients with `status`) whose needs are
    /// not worked out under `needs_for`: new or changed since, or worked out
    /// under another configuration.
    #[crate::boxing::boxed_future]
    pub async fn stale_caseload_cards(&self, scope: &CardScope<'_>, needs_for: &str) -> Result<Vec<StaleCard>> {
        let mut sql = Sql::new("SELECT k.client_id, k.facts FROM caseload_cards k", scope.user);
        sql.scope(&CardScope { search: None, ..*scope });
        let fp = sql.bind(needs_for);
        sql.text.push_str(&format!(" AND (k.needs_for IS NULL OR k.needs_for <> {fp})"));
        sql.query()
            .fetch_all(&self.read)
            .await?
            .iter()
            .map(|r| {
                let facts: String = r.col("facts")?;
                Ok(StaleCard { card: card(&r.col::<String>("client_id")?, scope.status, &facts)?, facts })
            })
            .collect()
    }

    /// Keeps the needs worked out for `cards` under `needs_for`, each only
    /// if its card still holds the facts they were worked out from (a write
    /// since has cleared them again). Returns the cards updated.
    #[crate::boxing::boxed_future]
    pub async fn save_caseload_needs(&self, needs_for: &str, cards: &[(StaleCard, CardNeeds)]) -> Result<u64> {
        if cards.is_empty() {
            return Ok(0);
        }
        let mut tx = self.begin_write().await?;
        let mut saved = 0;
        for (stale, needs) in cards {
            saved += sqlx::query(
                "UPDATE caseload_cards SET needs_for = $1, need_rank = $2, open_flag = $3, overdue = $4 \
                 WHERE client_id = $5 AND facts = $6",
            )
            .bind(needs_for)
            .bind(needs.need_rank)
            .bind(i64::from(needs.open_flag))
            .bind(needs.overdue)
            .bind(stale.card.client_id.as_str())
            .bind(stale.facts.as_str())
            .execute(&mut *tx)
            .await?
            .rows_affected();
        }
        tx.commit().await?;
        Ok(saved)
    }

    /// The cards of the clients `ids` (any order; a client without a card is
    /// left out). The caller has checked that it may see them.
    #[crate::boxing::boxed_future]
    pub async fn caseload_cards_of(&self, ids: &[Id]) -> Result<Vec<CaseloadCard>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let marks: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
        let sql =
            format!("SELECT client_id, status, facts FROM caseload_cards WHERE client_id IN ({})", marks.join(", "));
        let mut q = sqlx::query(&sql);
        for id in ids {
            q = q.bind(id.as_str());
        }
        q.fetch_all(&self.read)
            .await?
            .iter()
            .map(|r| {
                let status: String = r.col("status")?;
                let status =
                    rapport_core::client::ClientStatus::parse(&status).ok_or_else(|| corrupt("status", &status))?;
                card(&r.col::<String>("client_id")?, status, &r.col::<String>("facts")?)
            })
            .collect()
    }

    /// Every card as `client|status|sort name|clinician|facts` lines in id order, for
    /// tests comparing the kept cards with a rebuild.
    #[crate::boxing::boxed_future]
    pub async fn caseload_cards_dump(&self) -> Result<Vec<String>> {
        let rows = sqlx::query(
            "SELECT client_id, status, sort_name, clinician_id, facts FROM caseload_cards ORDER BY client_id",
        )
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(format!(
                    "{}|{}|{}|{}|{}",
                    r.col::<String>("client_id")?,
                    r.col::<String>("status")?,
                    r.col::<String>("sort_name")?,
                    r.col::<String>("clinician_id")?,
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
