// The migrations are embedded by `sqlx::migrate!`: a new or changed file must
// rebuild the server (sqlx's own advice; cargo does not see them otherwise).
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
