//! Mapping the spec's trap messages to [`TrapKind`].
//!
//! The spec scripts name traps by message text (`assert_trap ... "integer
//! divide by zero"`). Engines word their messages differently, so the runner
//! never compares messages: it maps the spec's text to a [`TrapKind`] here
//! and compares that with what [`conformance::Target::trap_kind`] says about
//! the error.

use conformance::TrapKind;

/// Spec message prefixes and the trap kind each one means. The spec
/// sometimes appends detail (e.g. `"uninitialized element 2"`), hence prefixes.
const MESSAGES: &[(&str, TrapKind)] = &[
    ("unreachable", TrapKind::Unreachable),
    ("out of bounds memory access", TrapKind::MemoryOutOfBounds),
    ("memory access out of bounds", TrapKind::MemoryOutOfBounds),
    ("out of bounds table access", TrapKind::TableOutOfBounds),
    // `call_indirect` with an index past the end of the table.
    ("undefined element", TrapKind::TableOutOfBounds),
    // `call_indirect` through a null table entry.
    ("uninitialized element", TrapKind::IndirectCallToNull),
    ("indirect call type mismatch", TrapKind::BadSignature),
    ("integer divide by zero", TrapKind::IntegerDivisionByZero),
    ("integer overflow", TrapKind::IntegerOverflow),
    (
        "invalid conversion to integer",
        TrapKind::BadConversionToInteger,
    ),
    ("call stack exhausted", TrapKind::StackOverflow),
];

/// The trap kind a spec message names, or `None` for messages without a
/// [`TrapKind`] (e.g. `"null reference"`, `"cast failure"`, `"out of bounds
/// array access"`); for those the runner only checks that the call fails.
pub fn expected_trap_kind(message: &str) -> Option<TrapKind> {
    MESSAGES
        .iter()
        .find(|(prefix, _)| message.starts_with(prefix))
        .map(|&(_, kind)| kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_messages_by_prefix() {
        assert_eq!(
            expected_trap_kind("integer divide by zero"),
            Some(TrapKind::IntegerDivisionByZero)
        );
        assert_eq!(
            expected_trap_kind("uninitialized element 2"),
            Some(TrapKind::IndirectCallToNull)
        );
        assert_eq!(expected_trap_kind("null reference"), None);
    }
}
