//! Client records, care teams, the caseload read model and break-glass access.

use crate::row::Named;
use crate::{audit, opt_ts, ts, Result, Store, StoreError};
use rapport_core::access::ClientRelation;
use rapport_core::audit::AuditEvent;
use rapport_core::client::{ClientDetails, ClientStatus, ExternalId};
use rapport_core::{Id, Timestamp};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientRecord {
    pub id: Id,
    pub details: ClientDetails,
    pub status: ClientStatus,
    pub responsible_clinician_id: Id,
    pub responsible_clinician_name: String,
    pub version: i64,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub archived_at: Option<Timestamp>,
    /// The site (village, school, clinic) they belong to, if any.
    pub site_id: Option<Id>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseloadRow {
    pub id: Id,
    pub display_name: String,
    pub date_of_birth: Option<String>,
    pub pronouns: Option<String>,
    pub status: ClientStatus,
    pub responsible_clinician_id: Id,
    pub responsible_clinician_name: String,
    pub updated_at: Timestamp,
}

/// A caseload row's columns (clients `c`, responsible clinician `r`).
const CASELOAD_COLUMNS: &str = "c.id, c.display_name, c.date_of_birth, c.pronouns, c.status, c.updated_at, \
     c.responsible_clinician_id, r.name AS responsible_name";

/// A client's open course as the caseload needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenCourseFacts {
    pub id: Id,
    pub protocol_id: String,
    pub start_date: time::Date,
    pub planned_sessions: u32,
    pub sessions_held: u32,
}

#[derive(Clone, Debug, Default)]
pub struct CaseloadQuery {
    /// Matches display name, legal name and external identifiers.
    pub search: Option<String>,
    pub status: Option<ClientStatus>,
    pub limit: i64,
    pub offset: i64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CareTeamMember {
    pub user_id: Id,
    pub name: String,
    pub email: String,
    pub role: String,
    pub responsible: bool,
    pub added_at: Timestamp,
}

impl CareTeamMember {
    pub fn role_label(&self) -> &'static str {
        self.role.parse::<rapport_core::access::Role>().map(|r| r.label()).unwrap_or("Staff")
    }
}

#[derive(Clone, Debug)]
pub struct BreakGlassRow {
    pub id: Id,
    pub user_id: Id,
    pub user_name: String,
    pub client_id: Id,
    pub client_name: String,
    pub reason: String,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
    pub reviewed_by_name: Option<String>,
    pub reviewed_at: Option<Timestamp>,
    pub review_note: Option<String>,
}

#[derive(Clone, Debug)]
pub struct ClientSummary {
    pub id: Id,
    pub display_name: String,
    pub date_of_birth: Option<String>,
}

pub(crate) const CLIENT_COLUMNS: &str =
    "c.id, c.display_name, c.legal_name, c.date_of_birth, c.pronouns, c.email, c.phone, \
     c.address, c.preferred_language, c.emergency_contact_name, c.emergency_contact_relationship, \
     c.emergency_contact_phone, c.consent_notes, c.external_ids, c.status, c.responsible_clinician_id, \
     r.name AS responsible_name, c.version, c.created_at, c.updated_at, c.archived_at, c.site_id";

/// A client record and how one user stands towards it.
pub type ClientWithRelation = (ClientRecord, ClientRelation);

/// How the user `user` (an SQL expression) stands towards client `c`: the
/// columns `client_with_relation_from_row` reads. `now` is the placeholder
/// of the current time (break-glass grants expire).
pub(crate) fn relation_columns(user: &str, now: &str) -> String {
    format!(
        "(SELECT COUNT(*) FROM care_team t WHERE t.client_id = c.id AND t.user_id = {user}) AS on_team, \
         (SELECT COUNT(*) FROM care_team t JOIN supervision_reach s ON s.clinician_id = t.user_id \
            WHERE t.client_id = c.id AND s.supervisor_id = {user}) AS supervised, \
         (SELECT COUNT(*) FROM break_glass b WHERE b.client_id = c.id AND b.user_id = {user} AND b.expires_at > {now}) AS glass"
    )
}

pub(crate) fn client_with_relation_from_row(r: &sqlx::any::AnyRow) -> Result<ClientWithRelation> {
    let rel = ClientRelation {
        on_care_team: r.col::<i64>("on_team")? > 0,
        supervises_care_team_member: r.col::<i64>("supervised")? > 0,
        break_glass_active: r.col::<i64>("glass")? > 0,
    };
    Ok((client_from_row(r)?, rel))
}

pub(crate) fn client_from_row(row: &sqlx::any::AnyRow) -> Result<ClientRecord> {
    let ids: String = row.col("external_ids")?;
    let status: String = row.col("status")?;
    Ok(ClientRecord {
        id: Id::from_db(row.col("id")?),
        details: ClientDetails {
            display_name: row.col("display_name")?,
            legal_name: row.col("legal_name")?,
            date_of_birth: row.col("date_of_birth")?,
            pronouns: row.col("pronouns")?,
            email: row.col("email")?,
            phone: row.col("phone")?,
            address: row.col("address")?,
            preferred_language: row.col("preferred_language")?,
            emergency_contact_name: row.col("emergency_contact_name")?,
            emergency_contact_relationship: row.col("emergency_contact_relationship")?,
            emergency_contact_phone: row.col("emergency_contact_phone")?,
            consent_notes: row.col("consent_notes")?,
            external_ids: serde_json::from_str::<Vec<ExternalId>>(&ids)
                .map_err(|e| StoreError::Invalid(format!("corrupt external_ids: {e}")))?,
        },
        status: ClientStatus::parse(&status).ok_or_else(|| StoreError::Invalid(format!("bad status {status}")))?,
        responsible_clinician_id: Id::from_db(row.col("responsible_clinician_id")?),
        responsible_clinician_name: row.col("responsible_name")?,
        version: row.col("version")?,
        created_at: ts(&row.col::<String>("created_at")?),
        updated_at: ts(&row.col::<String>("updated_at")?),
        archived_at: opt_ts(row.col("archived_at")?),
        site_id: row.col::<Option<String>>("site_id")?.map(Id::from_db),
    })
}

fn sort_name(d: &ClientDetails) -> String {
    d.display_name.to_lowercase()
}

fn search_text(d: &ClientDetails) -> String {
    let mut parts = vec![d.display_name.clone()];
    parts.extend(d.legal_name.clone());
    parts.extend(d.external_ids.iter().map(|i| i.value.clone()));
    parts.join(" ").to_lowercase()
}

pub(crate) type AnyQuery<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>;

/// Binds the editable fields in the column order shared by INSERT and UPDATE:
/// display_name, sort_name, search_text, legal_name … consent_notes, external_ids.
pub(crate) fn bind_details<'q>(q: AnyQuery<'q>, d: &ClientDetails) -> AnyQuery<'q> {
    q.bind(d.display_name.clone())
        .bind(sort_name(d))
        .bind(search_text(d))
        .bind(d.legal_name.clone())
        .bind(d.date_of_birth.clone())
        .bind(d.pronouns.clone())
        .bind(d.email.clone())
        .bind(d.phone.clone())
        .bind(d.address.clone())
        .bind(d.preferred_language.clone())
        .bind(d.emergency_contact_name.clone())
        .bind(d.emergency_contact_relationship.clone())
        .bind(d.emergency_contact_phone.clone())
        .bind(d.consent_notes.clone())
        .bind(serde_json::to_string(&d.external_ids).expect("serialisable"))
}

/// `%term%` with LIKE's wildcards escaped, so a search for "50%" means 50%.
pub(crate) fn like_pattern(term: &str) -> String {
    let escaped = term.trim().to_lowercase().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    format!("%{escaped}%")
}

impl Store {
    /// Creates a client with `responsible` as responsible clinician and first care-team member.
    #[crate::boxing::boxed_future]
    pub async fn create_client(
        &self,
        details: &ClientDetails,
        responsible: &Id,
        event: AuditEvent,
    ) -> Result<ClientRecord> {
        self.create_client_at(details, responsible, None, event).await
    }

    /// `create_client`, belonging to `site`.
    #[crate::boxing::boxed_future]
    pub async fn create_client_at(
        &self,
        details: &ClientDetails,
        responsible: &Id,
        site: Option<&Id>,
        mut event: AuditEvent,
    ) -> Result<ClientRecord> {
        let id = Id::new();
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let insert = sqlx::query(
            "INSERT INTO clients (id, display_name, sort_name, search_text, legal_name, date_of_birth, pronouns, email, \
             phone, address, preferred_language, emergency_contact_name, emergency_contact_relationship, \
             emergency_contact_phone, consent_notes, external_ids, status, responsible_clinician_id, version, \
             created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 'active', $17, 1, $18, $18)",
        )
        .bind(id.as_str());
        bind_details(insert, details).bind(responsible.as_str()).bind(now.to_db()).execute(&mut *tx).await?;
        if let Some(site) = site {
            sqlx::query("UPDATE clients SET site_id = $1 WHERE id = $2")
                .bind(site.as_str())
                .bind(id.as_str())
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query("INSERT INTO care_team (client_id, user_id, responsible, added_at) VALUES ($1, $2, 1, $3)")
            .bind(id.as_str())
            .bind(responsible.as_str())
            .bind(now.to_db())
            .execute(&mut *tx)
            .await?;
        event.resource_id = Some(id.to_string());
        event.client_id = Some(id.to_string());
        audit::append(&mut tx, event, now).await?;
        let record = fetch_client(&mut tx, &id).await?.ok_or(StoreError::NotFound)?;
        tx.commit().await?;
        Ok(record)
    }

    /// The client and how `user` stands towards it, in one query.
    #[crate::boxing::boxed_future]
    pub async fn client_with_relation(
        &self,
        user: &Id,
        client: &Id,
        now: Timestamp,
    ) -> Result<Option<ClientWithRelation>> {
        let sql = format!(
            "SELECT {CLIENT_COLUMNS}, {} FROM clients c JOIN users r ON r.id = c.responsible_clinician_id WHERE c.id = $1",
            relation_columns("$2", "$3")
        );
        let row = sqlx::query(&sql)
            .bind(client.as_str())
            .bind(user.as_str())
            .bind(now.to_db())
            .fetch_optional(&self.read)
            .await?;
        row.map(|r| client_with_relation_from_row(&r)).transpose()
    }

    /// Saves new details. With `expected_version`, refuses to overwrite a newer edit.
    #[crate::boxing::boxed_future]
    pub async fn update_client(
        &self,
        id: &Id,
        details: &ClientDetails,
        expected_version: Option<i64>,
        event: AuditEvent,
    ) -> Result<ClientRecord> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let update = sqlx::query(
            "UPDATE clients SET display_name = $1, sort_name = $2, search_text = $3, legal_name = $4, date_of_birth = $5, \
             pronouns = $6, email = $7, phone = $8, address = $9, preferred_language = $10, emergency_contact_name = $11, \
             emergency_contact_relationship = $12, emergency_contact_phone = $13, consent_notes = $14, external_ids = $15, \
             version = version + 1, updated_at = $16 WHERE id = $17 AND ($18 < 0 OR version = $18)",
);
        let n = bind_details(update, details)
            .bind(now.to_db())
            .bind(id.as_str())
            .bind(expected_version.unwrap_or(-1))
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if n == 0 {
            return Err(if fetch_client(&mut tx, id).await?.is_some() {
                StoreError::Conflict
            } else {
                StoreError::NotFound
            });
        }
        audit::append(&mut tx, event, now).await?;
        let record = fetch_client(&mut tx, id).await?.ok_or(StoreError::NotFound)?;
        tx.commit().await?;
        Ok(record)
    }

    /// The site a client belongs to (not a change of their details: the
    /// record's version stays, so an edit in progress is not refused).
    #[crate::boxing::boxed_future]
    pub async fn set_client_site(&self, id: &Id, site: Option<&Id>, event: AuditEvent) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let n = sqlx::query("UPDATE clients SET site_id = $1 WHERE id = $2")
            .bind(site.map(|s| s.as_str().to_string()))
            .bind(id.as_str())
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        audit::commit(tx, event, Timestamp::now()).await
    }

    #[crate::boxing::boxed_future]
    pub async fn set_client_status(&self, id: &Id, status: ClientStatus, mut event: AuditEvent) -> Result<()> {
        // The client's caseload card and lists follow from the entry naming it.
        event.client_id.get_or_insert_with(|| id.to_string());
        let now = Timestamp::now();
        let archived_at = (status == ClientStatus::Archived).then(|| now.to_db());
        let mut tx = self.begin_write().await?;
        let n = sqlx::query(
            "UPDATE clients SET status = $1, archived_at = $2, version = version + 1, updated_at = $3 WHERE id = $4",
        )
        .bind(status.as_str())
        .bind(archived_at)
        .bind(now.to_db())
        .bind(id.as_str())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        audit::commit(tx, event, now).await?;
        Ok(())
    }

    /// The clients `user` may see as their caseload: on the care team, or on the
    /// team of a clinician they supervise. Returns one page and the total.
    ///
    /// From the user's caseload list (decision 58): the total is a count of
    /// its narrow index entries, and the page one range of its name index
    /// (byte order on both databases) from which only the page's rows are
    /// read, so a large caseload is never read whole.
    #[crate::boxing::boxed_future]
    pub async fn caseload(&self, user: &Id, q: &CaseloadQuery) -> Result<(Vec<CaseloadRow>, i64)> {
        let pattern = q.search.as_deref().filter(|s| !s.trim().is_empty()).map(like_pattern);
        let status = q.status.unwrap_or(ClientStatus::Active).as_str();
        let (search, next) = match pattern {
            Some(_) => (
                " AND EXISTS (SELECT 1 FROM clients sc WHERE sc.id = l.client_id AND sc.search_text LIKE $3 ESCAPE '\\')",
                4,
            ),
            None => ("", 3),
        };
        // Without a search the total is kept (`caseload_list_counts`); a search counts its matches.
        let count = match pattern {
            Some(_) => {
                format!("SELECT COUNT(*) AS n FROM caseload_lists l WHERE l.viewer_id = $1 AND l.status = $2{search}")
            }
            None => "SELECT CAST(COALESCE(SUM(clients), 0) AS BIGINT) AS n FROM caseload_list_counts \
                     WHERE viewer_id = $1 AND status = $2"
                .to_string(),
        };
        let page = format!(
            "SELECT {CASELOAD_COLUMNS} FROM caseload_lists l JOIN clients c ON c.id = l.client_id \
             JOIN users r ON r.id = c.responsible_clinician_id WHERE l.viewer_id = $1 AND l.status = $2{search} \
             ORDER BY l.sort_name, l.client_id LIMIT ${next} OFFSET ${}",
            next + 1
        );
        let mut count = sqlx::query(&count).bind(user.as_str()).bind(status);
        let mut page = sqlx::query(&page).bind(user.as_str()).bind(status);
        if let Some(p) = &pattern {
            (count, page) = (count.bind(p.as_str()), page.bind(p.as_str()));
        }
        let total: i64 = count.fetch_one(&self.read).await?.col("n")?;
        let rows = page.bind(q.limit.clamp(1, 500)).bind(q.offset.max(0)).fetch_all(&self.read).await?;
        Ok((rows.iter().map(caseload_row).collect::<Result<Vec<_>>>()?, total))
    }

    /// Whether client `id` is on `user`'s caseload (any status): its sort
    /// name, or None. A caseload page link keyed by a client not on it is refused.
    #[crate::boxing::boxed_future]
    pub async fn caseload_key(&self, user: &Id, id: &Id) -> Result<Option<String>> {
        let row = sqlx::query("SELECT sort_name FROM caseload_lists WHERE viewer_id = $1 AND client_id = $2")
            .bind(user.as_str())
            .bind(id.as_str())
            .fetch_optional(&self.read)
            .await?;
        Ok(row.map(|r| r.col("sort_name")).transpose()?)
    }

    #[crate::boxing::boxed_future]
    pub async fn care_team(&self, client: &Id) -> Result<Vec<CareTeamMember>> {
        let rows = sqlx::query(
            "SELECT u.id, u.name, u.email, u.role, t.responsible, t.added_at FROM care_team t \
             JOIN users u ON u.id = t.user_id WHERE t.client_id = $1 ORDER BY t.responsible DESC, u.name",
        )
        .bind(client.as_str())
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(CareTeamMember {
                    user_id: Id::from_db(r.col("id")?),
                    name: r.col("name")?,
                    email: r.col("email")?,
                    role: r.col("role")?,
                    responsible: r.col::<i64>("responsible")? != 0,
                    added_at: ts(&r.col::<String>("added_at")?),
                })
            })
            .collect()
    }

    #[crate::boxing::boxed_future]
    pub async fn add_care_team_member(&self, client: &Id, user: &Id, mut event: AuditEvent) -> Result<()> {
        // The client's caseload card and lists follow from the entry naming it.
        event.client_id.get_or_insert_with(|| client.to_string());
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let n = sqlx::query(
            "INSERT INTO care_team (client_id, user_id, responsible, added_at) VALUES ($1, $2, 0, $3) \
             ON CONFLICT (client_id, user_id) DO NOTHING",
        )
        .bind(client.as_str())
        .bind(user.as_str())
        .bind(now.to_db())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n == 0 {
            return Err(StoreError::Invalid("this person is already on the care team".into()));
        }
        audit::commit(tx, event, now).await?;
        Ok(())
    }

    /// Removes a member; the responsible clinician must be replaced first.
    #[crate::boxing::boxed_future]
    pub async fn remove_care_team_member(&self, client: &Id, user: &Id, mut event: AuditEvent) -> Result<()> {
        // The client's caseload card and lists follow from the entry naming it.
        event.client_id.get_or_insert_with(|| client.to_string());
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let n = sqlx::query("DELETE FROM care_team WHERE client_id = $1 AND user_id = $2 AND responsible = 0")
            .bind(client.as_str())
            .bind(user.as_str())
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if n == 0 {
            return Err(StoreError::Invalid(
                "only other members can be removed: make someone else responsible first".into(),
            ));
        }
        audit::commit(tx, event, now).await?;
        Ok(())
    }

    /// Hands responsibility to an existing member of the care team.
    #[crate::boxing::boxed_future]
    pub async fn set_responsible(&self, client: &Id, user: &Id, mut event: AuditEvent) -> Result<()> {
        // The client's caseload card and lists follow from the entry naming it.
        event.client_id.get_or_insert_with(|| client.to_string());
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let member = sqlx::query("SELECT 1 AS one FROM care_team WHERE client_id = $1 AND user_id = $2")
            .bind(client.as_str())
            .bind(user.as_str())
            .fetch_optional(&mut *tx)
            .await?;
        if member.is_none() {
            return Err(StoreError::Invalid("add this person to the care team first".into()));
        }
        sqlx::query("UPDATE care_team SET responsible = CASE WHEN user_id = $2 THEN 1 ELSE 0 END WHERE client_id = $1")
            .bind(client.as_str())
            .bind(user.as_str())
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE clients SET responsible_clinician_id = $1, version = version + 1, updated_at = $2 WHERE id = $3",
        )
        .bind(user.as_str())
        .bind(now.to_db())
        .bind(client.as_str())
        .execute(&mut *tx)
        .await?;
        audit::commit(tx, event, now).await?;
        Ok(())
    }

    /// Organisation-wide name search, for break-glass only (names and birth dates, nothing clinical).
    #[crate::boxing::boxed_future]
    pub async fn search_all_clients(&self, term: &str, limit: i64) -> Result<Vec<ClientSummary>> {
        let rows = sqlx::query(
            "SELECT id, display_name, date_of_birth FROM clients WHERE search_text LIKE $1 ESCAPE '\\' \
             ORDER BY sort_name LIMIT $2",
        )
        .bind(like_pattern(term))
        .bind(limit)
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(ClientSummary {
                    id: Id::from_db(r.col("id")?),
                    display_name: r.col("display_name")?,
                    date_of_birth: r.col("date_of_birth")?,
                })
            })
            .collect()
    }

    /// A client record with no access check: for the client's own portal
    /// account (the account link is the relationship) and background work.
    #[crate::boxing::boxed_future]
    pub async fn client_by_id(&self, id: &Id) -> Result<Option<ClientRecord>> {
        let sql = format!(
            "SELECT {CLIENT_COLUMNS} FROM clients c JOIN users r ON r.id = c.responsible_clinician_id WHERE c.id = $1"
        );
        let row = sqlx::query(&sql).bind(id.as_str()).fetch_optional(&self.read).await?;
        row.map(|r| client_from_row(&r)).transpose()
    }

    /// The clients with these ids, in the order given (ids not found are
    /// left out): one read for a page of records instead of one per row.
    #[crate::boxing::boxed_future]
    pub async fn clients_by_ids(&self, ids: &[Id]) -> Result<Vec<ClientRecord>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let marks: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT {CLIENT_COLUMNS} FROM clients c JOIN users r ON r.id = c.responsible_clinician_id \
             WHERE c.id IN ({})",
            marks.join(", ")
        );
        let mut q = sqlx::query(&sql);
        for id in ids {
            q = q.bind(id.as_str());
        }
        let mut found: Vec<ClientRecord> =
            q.fetch_all(&self.read).await?.iter().map(client_from_row).collect::<Result<_>>()?;
        let at = |c: &ClientRecord| ids.iter().position(|i| i == &c.id).unwrap_or(usize::MAX);
        found.sort_by_key(at);
        Ok(found)
    }

    #[crate::boxing::boxed_future]
    pub async fn client_summary(&self, id: &Id) -> Result<Option<ClientSummary>> {
        let row = sqlx::query("SELECT id, display_name, date_of_birth FROM clients WHERE id = $1")
            .bind(id.as_str())
            .fetch_optional(&self.read)
            .await?;
        row.map(|r| {
            Ok(ClientSummary {
                id: Id::from_db(r.col("id")?),
                display_name: r.col("display_name")?,
                date_of_birth: r.col("date_of_birth")?,
            })
        })
        .transpose()
    }

    #[crate::boxing::boxed_future]
    pub async fn create_break_glass(
        &self,
        user: &Id,
        client: &Id,
        reason: &str,
        expires_at: Timestamp,
        event: AuditEvent,
    ) -> Result<Id> {
        let id = Id::new();
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO break_glass (id, user_id, client_id, reason, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id.as_str())
        .bind(user.as_str())
        .bind(client.as_str())
        .bind(reason)
        .bind(now.to_db())
        .bind(expires_at.to_db())
        .execute(&mut *tx)
        .await?;
        audit::commit(tx, event.on(&id), now).await?;
        Ok(id)
    }

    /// Unreviewed first, newest first.
    #[crate::boxing::boxed_future]
    pub async fn break_glass_log(&self, limit: i64) -> Result<Vec<BreakGlassRow>> {
        let rows = sqlx::query(
            "SELECT b.id, b.user_id, u.name AS user_name, b.client_id, c.display_name AS client_name, b.reason, \
             b.created_at, b.expires_at, rv.name AS reviewed_by_name, b.reviewed_at, b.review_note \
             FROM break_glass b JOIN users u ON u.id = b.user_id JOIN clients c ON c.id = b.client_id \
             LEFT JOIN users rv ON rv.id = b.reviewed_by \
             ORDER BY CASE WHEN b.reviewed_at IS NULL THEN 0 ELSE 1 END, b.created_at DESC LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(BreakGlassRow {
                    id: Id::from_db(r.col("id")?),
                    user_id: Id::from_db(r.col("user_id")?),
                    user_name: r.col("user_name")?,
                    client_id: Id::from_db(r.col("client_id")?),
                    client_name: r.col("client_name")?,
                    reason: r.col("reason")?,
                    created_at: ts(&r.col::<String>("created_at")?),
                    expires_at: ts(&r.col::<String>("expires_at")?),
                    reviewed_by_name: r.col("reviewed_by_name")?,
                    reviewed_at: opt_ts(r.col("reviewed_at")?),
                    review_note: r.col("review_note")?,
                })
            })
            .collect()
    }

    #[crate::boxing::boxed_future]
    pub async fn count_unreviewed_break_glass(&self) -> Result<i64> {
        Ok(sqlx::query("SELECT COUNT(*) AS n FROM break_glass WHERE reviewed_at IS NULL")
            .fetch_one(&self.read)
            .await?
            .col("n")?)
    }

    #[crate::boxing::boxed_future]
    pub async fn review_break_glass(&self, id: &Id, reviewer: &Id, note: &str, event: AuditEvent) -> Result<()> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let n = sqlx::query(
            "UPDATE break_glass SET reviewed_by = $1, reviewed_at = $2, review_note = $3 WHERE id = $4 AND reviewed_at IS NULL",
        )
        .bind(reviewer.as_str())
        .bind(now.to_db())
        .bind(note)
        .bind(id.as_str())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        audit::commit(tx, event, now).await?;
        Ok(())
    }
}

async fn fetch_client(tx: &mut sqlx::Transaction<'static, sqlx::Any>, id: &Id) -> Result<Option<ClientRecord>> {
    let sql = format!(
        "SELECT {CLIENT_COLUMNS} FROM clients c JOIN users r ON r.id = c.responsible_clinician_id WHERE c.id = $1"
    );
    let row = sqlx::query(&sql).bind(id.as_str()).fetch_optional(&mut **tx).await?;
    row.map(|r| client_from_row(&r)).transpose()
}

/// A caseload row from a query selecting the client's list columns,
/// `responsible_clinician_id` and `responsible_name`.
pub(crate) fn caseload_row(r: &sqlx::any::AnyRow) -> Result<CaseloadRow> {
    let status: String = r.col("status")?;
    Ok(CaseloadRow {
        id: Id::from_db(r.col("id")?),
        display_name: r.col("display_name")?,
        date_of_birth: r.col("date_of_birth")?,
        pronouns: r.col("pronouns")?,
        status: ClientStatus::parse(&status).unwrap_or(ClientStatus::Active),
        responsible_clinician_id: Id::from_db(r.col("responsible_clinician_id")?),
        responsible_clinician_name: r.col("responsible_name")?,
        updated_at: ts(&r.col::<String>("updated_at")?),
    })
}
