//! Value types as they cross the JS boundary: one letter each, the same
//! letters as the JS side (`src/js/wasm_encoding.js`) and the boundary spec
//! use. Defined here once.

use wasm_runtime_layer::ValType;

/// Every value type, in code order: the numeric types come first.
const TYPES: [(ValType, char); 7] = [
    (ValType::I32, 'i'),
    (ValType::I64, 'I'),
    (ValType::F32, 'f'),
    (ValType::F64, 'F'),
    (ValType::V128, 'v'),
    (ValType::FuncRef, 'r'),
    (ValType::ExternRef, 'x'),
];

/// How many of [`TYPES`] are numeric (i32, i64, f32, f64).
const NUMERIC: usize = 4;

fn position(ty: ValType) -> usize {
    TYPES.iter().position(|(t, _)| *t == ty).unwrap_or(TYPES.len())
}

/// The letter of a value type.
pub(crate) fn code(ty: ValType) -> char {
    TYPES.get(position(ty)).map_or('?', |(_, c)| *c)
}

/// The letters of a list of types, e.g. `[I32, I64]` → `"iI"`.
pub(crate) fn codes(types: &[ValType]) -> String {
    types.iter().copied().map(code).collect()
}

/// The value type of a letter.
pub(crate) fn from_code(letter: char) -> Option<ValType> {
    TYPES.iter().find(|(_, c)| *c == letter).map(|(t, _)| *t)
}

/// A numeric type's index in code order (0 i32, 1 i64, 2 f32, 3 f64): the
/// fast ABI's global type code. `None` for other types.
pub(crate) fn numeric_index(ty: ValType) -> Option<u32> {
    let i = position(ty);
    (i < NUMERIC).then_some(i as u32)
}

/// Whether the fast path can carry values of this type (numbers only: JS
/// references would need a handle per value).
pub(crate) fn is_numeric(ty: ValType) -> bool {
    numeric_index(ty).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_round_trips_and_only_numbers_are_numeric() {
        for (ty, letter) in TYPES {
            assert_eq!(code(ty), letter);
            assert_eq!(from_code(letter), Some(ty));
        }
        assert_eq!(codes(&[ValType::I32, ValType::F64, ValType::ExternRef]), "iFx");
        assert_eq!(from_code('q'), None);
        let numeric: Vec<_> = TYPES.iter().filter_map(|(t, _)| numeric_index(*t)).collect();
        assert_eq!(numeric, [0, 1, 2, 3]);
        assert!(!is_numeric(ValType::V128) && !is_numeric(ValType::FuncRef));
    }
}
