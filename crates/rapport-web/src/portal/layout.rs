//! The frame of every portal page: title, organisation, navigation and what
//! the care team shares.

use super::caller::PortalClient;
use crate::error::AppError;
use rapport_app::AppState;
use rapport_store::portal::PortalSharing;

/// The message `id` in the current request's language (a page title).
pub fn t(id: &str) -> String {
    crate::i18n::current().t(id)
}

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
    /// The page's language (the client's: see `crate::i18n::negotiate`).
    pub tr: crate::i18n::Tr,
}

impl PortalLayout {
    pub async fn new(
        state: &AppState,
        pc: &PortalClient,
        title: impl Into<String>,
        nav: &'static str,
    ) -> Result<Self, AppError> {
        let sharing: PortalSharing = rapport_app::portal::sharing(state, &pc.client.id).await?;
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
            tr: crate::i18n::current(),
        })
    }

    /// For pages seen before signing in.
    pub async fn anonymous(state: &AppState, title: impl Into<String>, nav: &'static str) -> Result<Self, AppError> {
        Ok(PortalLayout {
            title: title.into(),
            org_name: state.organisation().await?.name,
            nav,
            tr: crate::i18n::current(),
            ..PortalLayout::default()
        })
    }

    /// A notice worded by the message `id` (None: no notice).
    pub fn with_notice(mut self, id: Option<&str>) -> Self {
        self.notice = id.map(|id| self.tr.t(id));
        self
    }

    /// An anonymous page's form token, which the language switcher needs too.
    pub fn with_csrf(mut self, csrf: &str) -> Self {
        self.csrf = csrf.to_string();
        self
    }

    /// A sentence with a link in it (see `crate::i18n::sentence_with_link`), as HTML.
    pub fn sentence(&self, id: &str, href: &str, link_text: &str) -> String {
        crate::i18n::sentence_with_link(&self.tr, id, href, link_text)
    }
}
