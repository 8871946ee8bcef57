//! The route table: every face registers its routes through `Routes`, which
//! also records them, so the access-matrix test can insist that each route has
//! an entry (a route added without one fails the test).

use axum::handler::Handler;
use axum::http::Method;
use axum::routing::{get, post, MethodRouter};
use axum::Router;
use rapport_app::AppState;

pub struct Routes {
    router: Router<AppState>,
    list: Vec<(Method, &'static str)>,
}

impl Routes {
    pub(crate) fn new() -> Self {
        Routes { router: Router::new(), list: Vec::new() }
    }

    /// The router and the list of every (method, path) registered.
    pub(crate) fn into_parts(self) -> (Router<AppState>, Vec<(Method, &'static str)>) {
        (self.router, self.list)
    }

    pub fn add(mut self, method: Method, path: &'static str, route: MethodRouter<AppState>) -> Self {
        self.list.push((method, path));
        self.router = self.router.route(path, route);
        self
    }

    pub fn get<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, h: H) -> Self {
        self.add(Method::GET, path, get(h))
    }

    pub fn post<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, h: H) -> Self {
        self.add(Method::POST, path, post(h))
    }

    pub fn put<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, h: H) -> Self {
        self.add(Method::PUT, path, axum::routing::put(h))
    }

    pub fn delete<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, h: H) -> Self {
        self.add(Method::DELETE, path, axum::routing::delete(h))
    }

    pub fn patch<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, h: H) -> Self {
        self.add(Method::PATCH, path, axum::routing::patch(h))
    }
}
