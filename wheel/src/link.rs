//! The linker: rustc drives the `wasm32-unknown-emscripten` linker as if it
//! were `emcc`; this keeps the inputs (objects, rlibs, `-o`, `-L`), turns
//! `-sEXPORTED_FUNCTIONS=[...]` into `--export=` flags, drops emcc-only
//! options, and runs the toolchain's own `rust-lld` with the flags of an
//! Emscripten SIDE_MODULE link: position-independent code, a shared object
//! with a `dylink.0` section, and every undefined symbol (libc, libpython,
//! unwinding) left as an import for Pyodide's dynamic loader to resolve when
//! the extension is imported.

use anyhow::{Context, Result, bail};
use std::path::PathBuf;
use std::process::Command;

/// Set (to anything) when this program runs as the linker.
pub const LINKER_ENV: &str = "PYODIDE_WHEEL_LINKER";

/// The `rust-lld` arguments for emcc-style `args`, and the `-B` directory
/// rustc names (where `gcc-ld` sits, beside `rust-lld`), if any.
pub fn lld_args(args: impl IntoIterator<Item = String>) -> (Vec<String>, Option<PathBuf>) {
    let mut out = vec!["-flavor".to_owned(), "wasm".to_owned()];
    let mut exports = Vec::new();
    let mut gcc_ld = None;
    let mut args = args.into_iter();
    while let Some(mut arg) = args.next() {
        // emcc accepts both "-sKEY=VALUE" and "-s KEY=VALUE".
        if arg == "-s" {
            match args.next() {
                Some(setting) => arg = format!("-s{setting}"),
                None => continue,
            }
        }
        if let Some(list) = arg.strip_prefix("-sEXPORTED_FUNCTIONS=") {
            for symbol in list.split(',').map(|s| s.trim_matches(|c: char| "[]\"' ".contains(c))) {
                if !symbol.is_empty() {
                    // Emscripten names C symbols with a leading underscore.
                    exports.push(format!("--export={}", symbol.strip_prefix('_').unwrap_or(symbol)));
                }
            }
        } else if let Some(dir) = arg.strip_prefix("-B") {
            gcc_ld = Some(PathBuf::from(dir));
        } else if arg == "-o" || arg == "-L" {
            out.push(arg);
            out.extend(args.next());
        } else if ["-s", "--target=", "-f", "-O", "-g", "-l"].iter().any(|p| arg.starts_with(p)) {
            // emcc-only settings, or libraries the loader resolves at import time.
        } else {
            out.push(arg);
        }
    }
    out.extend(exports);
    out.extend(
        ["--experimental-pic", "-shared", "--unresolved-symbols=import-dynamic", "--no-export-dynamic", "--strip-debug"]
            .map(String::from),
    );
    (out, gcc_ld)
}

/// Links: runs `rust-lld` (from `RUST_LLD`, beside rustc's `-B` directory,
/// or in the active toolchain) with the translated arguments.
pub fn run(args: impl IntoIterator<Item = String>) -> Result<()> {
    let (lld_args, gcc_ld) = lld_args(args);
    let lld = match (std::env::var_os("RUST_LLD"), gcc_ld) {
        (Some(lld), _) => PathBuf::from(lld),
        (None, Some(dir)) => dir.join("../rust-lld"),
        (None, None) => toolchain_lld()?,
    };
    let status = Command::new(&lld).args(&lld_args).status().with_context(|| format!("could not run {}", lld.display()))?;
    if !status.success() {
        bail!("{} failed ({status})", lld.display());
    }
    Ok(())
}

fn toolchain_lld() -> Result<PathBuf> {
    let rustc = |args: &[&str]| -> Result<String> {
        let out = Command::new("rustc").args(args).output().context("could not run rustc")?;
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
    };
    let host = rustc(&["-vV"])?.lines().find_map(|l| l.strip_prefix("host: ").map(str::to_owned)).context("no host in rustc -vV")?;
    Ok(PathBuf::from(rustc(&["--print", "sysroot"])?).join("lib/rustlib").join(host).join("bin/rust-lld"))
}

#[cfg(test)]
mod tests {
    use super::lld_args;

    #[test]
    fn translates_an_emcc_style_command_line() {
        let args = [
            "-s", "EXPORTED_FUNCTIONS=[\"_PyInit_demo\",\"_rtl1_cb\"]", "a.o", "lib.rlib", "-L", "/x", "-o", "demo.wasm",
            "-O3", "-g", "-lc", "--target=wasm32-unknown-emscripten", "-B/sys/gcc-ld", "-sSIDE_MODULE=2", "-fno-foo",
        ]
        .map(String::from);
        let (out, gcc_ld) = lld_args(args);
        assert_eq!(gcc_ld.as_deref(), Some(std::path::Path::new("/sys/gcc-ld")));
        assert_eq!(
            out,
            [
                "-flavor", "wasm", "a.o", "lib.rlib", "-L", "/x", "-o", "demo.wasm", "--export=PyInit_demo", "--export=rtl1_cb",
                "--experimental-pic", "-shared", "--unresolved-symbols=import-dynamic", "--no-export-dynamic", "--strip-debug",
            ]
        );
    }
}
