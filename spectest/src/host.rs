//! Modules that are not run, decided from the module binary alone, before
//! any engine sees it:
//!
//! - a module that needs a proposal the host engine lacks, found by
//!   validating it with the host's feature set
//!   ([`crate::SkipReason::ProposalNotEnabled`]);
//! - a module that imports a tag, which no `wasm_runtime_layer` embedder can
//!   supply on any engine ([`crate::SkipReason::TagImport`]).
//!
//! Errors carrying one of the markers below become that skip.

use conformance::Proposals;
use wasmparser::{
    AbstractHeapType, BlockType, HeapType, Operator, Parser, Payload, TypeRef, ValType, Validator,
    WasmFeatures,
};

use crate::skip::SkipReason;

/// The marker of a module the host engine cannot compile.
pub(crate) const NEEDS_PROPOSAL: &str = "needs a proposal the host engine lacks";

/// The marker of a module that imports a tag.
pub(crate) const IMPORTS_TAG: &str = "imports a tag, which wasm_runtime_layer cannot supply";

/// The skip reason an error message stands for, if it carries a marker.
pub(crate) fn marker_reason(message: &str) -> Option<SkipReason> {
    if message.contains(NEEDS_PROPOSAL) {
        Some(SkipReason::ProposalNotEnabled)
    } else if message.contains(IMPORTS_TAG) {
        Some(SkipReason::TagImport)
    } else {
        None
    }
}

/// The features of an engine, `None` for "everything".
///
/// Node 20's V8 (11.3) ships the first exception-handling design: tags,
/// `throw` and `try`/`catch`/`rethrow`/`delegate`. `wasmparser` gates the tag
/// section with the final design (`EXCEPTIONS`), so that is on here too, and
/// what only the final design has (`try_table`, `throw_ref`, `exnref`) is
/// looked for separately ([`uses_exnref`]).
fn features(proposals: Proposals) -> Option<WasmFeatures> {
    let Proposals::Host(host) = proposals else { return None };
    let mut features = WasmFeatures::WASM2
        .union(WasmFeatures::TAIL_CALL)
        .union(WasmFeatures::THREADS)
        .union(WasmFeatures::LEGACY_EXCEPTIONS)
        .union(WasmFeatures::EXCEPTIONS);
    for (has, feature) in [
        (host.gc, WasmFeatures::GC.union(WasmFeatures::FUNCTION_REFERENCES)),
        (host.function_references, WasmFeatures::FUNCTION_REFERENCES),
        (host.extended_const, WasmFeatures::EXTENDED_CONST),
        (host.multi_memory, WasmFeatures::MULTI_MEMORY),
        (host.memory64, WasmFeatures::MEMORY64),
    ] {
        if has {
            features = features.union(feature);
        }
    }
    Some(features)
}

/// Why the host engine cannot compile `bytes`, if it is a valid module that
/// needs a proposal outside `proposals`.
pub(crate) fn missing_proposal(bytes: &[u8], proposals: Proposals) -> Option<String> {
    let host = features(proposals)?;
    let valid_with_everything = Validator::new_with_features(WasmFeatures::all())
        .validate_all(bytes)
        .is_ok();
    if !valid_with_everything {
        return None;
    }
    let exnref = matches!(proposals, Proposals::Host(host) if host.exnref);
    match Validator::new_with_features(host).validate_all(bytes) {
        Err(e) => Some(format!("{NEEDS_PROPOSAL}: {e}")),
        Ok(_) if exnref => None,
        Ok(_) => uses_exnref(bytes).map(|what| {
            format!("{NEEDS_PROPOSAL}: {what} (exception handling with exnref, V8 13)")
        }),
    }
}

/// Why a `wasm_runtime_layer` embedder cannot instantiate `bytes` on any
/// engine: it imports a tag, and `Extern` has no tag to supply (nor does
/// `Instance::exports`, so `register` cannot pass one on either).
pub(crate) fn tag_import(bytes: &[u8]) -> Option<String> {
    for payload in Parser::new(0).parse_all(bytes) {
        let Ok(Payload::ImportSection(reader)) = payload else {
            continue;
        };
        for import in reader.into_imports().flatten() {
            if let TypeRef::Tag(_) = import.ty {
                return Some(format!(
                    "{IMPORTS_TAG}: `{}` `{}`",
                    import.module, import.name
                ));
            }
        }
    }
    None
}

/// What of the final exception-handling design a (valid) module uses, if
/// any: `try_table`, `throw_ref`, or an `exnref` type.
fn uses_exnref(bytes: &[u8]) -> Option<&'static str> {
    const TYPE: &str = "an exnref type";
    let any_exn = |types: &[ValType]| types.iter().any(|t| is_exn(*t));
    for payload in Parser::new(0).parse_all(bytes) {
        let Ok(payload) = payload else { return None };
        match payload {
            Payload::TypeSection(reader) => {
                for group in reader.into_iter().flatten() {
                    for sub in group.into_types() {
                        if let wasmparser::CompositeInnerType::Func(f) = &sub.composite_type.inner
                            && (any_exn(f.params()) || any_exn(f.results()))
                        {
                            return Some(TYPE);
                        }
                    }
                }
            }
            Payload::ImportSection(reader) => {
                for import in reader.into_imports().flatten() {
                    match import.ty {
                        TypeRef::Global(g) if is_exn(g.content_type) => return Some(TYPE),
                        TypeRef::Table(t) if is_exn(ValType::Ref(t.element_type)) => {
                            return Some(TYPE);
                        }
                        _ => {}
                    }
                }
            }
            Payload::TableSection(reader) => {
                for table in reader.into_iter().flatten() {
                    if is_exn(ValType::Ref(table.ty.element_type)) {
                        return Some(TYPE);
                    }
                }
            }
            Payload::GlobalSection(reader) => {
                for global in reader.into_iter().flatten() {
                    if is_exn(global.ty.content_type) {
                        return Some(TYPE);
                    }
                }
            }
            Payload::CodeSectionEntry(body) => {
                if let Ok(locals) = body.get_locals_reader()
                    && locals.into_iter().flatten().any(|(_, t)| is_exn(t))
                {
                    return Some(TYPE);
                }
                let Ok(mut ops) = body.get_operators_reader() else {
                    return None;
                };
                while !ops.eof() {
                    let Ok(op) = ops.read() else { return None };
                    match op {
                        Operator::TryTable { .. } => return Some("try_table"),
                        Operator::ThrowRef => return Some("throw_ref"),
                        Operator::RefNull { hty } if is_exn_heap(hty) => return Some(TYPE),
                        Operator::TypedSelect { ty } if is_exn(ty) => return Some(TYPE),
                        Operator::Block { blockty }
                        | Operator::Loop { blockty }
                        | Operator::If { blockty }
                        | Operator::Try { blockty }
                            if matches!(blockty, BlockType::Type(t) if is_exn(t)) =>
                        {
                            return Some(TYPE);
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    None
}

/// Whether `ty` is `exnref` or `nullexnref` (nullable or not).
fn is_exn(ty: ValType) -> bool {
    matches!(ty, ValType::Ref(r) if is_exn_heap(r.heap_type()))
}

/// Whether `ty` is the `exn` or `noexn` heap type.
fn is_exn_heap(ty: HeapType) -> bool {
    matches!(
        ty,
        HeapType::Abstract {
            ty: AbstractHeapType::Exn | AbstractHeapType::NoExn,
            ..
        }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wasm(text: &str) -> Vec<u8> {
        wat::parse_str(text).expect("valid WAT")
    }

    #[test]
    fn extended_const_is_missing_in_node_20_only() {
        let bytes = wasm("(module (global i32 (i32.add (i32.const 1) (i32.const 2))))");
        assert!(
            missing_proposal(&bytes, Proposals::NODE_20)
                .is_some_and(|m| m.starts_with(NEEDS_PROPOSAL))
        );
        assert_eq!(missing_proposal(&bytes, Proposals::All), None);
        let plain = wasm("(module (func (result i32) i32.const 1))");
        assert_eq!(missing_proposal(&plain, Proposals::NODE_20), None);
    }

    #[test]
    fn node_20_has_tags_and_throw_but_not_exnref() {
        let tags = wasm(
            r#"(module (tag $t (export "t") (param i32))
                 (func (export "f") (param i32) (throw $t (local.get 0))))"#,
        );
        assert_eq!(missing_proposal(&tags, Proposals::NODE_20), None);
        let legacy = wasm("(module (tag $t) (func try throw $t catch $t catch_all end))");
        assert_eq!(missing_proposal(&legacy, Proposals::NODE_20), None);
        for exnref in [
            "(module (tag $t) (func (block $h (try_table (catch $t $h) (throw $t)))))",
            "(module (func (param exnref) (throw_ref (local.get 0))))",
            "(module (func (local exnref)))",
            "(module (global exnref (ref.null exn)))",
            "(module (table 1 exnref))",
            "(module (func (drop (ref.null noexn))))",
        ] {
            let bytes = wasm(exnref);
            assert!(
                missing_proposal(&bytes, Proposals::NODE_20)
                    .is_some_and(|m| m.starts_with(NEEDS_PROPOSAL)),
                "{exnref}"
            );
            assert_eq!(missing_proposal(&bytes, Proposals::All), None, "{exnref}");
        }
    }

    #[test]
    fn tag_imports_are_found() {
        let bytes = wasm(r#"(module (import "m" "t" (tag (param i32))))"#);
        assert!(tag_import(&bytes).is_some_and(|m| m.contains("`m` `t`")));
        assert_eq!(
            marker_reason(&tag_import(&bytes).unwrap()),
            Some(SkipReason::TagImport)
        );
        let export = wasm(r#"(module (tag (export "t")) (import "m" "f" (func)))"#);
        assert_eq!(tag_import(&export), None);
    }
}
