//! Which migrations a database has and which it still needs: for
//! `rapport migrate --dry-run`, and for `--no-migrate`, which refuses to open
//! a database that is behind (a role without `CREATE` cannot migrate it).

use crate::row::Named;
use crate::{migrator, Backend, Result};
use sqlx::AnyPool;

/// Migrations by name ("0042 caseload cards"), compared with those this
/// version of Rapport carries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MigrationStatus {
    /// Applied, and known to this version.
    pub applied: Vec<String>,
    /// Carried by this version, not applied yet (or failed half-way).
    pub pending: Vec<String>,
    /// Applied by a newer version: this one must not open the database.
    pub unknown: Vec<String>,
}

fn name(version: i64, description: &str) -> String {
    format!("{version:04} {description}")
}

/// Every migration this version carries for `backend`, by name.
pub fn shipped(backend: Backend) -> Vec<String> {
    migrator(backend)
        .iter()
        .filter(|m| m.migration_type.is_up_migration())
        .map(|m| name(m.version, &m.description))
        .collect()
}

/// The status of a database that has never been migrated.
pub(crate) fn empty(backend: Backend) -> MigrationStatus {
    MigrationStatus { pending: shipped(backend), ..Default::default() }
}

/// Reads the applied migrations (sqlx's own table) and compares them with the
/// shipped ones. A database without that table has none applied.
pub(crate) async fn status_of(backend: Backend, pool: &AnyPool) -> Result<MigrationStatus> {
    let rows = match sqlx::query("SELECT version, description FROM _sqlx_migrations WHERE success ORDER BY version")
        .fetch_all(pool)
        .await
    {
        Ok(rows) => rows,
        Err(sqlx::Error::Database(e))
            if e.code().as_deref() == Some("42P01") || e.message().contains("no such table") =>
        {
            return Ok(empty(backend));
        }
        Err(e) => return Err(e.into()),
    };
    let mut applied_versions = Vec::new();
    let mut out = MigrationStatus::default();
    for r in &rows {
        let version: i64 = r.col("version")?;
        let description: String = r.col("description")?;
        applied_versions.push(version);
        if migrator(backend).iter().any(|m| m.version == version) {
            out.applied.push(name(version, &description));
        } else {
            out.unknown.push(name(version, &description));
        }
    }
    out.pending = migrator(backend)
        .iter()
        .filter(|m| m.migration_type.is_up_migration() && !applied_versions.contains(&m.version))
        .map(|m| name(m.version, &m.description))
        .collect();
    Ok(out)
}
