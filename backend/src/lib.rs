//! `wasm_runtime_layer` backend for Pyodide: runs WebAssembly on the host's own
//! JavaScript engine from a PyO3 extension module.
#![warn(missing_docs)]

pub mod bindings;
pub mod js;
