//! What administrators review without seeing clinical content: the emergency
//! (break-glass) access log and the e-mail outbox. Both lists name clients or
//! their addresses, so showing them is audited.

use crate::access::require_admin;
use crate::caller::Identity;
use crate::{AppResult, AppState, Error};
use rapport_core::audit::action;
use rapport_core::msg;
use rapport_core::Id;
use rapport_store::clients::BreakGlassRow;
use rapport_store::measures::OutboxRow;
use rapport_store::outbox::OutboxCounts;

/// The most recent emergency accesses, for review.
#[crate::boxing::boxed_future]
pub async fn break_glass_log(state: &AppState, me: &Identity) -> AppResult<Vec<BreakGlassRow>> {
    require_admin(state, me, "break_glass").await?;
    let rows = state.store.break_glass_log(200).await?;
    // The list names clients: record that an administrator saw it.
    let mut e = me.event(action::CLIENT_LIST, "break_glass");
    e.detail = Some(format!("access review list shown ({} emergency access records)", rows.len()));
    state.store.audit(e).await?;
    Ok(rows)
}

/// Marks an emergency access as reviewed, with a note ("Reviewed" when none).
#[crate::boxing::boxed_future]
pub async fn review_break_glass(state: &AppState, me: &Identity, id: &str, note: Option<String>) -> AppResult<()> {
    require_admin(state, me, "break_glass").await?;
    let id = Id::parse(id).ok_or(Error::NotFound)?;
    let note = note.unwrap_or_else(|| "Reviewed".into());
    if note.chars().count() > 1000 {
        return Err(Error::keyed("note", msg("app-review-note-long"), vec![]));
    }
    let mut e = me.event(action::BREAK_GLASS_REVIEW, "break_glass");
    e.resource_id = Some(id.to_string());
    e.detail = Some(note.clone());
    state.store.review_break_glass(&id, &me.user.id, &note, e).await?;
    Ok(())
}

/// The outbox: its counts and the latest messages (the face never shows bodies).
#[crate::boxing::boxed_future]
pub async fn outbox(state: &AppState, me: &Identity) -> AppResult<(OutboxCounts, Vec<OutboxRow>)> {
    require_admin(state, me, "email").await?;
    let counts = state.store.outbox_counts().await?;
    let rows = state.store.outbox(200).await?;
    // Recipients may include clients' addresses (portal invitations): record that an administrator saw them.
    let mut e = me.event(action::CLIENT_LIST, "outbox");
    e.detail = Some(format!("e-mail outbox shown ({} messages)", rows.len()));
    state.store.audit(e).await?;
    Ok((counts, rows))
}
