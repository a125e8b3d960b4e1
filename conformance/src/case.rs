//! A single named conformance case, and how to run one or all of them.

use std::panic::{AssertUnwindSafe, catch_unwind};

use anyhow::{Context, anyhow};

use crate::Target;

/// One named check of a backend's behaviour.
///
/// `run` returns `Ok(())` when the backend behaved like wasmtime, and an
/// `Err` describing the first mismatch otherwise.
pub struct Case<T> {
    /// `group::case`, e.g. `"memory::read_write_bounds"`.
    pub name: &'static str,
    /// The check itself.
    pub run: fn(&T) -> anyhow::Result<()>,
}

impl<T> Clone for Case<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Case<T> {}

impl<T> std::fmt::Debug for Case<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Case").field("name", &self.name).finish()
    }
}

/// The result of running one case.
#[derive(Debug)]
pub struct Outcome {
    /// The case's name, see [`Case::name`].
    pub name: &'static str,
    /// `Ok(())` if the backend conformed, otherwise what went wrong.
    pub result: anyhow::Result<()>,
}

/// Runs one case; a panic anywhere inside it (the suite's own code, the
/// backend, or a host closure) is turned into an `Err`, because a backend
/// must never panic where wasmtime does not.
pub fn run_case<T: Target>(target: &T, case: &Case<T>) -> anyhow::Result<()> {
    match catch_unwind(AssertUnwindSafe(|| (case.run)(target))) {
        Ok(result) => {
            result.with_context(|| format!("case `{}` failed on `{}`", case.name, target.name()))
        }
        Err(payload) => Err(anyhow!(
            "case `{}` panicked on `{}`: {}",
            case.name,
            target.name(),
            panic_message(payload.as_ref())
        )),
    }
}

/// Runs every case of the suite against `target`, in order, and reports each.
pub fn run_all<T: Target>(target: &T) -> Vec<Outcome> {
    crate::cases::<T>()
        .iter()
        .map(|case| Outcome {
            name: case.name,
            result: run_case(target, case),
        })
        .collect()
}

/// Best-effort text of a panic payload (`&str` or `String`, as `panic!` makes).
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "<non-string panic payload>".to_owned()
    }
}
