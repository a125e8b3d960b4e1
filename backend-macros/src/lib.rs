//! Proc-macro entry.
