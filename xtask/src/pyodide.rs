//! Building extensions for Pyodide and running them in real Pyodide under Node.

use crate::command::{cargo, root, run};
use crate::setup::TARGET;
use anyhow::{Context, Result};
use std::path::PathBuf;

/// The Python version of the pinned Pyodide, read from its `pyodide-lock.json`
/// (`info.python`, e.g. `3.14.2` → `3.14`). PyO3 must target exactly this Python.
fn python_version() -> Result<String> {
    let lock = root().join("tests/pyodide/node_modules/pyodide/pyodide-lock.json");
    let text = std::fs::read_to_string(&lock)
        .with_context(|| format!("reading {}", lock.display()))?;
    let key = "\"python\":";
    let start = text.find(key).context("no `python` in pyodide-lock.json")? + key.len();
    let version: String = text[start..]
        .trim_start()
        .trim_start_matches('"')
        .chars()
        .take_while(|c| *c != '"')
        .collect();
    let mut parts = version.split('.');
    match (parts.next(), parts.next()) {
        (Some(major), Some(minor)) => Ok(format!("{major}.{minor}")),
        _ => anyhow::bail!("unexpected Python version `{version}` in pyodide-lock.json"),
    }
}

/// Builds the cdylib `package` for Pyodide and returns the path of the side module.
pub fn build_extension(package: &str, lib_name: &str) -> Result<PathBuf> {
    let python = python_version()?;
    cargo(
        &["build", "--release", "--target", TARGET, "--package", package],
        &[
            ("PYO3_CROSS_PYTHON_VERSION", &python),
            ("PYO3_BUILD_EXTENSION_MODULE", "1"),
        ],
    )?;
    Ok(root()
        .join("target")
        .join(TARGET)
        .join("release")
        .join(format!("{lib_name}.wasm")))
}

/// Runs `node tests/pyodide/run.mjs args`.
fn node(args: &[&str]) -> Result<()> {
    let harness = root().join("tests/pyodide");
    let mut full = vec!["run.mjs"];
    full.extend_from_slice(args);
    run("node", &full, &harness, &[])
}

/// Builds the test extension and runs the Python test suite in Pyodide.
pub fn test() -> Result<()> {
    let ext = build_extension("pyodide-tests-ext", "rtl_tests")?;
    let ext_arg = format!("rtl_tests={}", ext.display());
    let tests = root().join("tests/python");
    node(&["--ext", &ext_arg, &tests.display().to_string()])
}

/// Builds the demo extension and runs it in Pyodide.
pub fn demo() -> Result<()> {
    let ext = build_extension("demo", "demo")?;
    let ext_arg = format!("demo={}", ext.display());
    let script = root().join("demo/demo.py");
    node(&["--ext", &ext_arg, "--script", &script.display().to_string()])
}
