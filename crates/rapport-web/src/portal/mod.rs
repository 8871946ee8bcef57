//! The client portal: what a client sees after signing in with the account
//! their care team invited them to create. Phone-first pages in plain
//! language; every read and write of the client's record is audited, as for
//! staff. A client account reaches only `/portal/…` (see `confine_clients`).

pub mod caller;
mod entry;
pub mod layout;
pub mod pages;

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use rapport_app::caller::Identity;
use rapport_core::access::Role;

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    let r = r
        .get("/portal/login", entry::login_form)
        .post("/portal/login", entry::login_submit)
        .get("/portal/join", entry::join_form)
        .post("/portal/join", entry::join_submit)
        .get("/portal/help", entry::help)
        .post("/portal/language", entry::switch_language);
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
