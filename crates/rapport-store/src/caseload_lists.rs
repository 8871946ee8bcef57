//! Caseload lists (migration 0050, decision 58): each viewer's caseload kept
//! as rows of its own, so that a page of it, in name order or by need, is
//! one range of an index, and the card of each client on it is read only
//! when the client is on the page shown.
//!
//! A viewer's rows are the clients on their care team or on that of a
//! clinician they supervise (`supervision_reach`). They are kept where the
//! cards are (`card_refresh::refresh_range`, in the transaction of every
//! write that names the client) and, when supervision changes, for the
//! supervisors whose reach changed (`list_refresh`).
//!
//! What the page counts and orders by beyond the name (the need rank, an
//! open risk flag, overdue measures) depends on the site's not-on-track rule,
//! protocols and instruments, which the database does not know; the
//! application works it out from the card and writes it back
//! ([`Store::save_caseload_needs`]). A card's `version` goes up whenever its
//! facts change, and a list row whose card moved on is `stale` until its
//! needs are worked out again from the new facts; a page works out its
//! viewer's stale rows before it reads, so the counts and the order are
//! never behind a write.

use crate::caseload_cards::{card_of_row, CaseloadCard};
use crate::row::Named;
use crate::{Result, Store};
use rapport_core::client::ClientStatus;
use rapport_core::Id;
use sqlx::Any;

/// Which part of a viewer's list a read covers: clients with `status`, only
/// those `clinician` is responsible for when given, matching `search` when given.
#[derive(Clone, Copy, Debug)]
pub struct ListScope<'a> {
    pub viewer: &'a Id,
    pub status: ClientStatus,
    pub clinician: Option<&'a Id>,
    pub search: Option<&'a str>,
}

/// What the application worked out from a card for the database to count
/// and order by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CardNeeds {
    /// `rapport_core::caseload::need_rank`.
    pub need_rank: i64,
    pub open_flag: bool,
    /// Scheduled measures overdue.
    pub overdue: i64,
}

/// A card whose needs are to be worked out, with the version of its facts
/// (the write-back applies only while the card is still at it).
#[derive(Clone, Debug)]
pub struct StaleCard {
    pub card: CaseloadCard,
    version: i64,
}

/// One responsible clinician's share of a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClinicianCount {
    pub clinician_id: Id,
    pub clients: i64,
    pub open_flags: i64,
    pub overdue: i64,
    /// Clients whose needs are to be worked out again before these counts
    /// (and the order) hold ([`Store::stale_caseload_cards`]).
    pub stale: i64,
}

/// Where a client stands in a viewer's list: what a page after or before it
/// starts from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListPlace {
    client_id: Id,
    sort_name: String,
    need_rank: i64,
}

/// Which way a page goes from its key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    After,
    Before,
}

/// A value bound to a statement built clause by clause.
enum Bound {
    Text(String),
    Int(i64),
}

/// A statement's text and its bound values (placeholders numbered as they are added).
struct Sql {
    text: String,
    binds: Vec<Bound>,
}

impl Sql {
    fn new() -> Sql {
        Sql { text: String::new(), binds: Vec::new() }
    }

    fn text(&mut self, value: &str) -> String {
        self.binds.push(Bound::Text(value.to_string()));
        format!("${}", self.binds.len())
    }

    fn int(&mut self, value: i64) -> String {
        self.binds.push(Bound::Int(value));
        format!("${}", self.binds.len())
    }

    /// The conditions of `scope` on the list rows `l`.
    fn scope(&mut self, scope: &ListScope, with_clinician: bool) -> String {
        let (viewer, status) = (self.text(scope.viewer.as_str()), self.text(scope.status.as_str()));
        let mut w = format!("l.viewer_id = {viewer} AND l.status = {status}");
        if let Some(who) = scope.clinician.filter(|_| with_clinician) {
            w.push_str(&format!(" AND l.clinician_id = {}", self.text(who.as_str())));
        }
        if let Some(pattern) = scope.search.filter(|s| !s.trim().is_empty()).map(crate::clients::like_pattern) {
            w.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM clients sc WHERE sc.id = l.client_id AND sc.search_text LIKE {} ESCAPE '\\')",
                self.text(&pattern)
            ));
        }
        w
    }

    fn query(&self) -> sqlx::query::Query<'_, Any, sqlx::any::AnyArguments<'_>> {
        let mut q = sqlx::query(&self.text);
        for b in &self.binds {
            q = match b {
                Bound::Text(t) => q.bind(t.as_str()),
                Bound::Int(i) => q.bind(*i),
            };
        }
        q
    }
}

/// A card read with its version (`k.client_id, k.status, k.facts, k.version`).
fn stale_card_of_row(r: &sqlx::any::AnyRow) -> Result<StaleCard> {
    Ok(StaleCard { card: card_of_row(r)?, version: r.col("version")? })
}

impl Store {
    /// Makes sure the lists' needs were worked out under the configuration
    /// `needs_for`: if not, marks every row stale and records `needs_for`.
    /// Returns whether it did.
    #[crate::boxing::boxed_future]
    pub async fn caseload_needs_under(&self, needs_for: &str) -> Result<bool> {
        let kept: String = sqlx::query("SELECT needs_for FROM caseload_card_model WHERE id = 1")
            .fetch_one(&self.read)
            .await?
            .col("needs_for")?;
        if kept == needs_for {
            return Ok(false);
        }
        let mut tx = self.begin_write().await?;
        crate::list_refresh::take_writers_turn(&mut tx).await?;
        sqlx::query("UPDATE caseload_lists SET stale = 1").execute(&mut *tx).await?;
        sqlx::query("UPDATE caseload_card_model SET needs_for = $1 WHERE id = 1")
            .bind(needs_for)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The cards on `viewer`'s list (any status) whose needs are to be worked out.
    #[crate::boxing::boxed_future]
    pub async fn stale_caseload_cards(&self, viewer: &Id) -> Result<Vec<StaleCard>> {
        sqlx::query(
            "SELECT k.client_id, k.status, k.facts, k.version FROM caseload_lists l \
             JOIN caseload_cards k ON k.client_id = l.client_id WHERE l.viewer_id = $1 AND l.stale = 1",
        )
        .bind(viewer.as_str())
        .fetch_all(&self.read)
        .await?
        .iter()
        .map(stale_card_of_row)
        .collect()
    }

    /// Up to `limit` cards whose needs are to be worked out on anyone's list:
    /// the pass a server makes at start, so that no first page after an
    /// upgrade or a change of configuration works out a whole caseload.
    #[crate::boxing::boxed_future]
    pub async fn stale_caseload_cards_anywhere(&self, limit: i64) -> Result<Vec<StaleCard>> {
        sqlx::query(
            "SELECT k.client_id, k.status, k.facts, k.version FROM caseload_cards k \
             WHERE k.client_id IN (SELECT l.client_id FROM caseload_lists l WHERE l.stale = 1 LIMIT $1)",
        )
        .bind(limit)
        .fetch_all(&self.read)
        .await?
        .iter()
        .map(stale_card_of_row)
        .collect()
    }

    /// Keeps the needs worked out for `cards` on every list row of each
    /// client, where the row is still at the version they were worked out
    /// from (a write since has made it stale again). Returns the rows updated.
    #[crate::boxing::boxed_future]
    pub async fn save_caseload_needs(&self, cards: &[(StaleCard, CardNeeds)]) -> Result<u64> {
        if cards.is_empty() {
            return Ok(0);
        }
        let mut tx = self.begin_write().await?;
        crate::list_refresh::take_writers_turn(&mut tx).await?;
        let mut saved = 0;
        for (stale, needs) in cards {
            saved += sqlx::query(
                "UPDATE caseload_lists SET need_rank = $1, open_flag = $2, overdue = $3, stale = 0 \
                 WHERE client_id = $4 AND card_version = $5",
            )
            .bind(needs.need_rank)
            .bind(i64::from(needs.open_flag))
            .bind(needs.overdue)
            .bind(stale.card.client_id.as_str())
            .bind(stale.version)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        }
        tx.commit().await?;
        Ok(saved)
    }

    /// The clients, open risk flags and overdue measures of each responsible
    /// clinician in the part of a list `scope` covers (its `clinician` aside:
    /// the summary shows every clinician). Without a search these are kept
    /// (`caseload_list_counts`, migration 0051), so reading them costs the
    /// same for ten clients or ten thousand; a search counts its matches.
    #[crate::boxing::boxed_future]
    pub async fn caseload_counts(&self, scope: &ListScope<'_>) -> Result<Vec<ClinicianCount>> {
        let mut sql = Sql::new();
        if scope.search.is_some_and(|s| !s.trim().is_empty()) {
            let w = sql.scope(scope, false);
            sql.text = format!(
                "SELECT l.clinician_id, COUNT(*) AS clients, CAST(SUM(l.open_flag) AS BIGINT) AS open_flags, \
                 CAST(SUM(l.overdue) AS BIGINT) AS overdue, CAST(SUM(l.stale) AS BIGINT) AS stale \
                 FROM caseload_lists l WHERE {w} GROUP BY l.clinician_id"
            );
        } else {
            let (viewer, status) = (sql.text(scope.viewer.as_str()), sql.text(scope.status.as_str()));
            sql.text = format!(
                "SELECT clinician_id, clients, open_flags, overdue, stale FROM caseload_list_counts \
                 WHERE viewer_id = {viewer} AND status = {status} AND clients > 0"
            );
        }
        self.hot_rows(sql.query())
            .await?
            .iter()
            .map(|r| {
                Ok(ClinicianCount {
                    clinician_id: Id::from_db(r.col("clinician_id")?),
                    clients: r.col("clients")?,
                    open_flags: r.col("open_flags")?,
                    overdue: r.col("overdue")?,
                    stale: r.col("stale")?,
                })
            })
            .collect()
    }

    /// Where `client` stands in `scope`'s part of its viewer's list, or None
    /// when it is not in that part (not on the list, or filtered out).
    #[crate::boxing::boxed_future]
    pub async fn caseload_place(&self, scope: &ListScope<'_>, client: &Id) -> Result<Option<ListPlace>> {
        let mut sql = Sql::new();
        let w = sql.scope(scope, true);
        let id = sql.text(client.as_str());
        sql.text = format!(
            "SELECT l.client_id, l.sort_name, l.need_rank FROM caseload_lists l \
             WHERE {w} AND l.client_id = {id}"
        );
        let Some(r) = self.hot_row(sql.query()).await? else { return Ok(None) };
        Ok(Some(ListPlace {
            client_id: Id::from_db(r.col("client_id")?),
            sort_name: r.col("sort_name")?,
            need_rank: r.col("need_rank")?,
        }))
    }

    /// The cards of up to `limit` clients of `scope`'s part of the list in
    /// the order shown (`by_need`: need rank, then name; else name; ties by
    /// id), from the start, or after or before a place. A page before a
    /// place comes nearest first.
    #[crate::boxing::boxed_future]
    pub async fn caseload_page_cards(
        &self,
        scope: &ListScope<'_>,
        by_need: bool,
        from: Option<(&ListPlace, Direction)>,
        limit: i64,
    ) -> Result<Vec<CaseloadCard>> {
        let mut sql = Sql::new();
        let mut w = sql.scope(scope, true);
        let columns = if by_need { "l.need_rank, l.sort_name, l.client_id" } else { "l.sort_name, l.client_id" };
        let mut direction = "";
        if let Some((place, way)) = from {
            let rank = if by_need { format!("{}, ", sql.int(place.need_rank)) } else { String::new() };
            let (name, id) = (sql.text(&place.sort_name), sql.text(place.client_id.as_str()));
            let (op, dir) = match way {
                Direction::After => (">", ""),
                Direction::Before => ("<", " DESC"),
            };
            w.push_str(&format!(" AND ({columns}) {op} ({rank}{name}, {id})"));
            direction = dir;
        }
        let order: Vec<String> = columns.split(", ").map(|c| format!("{c}{direction}")).collect();
        let limit = sql.int(limit);
        sql.text = format!(
            "SELECT k.client_id, k.status, k.facts FROM caseload_lists l JOIN caseload_cards k ON k.client_id = l.client_id \
             WHERE {w} ORDER BY {} LIMIT {limit}",
            order.join(", ")
        );
        self.hot_rows(sql.query()).await?.iter().map(card_of_row).collect()
    }

    /// The kept counts (`caseload_list_counts`, rows with clients) and the
    /// same counted from the lists now, each as lines in one order: for
    /// tests, which check after every write that the two are equal.
    #[crate::boxing::boxed_future]
    pub async fn caseload_list_counts_kept_and_counted(&self) -> Result<(Vec<String>, Vec<String>)> {
        let lines = |rows: Vec<sqlx::any::AnyRow>| -> Result<Vec<String>> {
            rows.iter()
                .map(|r| {
                    Ok(format!(
                        "{}|{}|{}|{}|{}|{}|{}",
                        r.col::<String>("viewer_id")?,
                        r.col::<String>("status")?,
                        r.col::<String>("clinician_id")?,
                        r.col::<i64>("clients")?,
                        r.col::<i64>("open_flags")?,
                        r.col::<i64>("overdue")?,
                        r.col::<i64>("stale")?
                    ))
                })
                .collect()
        };
        let kept = sqlx::query(
            "SELECT viewer_id, status, clinician_id, clients, open_flags, overdue, stale FROM caseload_list_counts \
             WHERE clients > 0 ORDER BY viewer_id, status, clinician_id",
        )
        .fetch_all(&self.read)
        .await?;
        let counted = sqlx::query(
            "SELECT viewer_id, status, clinician_id, COUNT(*) AS clients, CAST(SUM(open_flag) AS BIGINT) AS open_flags, \
             CAST(SUM(overdue) AS BIGINT) AS overdue, CAST(SUM(stale) AS BIGINT) AS stale FROM caseload_lists \
             GROUP BY viewer_id, status, clinician_id ORDER BY viewer_id, status, clinician_id",
        )
        .fetch_all(&self.read)
        .await?;
        Ok((lines(kept)?, lines(counted)?))
    }

    /// Every list row as `viewer|client|status|sort name|clinician|version|unclosed flags`
    /// lines, for tests comparing the kept lists with a rebuild.
    #[crate::boxing::boxed_future]
    pub async fn caseload_lists_dump(&self) -> Result<Vec<String>> {
        let rows = sqlx::query(
            "SELECT viewer_id, client_id, status, sort_name, clinician_id, card_version, unclosed_flags \
             FROM caseload_lists ORDER BY viewer_id, client_id",
        )
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(format!(
                    "{}|{}|{}|{}|{}|{}|{}",
                    r.col::<String>("viewer_id")?,
                    r.col::<String>("client_id")?,
                    r.col::<String>("status")?,
                    r.col::<String>("sort_name")?,
                    r.col::<String>("clinician_id")?,
                    r.col::<i64>("card_version")?,
                    r.col::<i64>("unclosed_flags")?
                ))
            })
            .collect()
    }
}
