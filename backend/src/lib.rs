//! `wasm_runtime_layer` backend for Pyodide.
#![warn(missing_docs)]
