//! The `spectest` host module the scripts import from.
//!
//! Its contents are fixed by the spec's reference interpreter: `print*`
//! functions that do nothing, four constant globals holding 666 / 666.6, a
//! `funcref` table with limits 10..20 and a memory with limits 1..2 pages.

use wasm_runtime_layer::{
    Extern, FuncType, Global, Imports, Memory, MemoryType, Ref, RefType, Table, TableType, Val,
    ValType, backend::WasmEngine,
};

use crate::values::SpecStore;

/// The module name the scripts import the host items from.
const NAME: &str = "spectest";

/// Defines the `spectest` module's items in `imports`, created in `store`.
pub(crate) fn define<E: WasmEngine>(
    store: &mut SpecStore<E>,
    imports: &mut Imports,
) -> anyhow::Result<()> {
    use ValType::{F32, F64, I32, I64};
    let prints: [(&str, &[ValType]); 7] = [
        ("print", &[]),
        ("print_i32", &[I32]),
        ("print_i64", &[I64]),
        ("print_f32", &[F32]),
        ("print_f64", &[F64]),
        ("print_i32_f32", &[I32, F32]),
        ("print_f64_f64", &[F64, F64]),
    ];
    for (name, params) in prints {
        let ty = FuncType::new(params.iter().copied(), []);
        let func = wasm_runtime_layer::Func::new(&mut *store, ty, |_, _, _| Ok(()));
        imports.define(NAME, name, Extern::Func(func));
    }

    let globals = [
        ("global_i32", Val::I32(666)),
        ("global_i64", Val::I64(666)),
        ("global_f32", Val::F32(666.6)),
        ("global_f64", Val::F64(666.6)),
    ];
    for (name, value) in globals {
        let global = Global::new(&mut *store, value, false);
        imports.define(NAME, name, Extern::Global(global));
    }

    let table = Table::new(
        &mut *store,
        TableType::new(RefType::FuncRef, 10, Some(20)),
        Ref::FuncRef(None),
    )?;
    imports.define(NAME, "table", Extern::Table(table));

    let memory = Memory::new(&mut *store, MemoryType::new(1, Some(2)))?;
    imports.define(NAME, "memory", Extern::Memory(memory));
    Ok(())
}
