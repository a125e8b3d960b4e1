//! `wasm_runtime_layer` backend for Pyodide: runs WebAssembly on the host's own
//! JavaScript engine (V8, SpiderMonkey) from a PyO3 extension module.
//!
//! ```ignore
//! let engine = wasm_runtime_layer::Engine::new(pyodide_runtime_layer::Engine::default());
//! ```
//!
//! Errors are typed: a trap is a [`Trap`] with a [`TrapCode`], an uncaught Wasm
//! exception a [`WasmException`], any other JS error a [`JsError`], and a host
//! function's own error comes back unchanged (find each with
//! `anyhow::Error::downcast_ref`).
#![warn(missing_docs)]

pub mod bindings;
#[doc(hidden)]
pub mod boundary;
pub mod js;

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
