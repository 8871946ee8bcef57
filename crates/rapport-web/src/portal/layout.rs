//! The frame of every portal page: title, organisation, navigation and what
//! the care team shares.

use super::caller::PortalClient;
use crate::error::AppError;
use rapport_app::AppState;
use rapport_store::portal::PortalSharing;

/// What every portal page's frame needs.
#[derive(Clone, Debug, Default)]
pub struct PortalLayout {
    pub title: String,
    pub org_name: String,
    pub csrf: String,
    /// "home", "diary", "progress", "plan", "safety", "help", "" (none).
    pub nav: &'static str,
    pub signed_in: bool,
    pub show_chart: bool,
    pub show_plan: bool,
    pub show_safety: bool,
    pub notice: Option<String>,
}

impl PortalLayout {
    pub async fn new(
        state: &AppState,
        pc: &PortalClient,
        title: impl Into<String>,
        nav: &'static str,
    ) -> Result<Self, AppError> {
        let sharing: PortalSharing = state.store.portal_sharing(&pc.client.id).await?;
        let show_safety = rapport_app::safety_plans::shared(state, &pc.client.id).await?.is_some();
        Ok(PortalLayout {
            title: title.into(),
            org_name: state.organisation().await?.name,
            csrf: pc.me.csrf().to_string(),
            nav,
            signed_in: true,
            show_chart: !sharing.chart_hidden,
            show_plan: sharing.plan_shared,
            show_safety,
            notice: None,
        })
    }

    /// For pages seen before signing in.
    pub async fn anonymous(state: &AppState, title: impl Into<String>, nav: &'static str) -> Result<Self, AppError> {
        Ok(PortalLayout {
            title: title.into(),
            org_name: state.organisation().await?.name,
            nav,
            ..PortalLayout::default()
        })
    }

    pub fn with_notice(mut self, notice: Option<&str>) -> Self {
        self.notice = notice.map(str::to_string);
        self
    }
}
