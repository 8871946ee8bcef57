//! Which cultural adaptation the organisation and each site use (docs/i18n.md).

use crate::row::Named;
use crate::{audit, Result, Store};
use rapport_core::audit::AuditEvent;
use rapport_core::{Id, Timestamp};

/// The scope of the organisation-wide choice (any other scope is a site's id).
pub const ORGANISATION: &str = "organisation";

impl Store {
    /// Every choice: (scope, adaptation name).
    #[crate::boxing::boxed_future]
    pub async fn adaptation_choices(&self) -> Result<Vec<(String, String)>> {
        let rows = sqlx::query("SELECT scope, adaptation FROM adaptation_choices ORDER BY scope")
            .fetch_all(&self.read)
            .await?;
        rows.iter().map(|r| Ok((r.col("scope")?, r.col("adaptation")?))).collect()
    }

    /// Sets (or with `None` clears) the adaptation of `scope`, audited in the same transaction.
    #[crate::boxing::boxed_future]
    pub async fn set_adaptation_choice(
        &self,
        scope: &str,
        adaptation: Option<&str>,
        by: &Id,
        event: AuditEvent,
    ) -> Result<()> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        match adaptation {
            Some(name) => {
                sqlx::query(
                    "INSERT INTO adaptation_choices (scope, adaptation, chosen_by, chosen_at) VALUES ($1, $2, $3, $4) \
                     ON CONFLICT (scope) DO UPDATE SET adaptation = excluded.adaptation, \
                     chosen_by = excluded.chosen_by, chosen_at = excluded.chosen_at",
                )
                .bind(scope)
                .bind(name)
                .bind(by.as_str())
                .bind(now.to_db())
                .execute(&mut *tx)
                .await?;
            }
            None => {
                sqlx::query("DELETE FROM adaptation_choices WHERE scope = $1").bind(scope).execute(&mut *tx).await?;
            }
        }
        audit::commit(tx, event, now).await?;
        Ok(())
    }
}
