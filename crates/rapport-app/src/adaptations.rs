//! Cultural adaptation (docs/i18n.md): the adaptations this installation
//! has (shipped presets and the site's own folders) and which one the
//! organisation and each site use. Pages are worded with the reader's
//! adaptation: a client's site, a staff member's site, else the organisation's.

use crate::access::require_admin;
pub use crate::adaptation_set::Adaptations;
use crate::caller::Identity;
use crate::{AppResult, AppState, Error};
use rapport_core::audit::action;
use rapport_core::Id;
use rapport_i18n::Adaptation;
use rapport_store::adaptations::ORGANISATION;
use std::collections::HashMap;
use std::sync::Arc;

/// The adaptation pages are worded with for someone at `site` (theirs,
/// else the organisation's). Reads the cached choices.
#[crate::boxing::boxed_future]
pub async fn for_site(state: &AppState, site: Option<&Id>) -> Option<Arc<Adaptation>> {
    let choices = state.adaptation_choices().await;
    let name = site.and_then(|s| choices.get(s.as_str())).or_else(|| choices.get(ORGANISATION))?;
    state.config.adaptations.get(name)
}

/// What the administrators' adaptation page shows.
pub struct Overview {
    pub adaptations: Vec<Arc<Adaptation>>,
    /// The organisation's choice.
    pub organisation: Option<String>,
    /// Each site with its choice: (site, adaptation name).
    pub sites: Vec<(rapport_store::groups::Site, Option<String>)>,
}

/// The adaptations and the current choices (administrators only).
#[crate::boxing::boxed_future]
pub async fn overview(state: &AppState, me: &Identity) -> AppResult<Overview> {
    require_admin(state, me, "adaptations").await?;
    let choices: HashMap<String, String> = state.store.adaptation_choices().await?.into_iter().collect();
    let sites = state.store.sites().await?;
    Ok(Overview {
        adaptations: state.config.adaptations.all().to_vec(),
        organisation: choices.get(ORGANISATION).cloned(),
        sites: sites
            .into_iter()
            .map(|s| {
                let c = choices.get(s.id.as_str()).cloned();
                (s, c)
            })
            .collect(),
    })
}

/// Sets the adaptation of the organisation (`scope` "organisation") or of a
/// site (its id); a blank `adaptation` goes back to the interface's own
/// words (or, for a site, the organisation's choice). Audited.
#[crate::boxing::boxed_future]
pub async fn choose(state: &AppState, me: &Identity, scope: &str, adaptation: &str) -> AppResult<()> {
    require_admin(state, me, "adaptations").await?;
    let scope = scope.trim();
    let site_name = if scope == ORGANISATION {
        None
    } else {
        let id = Id::parse(scope).ok_or_else(unknown_scope)?;
        Some(state.store.site(&id).await?.ok_or_else(unknown_scope)?.name)
    };
    let adaptation = adaptation.trim();
    let chosen = if adaptation.is_empty() {
        None
    } else if state.config.adaptations.get(adaptation).is_some() {
        Some(adaptation)
    } else {
        return Err(Error::keyed(
            "adaptation",
            rapport_core::msg("adaptation-unknown"),
            vec![("name", adaptation.into())],
        ));
    };
    let mut event = me.event(action::SETTINGS_ADAPTATION, "organisation");
    event.detail = Some(format!(
        "{}: {}",
        site_name.map(|n| format!("site {n}")).unwrap_or_else(|| "organisation".into()),
        chosen.unwrap_or("none")
    ));
    state.store.set_adaptation_choice(scope, chosen, &me.user.id, event).await?;
    state.forget_adaptation_choices().await;
    Ok(())
}

fn unknown_scope() -> Error {
    Error::keyed("scope", rapport_core::msg("adaptation-unknown-scope"), vec![])
}
