//! Which Python and platform a Pyodide line has: PyO3 must be built for
//! exactly its Python, and a wheel must carry its platform tag (pyodide-build's
//! table; PEP 783 names the series).

use anyhow::{Context, Result, bail};
use std::path::Path;

/// What an extension is built and tagged for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// `major.minor`, e.g. `3.14`.
    pub python: String,
    /// Pyodide's ABI version, e.g. `2026_0`.
    pub abi: String,
}

impl Target {
    /// The target of a Pyodide release by version: 0.28 and 0.29 have Python
    /// 3.13 and ABI 2025_0, the 314 line Python 3.14 and ABI 2026_0.
    pub fn from_version(version: &str) -> Result<Self> {
        let line: Vec<&str> = version.split('.').take(2).collect();
        let (python, abi) = match line.as_slice() {
            ["0", "28" | "29"] => ("3.13", "2025_0"),
            ["314", _] => ("3.14", "2026_0"),
            _ => bail!("unknown Pyodide version `{version}` (known: 0.28.x, 0.29.x, 314.x); pass its pyodide-lock.json with --lock"),
        };
        Ok(Self { python: python.into(), abi: abi.into() })
    }

    /// The target of the Pyodide whose `pyodide-lock.json` this is (its `info`).
    pub fn from_lock_file(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let lock: serde_json::Value = serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
        let info = &lock["info"];
        let python = info["python"].as_str().context("no info.python in the lock file")?;
        let abi = info["abi_version"].as_str().context("no info.abi_version in the lock file")?;
        let mut parts = python.split('.');
        let (Some(major), Some(minor)) = (parts.next(), parts.next()) else { bail!("unexpected Python version `{python}`") };
        Ok(Self { python: format!("{major}.{minor}"), abi: abi.into() })
    }

    /// `cp314`.
    pub fn python_tag(&self) -> String {
        format!("cp{}", self.python.replace('.', ""))
    }

    /// `pyemscripten_2026_0_wasm32` (ABI 2026_0 and later) or `pyodide_2025_0_wasm32`.
    pub fn platform_tag(&self) -> String {
        let year: u32 = self.abi.split('_').next().and_then(|y| y.parse().ok()).unwrap_or(0);
        let series = if year >= 2026 { "pyemscripten" } else { "pyodide" };
        format!("{series}_{}_wasm32", self.abi)
    }

    /// The extension module's file name suffix inside that Pyodide.
    pub fn extension_suffix(&self) -> String {
        format!(".cpython-{}-wasm32-emscripten.so", self.python.replace('.', ""))
    }
}

#[cfg(test)]
mod tests {
    use super::Target;

    #[test]
    fn tags_follow_the_pyodide_line() {
        let t314 = Target::from_version("314.0.8").unwrap();
        assert_eq!((t314.python_tag(), t314.platform_tag()), ("cp314".into(), "pyemscripten_2026_0_wasm32".into()));
        assert_eq!(t314.extension_suffix(), ".cpython-314-wasm32-emscripten.so");
        let t029 = Target::from_version("0.29.5").unwrap();
        assert_eq!((t029.python_tag(), t029.platform_tag()), ("cp313".into(), "pyodide_2025_0_wasm32".into()));
        assert_eq!(Target::from_version("0.28.3").unwrap(), t029);
        assert!(Target::from_version("0.27.7").is_err());
    }
}
