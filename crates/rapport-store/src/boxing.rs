//! Boxed futures at this crate's boundary.

/// Marks a public async function whose future is boxed, so that its state
/// machine is compiled once, in this crate. An unboxed `async fn`'s state
/// machine is compiled again in every crate that awaits it (and, for a call
/// chain, the whole chain beneath it): before this, the web crate and the
/// binary recompiled most of the store and the use cases, about a quarter of
/// a release build (docs/decisions.md, decision 29). Generic functions stay
/// unboxed: they are compiled where they are instantiated anyway. The cost is
/// one allocation per call.
pub(crate) use async_recursion::async_recursion as boxed_future;

/// A boxed future, written out for private helpers (see `records`).
pub(crate) type Boxed<'a, T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send + 'a>>;
