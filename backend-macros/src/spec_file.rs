//! Spec files: finding them, and reporting their errors with file, line,
//! column, the source line and a caret under the offending token (for a spec
//! of several files, in the file the error is in).
//!
//! Inside a proc macro on stable Rust, tokens parsed from a string carry no
//! position. So when a spec file has errors, it is parsed a second time with
//! proc-macro2's own (fallback) implementation, whose spans know their line
//! and column (`span-locations`), and the errors are rendered as text.

use std::path::PathBuf;
use std::str::FromStr;

use proc_macro2::{LineColumn, TokenStream};
use syn::LitStr;

/// One error of a spec, with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Index of the file (in the order given) the error points into; `None`
    /// for an error without a position in any file.
    pub file: Option<usize>,
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

/// Runs `analyze` on the one spec file `text` (see [`diagnose_files`]).
pub fn diagnose<T>(
    text: &str,
    analyze: impl FnOnce(TokenStream) -> syn::Result<T>,
) -> Vec<Diagnostic> {
    diagnose_files(&[text], |files| {
        analyze(files.into_iter().next().unwrap_or_default())
    })
}

/// Runs `analyze` on the spec files `texts`, each tokenized on its own by
/// proc-macro2's fallback lexer, and returns its errors (or the lexer's) with
/// the file and position they point at. No token escapes the fallback
/// section: only strings and positions are returned.
///
/// The fallback lexer registers every tokenized string as a file of its own
/// source map, and names it (`Span::file`); an error's file is found by that name.
pub fn diagnose_files<T>(
    texts: &[&str],
    analyze: impl FnOnce(Vec<TokenStream>) -> syn::Result<T>,
) -> Vec<Diagnostic> {
    let _guard = FallbackGuard::force();
    let mut files = Vec::new();
    let mut lex_errors = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        match TokenStream::from_str(text) {
            Ok(tokens) => files.push(tokens),
            Err(error) => {
                let span = error.span();
                lex_errors.push(Diagnostic {
                    file: Some(i),
                    message:
                        "cannot tokenize the spec: unbalanced delimiter or text that Rust cannot lex"
                            .to_owned(),
                    start: span.start(),
                    end: span.end(),
                });
            }
        }
    }
    if !lex_errors.is_empty() {
        return lex_errors;
    }
    // The source-map name of each file (none for a file without tokens,
    // which no error can point into).
    let names: Vec<Option<String>> = files
        .iter()
        .map(|tokens| tokens.clone().into_iter().next().map(|t| t.span().file()))
        .collect();
    match analyze(files) {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .into_iter()
            .map(|error| {
                let span = error.span();
                let name = span.file();
                Diagnostic {
                    file: names.iter().position(|n| n.as_ref() == Some(&name)),
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
/// spec/additions.webidl:12:5: unknown type `Foo`
///    |
/// 12 |     Foo bar();
///    |     ^^^
/// ```
pub fn render(display_path: &str, text: &str, diagnostic: &Diagnostic) -> String {
    let Diagnostic {
        message,
        start,
        end,
        ..
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
    use crate::expand::{analyze, analyze_files};

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
        let diagnostics = diagnose_files(
            &["enum E { \"a\" };", "enum F { \"a\" };\ninterface I { ];\n"],
            analyze_files,
        );
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].start.line, 2);
        assert_eq!(diagnostics[0].file, Some(1));
        assert!(diagnostics[0].message.starts_with("cannot tokenize"));
    }

    #[test]
    fn clean_text_has_no_diagnostics() {
        assert!(diagnose_files(&["enum E { \"a\" };", ""], analyze_files).is_empty());
    }

    #[test]
    fn errors_name_their_file() {
        let upstream = "dictionary D {\n  any a;\n};\n\ninterface I {};\n";
        let additions =
            "// comment\npartial dictionary D {\n  Nope b;\n};\npartial dictionary Missing {};\n";
        let diagnostics = diagnose_files(&[upstream, "", additions], analyze_files);
        let found: Vec<(Option<usize>, usize, &str)> = diagnostics
            .iter()
            .map(|d| (d.file, d.start.line, d.message.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    Some(2),
                    5,
                    "partial dictionary `Missing` has no main definition (`dictionary Missing { ... };`)"
                ),
                (Some(2), 3, "unknown type `Nope`"),
            ]
        );
    }
}
