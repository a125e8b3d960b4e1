//! Shared test support (see `tests/` and `pyodide/`).
