//! Typed wrappers for the WebAssembly JavaScript API, generated from
//! `spec/js-api.webidl` by `pyodide_runtime_layer_macros::bindings!`.
//!
//! Contract deviations: none in names or signatures. Two notes:
//! - `Clone` for wrappers holding a `Py<PyAny>` is implemented by hand (pyo3's
//!   `Clone for Py` needs the `py-clone` feature): it attaches to the
//!   interpreter; `clone_ref(py)` is the cheaper form when a `Python` token is at hand.
//! - Dictionaries derive `PartialEq` (and `Clone`) only when no member holds a
//!   Python object, and `Default` only when no member is `required`.
//!
//! Every type maps as documented in `backend-macros/src/codegen/types.rs`; the
//! generated code is checked in, pretty-printed, under
//! `backend-macros/tests/expanded/` (one file per definition). All JS access goes
//! through [`crate::js`].

pyodide_runtime_layer_macros::bindings!(path = "../spec/js-api.webidl", support = crate::js);
