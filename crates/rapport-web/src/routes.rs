//! The whole application: every face's routes (registered per feature through
//! `route_table::Routes`) and the security layers around them.

use crate::limits::MAX_BODY_BYTES;
use crate::route_table::Routes;
use crate::{api, fhir, identity, ops, security, ui};
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{HeaderName, Method};
use axum::Router;
use rapport_app::AppState;
use std::time::Duration;
use tower::ServiceBuilder;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Builds the application and the list of (method, path) it serves.
pub fn build(state: AppState) -> (Router, Vec<(Method, &'static str)>) {
    let r = Routes::new()
        // Operations
        .get("/healthz", ops::healthz)
        .get("/readyz", ops::readyz)
        .get("/static/{file}", ops::static_file)
        // Sign-in
        .get("/", ui::auth::home)
        .get("/setup/{token}", ui::auth::setup_form)
        .post("/setup/{token}", ui::auth::setup_submit)
        .get("/login", ui::auth::login_form)
        .post("/login", ui::auth::login_submit)
        .post("/language", ui::language::switch)
        .get("/login/verify", ui::mfa::verify_form)
        .post("/login/verify", ui::mfa::verify_submit)
        .post("/logout", ui::auth::logout)
        // Clients
        .get("/clients", ui::clients::caseload)
        .get("/clients/new", ui::clients::new_form)
        .post("/clients/new", ui::clients::create)
        .get("/clients/{id}", ui::clients::show)
        .get("/clients/{id}/edit", ui::clients::edit_form)
        .post("/clients/{id}/edit", ui::clients::update)
        .post("/clients/{id}/archive", ui::clients::archive)
        .post("/clients/{id}/restore", ui::clients::restore)
        .get("/clients/{id}/care-team", ui::care_team::show)
        .post("/clients/{id}/care-team", ui::care_team::add)
        .post("/clients/{id}/care-team/{user_id}/remove", ui::care_team::remove)
        .post("/clients/{id}/care-team/{user_id}/responsible", ui::care_team::make_responsible)
        .get("/break-glass", ui::break_glass::search)
        .get("/break-glass/{id}", ui::break_glass::reason_form)
        .post("/break-glass/{id}", ui::break_glass::open)
        // Administration
        .get("/admin/users", ui::admin::users::list)
        .get("/admin/users/new", ui::admin::users::new_form)
        .post("/admin/users/new", ui::admin::users::create)
        .get("/admin/users/{id}", ui::admin::users::edit_form)
        .post("/admin/users/{id}", ui::admin::users::update)
        .post("/admin/users/{id}/deactivate", ui::admin::users::deactivate)
        .get("/admin/users/{id}/reassign", ui::admin::users::reassign_form)
        .post("/admin/users/{id}/reassign", ui::admin::users::reassign)
        .post("/admin/users/{id}/reactivate", ui::admin::users::reactivate)
        .post("/admin/users/{id}/end-sessions", ui::admin::users::end_sessions)
        .post("/admin/users/{id}/reset-mfa", ui::admin::users::reset_mfa)
        .get("/admin/audit", ui::admin::audit::page)
        .get("/admin/audit.csv", ui::admin::audit::csv)
        .get("/admin/break-glass", ui::admin::break_glass::list)
        .post("/admin/break-glass/{id}/review", ui::admin::break_glass::review)
        .get("/admin/email", ui::admin::email::outbox)
        .get("/admin/settings", ui::admin::settings::form)
        .post("/admin/settings", ui::admin::settings::update)
        .post("/admin/settings/reminders", ui::admin::reminders::update)
        // Own account
        .get("/account", ui::account::show)
        .post("/account/password", ui::account::change_password)
        .post("/account/sessions/end-others", ui::account::end_other_sessions)
        .post("/account/sessions/{id}/end", ui::account::end_session)
        .post("/account/tokens", ui::account::create_token)
        .post("/account/tokens/{id}/revoke", ui::account::revoke_token)
        .post("/account/calendar-feed", ui::account::reset_calendar_feed)
        .post("/account/calendar-names", ui::account::calendar_feed_names)
        .post("/account/kiosk-pin", ui::account::set_kiosk_pin)
        .get("/account/mfa", ui::mfa::page)
        .post("/account/mfa/enable", ui::mfa::enable)
        .post("/account/mfa/disable", ui::mfa::disable)
        .post("/account/mfa/recovery-codes", ui::mfa::recovery_codes)
        // JSON API v1
        .get("/api/v1/openapi.json", api::openapi_json)
        .get("/api/v1/me", api::me)
        .get("/api/v1/clients", api::clients::list_clients)
        .post("/api/v1/clients", api::clients::create_client)
        .get("/api/v1/clients/{id}", api::clients::get_client)
        .patch("/api/v1/clients/{id}", api::clients::patch_client)
        .get("/api/v1/audit", api::audit);
    // IPT courses (UI, then API)
    let r = ui::courses::routes(r);
    let r = ui::ending::routes(r);
    let r = ui::documents::routes(r);
    let r = ui::research::routes(r);
    let r = api::courses::routes(r);
    let r = api::ending::routes(r);
    let r = ui::formulation::routes(r);
    let r = ui::goals::routes(r);
    let r = api::formulation::routes(r);
    let r = api::goals::routes(r);
    // Measures and the risk loop (UI, then API)
    let r = ui::measures::routes(r);
    let r = ui::risk::routes(r);
    let r = api::measures::routes(r);
    // Kiosk mode: a staff session handed to a client for their questionnaires
    let r = ui::kiosk::routes(r);
    // Client-facing: single-use measure links, the client portal and its clinician side
    let r = ui::measure_links::routes(r);
    let r = crate::portal::routes(r);
    let r = ui::client_portal::routes(r);
    // Interpersonal inventory (UI, then API)
    let r = ui::inventory::routes(r);
    let r = api::inventory::routes(r);
    // Interpersonal timeline, worksheets and care context (UI, then API)
    let r = ui::timeline::routes(r);
    let r = ui::worksheets::routes(r);
    let r = ui::context::routes(r);
    let r = api::timeline::routes(r);
    let r = api::worksheets::routes(r);
    let r = api::context::routes(r);
    // Calendar of sessions and the private calendar feed
    let r = ui::calendar::routes(r);
    // Session page and session notes (UI, then API)
    let r = ui::notes::routes(r);
    let r = ui::fidelity::routes(r);
    let r = api::notes::routes(r);
    // Group IPT: groups, members, the meeting screen
    let r = ui::groups::routes(r);
    // Today, the home page of caseload holders (UI, then API)
    let r = ui::today::routes(r);
    let r = api::today::routes(r);
    // Supervision and fidelity (UI, then API)
    let r = ui::supervision::routes(r);
    let r = api::supervision::routes(r);
    // Group IPT: sites, groups, meetings, screening and the programme funnel (API)
    let r = api::groups::routes(r);
    let r = api::reports::routes(r);
    // Group programme: the screening funnel, screening, sites
    let r = ui::programme::routes(r);
    let r = ui::reports::routes(r);
    let r = ui::admin::sites::routes(r);
    let r = ui::admin::fhir_clients::routes(r);
    // Cultural adaptation: the organisation's and each site's wording
    let r = ui::adaptations::routes(r);
    // FHIR R4
    let r = fhir::routes(r);

    let (router, list) = r.into_parts();
    let router = router
        .fallback(ops::not_found)
        .layer(axum::middleware::from_fn(crate::portal::confine_clients))
        .layer(axum::middleware::from_fn_with_state(state.clone(), ui::mfa::require_enrolment))
        .layer(axum::middleware::from_fn_with_state(state.clone(), security::csrf))
        .layer(axum::middleware::from_fn_with_state(state.clone(), crate::i18n::negotiate))
        .layer(axum::middleware::from_fn_with_state(state.clone(), identity::resolve))
        .layer(axum::middleware::from_fn_with_state(state.clone(), security::headers))
        .layer(axum::middleware::from_fn_with_state(state.clone(), local_zone))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES));
    // Outside every middleware that reads the database (the session, the
    // language), inside the timeout: a request waiting its turn too long gets 408.
    let router = match state.config.requests_in_flight {
        0 => router,
        n => router.layer(axum::middleware::from_fn_with_state(
            std::sync::Arc::new(tokio::sync::Semaphore::new(n)),
            crate::limits::take_turns,
        )),
    };
    let router = router
        .layer(
            ServiceBuilder::new()
                .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
                .layer(
                    TraceLayer::new_for_http()
                        .make_span_with(|req: &Request| {
                            // Low-cardinality span: the route template, never ids or query strings.
                            let route = req
                                .extensions()
                                .get::<axum::extract::MatchedPath>()
                                .map(|p| p.as_str().to_string())
                                .unwrap_or_else(|| "unmatched".into());
                            let id = req.headers().get(REQUEST_ID).and_then(|v| v.to_str().ok()).unwrap_or("-");
                            tracing::info_span!("request", method = %req.method(), route, request_id = %id)
                        })
                        .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
                )
                .layer(PropagateRequestIdLayer::new(REQUEST_ID))
                .layer(TimeoutLayer::with_status_code(
                    axum::http::StatusCode::REQUEST_TIMEOUT,
                    Duration::from_secs(30),
                )),
        )
        .with_state(state);
    (router, list)
}

/// Middleware: runs the request in the organisation's time zone, so every time
/// shown to people is local (`rapport_app::clock`).
async fn local_zone(
    axum::extract::State(state): axum::extract::State<AppState>,
    req: Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let zone = state.zone().await;
    rapport_app::clock::in_zone(zone, next.run(req)).await
}
