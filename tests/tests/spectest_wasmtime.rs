//! The WebAssembly spec test suite run natively on wasmtime through
//! `wasmtime_runtime_layer`.
//!
//! `core_spec_on_wasmtime` runs the core spec scripts, writes the Markdown
//! report to `<target>/tmp/spectest/wasmtime-core.md`, prints the summary
//! line and checks the pass count against `spectest/baseline/wasmtime.txt`
//! (it may only go up). With `SPECTEST_BLESS=1` a higher pass count is
//! recorded, and the checked-in report `spectest/report/wasmtime-core.md`
//! is refreshed.
//!
//! `proposals_on_wasmtime` (ignored by default, run it with `--ignored`)
//! runs every proposal directory, with the proposals wasmtime 48 enables by
//! default, and writes `wasmtime-proposals.md` the same way (no baseline).

use std::io::Write as _;
use std::path::{Path, PathBuf};

use conformance::{Capabilities, Target, TrapKind};
use tests::WasmtimeTarget;
use wasm_runtime_layer::Engine;

/// The workspace root.
fn workspace() -> PathBuf {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR"));
    tests
        .parent()
        .expect("the tests crate lives in the workspace")
        .to_path_buf()
}

/// Whether `SPECTEST_BLESS=1` is set.
fn blessing() -> bool {
    std::env::var(spectest::baseline::BLESS_ENV).is_ok_and(|v| v == "1")
}

/// Runs `run` on a thread with a large stack (Cranelift in a debug build
/// recurses deeply on the suite's deeply nested modules).
fn on_big_stack<R: Send + 'static>(run: impl FnOnce() -> R + Send + 'static) -> R {
    std::thread::Builder::new()
        .name("spectest".into())
        .stack_size(64 << 20)
        .spawn(run)
        .expect("spawn the spectest thread")
        .join()
        .expect("the spectest run itself never panics")
}

/// Writes the report under the target dir (and, when blessing, into
/// `spectest/report/`) and prints the summary past the test harness's
/// output capture.
fn publish(report: &spectest::Report, file: &str) {
    let markdown = report.to_markdown();
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("spectest");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join(file), &markdown).unwrap();
    if blessing() {
        let checked_in = workspace().join("spectest/report");
        std::fs::create_dir_all(&checked_in).unwrap();
        std::fs::write(checked_in.join(file), &markdown).unwrap();
    }
    let _ = writeln!(
        std::io::stderr(),
        "{}\n(report: {})",
        report.summary(),
        out.join(file).display()
    );
}

#[test]
fn core_spec_on_wasmtime() {
    let report = on_big_stack(|| spectest::run_core(&WasmtimeTarget::new()));
    publish(&report, "wasmtime-core.md");
    let baseline = workspace().join("spectest/baseline/wasmtime.txt");
    if let Err(e) = spectest::baseline_ok(&report, &baseline) {
        panic!("{e:#}");
    }
}

#[test]
#[ignore = "the proposal scripts take a while; run with --ignored"]
fn proposals_on_wasmtime() {
    let report = on_big_stack(|| {
        spectest::run_proposals(
            &WasmtimeTarget::new(),
            spectest::suite::WASMTIME_48_PROPOSALS,
        )
    });
    publish(&report, "wasmtime-proposals.md");
}

/// A script whose every directive's expected outcome is known: checks that
/// the runner fails wrong expectations (values, NaN patterns, extern refs,
/// trap kinds, validation) instead of passing them.
const SELF_TEST: &str = r#"
(module
  (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
  (func (export "signalling-nan") (result f32) (f32.const nan:0x200000))
  (func (export "neg-zero") (result f64) (f64.const -0))
  (func (export "id") (param externref) (result externref) (local.get 0))
  (func $f (export "func") (result funcref) (ref.func $f))
  (func $run (export "runaway") (call $run))
  (func (export "splat") (result v128) (i32x4.splat (i32.const 1)))
  (global (export "g") i32 (i32.const 42))
)
(assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 3))
(assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 4))
(assert_trap (invoke "div" (i32.const 1) (i32.const 0)) "integer divide by zero")
(assert_trap (invoke "div" (i32.const 1) (i32.const 0)) "integer overflow")
(assert_trap (invoke "div" (i32.const 4) (i32.const 2)) "integer divide by zero")
(assert_return (invoke "signalling-nan") (f32.const nan:arithmetic))
(assert_return (invoke "neg-zero") (f64.const 0))
(assert_return (invoke "id" (ref.extern 7)) (ref.extern 7))
(assert_return (invoke "id" (ref.extern 7)) (ref.extern 8))
(assert_return (invoke "id" (ref.null extern)) (ref.null))
(assert_return (invoke "func") (ref.func))
(assert_exhaustion (invoke "runaway") "call stack exhausted")
(assert_return (get "g") (i32.const 42))
(assert_return (invoke "splat") (v128.const i32x4 1 1 1 1))
(assert_return (invoke "splat") (v128.const i32x4 1 1 1 2))
(assert_invalid (module (func (result i32))) "type mismatch")
(assert_invalid (module (func)) "nothing is wrong with this module")
(assert_malformed (module quote "(func") "unexpected end")
(assert_unlinkable (module (import "spectest" "nope" (func))) "unknown import")
(assert_trap (module (func $start unreachable) (start $start)) "unreachable")
(invoke "missing")
"#;

/// The same target, but claiming it cannot pass `v128` across the boundary.
struct WasmtimeWithoutV128(WasmtimeTarget);

impl Target for WasmtimeWithoutV128 {
    type Engine = wasmtime_runtime_layer::Engine;

    fn name(&self) -> &'static str {
        "wasmtime-without-v128"
    }

    fn engine(&self) -> Engine<Self::Engine> {
        self.0.engine()
    }

    fn trap_kind(&self, err: &anyhow::Error) -> Option<TrapKind> {
        self.0.trap_kind(err)
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            v128_at_boundary: false,
            ..Capabilities::WASMTIME
        }
    }
}

#[test]
fn runner_fails_wrong_expectations() {
    let report =
        on_big_stack(|| spectest::run_wast(&WasmtimeTarget::new(), "self-test", SELF_TEST));
    let file = &report.files[0];
    let failed_lines: Vec<usize> = file.failures.iter().map(|f| f.line).collect();
    // Lines (1-based, the script starts with a newline) that must fail.
    assert_eq!(
        failed_lines,
        [14, 16, 17, 18, 19, 21, 27, 29, 33],
        "{}",
        report.to_markdown()
    );
    assert_eq!(file.passed, 12, "{}", report.to_markdown());
    assert_eq!(report.skipped(), 1, "{}", report.to_markdown());

    let report = on_big_stack(|| {
        spectest::run_wast(
            &WasmtimeWithoutV128(WasmtimeTarget::new()),
            "self-test",
            SELF_TEST,
        )
    });
    let skipped = report.skipped_by_reason();
    assert_eq!(skipped.get(&spectest::SkipReason::V128AtBoundary), Some(&2));
    assert_eq!(report.failed(), 8, "{}", report.to_markdown());
}
