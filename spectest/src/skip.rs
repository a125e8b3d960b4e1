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
    /// Assertion about the text format only (`assert_malformed` of a quoted
    /// module, or an `assert_invalid`/`assert_malformed` module the `wast`
    /// encoder already rejects): decided by the text parser, it never reaches
    /// an engine.
    TextFormat,
}

impl SkipReason {
    /// All reasons, in report order.
    pub const ALL: [SkipReason; 4] = [
        SkipReason::ProposalNotEnabled,
        SkipReason::V128AtBoundary,
        SkipReason::F32SignallingNanAtBoundary,
        SkipReason::TextFormat,
    ];

    /// A short name for reports.
    pub fn name(self) -> &'static str {
        match self {
            SkipReason::ProposalNotEnabled => "proposal not enabled",
            SkipReason::V128AtBoundary => "v128 at boundary",
            SkipReason::F32SignallingNanAtBoundary => "f32 signalling NaN at boundary",
            SkipReason::TextFormat => "text format",
        }
    }
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
