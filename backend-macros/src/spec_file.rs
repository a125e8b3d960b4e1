//! Spec files: finding them, and reporting their errors with file, line,
//! column, the source line and a caret under the offending token.
//!
//! Inside a proc macro on stable Rust, tokens parsed from a string carry no
//! position. So when a spec file has errors, it is parsed a second time with
//! proc-macro2's own (fallback) implementation, whose spans know their line
//! and column (`span-locations`), and the errors are rendered as text.

use std::path::PathBuf;
use std::str::FromStr;

use proc_macro2::{LineColumn, TokenStream};
use syn::LitStr;

/// One error of a spec file, with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The error message.
    pub message: String,
    /// Line (1-based) and column (0-based, in characters) of the first token.
    pub start: LineColumn,
    /// Line and column just after the last token.
    pub end: LineColumn,
}

/// `path` resolved against the invoking crate's `CARGO_MANIFEST_DIR`
/// (relative paths) and read.
pub fn read(path: &LitStr) -> syn::Result<(PathBuf, String)> {
    let full = resolve(path)?;
    let text = std::fs::read_to_string(&full).map_err(|e| {
        syn::Error::new(
            path.span(),
            format_args!("cannot read `{}`: {e}", full.display()),
        )
    })?;
    Ok((full, text))
}

/// `path` resolved against the invoking crate's `CARGO_MANIFEST_DIR`, unless
/// it is absolute.
pub fn resolve(path: &LitStr) -> syn::Result<PathBuf> {
    let written = PathBuf::from(path.value());
    if written.is_absolute() {
        return Ok(written);
    }
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR").ok_or_else(|| {
        syn::Error::new(
            path.span(),
            "CARGO_MANIFEST_DIR is not set: cannot resolve a relative spec path",
        )
    })?;
    Ok(PathBuf::from(manifest_dir).join(written))
}

/// Restores the compiler's proc-macro implementation when dropped.
struct FallbackGuard;

impl FallbackGuard {
    fn force() -> Self {
        proc_macro2::fallback::force();
        FallbackGuard
    }
}

impl Drop for FallbackGuard {
    fn drop(&mut self) {
        proc_macro2::fallback::unforce();
    }
}

/// Runs `analyze` on `text` tokenized by proc-macro2's fallback lexer and
/// returns its errors (or the lexer's) with positions. No token escapes the
/// fallback section: only strings and positions are returned.
pub fn diagnose<T>(
    text: &str,
    analyze: impl FnOnce(TokenStream) -> syn::Result<T>,
) -> Vec<Diagnostic> {
    let _guard = FallbackGuard::force();
    let tokens = match TokenStream::from_str(text) {
        Ok(tokens) => tokens,
        Err(error) => {
            let span = error.span();
            return vec![Diagnostic {
                message:
                    "cannot tokenize the spec: unbalanced delimiter or text that Rust cannot lex"
                        .to_owned(),
                start: span.start(),
                end: span.end(),
            }];
        }
    };
    match analyze(tokens) {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .into_iter()
            .map(|error| {
                let span = error.span();
                Diagnostic {
                    message: error.to_string(),
                    start: span.start(),
                    end: span.end(),
                }
            })
            .collect(),
    }
}

/// Renders a diagnostic like rustc does:
///
/// ```text
/// spec/js-api.webidl:12:5: unknown type `Foo`
///    |
/// 12 |     Foo bar();
///    |     ^^^
/// ```
pub fn render(display_path: &str, text: &str, diagnostic: &Diagnostic) -> String {
    let Diagnostic {
        message,
        start,
        end,
    } = diagnostic;
    let mut out = format!(
        "{display_path}:{}:{}: {message}",
        start.line,
        start.column + 1
    );
    let Some(line) = text.lines().nth(start.line.saturating_sub(1)) else {
        return out;
    };
    let line = line.trim_end_matches('\r');
    let gutter = start.line.to_string();
    let pad = " ".repeat(gutter.len());
    let indent: String = line
        .chars()
        .take(start.column)
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    let line_chars = line.chars().count();
    let width = if end.line == start.line {
        end.column.saturating_sub(start.column)
    } else {
        line_chars.saturating_sub(start.column)
    };
    let carets = "^".repeat(width.max(1));
    out.push_str(&format!(
        "\n{pad} |\n{gutter} | {line}\n{pad} | {indent}{carets}"
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expand::analyze;

    const BAD: &str = "// a comment\ninterface I {\n  Foo grow(any delta);\n\treadonly attribute sequence<Bar> x;\n};\n";

    #[test]
    fn diagnostics_have_positions() {
        let diagnostics = diagnose(BAD, analyze);
        let positions: Vec<(usize, usize, usize)> = diagnostics
            .iter()
            .map(|d| (d.start.line, d.start.column, d.end.column))
            .collect();
        assert_eq!(positions, [(3, 2, 5), (4, 29, 32)]);
    }

    #[test]
    fn rendering() {
        let diagnostics = diagnose(BAD, analyze);
        assert_eq!(
            render("spec/bad.webidl", BAD, &diagnostics[0]),
            "spec/bad.webidl:3:3: unknown type `Foo`\n  |\n3 |   Foo grow(any delta);\n  |   ^^^"
        );
        assert_eq!(
            render("spec/bad.webidl", BAD, &diagnostics[1]),
            "spec/bad.webidl:4:30: unknown type `Bar`\n  |\n4 | \treadonly attribute sequence<Bar> x;\n  | \t                            ^^^"
        );
    }

    #[test]
    fn lexer_errors_have_positions() {
        let diagnostics = diagnose("enum E { \"a\" };\ninterface I { ];\n", analyze);
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].start.line, 2);
        assert!(diagnostics[0].message.starts_with("cannot tokenize"));
    }

    #[test]
    fn clean_text_has_no_diagnostics() {
        assert!(diagnose("enum E { \"a\" };", analyze).is_empty());
    }
}
