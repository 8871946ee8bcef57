//! Cultural adaptation (docs/i18n.md): the adaptations this installation
//! has (shipped presets and the site's own folders) and which one the
//! organisation and each site use. Pages are worded with the reader's
//! adaptation: a client's site, a staff member's site, else the organisation's.

use crate::access::require_admin;
use crate::caller::Identity;
use crate::{AppResult, AppState, Error};
use rapport_core::audit::action;
use rapport_core::{Id, ValidationErrors};
use rapport_i18n::Adaptation;
use rapport_store::adaptations::ORGANISATION;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

/// The adaptations an installation can use, by name.
#[derive(Clone, Debug)]
pub struct Adaptations(Vec<Arc<Adaptation>>);

impl Default for Adaptations {
    fn default() -> Self {
        Adaptations::shipped()
    }
}

impl Adaptations {
    /// The presets shipped with Rapport.
    pub fn shipped() -> Adaptations {
        Adaptations(rapport_i18n::presets().into_iter().map(Arc::new).collect())
    }

    /// The presets plus each folder of `dir` (`<name>/<lang>.ftl`); a site
    /// folder with a preset's name replaces the preset. Refused (naming the
    /// file) when a file is not a shipped language, unreadable Fluent, or
    /// changes a message the interface does not have.
    pub fn with_site_folder(dir: &Path) -> Result<Adaptations, String> {
        let mut all = Adaptations::shipped().0;
        let mut folders: Vec<_> = std::fs::read_dir(dir)
            .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
            .filter_map(Result::ok)
            .filter(|e| e.path().is_dir())
            .collect();
        folders.sort_by_key(|e| e.file_name());
        for folder in folders {
            let name = folder.file_name().to_string_lossy().to_string();
            let mut files = Vec::new();
            let mut entries: Vec<_> = std::fs::read_dir(folder.path())
                .map_err(|e| format!("cannot read {}: {e}", folder.path().display()))?
                .filter_map(Result::ok)
                .filter(|e| e.path().extension().is_some_and(|x| x == "ftl"))
                .collect();
            entries.sort_by_key(|e| e.file_name());
            for entry in entries {
                let lang = entry.path().file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
                let text = std::fs::read_to_string(entry.path())
                    .map_err(|e| format!("cannot read {}: {e}", entry.path().display()))?;
                files.push((lang, text));
            }
            let borrowed: Vec<(&str, &str)> = files.iter().map(|(l, t)| (l.as_str(), t.as_str())).collect();
            let origin = folder.path().display().to_string();
            let adaptation = Adaptation::parse(&name, &origin, &borrowed).map_err(|e| format!("{origin}: {e}"))?;
            all.retain(|a| a.name() != name);
            all.push(Arc::new(adaptation));
        }
        Ok(Adaptations(all))
    }

    pub fn all(&self) -> &[Arc<Adaptation>] {
        &self.0
    }

    pub fn get(&self, name: &str) -> Option<Arc<Adaptation>> {
        self.0.iter().find(|a| a.name() == name).cloned()
    }
}

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
        let id = Id::parse(scope).ok_or_else(|| unknown_scope())?;
        Some(state.store.site(&id).await?.ok_or_else(|| unknown_scope())?.name)
    };
    let adaptation = adaptation.trim();
    let chosen = if adaptation.is_empty() {
        None
    } else if state.config.adaptations.get(adaptation).is_some() {
        Some(adaptation)
    } else {
        return Err(Error::Invalid(ValidationErrors::single_key(
            "adaptation",
            rapport_core::msg("adaptation-unknown"),
            vec![("name", adaptation.into())],
        )));
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
    Error::Invalid(ValidationErrors::single_key("scope", rapport_core::msg("adaptation-unknown-scope"), vec![]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_folder_adds_an_adaptation_and_may_replace_a_preset() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("kagadi")).unwrap();
        std::fs::write(
            dir.path().join("kagadi/en.ftl"),
            "adaptation-title = Kagadi words\narea-grief = Loss of a loved one\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("kagadi/es.ftl"), "area-grief = Pérdida de un ser querido\n").unwrap();
        std::fs::create_dir_all(dir.path().join("who-plain")).unwrap();
        std::fs::write(dir.path().join("who-plain/en.ftl"), "area-role-dispute = Quarrels\n").unwrap();
        let set = Adaptations::with_site_folder(dir.path()).unwrap();
        let kagadi = set.get("kagadi").unwrap();
        assert_eq!(kagadi.title("en"), "Kagadi words");
        assert_eq!(kagadi.languages(), vec!["en", "es"]);
        let who = set.get("who-plain").unwrap();
        assert_eq!(who.overrides("en"), &[("area-role-dispute".to_string(), "Quarrels".to_string())]);
        assert!(who.origin().ends_with("who-plain"), "the site's folder replaced the preset");
    }

    #[test]
    fn a_bad_site_file_stops_the_start_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("local")).unwrap();
        std::fs::write(dir.path().join("local/fr.ftl"), "aire-deuil = Deuil\n").unwrap();
        let e = Adaptations::with_site_folder(dir.path()).unwrap_err();
        assert!(e.contains("local") && e.contains("fr.ftl") && e.contains("aire-deuil"), "{e}");
    }
}
