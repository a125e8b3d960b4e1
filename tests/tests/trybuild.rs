//! Compile tests of the `webidl!` macro (and of the generated API's
//! signatures): `ui/pass/*.rs` must compile and run, `ui/fail/*.rs` must fail
//! with exactly the errors in the matching `.stderr`.
//!
//! Re-bless the `.stderr` files with `TRYBUILD=overwrite` (on the pinned
//! toolchain: rustc's output changes between versions).

use std::process::Command;

/// Natively the pass cases link the libpython of the Python that pyo3 built
/// against (pyenv's, not on the loader path): make it findable when they run.
fn add_libpython_to_loader_path() {
    let python = std::env::var("PYO3_PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let Ok(output) = Command::new(python)
        .args([
            "-c",
            "import sysconfig; print(sysconfig.get_config_var('LIBDIR') or '')",
        ])
        .output()
    else {
        return;
    };
    let libdir = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    if libdir.is_empty() {
        return;
    }
    let path = match std::env::var("LD_LIBRARY_PATH") {
        Ok(existing) if !existing.is_empty() => format!("{libdir}:{existing}"),
        _ => libdir,
    };
    // SAFETY: set before trybuild starts any thread or child process, and this
    // binary has no other test running concurrently.
    unsafe { std::env::set_var("LD_LIBRARY_PATH", path) };
}

#[test]
fn ui() {
    add_libpython_to_loader_path();
    let cases = trybuild::TestCases::new();
    cases.pass("ui/pass/*.rs");
    cases.compile_fail("ui/fail/*.rs");
}
