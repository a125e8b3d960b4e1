//! The conformance cases, one module per concept.
//!
//! Each public function is one case: generic over the [`Target`](crate::Target),
//! it returns `Ok(())` when the backend behaved like wasmtime. Its doc comment
//! states the expected behaviour.

pub mod calls;
pub mod exceptions;
pub mod externref;
pub mod funcref;
pub mod global;
pub mod host_errors;
pub mod lifetime;
pub mod link;
pub mod memory;
pub mod module;
pub mod multivalue;
pub mod names;
pub mod store;
pub mod table;
pub mod traps;
pub mod values;
