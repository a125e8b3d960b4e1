//! The conformance cases, one module per concept.
//!
//! Each public function is one case: generic over the [`Target`](crate::Target),
//! it returns `Ok(())` when the backend behaved like wasmtime. Its doc comment
//! states the expected behaviour.

pub mod externref;
pub mod funcref;
pub mod module;
pub mod names;
pub mod values;
