//! The cultural adaptations an installation has: the shipped presets and
//! the site's own folders (docs/i18n.md). Read once at start; which one a
//! page uses is `adaptations::for_site`.

use rapport_i18n::Adaptation;
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
