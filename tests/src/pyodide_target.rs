//! This backend, on the JS engine hosting Pyodide, as a conformance [`Target`].

use conformance::{Capabilities, HostProposals, Proposals, Target, TrapKind};
use pyodide_runtime_layer::{Trap, TrapCode};
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use pyodide_runtime_layer::{bindings, js};
use std::sync::OnceLock;
use wasm_runtime_layer::Engine;

/// `pyodide_runtime_layer` on the JS engine hosting this Pyodide, on the fast
/// path (when this Pyodide supports it) or forced onto the portable path.
#[derive(Clone, Copy, Debug)]
pub struct PyodideTarget {
    /// Never take the fast path (`pyodide_runtime_layer::Engine::portable`).
    pub portable: bool,
}

impl PyodideTarget {
    /// The default engine: the fast path where available.
    pub const FAST: Self = Self { portable: false };
    /// The portable PyO3 path only.
    pub const PORTABLE: Self = Self { portable: true };
}

impl Target for PyodideTarget {
    type Engine = pyodide_runtime_layer::Engine;

    fn name(&self) -> &'static str {
        if self.portable { "pyodide (portable path)" } else { "pyodide" }
    }

    fn engine(&self) -> Engine<Self::Engine> {
        Engine::new(if self.portable {
            pyodide_runtime_layer::Engine::portable()
        } else {
            pyodide_runtime_layer::Engine::default()
        })
    }

    fn trap_kind(&self, err: &anyhow::Error) -> Option<TrapKind> {
        let trap = err.chain().find_map(|e| e.downcast_ref::<Trap>())?;
        Some(match trap.code {
            TrapCode::Unreachable => TrapKind::Unreachable,
            TrapCode::MemoryOutOfBounds => TrapKind::MemoryOutOfBounds,
            TrapCode::TableOutOfBounds => TrapKind::TableOutOfBounds,
            TrapCode::IntegerDivisionByZero => TrapKind::IntegerDivisionByZero,
            TrapCode::IntegerOverflow => TrapKind::IntegerOverflow,
            TrapCode::BadConversionToInteger => TrapKind::BadConversionToInteger,
            TrapCode::IndirectCallToNullOrBadSignature => TrapKind::IndirectCallToNull,
            TrapCode::StackOverflow => TrapKind::StackOverflow,
            _ => return None,
        })
    }

    /// V8 gives one message for a null entry and a signature mismatch in
    /// `call_indirect`, and one for NaN and out-of-range float-to-int
    /// conversions: each such trap matches either kind of its pair.
    fn trap_matches(&self, err: &anyhow::Error, expected: TrapKind) -> bool {
        let Some(actual) = self.trap_kind(err) else { return false };
        let pair = |a, b| [a, b].contains(&actual) && [a, b].contains(&expected);
        actual == expected
            || pair(TrapKind::IndirectCallToNull, TrapKind::BadSignature)
            || pair(TrapKind::BadConversionToInteger, TrapKind::IntegerOverflow)
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            v128_at_boundary: false,
            wasm_exceptions: try_table_supported(),
            // Both paths carry floats as bits, never as JS numbers (call
            // shims and host thunks, or bit adapters; globals read and
            // written by Wasm accessors), so NaNs keep theirs.
            f32_signalling_nan_at_boundary: true,
            nan_payloads_at_boundary: true,
            proposals: Proposals::Host(host_proposals()),
        }
    }
}

/// Whether the host engine compiles the exception-handling proposal's
/// `try_table` (Chromium's V8 does, Node 20's does not).
fn try_table_supported() -> bool {
    host_proposals().exnref
}

/// The later proposals the host engine compiles, each asked once with
/// `WebAssembly.validate` of a module that needs it.
fn host_proposals() -> HostProposals {
    static FOUND: OnceLock<HostProposals> = OnceLock::new();
    *FOUND.get_or_init(|| HostProposals {
        exnref: validates("(module (tag $e) (func (block $out (try_table (catch_all $out)))))"),
        gc: validates("(module (type (struct (field i32))))"),
        function_references: validates("(module (type $f (func)) (func (param (ref null $f))))"),
        extended_const: validates("(module (global i32 (i32.add (i32.const 1) (i32.const 2))))"),
        multi_memory: validates("(module (memory 1) (memory 1))"),
        memory64: validates("(module (memory i64 1))"),
    })
}

/// Whether the host engine accepts the module `wat`.
fn validates(wat: &str) -> bool {
    let Ok(bytes) = wat::parse_str(wat) else { return false };
    Python::attach(|py| -> PyResult<bool> {
        let array = js::global_object(py, "Uint8Array")?.call_method1("new", (bytes.len(),))?;
        array.call_method1("assign", (PyBytes::new(py, &bytes),))?;
        bindings::WebAssembly::validate(py, &array, None)
    })
    .unwrap_or(false)
}
