//! The real-Pyodide test suite in a real browser: headless Debian Chromium,
//! driven by npm `playwright-core` (`tests/browser/run.mjs`).

use crate::command::{root, run_counted};
use crate::counts::Counts;
use anyhow::{Result, bail};
use std::path::Path;

/// Debian's Chromium; the browser run never downloads one of its own.
pub const CHROMIUM: &str = "/usr/bin/chromium";

/// Fails with how to install Chromium when it is missing.
pub fn check_chromium() -> Result<()> {
    if !Path::new(CHROMIUM).exists() {
        bail!(
            "{CHROMIUM} not found: the browser tests need Debian's Chromium. Install it as root with\n    \
             apt-get update && apt-get install -y --no-install-recommends chromium\n\
             (`.ci/run` does this when it is missing)"
        );
    }
    Ok(())
}

/// Builds the test extension and runs `tests/python` in Pyodide in headless
/// Chromium, with the same harness as under Node; the output streams through.
pub fn test() -> Result<Counts> {
    check_chromium()?;
    let ext = crate::pyodide::build_extension("pyodide-tests-ext", "rtl_tests")?;
    let ext_arg = format!("rtl_tests={}", ext.display());
    let tests = root().join("tests/python").display().to_string();
    run_counted("node", &["run.mjs", "--ext", &ext_arg, &tests], &root().join("tests/browser"), &[])
}
