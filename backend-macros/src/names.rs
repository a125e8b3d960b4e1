//! Every naming rule of the generated code, in one place:
//!
//! - types keep their WebIDL name (`Memory`, `ValueType`);
//! - operations, attributes, arguments and dictionary members become
//!   snake_case (`toFixedLengthBuffer` → `to_fixed_length_buffer`,
//!   `JSTag` → `js_tag`);
//! - enum values become UpperCamelCase variants (`"externref"` → `Externref`,
//!   `"i32"` → `I32`, `""` → `Empty`, `"2d"` → `V2d`);
//! - a Rust keyword becomes a raw identifier (`type` → `r#type`); the five
//!   names that cannot be raw (`self`, `Self`, `super`, `crate`, `_`) get a
//!   trailing underscore instead;
//! - an argument named `py` becomes `py_` (the generated functions take `py`);
//! - an attribute's setter is `set_<name>`;
//! - overloads: the first keeps the plain name, each later one is named
//!   `<name>_with_<args>` after the arguments the first overload does not have
//!   (`instantiate(bytes, importObject)` and
//!   `instantiate_with_module_object(moduleObject, importObject)`).

use proc_macro2::{Ident, Span};

/// Rust keywords (strict and reserved, edition 2024).
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
];

/// Keywords that cannot be written as raw identifiers.
const NOT_RAW: &[&str] = &["crate", "self", "Self", "super", "_"];

/// Associated functions every generated interface wrapper has; an IDL member
/// whose Rust name is one of these is an error.
pub const INTERFACE_RESERVED: &[&str] = &[
    "constructor",
    "cast",
    "from_js_unchecked",
    "as_js",
    "into_js",
    "clone_ref",
];

/// Associated functions every generated namespace struct has.
pub const NAMESPACE_RESERVED: &[&str] = &["namespace_object"];

/// The Rust name of the (first) constructor.
pub const CONSTRUCTOR: &str = "new";

/// Splits an IDL identifier into lowercase words at case changes and at
/// non-alphanumeric characters (`toFixedLengthBuffer` → to, fixed, length,
/// buffer; `JSTag` → js, tag).
fn words(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let mut words = Vec::new();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            continue;
        }
        if c.is_uppercase() && !current.is_empty() {
            let prev = chars[i - 1];
            let next_is_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            if prev.is_lowercase() || prev.is_numeric() || (prev.is_uppercase() && next_is_lower) {
                words.push(std::mem::take(&mut current));
            }
        }
        current.extend(c.to_lowercase());
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// `toFixedLengthBuffer` → `to_fixed_length_buffer` (not escaped).
pub fn snake_case(name: &str) -> String {
    let snake = words(name).join("_");
    // Keep a leading underscore (`_private`) and never return an empty name.
    if snake.is_empty() {
        "_".to_owned()
    } else {
        snake
    }
}

/// `"externref"` → `Externref`, `"i32"` → `I32`, `"foo-bar"` → `FooBar`,
/// `""` → `Empty`, `"2d"` → `V2d` (not escaped).
pub fn upper_camel_case(value: &str) -> String {
    let camel: String = words(value)
        .iter()
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect();
    match camel.chars().next() {
        None => "Empty".to_owned(),
        Some(first) if first.is_numeric() => format!("V{camel}"),
        Some(_) => camel,
    }
}

/// Escapes a Rust keyword: `type` → `r#type`, `self` → `self_`.
pub fn escape(name: &str) -> String {
    if NOT_RAW.contains(&name) {
        format!("{name}_")
    } else if KEYWORDS.contains(&name) {
        format!("r#{name}")
    } else {
        name.to_owned()
    }
}

/// An identifier from an escaped name (see [`escape`]), spanned at the call site.
pub fn ident(escaped: &str) -> Ident {
    match escaped.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(escaped, Span::call_site()),
    }
}

/// Whether `escaped` (see [`escape`]) is a valid Rust identifier, so that
/// [`ident`] accepts it. Checked for every generated name before codegen.
pub fn is_valid_ident(escaped: &str) -> bool {
    syn::parse_str::<Ident>(escaped).is_ok()
}

/// Rust name of an interface, namespace, dictionary or enum.
pub fn type_name(idl: &str) -> String {
    escape(idl)
}

/// Rust name of an operation or attribute getter.
pub fn method_name(idl: &str) -> String {
    escape(&snake_case(idl))
}

/// Rust name of an attribute setter.
pub fn setter_name(idl: &str) -> String {
    escape(&format!("set_{}", snake_case(idl)))
}

/// Rust name of an argument.
pub fn argument_name(idl: &str) -> String {
    match snake_case(idl).as_str() {
        "py" => "py_".to_owned(),
        snake => escape(snake),
    }
}

/// Rust name of a dictionary member (struct field).
pub fn field_name(idl: &str) -> String {
    escape(&snake_case(idl))
}

/// Rust name of an enum value's variant.
pub fn variant_name(value: &str) -> String {
    escape(&upper_camel_case(value))
}

/// Rust names for the overloads of `base` (in IDL order), given each
/// overload's IDL argument names. See the module docs for the rule.
pub fn overload_names(base: &str, overloads: &[Vec<String>]) -> Vec<String> {
    let Some(first) = overloads.first() else {
        return Vec::new();
    };
    overloads
        .iter()
        .enumerate()
        .map(|(i, args)| {
            if i == 0 {
                return base.to_owned();
            }
            let distinct: Vec<&String> = args.iter().filter(|arg| !first.contains(arg)).collect();
            let chosen: Vec<&String> = if distinct.is_empty() {
                args.iter().collect()
            } else {
                distinct
            };
            if chosen.is_empty() {
                return format!("{}_without_arguments", base.trim_start_matches("r#"));
            }
            let suffix: Vec<String> = chosen.iter().map(|arg| snake_case(arg)).collect();
            format!(
                "{}_with_{}",
                base.trim_start_matches("r#"),
                suffix.join("_and_")
            )
        })
        .collect()
}

/// Levenshtein distance, for "did you mean" hints.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

/// The closest of `candidates` to `name`, if it is a plausible typo.
pub fn suggest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|candidate| {
            (
                edit_distance(&name.to_lowercase(), &candidate.to_lowercase()),
                candidate,
            )
        })
        .filter(|&(distance, candidate)| distance <= 2.min(candidate.len() / 2).max(1))
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_case_examples() {
        for (idl, rust) in [
            ("toFixedLengthBuffer", "to_fixed_length_buffer"),
            ("getArg", "get_arg"),
            ("valueOf", "value_of"),
            ("exceptionTag", "exception_tag"),
            ("JSTag", "js_tag"),
            ("customSections", "custom_sections"),
            ("traceStack", "trace_stack"),
            ("HTMLElement", "html_element"),
            ("grow", "grow"),
            ("utf8Decode", "utf8_decode"),
            ("with-dash", "with_dash"),
        ] {
            assert_eq!(snake_case(idl), rust, "{idl}");
        }
    }

    #[test]
    fn variants() {
        for (value, rust) in [
            ("i32", "I32"),
            ("externref", "Externref"),
            ("anyfunc", "Anyfunc"),
            ("foo-bar", "FooBar"),
            ("", "Empty"),
            ("2d", "V2d"),
            ("VALUES", "Values"),
        ] {
            assert_eq!(variant_name(value), rust, "{value:?}");
        }
    }

    #[test]
    fn keywords_are_escaped() {
        assert_eq!(argument_name("type"), "r#type");
        assert_eq!(argument_name("py"), "py_");
        assert_eq!(method_name("is"), "is");
        assert_eq!(method_name("self"), "self_");
        assert_eq!(type_name("Self"), "Self_");
        assert_eq!(setter_name("type"), "set_type");
        assert_eq!(ident("r#type").to_string(), "r#type");
        assert!(is_valid_ident("self_"));
        assert!(is_valid_ident("r#type"));
        assert!(!is_valid_ident("1a"));
        assert!(!is_valid_ident("type"));
        assert!(!is_valid_ident("V\u{b2}"));
    }

    #[test]
    fn overloads() {
        let names = overload_names(
            "instantiate",
            &[
                vec!["bytes".into(), "importObject".into()],
                vec!["moduleObject".into(), "importObject".into()],
            ],
        );
        assert_eq!(names, ["instantiate", "instantiate_with_module_object"]);
        let names = overload_names("new", &[vec![], vec!["a".into(), "b".into()], vec![]]);
        assert_eq!(names, ["new", "new_with_a_and_b", "new_without_arguments"]);
        let names = overload_names("r#type", &[vec!["a".into()], vec!["a".into()]]);
        assert_eq!(names, ["r#type", "type_with_a"]);
    }

    #[test]
    fn suggestions() {
        assert_eq!(
            suggest("DOMStrin", ["DOMString", "USVString"]),
            Some("DOMString")
        );
        assert_eq!(suggest("Foo", ["DOMString", "any"]), None);
        assert_eq!(suggest("boolen", ["boolean"]), Some("boolean"));
    }
}
