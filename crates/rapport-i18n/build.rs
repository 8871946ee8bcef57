// The messages are embedded by `static_loader!`, which does not notice a new
// .ftl file: rebuild this crate whenever anything under locales/ changes.
fn main() {
    println!("cargo:rerun-if-changed=../../locales");
}
