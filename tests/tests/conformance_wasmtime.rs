//! The conformance suite run natively against wasmtime, the reference backend.
//!
//! Every case of `conformance` becomes its own `#[test]` (named `group::case`),
//! so `cargo test -p tests --test conformance_wasmtime` reports each by name.
//! Since wasmtime's answers are the expected ones, all cases must pass here;
//! a failure means the suite's expectation is wrong, not wasmtime.

use tests::WasmtimeTarget;

conformance::conformance_tests!(WasmtimeTarget::new());

/// The list behind `conformance::cases()` is the one the tests above come
/// from; check it is sane (non-empty, unique `group::case` names).
#[test]
fn case_list_is_consistent() {
    let cases = conformance::cases::<WasmtimeTarget>();
    assert!(!cases.is_empty(), "the suite has no cases");
    let mut names: Vec<&str> = cases.iter().map(|c| c.name).collect();
    names.sort_unstable();
    let before = names.len();
    names.dedup();
    assert_eq!(before, names.len(), "case names are not unique");
}
