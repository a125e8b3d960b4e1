//! Small helpers to build modules and instances from WAT and to call exports.
//!
//! Every case writes its test module as WAT text and builds only what it
//! needs; these helpers keep that short and attach context to every error.

use anyhow::{Context, Result, anyhow, bail};
use wasm_runtime_layer::{
    AsContext, AsContextMut, Engine, Extern, Func, Global, Imports, Instance, Memory, Module,
    Store, Table, Val, ValType, backend::WasmEngine,
};

/// Assembles WAT text into a binary module (the `wat` crate, pure Rust).
pub fn wasm(text: &str) -> Result<Vec<u8>> {
    wat::parse_str(text).with_context(|| format!("the suite's WAT does not assemble:\n{text}"))
}

/// Assembles and compiles WAT text with `engine`.
pub fn compile<E: WasmEngine>(engine: &Engine<E>, text: &str) -> Result<Module> {
    let bytes = wasm(text)?;
    Module::new(engine, &bytes).context("Module::new on a valid module")
}

/// Assembles, compiles and instantiates WAT text in `store`.
pub fn instantiate<D: 'static, E: WasmEngine>(
    store: &mut Store<D, E>,
    text: &str,
    imports: &Imports,
) -> Result<Instance> {
    let module = compile(&store.engine().clone(), text)?;
    Instance::new(store, &module, imports).context("Instance::new with all imports provided")
}

/// The export `name` of `instance`, or an `Err` if it is missing.
pub fn export(ctx: impl AsContext, instance: &Instance, name: &str) -> Result<Extern> {
    instance
        .get_export(ctx, name)
        .ok_or_else(|| anyhow!("export {name:?} is missing"))
}

/// The exported function `name`, or an `Err`.
pub fn func(ctx: impl AsContext, instance: &Instance, name: &str) -> Result<Func> {
    export(ctx, instance, name)?
        .into_func()
        .ok_or_else(|| anyhow!("export {name:?} is not a function"))
}

/// The exported global `name`, or an `Err`.
pub fn global(ctx: impl AsContext, instance: &Instance, name: &str) -> Result<Global> {
    export(ctx, instance, name)?
        .into_global()
        .ok_or_else(|| anyhow!("export {name:?} is not a global"))
}

/// The exported memory `name`, or an `Err`.
pub fn memory(ctx: impl AsContext, instance: &Instance, name: &str) -> Result<Memory> {
    export(ctx, instance, name)?
        .into_memory()
        .ok_or_else(|| anyhow!("export {name:?} is not a memory"))
}

/// The exported table `name`, or an `Err`.
pub fn table(ctx: impl AsContext, instance: &Instance, name: &str) -> Result<Table> {
    export(ctx, instance, name)?
        .into_table()
        .ok_or_else(|| anyhow!("export {name:?} is not a table"))
}

/// A placeholder of type `ty`, used to pre-fill result slices.
pub fn placeholder(ty: ValType) -> Val {
    match ty {
        ValType::I32 => Val::I32(0),
        ValType::I64 => Val::I64(0),
        ValType::F32 => Val::F32(0.0),
        ValType::F64 => Val::F64(0.0),
        ValType::V128 => Val::V128(0),
        ValType::FuncRef => Val::FuncRef(None),
        ValType::ExternRef => Val::ExternRef(None),
    }
}

/// Calls `func` with `args`; the results slice is sized from `func`'s type.
pub fn call(mut ctx: impl AsContextMut, func: &Func, args: &[Val]) -> Result<Vec<Val>> {
    let ty = func.ty(&ctx);
    let mut results: Vec<Val> = ty.results().iter().copied().map(placeholder).collect();
    func.call(&mut ctx, args, &mut results)?;
    Ok(results)
}

/// Calls a function that has exactly one result and returns it.
pub fn call1(ctx: impl AsContextMut, func: &Func, args: &[Val]) -> Result<Val> {
    let mut results = call(ctx, func, args)?;
    match results.len() {
        1 => Ok(results.remove(0)),
        n => bail!("expected a function with one result, it has {n}"),
    }
}

/// Calls the exported function `name` of `instance` (see [`call`]).
pub fn call_export(
    mut ctx: impl AsContextMut,
    instance: &Instance,
    name: &str,
    args: &[Val],
) -> Result<Vec<Val>> {
    let f = func(&ctx, instance, name)?;
    call(&mut ctx, &f, args).with_context(|| format!("calling export {name:?}"))
}

/// Calls the exported function `name`, which has exactly one result.
pub fn call_export1(
    mut ctx: impl AsContextMut,
    instance: &Instance,
    name: &str,
    args: &[Val],
) -> Result<Val> {
    let f = func(&ctx, instance, name)?;
    call1(&mut ctx, &f, args).with_context(|| format!("calling export {name:?}"))
}

/// Calls the exported function `name` that returns one `i32`.
pub fn call_i32(
    ctx: impl AsContextMut,
    instance: &Instance,
    name: &str,
    args: &[Val],
) -> Result<i32> {
    let val = call_export1(ctx, instance, name, args)?;
    crate::check::as_i32(&val, &format!("result of {name:?}"))
}

/// `text` as a WAT string literal (quoted; bytes outside printable ASCII,
/// quotes and backslashes written as `\hh` escapes).
pub fn wat_string(text: &str) -> String {
    let mut out = String::from("\"");
    for byte in text.bytes() {
        if byte.is_ascii_graphic() && byte != b'"' && byte != b'\\' || byte == b' ' {
            out.push(byte as char);
        } else {
            out.push_str(&format!("\\{byte:02x}"));
        }
    }
    out.push('"');
    out
}

/// A valid module of about `bytes` bytes (its size in the binary): one
/// memory large enough and one active data segment, no code. For tests of
/// big modules, which WAT text would make slowly.
pub fn module_with_data(bytes: usize) -> Vec<u8> {
    fn uleb(mut n: usize, out: &mut Vec<u8>) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            out.push(if n == 0 { byte } else { byte | 0x80 });
            if n == 0 {
                break;
            }
        }
    }
    fn section(id: u8, body: &[u8], out: &mut Vec<u8>) {
        out.push(id);
        uleb(body.len(), out);
        out.extend_from_slice(body);
    }
    let mut out = b"\0asm\x01\0\0\0".to_vec();
    let mut memory = vec![1, 0];
    uleb(bytes / 65536 + 1, &mut memory);
    section(5, &memory, &mut out);
    let mut data = vec![1, 0, 0x41, 0, 0x0b];
    uleb(bytes, &mut data);
    data.extend((0..bytes).map(|i| (i * 31 % 251) as u8));
    section(11, &data, &mut out);
    out
}
