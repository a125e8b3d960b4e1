//! Runs the bundled Wasm program (`program.wat`) on any `wasm_runtime_layer`
//! engine and reports what it computes, one line per step.

use anyhow::{Context, Result, bail};
use wasm_runtime_layer::backend::WasmEngine;
use wasm_runtime_layer::{
    Engine, Extern, Func, FuncType, Global, Imports, Instance, Module, Store, Val, ValType,
};

/// The program's source.
pub const PROGRAM: &str = include_str!("../program.wat");

/// What the host keeps while the program runs.
#[derive(Default)]
struct Host {
    /// The instance's memory, for the `print` import to read from.
    memory: Option<wasm_runtime_layer::Memory>,
    /// What the guest printed.
    printed: Vec<String>,
}

fn export<E: WasmEngine>(instance: &Instance, store: &Store<Host, E>, name: &str) -> Result<Extern> {
    instance.get_export(store, name).with_context(|| format!("the program exports no `{name}`"))
}

fn call<E: WasmEngine>(store: &mut Store<Host, E>, func: &Func, args: &[Val], results: usize) -> Result<Vec<Val>> {
    let mut out = vec![Val::I32(0); results];
    func.call(store, args, &mut out)?;
    Ok(out)
}

/// Runs the program on `engine` and returns the lines it produced.
pub fn run<E: WasmEngine>(engine: &Engine<E>) -> Result<Vec<String>> {
    let bytes = wat::parse_str(PROGRAM)?;
    let module = Module::new(engine, &bytes)?;
    let mut store = Store::new(engine, Host::default());
    let mut lines = Vec::new();

    // Imports: a printer that reads the guest's memory, a squaring function
    // over the full i64 range, and a mutable global the guest bumps.
    let print = Func::new(
        &mut store,
        FuncType::new([ValType::I32, ValType::I32], []),
        |mut ctx, args, _results| {
            let (Val::I32(ptr), Val::I32(len)) = (&args[0], &args[1]) else { bail!("print(ptr, len) takes two i32") };
            let memory = ctx.data().memory.clone().context("memory not known yet")?;
            let mut text = vec![0; *len as usize];
            memory.read(&ctx, *ptr as usize, &mut text)?;
            ctx.data_mut().printed.push(String::from_utf8_lossy(&text).into_owned());
            Ok(())
        },
    );
    let square = Func::new(&mut store, FuncType::new([ValType::I64], [ValType::I64]), |_ctx, args, results| {
        let Val::I64(n) = args[0] else { bail!("square takes an i64") };
        results[0] = Val::I64(n.wrapping_mul(n));
        Ok(())
    });
    let visits = Global::new(&mut store, Val::I32(100), true);
    let mut imports = Imports::new();
    imports.define("host", "print", Extern::Func(print));
    imports.define("host", "square", Extern::Func(square));
    imports.define("host", "visits", Extern::Global(visits.clone()));

    let instance = Instance::new(&mut store, &module, &imports)?;
    let memory = export(&instance, &store, "memory")?.into_memory().context("`memory` is not a memory")?;
    store.data_mut().memory = Some(memory.clone());

    let import_names: Vec<String> = module.imports(engine).map(|i| format!("{}.{}", i.module, i.name)).collect();
    let export_names: Vec<String> = module.exports(engine).map(|e| e.name.to_owned()).collect();
    lines.push(format!("module: imports [{}], exports [{}]", import_names.join(", "), export_names.join(", ")));

    let fib = export(&instance, &store, "fib")?.into_func().context("`fib` is not a function")?;
    let fib90 = call(&mut store, &fib, &[Val::I32(90)], 1)?;
    lines.push(format!("fib(90) = {:?}", fib90[0]));

    let apply = export(&instance, &store, "apply")?.into_func().context("`apply` is not a function")?;
    let mut results = Vec::new();
    for (op, sign) in ["+", "-", "*", "/"].iter().enumerate() {
        let r = call(&mut store, &apply, &[Val::I32(op as i32), Val::I32(84), Val::I32(2)], 1)?;
        results.push(format!("84{sign}2={:?}", r[0]));
    }
    lines.push(format!("apply through the table: {}", results.join(" ")));

    let ops = export(&instance, &store, "ops")?.into_table().context("`ops` is not a table")?;
    let mul = match ops.get(&mut store, 2) {
        Some(wasm_runtime_layer::Ref::FuncRef(Some(f))) => f,
        _ => bail!("ops[2] is not a function"),
    };
    let product = call(&mut store, &mul, &[Val::I32(6), Val::I32(7)], 1)?;
    lines.push(format!("table: ops has {} entries; the host calls ops[2](6, 7) = {:?}", ops.size(&store), product[0]));

    let text = b"hello from rust, through wasm memory";
    memory.write(&mut store, 1024, text)?;
    let shout = export(&instance, &store, "shout")?.into_func().context("`shout` is not a function")?;
    call(&mut store, &shout, &[Val::I32(1024), Val::I32(text.len() as i32)], 0)?;
    let mut back = vec![0; text.len()];
    memory.read(&store, 1024, &mut back)?;
    let printed_lines = store.data().printed.join(" | ");
    lines.push(format!("memory: the guest printed \"{printed_lines}\"; the host reads back \"{}\"", String::from_utf8_lossy(&back)));

    let sum = export(&instance, &store, "sum_of_squares")?.into_func().context("`sum_of_squares` is not a function")?;
    let total = call(&mut store, &sum, &[Val::I64(1_000)], 1)?;
    lines.push(format!("host squares: sum of squares 1..=1000 = {:?}", total[0]));

    let calls = export(&instance, &store, "calls")?.into_global().context("`calls` is not a global")?;
    let answer = export(&instance, &store, "answer")?.into_global().context("`answer` is not a global")?;
    lines.push(format!(
        "globals: calls = {:?}, host visits = {:?}, answer = {:?}",
        calls.get(&mut store),
        visits.get(&mut store),
        answer.get(&mut store)
    ));
    Ok(lines)
}
