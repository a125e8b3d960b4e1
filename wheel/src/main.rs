//! `pyodide-wheel`: a PyO3 extension crate → a wheel that Pyodide installs
//! (`pyodide.loadPackage(url)` or `micropip.install(url)`), with no Emscripten
//! SDK.
//!
//! ```text
//! pyodide-wheel build --pyodide 314.0.8 [--manifest-path Cargo.toml] [-p PACKAGE] [--out-dir DIR]
//! pyodide-wheel build --lock path/to/pyodide-lock.json ...
//! ```
//!
//! It runs `cargo build --release --target wasm32-unknown-emscripten` with
//! PyO3 pointed at the Python of that Pyodide and itself as the linker (see
//! [`link`]), then packs the side module into
//! `<name>-<version>-<python tag>-<abi tag>-<platform tag>.whl` and prints its
//! path. Run with `PYODIDE_WHEEL_LINKER=1` (as cargo does when it links) it
//! is the linker.

mod build;
mod link;
mod pyodide;
mod wheel;
mod zip;

use anyhow::{Context, Result, bail};
use std::path::PathBuf;

const USAGE: &str = "usage: pyodide-wheel build (--pyodide VERSION | --lock PYODIDE-LOCK.JSON) \
[--manifest-path PATH] [-p PACKAGE] [--out-dir DIR]";

fn main() {
    let result = if std::env::var_os(link::LINKER_ENV).is_some() { link::run(std::env::args().skip(1)) } else { run() };
    if let Err(err) = result {
        eprintln!("pyodide-wheel: {err:#}");
        std::process::exit(1);
    }
}

fn run() -> Result<()> {
    let mut args = std::env::args().skip(1);
    match args.next().as_deref() {
        Some("build") => {}
        Some("--help" | "-h") | None => {
            println!("{USAGE}");
            return Ok(());
        }
        Some(other) => bail!("unknown command `{other}`\n{USAGE}"),
    }
    let mut options = build::Options::default();
    let mut target = None;
    while let Some(arg) = args.next() {
        let mut value = || args.next().with_context(|| format!("`{arg}` needs a value"));
        match arg.as_str() {
            "--pyodide" => target = Some(pyodide::Target::from_version(&value()?)?),
            "--lock" => target = Some(pyodide::Target::from_lock_file(&PathBuf::from(value()?))?),
            "--manifest-path" => options.manifest_path = Some(PathBuf::from(value()?)),
            "-p" | "--package" => options.package = Some(value()?),
            "--out-dir" => options.out_dir = Some(PathBuf::from(value()?)),
            other => bail!("unknown argument `{other}`\n{USAGE}"),
        }
    }
    let target = target.context("name the Pyodide to build for with --pyodide or --lock")?;
    let built = build::build(&options, &target)?;
    let wheel = wheel::write(&built, &target)?;
    println!("{}", wheel.display());
    Ok(())
}
