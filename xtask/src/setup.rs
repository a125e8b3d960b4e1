//! Installs what the tasks need on a fresh machine (idempotent).

use crate::command::{output, root, run};
use anyhow::Result;

/// The Rust target Pyodide extensions are built for.
pub const TARGET: &str = "wasm32-unknown-emscripten";

/// Installs the Rust target and the pinned npm packages.
pub fn all() -> Result<()> {
    rust_target()?;
    npm_packages()
}

fn rust_target() -> Result<()> {
    let installed = output("rustup", &["target", "list", "--installed"])?;
    if !installed.lines().any(|line| line.trim() == TARGET) {
        run("rustup", &["target", "add", TARGET], &root(), &[])?;
    }
    Ok(())
}

fn npm_packages() -> Result<()> {
    let harness = root().join("tests/pyodide");
    let installed = crate::pyodide::LINES
        .iter()
        .all(|line| harness.join("node_modules").join(line).join("pyodide.asm.wasm").exists())
        && harness.join("node_modules/playwright-core/package.json").exists();
    if !installed {
        run("npm", &["ci", "--no-audit", "--no-fund"], &harness, &[])?;
    }
    Ok(())
}
