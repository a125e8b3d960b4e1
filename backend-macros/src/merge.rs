//! Partial definitions: folds every `partial interface`, `partial namespace`
//! and `partial dictionary` into its main definition, between [`crate::parser`]
//! and [`crate::check`].
//!
//! Rules (WebIDL §2.2.2, restricted to what the generator needs):
//!
//! - A partial definition needs a main (non-partial) definition of the same
//!   name and kind, anywhere in the spec (in any of its files, before or
//!   after the partial one). Otherwise: an error at the partial's name.
//! - Its members are appended to the main definition's, in source order
//!   (main members first, then each partial's in the order the partials appear).
//! - A member whose name is already taken is an error at that member's name
//!   and is dropped, except that an operation may add an overload to an
//!   operation of the same name (the checker then compares their argument types).
//! - On the partial itself only `[Exposed]` is accepted; it is dropped (the
//!   generated code does not depend on exposure). Anything else is an error.
//!
//! After this stage no definition of the spec is partial.

use std::collections::HashMap;

use proc_macro2::Ident;

use crate::ast::{Container, Definition, Dictionary, ExtAttr, Member, Spec};
use crate::errors::Ctxt;

/// Returns `spec` with its partial definitions merged away; problems go to `cx`.
pub fn merge(spec: Spec, cx: &Ctxt) -> Spec {
    let (partials, mut definitions): (Vec<Definition>, Vec<Definition>) = spec
        .definitions
        .into_iter()
        .partition(|d| d.partial().is_some());
    // The first main definition of each name (the checker reports duplicates).
    let mut main: HashMap<String, usize> = HashMap::new();
    for (i, definition) in definitions.iter().enumerate() {
        main.entry(definition.name().to_string()).or_insert(i);
    }
    for partial in partials {
        check_partial_attrs(&partial, cx);
        let name = partial.name().clone();
        let Some(target) = main
            .get(&name.to_string())
            .and_then(|&i| definitions.get_mut(i))
        else {
            cx.error(
                name.span(),
                format_args!(
                    "partial {} `{name}` has no main definition (`{} {name} {{ ... }};`)",
                    partial.keyword(),
                    partial.keyword()
                ),
            );
            continue;
        };
        match (target, partial) {
            (Definition::Interface(main), Definition::Interface(partial))
            | (Definition::Namespace(main), Definition::Namespace(partial)) => {
                merge_container(main, partial, cx);
            }
            (Definition::Dictionary(main), Definition::Dictionary(partial)) => {
                merge_dictionary(main, partial, cx);
            }
            (target, partial) => cx.error(
                name.span(),
                format_args!(
                    "partial {} `{name}` does not match its main definition, which is {} {}",
                    partial.keyword(),
                    article(target.keyword()),
                    target.keyword()
                ),
            ),
        }
    }
    Spec { definitions }
}

/// Only `[Exposed]` may be written on a partial definition.
fn check_partial_attrs(partial: &Definition, cx: &Ctxt) {
    let attrs: &[ExtAttr] = match partial {
        Definition::Interface(c) | Definition::Namespace(c) => &c.attrs,
        Definition::Dictionary(d) => &d.attrs,
        Definition::Enum(_) | Definition::Typedef(_) => &[],
    };
    for attr in attrs.iter().filter(|a| a.name != "Exposed") {
        cx.error(
            attr.name.span(),
            format_args!(
                "`[{}]` is not allowed on a partial definition (only `[Exposed]`)",
                attr.name
            ),
        );
    }
}

/// The member name of an interface or namespace member (`None` for constructors).
fn member_name(member: &Member) -> Option<&Ident> {
    match member {
        Member::Constructor(_) => None,
        Member::Operation(op) => Some(&op.name),
        Member::Attribute(attr) => Some(&attr.name),
    }
}

fn merge_container(main: &mut Container, partial: Container, cx: &Ctxt) {
    for member in partial.members {
        if let Some(name) = member_name(&member) {
            let taken = main.members.iter().find(|m| member_name(m) == Some(name));
            let overload = matches!(
                (taken, &member),
                (Some(Member::Operation(_)), Member::Operation(_))
            );
            if taken.is_some() && !overload {
                cx.error(
                    name.span(),
                    format_args!(
                        "duplicate member `{name}`: `{}` already has a member of this name",
                        main.name
                    ),
                );
                continue;
            }
        }
        main.members.push(member);
    }
}

fn merge_dictionary(main: &mut Dictionary, partial: Dictionary, cx: &Ctxt) {
    for member in partial.members {
        if main.members.iter().any(|m| m.name == member.name) {
            cx.error(
                member.name.span(),
                format_args!(
                    "duplicate member `{}`: `{}` already has a member of this name",
                    member.name, main.name
                ),
            );
            continue;
        }
        main.members.push(member);
    }
}

/// "a" or "an" before `word`.
fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::parse_spec;

    /// Parses and merges `src`; returns the spec and all error messages.
    fn run(src: &str) -> (Spec, Vec<String>) {
        let cx = Ctxt::new();
        let spec = merge(parse_spec(src.parse().unwrap(), &cx), &cx);
        let errors = match cx.finish(()) {
            Ok(()) => Vec::new(),
            Err(e) => e.into_iter().map(|e| e.to_string()).collect(),
        };
        (spec, errors)
    }

    /// `name: member, member` for every definition, to compare shapes.
    fn shape(spec: &Spec) -> Vec<String> {
        spec.definitions
            .iter()
            .map(|d| {
                let members: Vec<String> = match d {
                    Definition::Interface(c) | Definition::Namespace(c) => c
                        .members
                        .iter()
                        .map(|m| member_name(m).map_or("constructor".to_owned(), Ident::to_string))
                        .collect(),
                    Definition::Dictionary(d) => {
                        d.members.iter().map(|m| m.name.to_string()).collect()
                    }
                    Definition::Enum(_) | Definition::Typedef(_) => Vec::new(),
                };
                format!("{}: {}", d.name(), members.join(", "))
            })
            .collect()
    }

    #[test]
    fn partials_fold_into_their_main_definition() {
        let (spec, errors) = run("[Exposed=*] partial namespace N { any g(); };
             [Exposed=*] namespace N { any f(any a); };
             partial namespace N { any f(any a, any b); readonly attribute any t; };
             dictionary D { any a; };
             partial dictionary D { boolean shared = false; };
             interface I { constructor(); };
             partial interface I { constructor(any x); attribute any y; };");
        assert_eq!(errors, Vec::<String>::new());
        assert_eq!(
            shape(&spec),
            [
                "N: f, g, f, t",
                "D: a, shared",
                "I: constructor, constructor, y"
            ]
        );
        assert!(spec.definitions.iter().all(|d| d.partial().is_none()));
    }

    #[test]
    fn missing_main_mismatch_duplicates_and_attributes() {
        let (spec, errors) = run(
            "partial dictionary Missing { any a; };
             enum E { \"a\" }; partial interface E {};
             interface I { any f(); attribute any x; };
             partial interface I { attribute any f; any x(); any f(any a); };
             namespace N { readonly attribute any x; }; partial namespace N { readonly attribute any x; };
             dictionary D { any a; }; partial dictionary D { any a; any b; };
             [LegacyNamespace=N, Exposed=*] partial interface I {};",
        );
        assert_eq!(
            errors,
            [
                "partial dictionary `Missing` has no main definition (`dictionary Missing { ... };`)",
                "partial interface `E` does not match its main definition, which is an enum",
                "duplicate member `f`: `I` already has a member of this name",
                "duplicate member `x`: `I` already has a member of this name",
                "duplicate member `x`: `N` already has a member of this name",
                "duplicate member `a`: `D` already has a member of this name",
                "`[LegacyNamespace]` is not allowed on a partial definition (only `[Exposed]`)",
            ]
        );
        assert_eq!(shape(&spec), ["E: ", "I: f, x, f", "N: x", "D: a, b"]);
    }
}
