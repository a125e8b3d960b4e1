//! `wasm_runtime_layer` backend for Pyodide: runs WebAssembly on the host's own
//! JavaScript engine (V8, SpiderMonkey, JavaScriptCore) from a PyO3 extension
//! module.
//!
//! ```ignore
//! let engine = wasm_runtime_layer::Engine::new(pyodide_runtime_layer::Engine::default());
//! ```
//!
//! Errors are typed: a trap is a [`Trap`] with a [`TrapCode`], an uncaught Wasm
//! exception a [`WasmException`], any other JS error a [`JsError`], and a host
//! function's own error comes back unchanged (find each with
//! `anyhow::Error::downcast_ref`).
//!
//! Layout, top to bottom (imports go one way; `tests/module_layering.rs`):
//! - the `wasm_runtime_layer` traits, one file per concept (`engine`,
//!   `store`, `module`, `instance`, `func`, `memory`, `table`, `global`,
//!   `externref`): argument checks, then one call of `path::Path`;
//! - `path`: the JS-side operations, implemented by the fast path (the fast
//!   ABI, no Python) and the portable path (Pyodide's FFI), chosen once per
//!   [`Engine`];
//! - the generated code: [`bindings`] (the WebAssembly JS API,
//!   `spec/upstream/js-api.webidl` + `spec/additions.webidl`) and `boundary`
//!   (the backend's own operations, `spec/boundary.webidl` with their JS in
//!   `src/js/`), over [`js`], the runtime support they call.
#![warn(missing_docs)]

pub mod bindings;
#[doc(hidden)]
pub mod boundary;
pub mod js;

mod by_handle;
mod call_state;
mod engine;
mod error;
mod externref;
mod fast;
mod js_ref;
mod func;
mod global;
mod host_func;
mod host_registry;
mod imports;
mod instance;
mod memory;
mod module;
mod module_types;
mod path;
mod pyodide_ffi;
mod signature;
mod store;
mod store_id;
mod table;
mod trap_sites;
mod type_code;
mod value;

pub use engine::Engine;
pub use error::{JsError, Trap, TrapCode, WasmException, WrongStore};
pub use externref::{ExternRef, JsValue};
pub use func::Func;
pub use global::Global;
pub use instance::Instance;
pub use memory::Memory;
pub use module::Module;
pub use store::{Store, StoreContext, StoreContextMut};
pub use table::Table;
