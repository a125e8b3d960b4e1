//! Function signatures as the compact strings `glue.js` uses (`"iI:F"` is
//! `(i32, i64) -> f64`), and the registry of every signature this process has
//! seen, which `glue.js` probes to find the type of a Wasm function that
//! reached us without one (the JS API has no type reflection).

use crate::value::type_codes;
use std::sync::Mutex;
use wasm_runtime_layer::{FuncType, ValType};

/// The signature string of a function type.
pub(crate) fn encode(ty: &FuncType) -> String {
    format!("{}:{}", type_codes(ty.params()), type_codes(ty.results()))
}

fn decode_type(code: char) -> Option<ValType> {
    Some(match code {
        'i' => ValType::I32,
        'I' => ValType::I64,
        'f' => ValType::F32,
        'F' => ValType::F64,
        'v' => ValType::V128,
        'r' => ValType::FuncRef,
        'x' => ValType::ExternRef,
        _ => return None,
    })
}

/// The function type of a signature string.
pub(crate) fn decode(sig: &str) -> Option<FuncType> {
    let (params, results) = sig.split_once(':')?;
    let params: Option<Vec<_>> = params.chars().map(decode_type).collect();
    let results: Option<Vec<_>> = results.chars().map(decode_type).collect();
    Some(FuncType::new(params?, results?))
}

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
