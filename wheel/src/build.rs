//! Building the extension: `cargo build` for Pyodide, with this program as
//! the linker and PyO3 pointed at the Python of the target Pyodide.

use crate::pyodide::Target;
use anyhow::{Context, Result, bail};
use std::path::PathBuf;
use std::process::Command;

/// The Rust target of Pyodide extensions.
pub const RUST_TARGET: &str = "wasm32-unknown-emscripten";

/// What to build.
#[derive(Debug, Default)]
pub struct Options {
    /// The crate's `Cargo.toml` (default: cargo's own lookup from the current directory).
    pub manifest_path: Option<PathBuf>,
    /// The package, in a workspace.
    pub package: Option<String>,
    /// Where the wheel goes (default: `<target dir>/wheels`).
    pub out_dir: Option<PathBuf>,
}

/// A built extension.
#[derive(Debug)]
pub struct Built {
    /// The package name (the wheel's distribution name).
    pub name: String,
    /// The package version.
    pub version: String,
    /// The library's name, which is the Python module's name.
    pub module: String,
    /// The side module cargo wrote.
    pub side_module: PathBuf,
    /// Where the wheel goes.
    pub out_dir: PathBuf,
}

/// Builds the cdylib of the selected package for `target`.
pub fn build(options: &Options, target: &Target) -> Result<Built> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut metadata = Command::new(&cargo);
    metadata.args(["metadata", "--no-deps", "--format-version", "1"]);
    if let Some(path) = &options.manifest_path {
        metadata.arg("--manifest-path").arg(path);
    }
    let out = metadata.output().context("could not run cargo metadata")?;
    if !out.status.success() {
        bail!("cargo metadata failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).context("parsing cargo metadata")?;
    let packages = meta["packages"].as_array().context("no packages in cargo metadata")?;
    let package = match &options.package {
        Some(name) => packages.iter().find(|p| p["name"] == name.as_str()).with_context(|| format!("no package `{name}`"))?,
        None if packages.len() == 1 => &packages[0],
        None => bail!("this is a workspace: name the package with -p"),
    };
    let name = package["name"].as_str().context("package without a name")?.to_owned();
    let version = package["version"].as_str().context("package without a version")?.to_owned();
    let lib = package["targets"]
        .as_array()
        .and_then(|targets| targets.iter().find(|t| t["crate_types"].as_array().is_some_and(|c| c.iter().any(|c| c == "cdylib"))))
        .with_context(|| format!("package `{name}` has no cdylib target (add `crate-type = [\"cdylib\"]` under [lib])"))?;
    let module = lib["name"].as_str().context("library without a name")?.to_owned();
    let target_dir = PathBuf::from(meta["target_directory"].as_str().context("no target directory")?);

    let linker = std::env::current_exe().context("locating pyodide-wheel itself")?;
    let mut build = Command::new(&cargo);
    build.args(["build", "--release", "--lib", "--target", RUST_TARGET, "--package", &name]);
    if let Some(path) = &options.manifest_path {
        build.arg("--manifest-path").arg(path);
    }
    let status = build
        .env("CARGO_TARGET_WASM32_UNKNOWN_EMSCRIPTEN_LINKER", &linker)
        .env(crate::link::LINKER_ENV, "1")
        .env("PYO3_CROSS_PYTHON_VERSION", &target.python)
        .env("PYO3_BUILD_EXTENSION_MODULE", "1")
        .status()
        .context("could not run cargo build")?;
    if !status.success() {
        bail!("cargo build failed ({status}); is the target installed? rustup target add {RUST_TARGET}");
    }
    Ok(Built {
        side_module: target_dir.join(RUST_TARGET).join("release").join(format!("{module}.wasm")),
        out_dir: options.out_dir.clone().unwrap_or_else(|| target_dir.join("wheels")),
        name,
        version,
        module,
    })
}
