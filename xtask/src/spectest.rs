//! The WebAssembly spec test suite on both engines: wasmtime natively (the
//! reference column) and this backend in real Pyodide.

use crate::command::{cargo, root};
use crate::counts::Counts;
use crate::pyodide::{build_extension, node, node_tests};
use anyhow::Result;

/// Arguments that load the spec test extension with the repository mounted at `/repo`.
fn pyodide_args() -> Result<Vec<String>> {
    let ext = build_extension("spectest-ext", "rtl_spectest")?;
    let mut args = vec![
        "--ext".to_owned(),
        format!("rtl_spectest={}", ext.display()),
        "--mount".to_owned(),
        format!("{}:/repo", root().display()),
    ];
    if let Ok(bless) = std::env::var("SPECTEST_BLESS") {
        args.extend(["--env".to_owned(), format!("SPECTEST_BLESS={bless}")]);
    }
    Ok(args)
}

/// The core spec in Pyodide, checked against `spectest/baseline/pyodide.txt` (part of `test`).
pub fn core_in_pyodide() -> Result<Counts> {
    let mut args = pyodide_args()?;
    args.push(root().join("tests/python-spectest/test_spectest_core.py").display().to_string());
    node_tests(&args.iter().map(String::as_str).collect::<Vec<_>>())
}

/// Everything: core and proposals on both engines, then the reports.
pub fn all() -> Result<()> {
    cargo(&["test", "--package", "tests", "--test", "spectest_wasmtime", "--", "--include-ignored"], &[])?;
    core_in_pyodide()?;
    let mut args = pyodide_args()?;
    args.extend(["--script".to_owned(), root().join("tests/python-spectest/proposals.py").display().to_string()]);
    node(&args.iter().map(String::as_str).collect::<Vec<_>>())?;
    let reports = [
        ("wasmtime, core", "target/tmp/spectest/wasmtime-core.md"),
        ("wasmtime, proposals", "target/tmp/spectest/wasmtime-proposals.md"),
        ("pyodide, core", "target/spectest/pyodide-core.md"),
        ("pyodide, proposals", "target/spectest/pyodide-proposals.md"),
    ];
    for (what, path) in reports {
        let text = std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| format!("(missing: {e})"));
        println!("\n## {what} ({path})\n\n{text}");
    }
    Ok(())
}
