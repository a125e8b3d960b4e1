//! What a backend under test has to provide to the suite.

use wasm_runtime_layer::{Engine, backend::WasmEngine};

/// A backend under test: the engine to build stores from, plus the few facts
/// the suite cannot learn through `wasm_runtime_layer` itself.
///
/// The suite is generic over this trait, so the very same cases run natively
/// against wasmtime (the reference, whose answers are the expected ones) and
/// inside Pyodide against the JS-engine backend.
pub trait Target: 'static {
    /// The `wasm_runtime_layer` backend engine type.
    type Engine: WasmEngine;

    /// A short human-readable name, used in reports (e.g. `"wasmtime"`).
    fn name(&self) -> &'static str;

    /// An engine to build modules and stores from; may be fresh or shared.
    fn engine(&self) -> Engine<Self::Engine>;

    /// Classifies a trap error returned by a call; `None` if `err` is not a trap
    /// (for instance an error returned by a host function, or a type error).
    fn trap_kind(&self, err: &anyhow::Error) -> Option<TrapKind>;

    /// Whether `err` is a trap of kind `expected`. An engine that reports
    /// several kinds with one indistinguishable message (V8 does, see the
    /// crate documentation) overrides this to accept each of them.
    fn trap_matches(&self, err: &anyhow::Error, expected: TrapKind) -> bool {
        self.trap_kind(err) == Some(expected)
    }

    /// What the engine can express at its boundary (the documented differences).
    fn capabilities(&self) -> Capabilities;
}

/// The kinds of WebAssembly trap the suite provokes and expects to be told apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TrapKind {
    /// The `unreachable` instruction was executed.
    Unreachable,
    /// A load or store outside of linear memory.
    MemoryOutOfBounds,
    /// A table access (e.g. `call_indirect`) outside of the table.
    TableOutOfBounds,
    /// Integer division or remainder by zero.
    IntegerDivisionByZero,
    /// Integer overflow, e.g. `i32::MIN / -1`.
    IntegerOverflow,
    /// A float-to-integer conversion of NaN or of an out-of-range value.
    BadConversionToInteger,
    /// `call_indirect` through a null table entry.
    IndirectCallToNull,
    /// `call_indirect` to a function whose signature does not match.
    BadSignature,
    /// The call stack was exhausted (e.g. infinite recursion).
    StackOverflow,
}

/// Facts about what a backend can express at its host boundary.
///
/// Each `false` here is a documented difference from wasmtime; the cases then
/// check that the backend reports a clear `Err` (never a panic) instead of the
/// wasmtime value. See the crate documentation for the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Capabilities {
    /// `v128` values can cross the host boundary: as call parameters and
    /// results (both of guest exports and of host functions) and through
    /// `Global::set`. wasmtime: `true`. The JS WebAssembly API: `false`
    /// (it throws a `TypeError`, which the backend must turn into an `Err`).
    pub v128_at_boundary: bool,
    /// Modules using the exception-handling proposal (`tag`, `throw`,
    /// `try_table`) compile. wasmtime 48 (with its `gc` feature): `true`.
    pub wasm_exceptions: bool,
    /// An `f32` signalling NaN keeps its bits when it crosses the host
    /// boundary. wasmtime: `true`. The JS WebAssembly API: `false` (an `f32`
    /// crosses as a JS number, an `f64`, and that conversion quiets it).
    pub f32_signalling_nan_at_boundary: bool,
    /// NaN payloads and signs keep their bits across the host boundary
    /// (call arguments and results, host functions, globals). wasmtime:
    /// `true`. Where values cross as JS numbers: `false` (SpiderMonkey and
    /// JavaScriptCore canonicalize every NaN; the values stay NaNs).
    pub nan_payloads_at_boundary: bool,
    /// The WebAssembly proposals the engine compiles.
    pub proposals: Proposals,
}

/// Which WebAssembly proposals an engine compiles (beyond what every engine has).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Proposals {
    /// Everything `wasm_runtime_layer` can express (wasmtime 48).
    All,
    /// A JS host engine: WebAssembly 2.0 plus tail calls, threads and legacy
    /// exception handling (what V8 in Node 20 has), and the later proposals
    /// it was found to compile.
    Host(HostProposals),
}

impl Proposals {
    /// V8 in Node 20: none of the later proposals.
    pub const NODE_20: Self = Self::Host(HostProposals {
        exnref: false,
        gc: false,
        function_references: false,
        extended_const: false,
        multi_memory: false,
        memory64: false,
    });
}

/// The later proposals a JS host engine compiles (each asked of the engine
/// with `WebAssembly.validate`, not assumed from its name).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HostProposals {
    /// Exception handling with `exnref` (`try_table`, `throw_ref`).
    pub exnref: bool,
    /// Garbage collection (structs, arrays, `i31`).
    pub gc: bool,
    /// Typed function references.
    pub function_references: bool,
    /// Extended constant expressions.
    pub extended_const: bool,
    /// Multiple memories.
    pub multi_memory: bool,
    /// 64-bit memories.
    pub memory64: bool,
}

impl Capabilities {
    /// The capabilities of the reference engine, wasmtime: everything is expressible.
    pub const WASMTIME: Capabilities = Capabilities {
        v128_at_boundary: true,
        wasm_exceptions: true,
        f32_signalling_nan_at_boundary: true,
        nan_payloads_at_boundary: true,
        proposals: Proposals::All,
    };
}
