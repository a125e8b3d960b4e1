//! The versions of wasmtime and `wasmtime_runtime_layer` this binary is built
//! with, read from the workspace's Cargo.lock (embedded at compile time, so
//! they are the versions linked in).

/// The workspace's lock file.
const LOCK: &str = include_str!("../../../Cargo.lock");

/// The locked version of the package `name` (`"?"` if it is not locked).
pub fn locked(name: &str) -> &'static str {
    let package = format!("name = \"{name}\"");
    let mut lines = LOCK.lines();
    while let Some(line) = lines.next() {
        if line == package {
            return lines
                .next()
                .and_then(|v| v.strip_prefix("version = \""))
                .and_then(|v| v.strip_suffix('"'))
                .unwrap_or("?");
        }
    }
    "?"
}
