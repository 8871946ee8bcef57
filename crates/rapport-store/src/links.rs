//! Single-use measure links: a client answers one instrument without an
//! account. Only the token's SHA-256 is stored; a link expires and is consumed
//! in the same transaction as the response it records.

use crate::measures::{record_in, NewResponse, RecordedResponse};
use crate::row::Named;
use crate::{audit, ts, Result, Store};
use rapport_core::audit::AuditEvent;
use rapport_core::{Id, Timestamp};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeasureLink {
    pub id: Id,
    pub client_id: Id,
    pub instrument_id: String,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
    pub used_at: Option<Timestamp>,
    /// When its form was first opened.
    pub opened_at: Option<Timestamp>,
}

impl MeasureLink {
    /// Unused, expired, and its form was opened before it expired: an answer
    /// sent now is still taken (marked late), so a risk answer is never lost.
    pub fn takes_late_answers(&self, now: Timestamp) -> bool {
        self.used_at.is_none() && self.expires_at <= now && self.opened_at.is_some_and(|o| o < self.expires_at)
    }
}

/// A link as listed on the client's Measures page: who created it, never its token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeasureLinkRow {
    pub link: MeasureLink,
    /// The creator's display name (`None` if the account is gone).
    pub created_by_name: Option<String>,
}

/// What a token lookup found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkState {
    Unknown,
    Expired(MeasureLink),
    Used(MeasureLink),
    Live(MeasureLink),
}

/// The result of submitting through a link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkSubmit {
    Recorded(RecordedResponse),
    /// Expired, used or unknown: nothing was stored.
    Refused,
}

fn link_from_row(r: &sqlx::any::AnyRow) -> Result<MeasureLink> {
    Ok(MeasureLink {
        id: Id::from_db(r.col("id")?),
        client_id: Id::from_db(r.col("client_id")?),
        instrument_id: r.col("instrument_id")?,
        created_at: ts(&r.col::<String>("created_at")?),
        expires_at: ts(&r.col::<String>("expires_at")?),
        used_at: crate::opt_ts(r.col("used_at")?),
        opened_at: crate::opt_ts(r.col("opened_at")?),
    })
}

/// A measure link to insert (the token's hash; the caller keeps the token).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewLinkRow {
    pub token_hash: String,
    pub client_id: Id,
    pub instrument_id: String,
    pub created_by: Id,
    pub expires_at: Timestamp,
}

impl NewLinkRow {
    pub fn new(token_hash: &str, client: &Id, instrument: &str, by: &Id, expires_at: Timestamp) -> Self {
        NewLinkRow {
            token_hash: token_hash.to_string(),
            client_id: client.clone(),
            instrument_id: instrument.to_string(),
            created_by: by.clone(),
            expires_at,
        }
    }
}

/// Inserts a measure link inside an open write transaction: the one INSERT
/// every link goes through (a clinician's, a session reminder's).
pub(crate) async fn insert_link(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    l: &NewLinkRow,
    now: Timestamp,
) -> Result<Id> {
    let id = Id::new();
    sqlx::query(
        "INSERT INTO measure_links (id, token_hash, client_id, instrument_id, created_by, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id.as_str())
    .bind(&l.token_hash)
    .bind(l.client_id.as_str())
    .bind(&l.instrument_id)
    .bind(l.created_by.as_str())
    .bind(now.to_db())
    .bind(l.expires_at.to_db())
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

impl Store {
    /// A follow-up link created straight after `parent` was answered (a
    /// positive PHQ-2 offers the PHQ-9): same client, credited to the
    /// clinician who created `parent`. The caller keeps (and shows once) the token.
    #[crate::boxing::boxed_future]
    pub async fn create_follow_up_link(
        &self,
        parent: &Id,
        token_hash: &str,
        instrument: &str,
        expires_at: Timestamp,
        mut event: AuditEvent,
    ) -> Result<Id> {
        let id = Id::new();
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let row = sqlx::query(
            "INSERT INTO measure_links (id, token_hash, client_id, instrument_id, created_by, created_at, expires_at) \
             SELECT $1, $2, client_id, $3, created_by, $4, $5 FROM measure_links WHERE id = $6 RETURNING client_id",
        )
        .bind(id.as_str())
        .bind(token_hash)
        .bind(instrument)
        .bind(now.to_db())
        .bind(expires_at.to_db())
        .bind(parent.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            return Err(crate::StoreError::NotFound);
        };
        event.resource_id = Some(id.to_string());
        event.client_id = Some(row.col::<String>("client_id")?);
        audit::commit(tx, event, now).await?;
        Ok(id)
    }

    /// Creates a link for `token_hash`; the caller keeps (and shows once) the token.
    #[crate::boxing::boxed_future]
    pub async fn create_measure_link(
        &self,
        token_hash: &str,
        client: &Id,
        instrument: &str,
        by: &Id,
        expires_at: Timestamp,
        event: AuditEvent,
    ) -> Result<Id> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let id = insert_link(&mut tx, &NewLinkRow::new(token_hash, client, instrument, by, expires_at), now).await?;
        audit::commit(tx, event.on(&id).for_client(client), now).await?;
        Ok(id)
    }

    #[crate::boxing::boxed_future]
    pub async fn measure_link(&self, token_hash: &str) -> Result<LinkState> {
        let row = sqlx::query(
            "SELECT id, client_id, instrument_id, created_at, expires_at, used_at, opened_at FROM measure_links \
             WHERE token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(&self.read)
        .await?;
        let Some(row) = row else { return Ok(LinkState::Unknown) };
        let link = link_from_row(&row)?;
        Ok(if link.used_at.is_some() {
            LinkState::Used(link)
        } else if link.expires_at <= Timestamp::now() {
            LinkState::Expired(link)
        } else {
            LinkState::Live(link)
        })
    }

    /// A client's links with their creators' names, newest first.
    #[crate::boxing::boxed_future]
    pub async fn client_measure_links(&self, client: &Id) -> Result<Vec<MeasureLinkRow>> {
        let rows = sqlx::query(
            "SELECT l.id, l.client_id, l.instrument_id, l.created_at, l.expires_at, l.used_at, l.opened_at, \
             u.name AS created_by_name \
             FROM measure_links l LEFT JOIN users u ON u.id = l.created_by \
             WHERE l.client_id = $1 ORDER BY l.created_at DESC, l.id DESC",
        )
        .bind(client.as_str())
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|r| Ok(MeasureLinkRow { link: link_from_row(r)?, created_by_name: r.col("created_by_name")? }))
            .collect()
    }

    /// Consumes a live link and records its response in one transaction; a
    /// link that is used, expired or unknown (or not for this response's
    /// client and instrument) stores nothing.
    /// Notes when the link's form was first opened (for late answers).
    #[crate::boxing::boxed_future]
    pub async fn mark_measure_link_opened(&self, token_hash: &str, now: Timestamp) -> Result<()> {
        sqlx::query("UPDATE measure_links SET opened_at = $2 WHERE token_hash = $1 AND opened_at IS NULL")
            .bind(token_hash)
            .bind(now.to_db())
            .execute(&self.write)
            .await?;
        Ok(())
    }

    /// Claims the link and stores its response in one transaction. `late`: the
    /// link has expired but its form was opened before it did.
    #[crate::boxing::boxed_future]
    pub async fn submit_measure_link(
        &self,
        token_hash: &str,
        r: &NewResponse,
        late: bool,
        event: AuditEvent,
    ) -> Result<LinkSubmit> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let claimed = sqlx::query(
            "UPDATE measure_links SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL \
             AND (expires_at > $2 OR ($5 = 1 AND opened_at IS NOT NULL AND opened_at < expires_at)) \
             AND client_id = $3 AND instrument_id = $4",
        )
        .bind(token_hash)
        .bind(now.to_db())
        .bind(r.client_id.as_str())
        .bind(r.score.instrument.clone())
        .bind(late as i64)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if claimed != 1 {
            tx.rollback().await?;
            return Ok(LinkSubmit::Refused);
        }
        let rec = record_in(&mut tx, r, event, now).await?;
        sqlx::query("UPDATE measure_links SET response_id = $2 WHERE token_hash = $1")
            .bind(token_hash)
            .bind(rec.id.as_str())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(LinkSubmit::Recorded(rec))
    }
}
