//! `include/license.h` is what cbindgen makes of `src/lib.rs`, and
//! `include/license_ffi.def` (for MSVC's `lib /def:`) lists its functions:
//! this fails when they differ. `LICENSE_FFI_WRITE_HEADER=1 cargo test -p
//! license-ffi --test header` writes both anew.

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

/// The module-definition file lists exactly the header's functions, so an
/// MSVC user's `lib /def:include/license_ffi.def /machine:x64` import
/// library matches the DLL (scripts/windows.sh compares it with the DLL's exports).
#[test]
fn the_def_file_lists_every_function_of_the_header() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let header = std::fs::read_to_string(dir.join("include/license.h")).unwrap();
    let functions: Vec<&str> = header
        .lines()
        .filter_map(|line| line.split_once(" license_"))
        .filter(|(kind, rest)| matches!(*kind, "int" | "void") && rest.contains('('))
        .map(|(_, rest)| &rest[..rest.find('(').unwrap()])
        .collect();
    assert!(functions.len() >= 18, "{functions:?}");
    let made = format!(
        "; The functions of license_ffi.dll (license.h), for MSVC: lib /def:license_ffi.def /machine:x64 /out:license_ffi.lib\n\
         ; Made by crates/license-ffi/tests/header.rs; do not edit.\nLIBRARY license_ffi\nEXPORTS\n{}",
        functions.iter().map(|f| format!("    license_{f}\n")).collect::<String>()
    );
    let path = dir.join("include/license_ffi.def");
    if std::env::var_os("LICENSE_FFI_WRITE_HEADER").is_some() {
        std::fs::write(&path, &made).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == made,
        "include/license_ffi.def is out of date: run LICENSE_FFI_WRITE_HEADER=1 cargo test -p license-ffi --test header"
    );
}
