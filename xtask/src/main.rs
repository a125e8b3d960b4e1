//! Project tasks, run as `cargo xtask <task>` (alias in `.cargo/config.toml`).
//!
//! Every task sets up what it needs on a fresh machine first: the
//! `wasm32-unknown-emscripten` Rust target and the pinned npm packages.

mod bench;
mod browser;
mod command;
mod counts;
mod pyodide;
mod setup;
mod spectest;

use anyhow::{Result, bail};

const USAGE: &str = "usage: cargo xtask <task>

tasks:
  test       native tests (cargo test --workspace), then the real-Pyodide suite
             under Node, then in headless Chromium
  pyodide    only the real-Pyodide suite
  browser    the real-Pyodide suite (tests/python) in headless Chromium
  demo       build the demo extension for Pyodide and run it under Node
  spectest   the WebAssembly spec tests on wasmtime and in Pyodide, with reports
  bench      benchmarks in Pyodide beside their limits, written to BENCHMARKS.md";

fn main() {
    if let Err(err) = run() {
        eprintln!("xtask: {err:#}");
        std::process::exit(1);
    }
}

fn run() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(task) = args.first() else {
        println!("{USAGE}");
        return Ok(());
    };
    match task.as_str() {
        "test" => {
            browser::check_chromium()?;
            setup::all()?;
            let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
            let native = command::run_counted(&cargo, &["test", "--workspace"], &command::root(), &[])?;
            let mut in_pyodide = pyodide::test()?;
            let spec = spectest::core_in_pyodide()?;
            in_pyodide.passed += spec.passed;
            in_pyodide.failed += spec.failed;
            let in_browser = browser::test()?;
            println!("\n== summary ==");
            println!("native (cargo test --workspace): {native}");
            println!("pyodide (tests/python, demo, core spec): {in_pyodide}");
            println!("browser (tests/python in headless Chromium): {in_browser}");
            let total = counts::Counts {
                passed: native.passed + in_pyodide.passed + in_browser.passed,
                failed: native.failed + in_pyodide.failed + in_browser.failed,
            };
            println!("total: {total}");
            Ok(())
        }
        "pyodide" => {
            setup::all()?;
            let counts = pyodide::test()?;
            println!("pyodide (tests/python, demo): {counts}");
            Ok(())
        }
        "browser" => {
            browser::check_chromium()?;
            setup::all()?;
            browser::test().map(|_| ())
        }
        "spectest" => {
            setup::all()?;
            spectest::all()
        }
        "bench" => {
            setup::all()?;
            bench::run()
        }
        "demo" => {
            setup::all()?;
            pyodide::demo()
        }
        other => bail!("unknown task `{other}`\n\n{USAGE}"),
    }
}
