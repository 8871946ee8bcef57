//! The signed-in client of a portal page (an extractor): a client account's
//! session and their record; anyone else is sent to the portal sign-in (not
//! signed in) or answered 404 (staff).

use crate::error::AppError;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use rapport_app::caller::{AuthKind, Identity};
use rapport_app::portal::{client_of, PortalCaller};
use rapport_app::AppState;
use rapport_core::access::Role;

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
