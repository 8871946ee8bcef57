//! Limits every face shares.

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use std::sync::Arc;
use tokio::sync::Semaphore;

/// Bodies larger than this are refused with 413 (forms and JSON here are small).
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// Middleware: at most `Config::requests_in_flight` requests are worked on at
/// once; the rest wait their turn, in order, holding nothing but the request
/// itself. Each started request holds what it has read (a client's history,
/// a caseload's cards) while it waits for the database and the audit commit,
/// so under overload the memory follows the number of callers; with a limit
/// it follows the limit (measured: 25 MB less under the soak, for a third
/// fewer requests a second; bench/README.md "Two things tried"). The probes
/// `/healthz` and `/readyz` never wait: a busy server is alive. The turn is
/// given back when the response's head is ready; a streamed body (an export)
/// does not hold it.
pub async fn take_turns(State(turns): State<Arc<Semaphore>>, req: Request, next: Next) -> Response {
    if matches!(req.uri().path(), "/healthz" | "/readyz") {
        return next.run(req).await;
    }
    // The semaphore is never closed, so acquiring cannot fail.
    let _turn = turns.acquire().await.ok();
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::routing::get;
    use axum::Router;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;
    use tokio::sync::Notify;
    use tower::ServiceExt;

    /// With one turn: a second request starts only when the first has
    /// answered, and the health probes answer meanwhile.
    #[tokio::test]
    async fn requests_wait_their_turn_and_probes_do_not() {
        let started = Arc::new(AtomicUsize::new(0));
        let release = Arc::new(Notify::new());
        let slow = {
            let (started, release) = (started.clone(), release.clone());
            move || async move {
                started.fetch_add(1, Ordering::SeqCst);
                release.notified().await;
                "done"
            }
        };
        let app = Router::new()
            .route("/slow", get(slow))
            .route("/healthz", get(|| async { "ok" }))
            .route("/readyz", get(|| async { "ready" }))
            .layer(axum::middleware::from_fn_with_state(Arc::new(Semaphore::new(1)), take_turns));
        let call = |path: &'static str| {
            let app = app.clone();
            tokio::spawn(async move { app.oneshot(Request::get(path).body(Body::empty()).unwrap()).await.unwrap() })
        };
        let first = call("/slow");
        let second = call("/slow");
        let settle = || tokio::time::sleep(Duration::from_millis(50));
        settle().await;
        assert_eq!(started.load(Ordering::SeqCst), 1, "the second request waits while the first holds the turn");
        for probe in ["/healthz", "/readyz"] {
            let answered = tokio::time::timeout(Duration::from_secs(5), call(probe)).await;
            assert_eq!(answered.expect("a probe does not wait").unwrap().status(), 200);
        }
        release.notify_one();
        assert_eq!(first.await.unwrap().status(), 200);
        settle().await;
        assert_eq!(started.load(Ordering::SeqCst), 2, "the turn passed to the waiting request");
        release.notify_one();
        assert_eq!(second.await.unwrap().status(), 200);
    }
}
