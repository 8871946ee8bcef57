//! Rapport's web layer: the clinician UI (askama + htmx, server-rendered) and
//! the JSON API v1. Handlers are thin: parse, ask the domain or the store, render.

pub mod api;
pub mod cookies;
pub mod course_extract;
pub mod error;
pub mod fhir;
pub mod html;
pub mod i18n;
pub mod identity;
pub mod limits;
pub mod ops;
pub mod portal;
pub mod records_http;
pub mod route_table;
pub mod routes;
pub mod security;
pub mod session_cookies;
pub mod ui;

use axum::Router;
use std::net::SocketAddr;
use tokio::net::TcpListener;

pub use rapport_app::{AppState, Config};

/// The full application: every route, with security layers applied.
pub fn app(state: AppState) -> Router {
    routes::build(state).0
}

/// Serves until `shutdown` resolves, then drains in-flight requests.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    serve_then(listener, state, shutdown, async {}).await
}

/// Like `serve`, and runs `last` after the requests in flight have finished but
/// before the store closes (the final audit checkpoint).
pub async fn serve_then(
    listener: TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    last: impl std::future::Future<Output = ()>,
) -> std::io::Result<()> {
    let app = app(state.clone());
    axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(shutdown)
        .await?;
    last.await;
    state.store.close().await;
    Ok(())
}
