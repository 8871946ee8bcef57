//! The client portal: what a client sees after signing in with the account
//! their care team invited them to create. Phone-first pages in plain
//! language; every read and write of the client's record is audited, as for
//! staff. A client account reaches only `/portal/…` (see `confine_clients`).

mod entry;
pub mod pages;

use crate::error::AppError;
use axum::extract::{FromRequestParts, Request};
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use rapport_app::caller::{AuthKind, Identity};
use rapport_app::portal::{client_of, PortalCaller};
use rapport_app::AppState;
use rapport_core::access::Role;
use rapport_store::portal::PortalSharing;

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    let r = r
        .get("/portal/login", entry::login_form)
        .post("/portal/login", entry::login_submit)
        .get("/portal/join", entry::join_form)
        .post("/portal/join", entry::join_submit)
        .get("/portal/help", entry::help);
    pages::routes(r)
}

/// Paths a client account may use; everything else answers 404 to it.
fn client_may_use(path: &str) -> bool {
    path == "/portal"
        || path.starts_with("/portal/")
        || path.starts_with("/m/")
        || path.starts_with("/static/")
        || matches!(path, "/" | "/logout" | "/login" | "/healthz" | "/readyz")
}

/// Middleware: a signed-in client never reaches staff pages or the API, even
/// where a handler's own check would also refuse them (defence in depth).
pub async fn confine_clients(req: Request, next: Next) -> Response {
    let is_client = req.extensions().get::<Identity>().is_some_and(|id| id.user.role == Role::Client);
    if is_client && !client_may_use(req.uri().path()) {
        return crate::ops::not_found(req.uri().clone()).await;
    }
    next.run(req).await
}

/// The signed-in client and their record (`pc.me`, `pc.client`, `pc.event(…)`).
pub struct PortalClient(pub PortalCaller);

impl std::ops::Deref for PortalClient {
    type Target = PortalCaller;
    fn deref(&self) -> &PortalCaller {
        &self.0
    }
}

/// Not signed in as a client: to the portal sign-in; staff: 404.
pub enum PortalRejection {
    SignIn,
    Error(AppError),
}

impl IntoResponse for PortalRejection {
    fn into_response(self) -> Response {
        match self {
            PortalRejection::SignIn => Redirect::to("/portal/login").into_response(),
            PortalRejection::Error(e) => e.into_response(),
        }
    }
}

impl FromRequestParts<AppState> for PortalClient {
    type Rejection = PortalRejection;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let me = match parts.extensions.get::<Identity>() {
            Some(id @ Identity { auth: AuthKind::Session { .. }, .. }) => id.clone(),
            _ => return Err(PortalRejection::SignIn),
        };
        if me.user.role != Role::Client {
            return Err(PortalRejection::Error(AppError::NotFound));
        }
        let client = client_of(state, &me).await.map_err(|e| PortalRejection::Error(e.into()))?;
        match client {
            Some(client) => Ok(PortalClient(PortalCaller { me, client })),
            None => Err(PortalRejection::Error(AppError::NotFound)),
        }
    }
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

#[cfg(test)]
mod tests {
    use super::client_may_use;

    #[test]
    fn a_client_account_reaches_only_the_portal() {
        for ok in ["/portal", "/portal/diary", "/m/abc", "/logout", "/", "/static/app.css", "/login"] {
            assert!(client_may_use(ok), "{ok}");
        }
        for no in ["/clients", "/portalx", "/api/v1/me", "/admin/users", "/account", "/risk-flags", "/courses/x"] {
            assert!(!client_may_use(no), "{no}");
        }
    }
}
