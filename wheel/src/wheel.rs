//! Packing a built extension into a wheel (PEP 427): the side module at the
//! top under the interpreter's extension suffix, and the `.dist-info`.

use crate::build::Built;
use crate::pyodide::Target;
use crate::zip::Zip;
use anyhow::{Context, Result};
use sha2::{Digest, Sha256};
use std::path::PathBuf;

/// Writes the wheel of `built` for `target` and returns its path.
pub fn write(built: &Built, target: &Target) -> Result<PathBuf> {
    let so = std::fs::read(&built.side_module).with_context(|| format!("reading {}", built.side_module.display()))?;
    let dist = normalize(&built.name);
    let tag = format!("{py}-{py}-{}", target.platform_tag(), py = target.python_tag());
    let info = format!("{dist}-{}.dist-info", built.version);
    let files: Vec<(String, Vec<u8>)> = vec![
        (format!("{}{}", built.module, target.extension_suffix()), so),
        (
            format!("{info}/METADATA"),
            format!("Metadata-Version: 2.1\nName: {}\nVersion: {}\n", built.name, built.version).into_bytes(),
        ),
        (
            format!("{info}/WHEEL"),
            format!(
                "Wheel-Version: 1.0\nGenerator: pyodide-wheel {}\nRoot-Is-Purelib: false\nTag: {tag}\n",
                env!("CARGO_PKG_VERSION")
            )
            .into_bytes(),
        ),
    ];
    let mut record = String::new();
    let mut zip = Zip::default();
    for (name, data) in &files {
        zip.add(name, data)?;
        record.push_str(&format!("{name},sha256={},{}\n", urlsafe_base64(&Sha256::digest(data)), data.len()));
    }
    record.push_str(&format!("{info}/RECORD,,\n"));
    zip.add(&format!("{info}/RECORD"), record.as_bytes())?;

    std::fs::create_dir_all(&built.out_dir).with_context(|| format!("creating {}", built.out_dir.display()))?;
    let path = built.out_dir.join(format!("{dist}-{}-{tag}.whl", built.version));
    std::fs::write(&path, zip.finish()?).with_context(|| format!("writing {}", path.display()))?;
    Ok(path)
}

/// A distribution name as wheel file names spell it (PEP 427: runs of `-_.` become `_`).
fn normalize(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if matches!(c, '-' | '_' | '.') {
            if !out.ends_with('_') {
                out.push('_');
            }
        } else {
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

/// URL-safe base64 without padding, as RECORD hashes are written.
fn urlsafe_base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i)) as usize & 63] as char);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{normalize, urlsafe_base64};

    #[test]
    fn names_and_hashes_are_spelled_as_installers_expect() {
        assert_eq!(normalize("My-Ext.pkg__x"), "my_ext_pkg_x");
        assert_eq!(urlsafe_base64(b""), "");
        assert_eq!(urlsafe_base64(b"f"), "Zg");
        assert_eq!(urlsafe_base64(b"fo"), "Zm8");
        assert_eq!(urlsafe_base64(b"foo"), "Zm9v");
        assert_eq!(urlsafe_base64(&[0xfb, 0xff]), "-_8");
    }
}
