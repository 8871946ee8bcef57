// `sqlx::migrate!` embeds the migration files when this crate compiles; a new
// or changed migration alone (no Rust change) must still rebuild it.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
