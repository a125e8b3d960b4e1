//! Errors: traps, Wasm exceptions and JS errors, each a typed error that
//! `anyhow::Error::downcast_ref` finds.

use crate::trap_sites::TableSites;
use crate::Engine;
use pyo3::prelude::*;
use std::fmt;
use wasm_runtime_layer::backend::Val;

/// Why Wasm execution trapped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TrapCode {
    /// An `unreachable` instruction was executed.
    Unreachable,
    /// A memory access was out of bounds.
    MemoryOutOfBounds,
    /// A table access was out of bounds.
    TableOutOfBounds,
    /// Integer division or remainder by zero.
    IntegerDivisionByZero,
    /// Integer overflow (`i32.div_s` of `INT_MIN / -1`).
    IntegerOverflow,
    /// A float-to-integer conversion of NaN or an out-of-range value.
    BadConversionToInteger,
    /// `call_indirect` reached a null entry or a function of another type.
    ///
    /// V8 reports both cases with one message ("null function or function
    /// signature mismatch"), so the JS engine does not let us tell them apart.
    IndirectCallToNullOrBadSignature,
    /// A null reference was dereferenced.
    NullReference,
    /// The call stack was exhausted.
    StackOverflow,
    /// Any other trap the engine reported.
    Other,
}

impl TrapCode {
    /// Classifies an engine's trap message. V8, SpiderMonkey and
    /// JavaScriptCore word each kind differently (the tests list their
    /// messages); the rules go from the most specific wording to the least.
    pub fn from_message(message: &str) -> Self {
        let m = message.to_ascii_lowercase();
        let has = |words: &[&str]| words.iter().any(|w| m.contains(w));
        if has(&["unreachable"]) {
            Self::Unreachable
        } else if has(&["unrepresentable in integer range", "invalid conversion", "out of bounds trunc"]) {
            Self::BadConversionToInteger
        } else if has(&["signature mismatch", "null function", "indirect call to null", "call_indirect to a"]) {
            Self::IndirectCallToNullOrBadSignature
        } else if has(&["memory access out of bounds", "out of bounds memory", "data segment"]) {
            Self::MemoryOutOfBounds
        } else if has(&["table index", "out of bounds table", "table access", "out of bounds call_indirect", "element segment", "element is trying to set"]) {
            Self::TableOutOfBounds
        } else if has(&["divide by zero", "remainder by zero", "division by zero"]) {
            Self::IntegerDivisionByZero
        } else if has(&["divide result unrepresentable", "integer overflow"]) {
            Self::IntegerOverflow
        } else if has(&["null pointer", "null reference"]) {
            Self::NullReference
        } else if has(&["call stack", "too much recursion"]) {
            Self::StackOverflow
        } else if m == "index out of bounds" {
            // SpiderMonkey, for memory and table alike: see `from_trap`.
            Self::MemoryOutOfBounds
        } else {
            Self::Other
        }
    }

    /// Classifies a trap from its message and where it happened (the
    /// innermost Wasm frame as `"function:offset"`, or empty), given the
    /// table-access sites of the store's modules: SpiderMonkey words memory
    /// and table bounds traps alike, and only the trapping instruction tells
    /// them apart (`trap_sites`).
    pub(crate) fn from_trap(message: &str, location: &str, sites: &[std::sync::Arc<TableSites>]) -> Self {
        match Self::from_message(message) {
            Self::MemoryOutOfBounds if message == "index out of bounds" && sites.iter().any(|s| s.contains(location)) => {
                Self::TableOutOfBounds
            }
            code => code,
        }
    }
}

impl fmt::Display for TrapCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Unreachable => "unreachable executed",
            Self::MemoryOutOfBounds => "out of bounds memory access",
            Self::TableOutOfBounds => "out of bounds table access",
            Self::IntegerDivisionByZero => "integer divide by zero",
            Self::IntegerOverflow => "integer overflow",
            Self::BadConversionToInteger => "invalid conversion to integer",
            Self::IndirectCallToNullOrBadSignature => "indirect call to null or to a function of another type",
            Self::NullReference => "null reference",
            Self::StackOverflow => "call stack exhausted",
            Self::Other => "trap",
        })
    }
}

/// Wasm execution trapped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trap {
    /// What kind of trap.
    pub code: TrapCode,
    /// The engine's own message.
    pub message: String,
}

impl fmt::Display for Trap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "wasm trap: {} ({})", self.code, self.message)
    }
}

impl std::error::Error for Trap {}

/// A `WebAssembly.Exception` thrown by Wasm that nothing caught.
#[derive(Clone)]
pub struct WasmException {
    /// The JS exception object.
    pub exception: std::sync::Arc<Py<PyAny>>,
    /// The exception's tag, when the store knows it (an exported tag).
    pub tag: Option<std::sync::Arc<Py<PyAny>>>,
    /// The payload values, decoded with the tag's types when the tag is known.
    pub payload: Option<Vec<Val<Engine>>>,
}

impl fmt::Debug for WasmException {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WasmException")
            .field("tag_known", &self.tag.is_some())
            .field("payload_len", &self.payload.as_ref().map(Vec::len))
            .finish()
    }
}

impl fmt::Display for WasmException {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.payload {
            Some(values) => write!(f, "uncaught wasm exception with {} payload value(s)", values.len()),
            None => f.write_str("uncaught wasm exception with an unknown tag"),
        }
    }
}

impl std::error::Error for WasmException {}

/// A JS error that is not a trap, e.g. a `CompileError`, `LinkError` or `TypeError`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsError {
    /// The JS error's `name` (`CompileError`, `LinkError`, `TypeError`, `RangeError`, ...).
    pub name: String,
    /// The JS error's `message`.
    pub message: String,
}

impl fmt::Display for JsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.name, self.message)
    }
}

impl std::error::Error for JsError {}

/// A Wasm object used with a store it does not belong to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WrongStore;

impl fmt::Display for WrongStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("object used with a store it does not belong to")
    }
}

impl std::error::Error for WrongStore {}

#[cfg(test)]
mod tests {
    use super::TrapCode::{self, *};

    /// The trap messages of V8 (Node 20 and 24), SpiderMonkey (Firefox 153)
    /// and JavaScriptCore (WebKitGTK 2.50, Bun 1.4), as each engine words them.
    const MESSAGES: &[(&str, TrapCode)] = &[
        ("unreachable", Unreachable),
        ("unreachable executed", Unreachable),
        ("Unreachable code should not be executed (evaluating 'f(0)')", Unreachable),
        ("memory access out of bounds", MemoryOutOfBounds),
        ("Out of bounds memory access (evaluating 'f(0)')", MemoryOutOfBounds),
        ("index out of bounds", MemoryOutOfBounds),
        ("WebAssembly.Instance(): data segment 0 is out of bounds (offset 65535, length 2, memory size 65536)", MemoryOutOfBounds),
        ("Invalid data segment initialization: segment of 2 bytes memory of 65536 bytes, at offset 65535, segment writes outside of memory", MemoryOutOfBounds),
        ("table index is out of bounds", TableOutOfBounds),
        ("table index out of bounds", TableOutOfBounds),
        ("Out of bounds call_indirect (evaluating 'f(0)')", TableOutOfBounds),
        ("Out of bounds table access (evaluating 'f(0)')", TableOutOfBounds),
        ("Element is trying to set an out of bounds table index", TableOutOfBounds),
        ("divide by zero", IntegerDivisionByZero),
        ("remainder by zero", IntegerDivisionByZero),
        ("integer divide by zero", IntegerDivisionByZero),
        ("Division by zero (evaluating 'f(0)')", IntegerDivisionByZero),
        ("divide result unrepresentable", IntegerOverflow),
        ("integer overflow", IntegerOverflow),
        ("Integer overflow (evaluating 'f(0)')", IntegerOverflow),
        ("float unrepresentable in integer range", BadConversionToInteger),
        ("invalid conversion to integer", BadConversionToInteger),
        ("Out of bounds Trunc operation (evaluating 'f(0)')", BadConversionToInteger),
        ("null function or function signature mismatch", IndirectCallToNullOrBadSignature),
        ("indirect call to null", IndirectCallToNullOrBadSignature),
        ("indirect call signature mismatch", IndirectCallToNullOrBadSignature),
        ("call_indirect to a null table entry (evaluating 'f(0)')", IndirectCallToNullOrBadSignature),
        ("call_indirect to a signature that does not match (evaluating 'f(0)')", IndirectCallToNullOrBadSignature),
        ("dereferencing a null pointer", NullReference),
        ("dereferencing null pointer", NullReference),
        ("call_ref to a null reference (evaluating 'f()')", NullReference),
        ("Maximum call stack size exceeded", StackOverflow),
        ("Maximum call stack size exceeded.", StackOverflow),
        ("too much recursion", StackOverflow),
        ("something new", Other),
    ];

    #[test]
    fn every_engines_wording_is_classified() {
        for &(message, code) in MESSAGES {
            assert_eq!(TrapCode::from_message(message), code, "{message:?}");
        }
    }
}
