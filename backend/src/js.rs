//! Mechanics of reaching JS.
