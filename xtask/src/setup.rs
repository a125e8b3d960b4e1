//! Installs what the tasks need on a fresh machine (idempotent): the Rust
//! target, the pinned npm packages, and the browsers from Debian.

use crate::command::{output, root, run};
use anyhow::{Result, bail};

/// The Rust target Pyodide extensions are built for.
pub const TARGET: &str = "wasm32-unknown-emscripten";

/// npm packages the harness needs, by the file that shows each is installed.
const NPM_MARKERS: &[&str] = &[
    "pyodide/pyodide.asm.wasm",
    "pyodide-0.29/pyodide.asm.wasm",
    "pyodide-0.28/pyodide.asm.wasm",
    "node-24/bin/node",
    ".bin/bun",
];

/// Installs the Rust target and the pinned npm packages.
pub fn all() -> Result<()> {
    rust_target(TARGET)?;
    npm_packages()
}

/// micropip's and packaging's wheels from PyPI (pinned with their hashes in
/// `tests/pyodide/micropip-requirements.txt`), in `tests/pyodide/wheels`,
/// whose path it returns.
pub fn micropip_wheels() -> Result<std::path::PathBuf> {
    let dir = root().join("tests/pyodide/wheels");
    let present = std::fs::read_dir(&dir).map(|entries| entries.filter_map(|e| e.ok()).count()).unwrap_or(0);
    if present < 2 {
        if output("python3", &["-m", "pip", "--version"]).is_err() {
            apt_install(&["python3-pip"])?;
        }
        let requirements = root().join("tests/pyodide/micropip-requirements.txt").display().to_string();
        let dest = dir.display().to_string();
        run(
            "python3",
            &["-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:", "--python-version", "3.14",
              "--require-hashes", "-r", &requirements, "-d", &dest],
            &root(),
            &[],
        )?;
    }
    Ok(dir)
}

/// Installs the Rust target `target` if it is missing.
pub fn rust_target(target: &str) -> Result<()> {
    let installed = output("rustup", &["target", "list", "--installed"])?;
    if !installed.lines().any(|line| line.trim() == target) {
        run("rustup", &["target", "add", target], &root(), &[])?;
    }
    Ok(())
}

fn npm_packages() -> Result<()> {
    let modules = root().join("tests/pyodide/node_modules");
    if !NPM_MARKERS.iter().all(|marker| modules.join(marker).exists()) {
        run("npm", &["ci", "--no-audit", "--no-fund"], &root().join("tests/pyodide"), &[])?;
    }
    Ok(())
}

/// Makes sure the browsers of `engines` (names in `tests/browser/engines.mjs`)
/// are there: missing ones are installed from Debian when this runs as root
/// (or with passwordless sudo); otherwise it stops with the command to run.
pub fn browsers(engines: &[&str]) -> Result<()> {
    let script = root().join("tests/browser/engines.mjs").display().to_string();
    let mut args = vec![script.as_str(), "missing"];
    args.extend_from_slice(engines);
    let missing = output("node", &args)?;
    let packages: Vec<&str> = missing.split_whitespace().collect();
    apt_install(&packages)
}

/// Installs Debian `packages` (none: nothing to do) when this runs as root or
/// with passwordless sudo; otherwise stops with the command to run.
fn apt_install(packages: &[&str]) -> Result<()> {
    if packages.is_empty() {
        return Ok(());
    }
    let install = format!("apt-get update && apt-get install -y --no-install-recommends {}", packages.join(" "));
    let root_user = output("id", &["-u"]).is_ok_and(|id| id.trim() == "0");
    let sudo = !root_user && std::process::Command::new("sudo").args(["-n", "true"]).status().is_ok_and(|s| s.success());
    if !root_user && !sudo {
        bail!("the tests need {}. Install them as root with\n    {install}", packages.join(", "));
    }
    let prefix: &[&str] = if sudo { &["sudo", "-n"] } else { &[] };
    let apt = |args: &[&str]| {
        let mut full: Vec<&str> = prefix.to_vec();
        full.push("apt-get");
        full.extend_from_slice(args);
        run(full[0], &full[1..], &root(), &[("DEBIAN_FRONTEND", "noninteractive")])
    };
    apt(&["update", "-q"])?;
    let mut install_args = vec!["install", "-y", "-q", "--no-install-recommends"];
    install_args.extend(packages.iter().copied());
    apt(&install_args)
}
