//! The application layer: use cases that every face (staff pages, the client
//! portal, measure links, the JSON API) calls, so each exists once. Faces parse
//! their input and render; the rules and the writes live here (and below, in
//! core and the store). The architecture issue moves this into its own crate.

pub mod outcomes;
pub mod responses;
