//! Generated bindings (filled in by the macro work).
