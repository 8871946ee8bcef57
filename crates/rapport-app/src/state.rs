//! The application's services and settings, shared by every face and job:
//! the store, the password hasher, the instrument library, the protocols and
//! the cached organisation settings.

use crate::passwords::Hasher;
use rapport_core::measures::{Library, NotOnTrackRule};
use rapport_core::protocol::ProtocolSet;
use rapport_store::org::Organisation;
use rapport_store::Store;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::RwLock;

#[derive(Clone, Debug)]
pub struct Config {
    /// The address people use, e.g. `https://rapport.clinic.example`. When it is
    /// https, cookies are `Secure` with the `__Host-` prefix and HSTS is sent.
    pub public_url: Option<String>,
    /// Trust `X-Forwarded-For` / `X-Forwarded-Proto` from a reverse proxy.
    pub trust_proxy: bool,
    /// How long organisation settings are cached (other instances pick up changes within this).
    pub settings_ttl: Duration,
    /// When a client is marked "not on track" (docs/measures.md).
    pub not_on_track: NotOnTrackRule,
    /// Replaces the organisation's acknowledgement deadline for risk flags, in
    /// hours (the deprecated `--risk-escalation-hours`; `None`: the setting).
    pub risk_acknowledgement_override_hours: Option<i64>,
    /// The IPT protocols this site runs (shipped, adjusted by the site's protocols.toml).
    pub protocols: Arc<ProtocolSet>,
    /// Fidelity checklists and certification pathways (shipped, adjusted by the site's fidelity.toml).
    pub fidelity: Arc<rapport_core::fidelity::ChecklistSet>,
    /// Where the outbox is e-mailed (`None`: nothing is sent, messages wait in the outbox).
    pub smtp: Option<crate::mail::SmtpSettings>,
    /// Signs the checkpoint sent with the audit CSV export (`X-Rapport-Audit-Checkpoint`).
    pub audit_checkpoint_key: Option<rapport_core::checkpoint::CheckpointKey>,
    /// Cultural adaptations (shipped presets and the site's `adaptations/` folders).
    pub adaptations: Arc<crate::adaptation_set::Adaptations>,
    /// Programme reports hide counts of fewer people than this (docs/reports.md; 0 or 1: none hidden).
    pub report_small_numbers: i64,
    /// The programme dashboard lists every clinician in its filter up to this
    /// many; beyond it the filter is a search by name.
    pub report_clinician_list: usize,
    /// Lines of a breakdown on one page of the dashboard (the CSV and the
    /// API have every line): a breakdown by clinician can have thousands.
    pub report_lines_per_page: usize,
    /// Where Bulk Data export files are written (the data directory's `exports`).
    pub export_dir: std::path::PathBuf,
    /// How long an export's files are kept once it is done.
    pub export_retention: Duration,
    /// Requests worked on at once by the web faces, the rest waiting their
    /// turn (0: no limit). A cap on memory under overload, paid in throughput
    /// (docs/operations.md "Memory").
    pub requests_in_flight: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            public_url: None,
            trust_proxy: false,
            settings_ttl: Duration::from_secs(10),
            not_on_track: NotOnTrackRule::default(),
            risk_acknowledgement_override_hours: None,
            protocols: Arc::new(ProtocolSet::shipped()),
            fidelity: Arc::new(rapport_core::fidelity::ChecklistSet::shipped()),
            smtp: None,
            audit_checkpoint_key: None,
            adaptations: Arc::new(crate::adaptation_set::Adaptations::shipped()),
            report_small_numbers: rapport_core::reports::DEFAULT_SMALL_NUMBERS,
            report_clinician_list: 300,
            report_lines_per_page: 100,
            export_dir: std::env::temp_dir().join(format!("rapport-exports-{}", std::process::id())),
            export_retention: Duration::from_secs(3600),
            requests_in_flight: 0,
        }
    }
}

/// Adaptation names by scope ("organisation" or a site's id).
type AdaptationChoices = HashMap<String, String>;

/// What every face's handlers share. Cloned for each middleware layer and
/// extractor of every request, so it is one `Arc`: a clone is one reference
/// count, not one per field (about 3 % of a client read's CPU when it was a
/// struct of a dozen `Arc`s).
#[derive(Clone)]
pub struct AppState(Arc<SharedState>);

impl std::ops::Deref for AppState {
    type Target = SharedState;
    fn deref(&self) -> &SharedState {
        &self.0
    }
}

/// The fields of [`AppState`], reached through it.
#[derive(Clone)]
pub struct SharedState {
    pub store: Store,
    pub hasher: Hasher,
    pub config: Arc<Config>,
    /// Instrument definitions: the shipped ones plus the site's (validated at start).
    pub instruments: Arc<Library>,
    org: Arc<RwLock<Option<(Instant, Organisation)>>>,
    /// Which adaptation the organisation and each site use, by scope, cached like `org`.
    adaptation_choices: Arc<RwLock<Option<(Instant, AdaptationChoices)>>>,
    /// `rapport_core::caseload::needs_fingerprint` of this configuration,
    /// once the caseload lists were made to follow it.
    needs_for: Arc<tokio::sync::OnceCell<String>>,
}

impl AppState {
    pub fn new(store: Store, config: Config) -> Self {
        AppState(Arc::new(SharedState {
            store,
            hasher: Hasher::new(2),
            config: Arc::new(config),
            instruments: Arc::new(Library::builtin()),
            org: Arc::new(RwLock::new(None)),
            adaptation_choices: Arc::new(RwLock::new(None)),
            needs_for: Arc::default(),
        }))
    }

    /// Uses `library` (e.g. with the site's definitions) instead of the shipped instruments.
    pub fn with_instruments(self, library: Library) -> Self {
        let mut shared = Arc::try_unwrap(self.0).unwrap_or_else(|shared| (*shared).clone());
        shared.instruments = Arc::new(library);
        shared.needs_for = Arc::default();
        AppState(Arc::new(shared))
    }

    /// The fingerprint the caseload lists' needs are worked out under
    /// (`rapport_core::caseload::needs_fingerprint`; decision 58). The first
    /// call of a state marks every list row stale if the lists were worked
    /// out under another configuration.
    #[crate::boxing::boxed_future]
    pub async fn needs_for(&self) -> Result<String, rapport_store::StoreError> {
        let fp = self
            .needs_for
            .get_or_try_init(|| async {
                let fp = rapport_core::caseload::needs_fingerprint(
                    &self.config.not_on_track,
                    &self.config.protocols,
                    &self.instruments,
                );
                self.store.caseload_needs_under(&fp).await?;
                Ok::<_, rapport_store::StoreError>(fp)
            })
            .await?;
        Ok(fp.clone())
    }

    /// Organisation settings, cached briefly so the session check costs no query.
    #[crate::boxing::boxed_future]
    pub async fn organisation(&self) -> Result<Organisation, rapport_store::StoreError> {
        if let Some((at, org)) = self.org.read().await.as_ref() {
            if at.elapsed() < self.config.settings_ttl {
                return Ok(org.clone());
            }
        }
        let org = self.store.organisation().await?;
        *self.org.write().await = Some((Instant::now(), org.clone()));
        Ok(org)
    }

    /// The adaptation choices by scope (cached; an unreadable store means none).
    #[crate::boxing::boxed_future]
    pub async fn adaptation_choices(&self) -> HashMap<String, String> {
        if let Some((at, choices)) = self.adaptation_choices.read().await.as_ref() {
            if at.elapsed() < self.config.settings_ttl {
                return choices.clone();
            }
        }
        let choices: HashMap<String, String> =
            self.store.adaptation_choices().await.map(|c| c.into_iter().collect()).unwrap_or_default();
        *self.adaptation_choices.write().await = Some((Instant::now(), choices.clone()));
        choices
    }

    #[crate::boxing::boxed_future]
    pub async fn forget_adaptation_choices(&self) {
        *self.adaptation_choices.write().await = None;
    }

    #[crate::boxing::boxed_future]
    pub async fn forget_organisation(&self) {
        *self.org.write().await = None;
    }
}
