// Temporary timing probe (not committed).
use rapport_store::reports::{Dimension, ReportFilter};
use rapport_store::{OpenOptions, Store, Target};
use std::time::Instant;
#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let a = std::env::args().nth(1).unwrap();
    let target = if a.starts_with("postgres") { Target::Url(a) } else { Target::DataDir(a.into()) };
    let store = Store::open(&target, OpenOptions::default()).await.unwrap();
    store.catch_up_outcomes().await.unwrap();
    let today = time::macros::date!(2026 - 11 - 30);
    let f = ReportFilter { from: Some(today - time::Duration::days(365)), to: Some(today), ..Default::default() };
    let mut v = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        store.outcome_breakdown(&f, Dimension::Clinician).await.unwrap();
        v.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!("12 months clinician p50 {:.1} min {:.1}", v[10], v[0]);
}
