//! Function signatures as the compact strings the JS side uses (`"iI:F"` is
//! `(i32, i64) -> f64`), and the registry of every signature this process has
//! seen, which the JS side probes to find the type of a Wasm function that
//! reached us without one (the JS API has no type reflection), and the fast
//! path's signature ids (the JS side's call shims are per id).

use crate::type_code;
use std::sync::Mutex;
use wasm_runtime_layer::FuncType;

/// The signature string of a function type.
pub(crate) fn encode(ty: &FuncType) -> String {
    format!("{}:{}", type_code::codes(ty.params()), type_code::codes(ty.results()))
}

/// The function type of a signature string.
pub(crate) fn decode(sig: &str) -> Option<FuncType> {
    let (params, results) = sig.split_once(':')?;
    let params: Option<Vec<_>> = params.chars().map(type_code::from_code).collect();
    let results: Option<Vec<_>> = results.chars().map(type_code::from_code).collect();
    Some(FuncType::new(params?, results?))
}

/// The fast path's signature ids, both ways.
#[derive(Default)]
struct FastIds {
    ids: std::collections::BTreeMap<String, u32>,
    types: Vec<Option<FuncType>>,
}

thread_local! {
    /// Per thread, not behind a lock: Pyodide runs one thread, and a lock
    /// here would be a call into the main module on every table read.
    static FAST_IDS: std::cell::RefCell<FastIds> = std::cell::RefCell::default();
}

/// The fast path's id of a function type: known ones stay in Rust, a new one
/// is registered with `register` (the JS side's table), called with no
/// borrow held.
pub(crate) fn fast_id<E>(ty: &FuncType, register: impl FnOnce(&str) -> Result<u32, E>) -> Result<u32, E> {
    let sig = encode(ty);
    if let Some(id) = FAST_IDS.with(|table| table.borrow().ids.get(&sig).copied()) {
        return Ok(id);
    }
    let id = register(&sig)?;
    FAST_IDS.with(|table| {
        let mut table = table.borrow_mut();
        table.ids.insert(sig, id);
        if table.types.len() <= id as usize {
            table.types.resize(id as usize + 1, None);
        }
        table.types[id as usize] = Some(ty.clone());
    });
    Ok(id)
}

/// The function type of a fast-path signature id.
pub(crate) fn of_fast_id(id: u32) -> Option<FuncType> {
    FAST_IDS.with(|table| table.borrow().types.get(id as usize).cloned().flatten())
}

/// Candidates for probing: every signature seen.
static KNOWN: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Remembers a function type as a candidate for probing.
pub(crate) fn register(ty: &FuncType) {
    let sig = encode(ty);
    let mut known = KNOWN.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if !known.contains(&sig) {
        known.push(sig);
    }
}

/// Every signature seen so far.
pub(crate) fn known() -> Vec<String> {
    KNOWN.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).clone()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_runtime_layer::ValType;

    #[test]
    fn round_trips_every_type() {
        let all = [
            ValType::I32,
            ValType::I64,
            ValType::F32,
            ValType::F64,
            ValType::V128,
            ValType::FuncRef,
            ValType::ExternRef,
        ];
        let ty = FuncType::new(all, [ValType::I64, ValType::FuncRef]);
        assert_eq!(encode(&ty), "iIfFvrx:Ir");
        assert_eq!(decode(&encode(&ty)), Some(ty));
    }

    #[test]
    fn rejects_malformed() {
        assert_eq!(decode("i"), None);
        assert_eq!(decode("q:"), None);
    }
}
