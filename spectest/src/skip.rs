//! The reviewed reasons for not executing a directive.
//!
//! A skip is always decided *before* executing, from the directive itself
//! (and, for `v128`, the declared type of the export it names), never after
//! a failure: a skip can therefore never hide a failure of the backend.
//! Anything that goes wrong while executing is a failure, including missing
//! support in `wasm_runtime_layer` itself (e.g. GC reference types, which
//! its `Val` cannot express).

use std::fmt;

/// Why a directive was not executed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SkipReason {
    /// Proposal not enabled in this host engine: a proposal directory outside
    /// the caller's per-target list, or a module whose binary needs a
    /// proposal outside the target's `Capabilities::proposals` (checked by
    /// validating it with the host's feature set before any engine sees it).
    ProposalNotEnabled,
    /// `v128` value at the JS boundary: an argument, expected result or the
    /// export's declared type is `v128` and the target cannot pass `v128`
    /// between host and wasm (`Capabilities::v128_at_boundary` is false).
    V128AtBoundary,
    /// `f32` signalling NaN at the JS boundary: an expected result is an exact
    /// `f32` NaN with its quiet bit clear (or an argument is, and an `i32`
    /// result is its reinterpreted bits), and the target cannot
    /// keep its bits across the boundary
    /// (`Capabilities::f32_signalling_nan_at_boundary` is false).
    F32SignallingNanAtBoundary,
    /// The module imports a tag: `wasm_runtime_layer` 0.7 has no tag
    /// `Extern` (nor `ExternType`), so no embedder can supply one, on any
    /// engine (`Instance::exports` cannot pass one on to `register` either).
    /// Decided from the module binary, identically for every target;
    /// exported tags are not a skip reason (a backend may leave them out).
    TagImport,
    /// Assertion about the text format only (`assert_malformed` of a quoted
    /// module, or an `assert_invalid`/`assert_malformed` module the `wast`
    /// encoder already rejects): decided by the text parser, it never reaches
    /// an engine.
    TextFormat,
}

impl SkipReason {
    /// All reasons, in report order.
    pub const ALL: [SkipReason; 5] = [
        SkipReason::ProposalNotEnabled,
        SkipReason::V128AtBoundary,
        SkipReason::F32SignallingNanAtBoundary,
        SkipReason::TagImport,
        SkipReason::TextFormat,
    ];

    /// A short name for reports.
    pub fn name(self) -> &'static str {
        match self {
            SkipReason::ProposalNotEnabled => "proposal not enabled",
            SkipReason::V128AtBoundary => "v128 at boundary",
            SkipReason::F32SignallingNanAtBoundary => "f32 signalling NaN at boundary",
            SkipReason::TagImport => "tag import",
            SkipReason::TextFormat => "text format",
        }
    }
}

impl SkipReason {
    /// One sentence on what the reason covers and why it is not run, for reports.
    pub fn description(self) -> &'static str {
        match self {
            SkipReason::ProposalNotEnabled => {
                "the host engine lacks the proposal: a proposal directory outside the target's list, \
                 a module its feature set rejects when validated before any engine sees it (for V8 in \
                 Node 20: GC, typed function references, extended constant expressions, multiple \
                 memories, `try_table`/`exnref`), or a module importing from such a module"
            }
            SkipReason::V128AtBoundary => {
                "a `v128` argument, result or global crosses the host boundary, which the JS API forbids"
            }
            SkipReason::F32SignallingNanAtBoundary => {
                "an `f32` signalling NaN crosses the host boundary; through the JS API an `f32` is a JS \
                 number (an `f64`), and that conversion quiets it"
            }
            SkipReason::TagImport => {
                "the module imports a tag: `wasm_runtime_layer` 0.7 has no tag `Extern`, so no embedder \
                 can supply one on any engine (the same rule for every target)"
            }
            SkipReason::TextFormat => {
                "an assertion about the text format (a quoted malformed module, or a module the `wast` \
                 encoder already rejects): it never reaches an engine"
            }
        }
    }
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
