//! Resolving a module's imports from a `wasm_runtime_layer` `Imports`: one
//! pass over what the caller provides, matched against a per-module index
//! of the names the module imports (no `String` made per lookup).

use crate::error::WrongStore;
use crate::store_id::StoreId;
use crate::{Engine, Module};
use anyhow::{Result, bail};
use smallvec::SmallVec;
use std::collections::HashMap;
use wasm_runtime_layer::ExternType;
use wasm_runtime_layer::backend::{Extern, Imports};

/// The hasher of the index: foldhash, seeded per process (a lookup hashes
/// two short names; std's SipHash took a third of the backend's
/// `Instance::new` with 100 imports).
type Hasher = foldhash::fast::RandomState;

/// Where each `module::name` pair sits in a module's import list (a name
/// may be imported more than once).
#[derive(Debug, Default)]
pub(crate) struct ImportIndex(HashMap<String, HashMap<String, SmallVec<[usize; 1]>, Hasher>, Hasher>);

impl ImportIndex {
    /// The index of `(module, name, type)` imports, in declaration order.
    pub(crate) fn new(imports: &[(String, String, ExternType)]) -> Self {
        let mut index = Self::default();
        for (position, (module, name, _)) in imports.iter().enumerate() {
            index.0.entry(module.clone()).or_default().entry(name.clone()).or_default().push(position);
        }
        index
    }

    fn positions(&self, module: &str, name: &str) -> &[usize] {
        self.0.get(module).and_then(|names| names.get(name)).map_or(&[], |p| p.as_slice())
    }
}

/// A module's imports, resolved, in its order (borrowed from the `Imports`).
pub(crate) type Resolved<'a> = SmallVec<[&'a Extern<Engine>; 8]>;

/// The store an extern belongs to.
fn owner(value: &Extern<Engine>) -> StoreId {
    match value {
        Extern::Func(f) => f.store_id(),
        Extern::Memory(m) => m.store_id(),
        Extern::Table(t) => t.store_id(),
        Extern::Global(g) => g.store_id(),
    }
}

/// The module's imports resolved from `imports`, in the module's order, each
/// checked against the type the module declares (as wasmtime does); the
/// first import missing or of the wrong type, in that order, is the error.
pub(crate) fn resolve<'a>(module: &Module, imports: &'a Imports<Engine>, store: StoreId) -> Result<Resolved<'a>> {
    let declared = &module.types().imports;
    if declared.is_empty() {
        return Ok(Resolved::new());
    }
    let index = module.import_index();
    let mut found: SmallVec<[Option<&Extern<Engine>>; 8]> = smallvec::smallvec![None; declared.len()];
    for (module_name, name, value) in imports.iter() {
        for &position in index.positions(module_name, name) {
            found[position] = Some(value);
        }
    }
    let mut resolved = Resolved::with_capacity(declared.len());
    for ((module_name, name, expected), value) in declared.iter().zip(found) {
        let Some(value) = value else {
            bail!("unknown import: `{module_name}::{name}` has not been defined");
        };
        if owner(value) != store {
            return Err(WrongStore.into());
        }
        let ok = match (value, expected) {
            (Extern::Func(f), ExternType::Func(ty)) => f.ty_ref() == ty,
            (Extern::Memory(_), ExternType::Memory(_)) => true,
            (Extern::Table(t), ExternType::Table(ty)) => t.ty_ref().element() == ty.element(),
            (Extern::Global(g), ExternType::Global(ty)) => g.ty_ref() == ty,
            _ => false,
        };
        if !ok {
            bail!("incompatible import type for `{module_name}::{name}`: expected {expected:?}");
        }
        resolved.push(value);
    }
    Ok(resolved)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_runtime_layer::{FuncType, GlobalType, ValType};

    #[test]
    fn index_keeps_every_position_of_a_repeated_name() {
        let func = ExternType::Func(FuncType::new([], []));
        let global = ExternType::Global(GlobalType::new(ValType::I32, false));
        let imports = [
            ("m".to_owned(), "b".to_owned(), func.clone()),
            ("m".to_owned(), "a".to_owned(), global),
            ("m".to_owned(), "b".to_owned(), func.clone()),
            ("".to_owned(), "".to_owned(), func),
        ];
        let index = ImportIndex::new(&imports);
        assert_eq!(index.positions("m", "b"), [0, 2]);
        assert_eq!(index.positions("m", "a"), [1]);
        assert_eq!(index.positions("", ""), [3]);
        assert!(index.positions("m", "c").is_empty());
        assert!(index.positions("n", "a").is_empty());
    }
}
