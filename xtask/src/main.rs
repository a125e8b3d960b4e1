//! Project tasks, run as `cargo xtask <task>` (alias in `.cargo/config.toml`).
//!
//! Every task sets up what it needs on a fresh machine first: the
//! `wasm32-unknown-emscripten` Rust target, the pinned npm packages and, for
//! the browser runs, the browsers from Debian.

mod bench;
mod command;
mod counts;
mod matrix;
mod pyodide;
mod setup;
mod spec_refresh;
mod spectest;
mod user_path;

use anyhow::{Result, bail};
use counts::Counts;
use matrix::{Cell, Host};

const USAGE: &str = "usage: cargo xtask <task>

tasks:
  test       every test: native (cargo test --workspace), the real-Pyodide suite
             on every engine and Pyodide line (the matrix), the demo, and the
             core spec tests in Pyodide
  pyodide    the real-Pyodide suite under Node on every Pyodide line, and the demo
  browser [--engine chromium|firefox|webkit]
             the real-Pyodide suite in a headless browser (all three by default)
  demo       build the demo extension into a wheel, install it in Pyodide under
             Node and run it
  user-path  follow the README's 'Use it in your extension' (a fresh crate, its
             wheel in Node and Chromium)
  spectest   the WebAssembly spec tests on wasmtime and in Pyodide, with reports
  bench [--host node|bun|firefox]...
             benchmarks in Pyodide beside their limits (on all three hosts by
             default), written to BENCHMARKS.md (Node), bench/report/bun.md
             and bench/report/firefox.md
  spec-refresh <index.bs> [--proposal <index.bs>]...
             rewrite spec/upstream/js-api.webidl from the JS API's Bikeshed
             source (and proposals'), copying their IDL blocks to
             spec/upstream/sources/ (see spec/README.md)";

const BROWSERS: &[&str] = &["chromium", "firefox", "webkit"];

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
        "test" => test(),
        "pyodide" => {
            setup::all()?;
            let cells: Vec<Cell> = matrix::cells().into_iter().filter(|c| c.host == Host::Node).collect();
            let mut counts = matrix_counts(&cells)?;
            counts.add(pyodide::demo_test()?);
            println!("pyodide (tests/python on every line, demo): {counts}");
            ensure_passed(counts)
        }
        "browser" => {
            let engines: Vec<&str> = match args.get(1).map(String::as_str) {
                Some("--engine") => vec![args.get(2).map(String::as_str).unwrap_or_default()],
                Some(other) => bail!("unknown argument `{other}`\n\n{USAGE}"),
                None => BROWSERS.to_vec(),
            };
            let hosts = engines.iter().map(|e| Host::browser(e)).collect::<Result<Vec<_>>>()?;
            setup::all()?;
            setup::browsers(&engines)?;
            let cells: Vec<Cell> = hosts.into_iter().map(|host| Cell { host, line: pyodide::LINES[0], main_thread: false }).collect();
            ensure_passed(matrix_counts(&cells)?)
        }
        "spectest" => {
            setup::all()?;
            spectest::all()
        }
        "spec-refresh" => spec_refresh::run(&args[1..]),
        "bench" => {
            setup::all()?;
            bench::run(&args[1..])
        }
        "demo" => {
            setup::all()?;
            pyodide::demo()
        }
        "user-path" => {
            setup::all()?;
            setup::browsers(&["chromium"])?;
            let counts = user_path::test()?;
            println!("the README's extension: {counts}");
            ensure_passed(counts)
        }
        other => bail!("unknown task `{other}`\n\n{USAGE}"),
    }
}

/// `cargo xtask test`: everything, with a summary and the matrix table.
fn test() -> Result<()> {
    setup::all()?;
    setup::browsers(BROWSERS)?;
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let native = command::run_counted(&cargo, &["test", "--workspace"], &command::root(), &[])?;
    let outcomes = matrix::run(&matrix::cells())?;
    let table = matrix::table(&outcomes);
    matrix::publish(&table)?;
    let demo = pyodide::demo_test()?;
    let readme = user_path::test()?;
    let spec = spectest::core_in_pyodide()?;

    println!("\n== summary ==\n\n{table}");
    println!("native (cargo test --workspace): {native}");
    let mut in_pyodide = Counts::default();
    for o in &outcomes {
        in_pyodide.add(o.counts());
    }
    println!("tests/python on every engine and Pyodide line: {in_pyodide}");
    println!("demo in Pyodide: {demo}");
    println!("the README's extension (Node, Chromium): {readme}");
    println!("core spec tests in Pyodide: {spec}");
    let mut total = native;
    for part in [in_pyodide, demo, readme, spec] {
        total.add(part);
    }
    println!("{} passed, {} failed", total.passed, total.failed);
    ensure_passed(total)
}

/// Runs `cells` and sums their counts.
fn matrix_counts(cells: &[Cell]) -> Result<Counts> {
    let outcomes = matrix::run(cells)?;
    println!("\n{}", matrix::table(&outcomes));
    let mut counts = Counts::default();
    for o in &outcomes {
        counts.add(o.counts());
    }
    Ok(counts)
}

/// An error when anything failed (a cell that did not finish counts as failed).
fn ensure_passed(counts: Counts) -> Result<()> {
    if counts.failed > 0 || counts.passed == 0 {
        bail!("{counts}");
    }
    Ok(())
}
