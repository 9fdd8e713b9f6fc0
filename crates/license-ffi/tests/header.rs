//! `include/license.h` is what cbindgen makes of `src/lib.rs`: this fails
//! when they differ. `LICENSE_FFI_WRITE_HEADER=1 cargo test -p license-ffi
//! --test header` writes it anew.

#[test]
fn the_committed_header_is_up_to_date() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = cbindgen::Config::from_file(dir.join("cbindgen.toml")).unwrap();
    let mut made = Vec::new();
    cbindgen::generate_with_config(dir, config).unwrap().write(&mut made);
    let made = String::from_utf8(made).unwrap();
    let path = dir.join("include/license.h");
    if std::env::var_os("LICENSE_FFI_WRITE_HEADER").is_some() {
        std::fs::write(&path, &made).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == made,
        "include/license.h is out of date: run LICENSE_FFI_WRITE_HEADER=1 cargo test -p license-ffi --test header"
    );
}
