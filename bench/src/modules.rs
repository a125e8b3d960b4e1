//! The guest modules the benchmarks run (shared with `bench/native`).

use wasm_runtime_layer::backend::WasmEngine;
use wasm_runtime_layer::{Engine, Extern, Func, FuncType, Imports, Instance, Module, Store, Val, ValType};

/// The main guest: calls of each signature, a host-call loop, memory, a global, a table.
pub const GUEST: &str = r#"(module
    (import "env" "host" (func $host (param i32) (result i32)))
    (memory (export "mem") 32)
    (global (export "g") (mut i32) (i32.const 0))
    (table (export "t") 4 funcref)
    (elem (i32.const 0) $add)
    (func $add (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
    (func (export "add64") (param i64 i64) (result i64) (i64.add (local.get 0) (local.get 1)))
    (func (export "neg") (param f64) (result f64) (f64.neg (local.get 0)))
    (func (export "pair") (result i32 i64) (i32.const 1) (i64.const 2))
    (func (export "loop") (param $n i32) (result i32) (local $acc i32)
      (block $done (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $acc (call $host (local.get $acc)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
      (local.get $acc)))"#;

/// [`GUEST`] in a new store of `engine`, its import a host function (`x + 1`)
/// made with `Func::new`: what a user writes, on any backend.
pub fn instantiate_guest<E: WasmEngine>(engine: &Engine<E>) -> anyhow::Result<(Store<(), E>, Instance)> {
    let mut store = Store::new(engine, ());
    let host = Func::new(&mut store, FuncType::new([ValType::I32], [ValType::I32]), |_, args, results| {
        if let Val::I32(x) = args[0] {
            results[0] = Val::I32(x.wrapping_add(1));
        }
        Ok(())
    });
    let mut imports = Imports::new();
    imports.define("env", "host", Extern::Func(host));
    let module = Module::new(engine, &wat::parse_str(GUEST)?)?;
    let instance = Instance::new(&mut store, &module, &imports)?;
    Ok((store, instance))
}

/// The floor of the fast path's host-call protocol: a thunk like the backend's
/// generated host functions (reserve scratch in Rust memory by moving a
/// stack-pointer global, spill the argument, call a Rust `extern "C"`
/// trampoline through the shared function table, check its status, load the
/// result, release the scratch), calling a trampoline that does nothing else.
pub const FLOOR_THUNK: &str = r#"(module
    (import "e" "m" (memory 0))
    (import "e" "tr" (func $tr (param i32 i32 i32) (result i32)))
    (import "e" "sp" (global $sp (mut i32)))
    (import "e" "lo" (global $lo i32))
    (func (export "h") (param $x i32) (result i32) (local $base i32) (local $r i32)
      (local.set $base (i32.sub (global.get $sp) (i32.const 16)))
      (global.set $sp (local.get $base))
      (if (i32.lt_u (local.get $base) (global.get $lo)) (then unreachable))
      (i32.store (local.get $base) (local.get $x))
      (if (call $tr (i32.const 0) (local.get $base) (i32.add (local.get $base) (i32.const 8)))
        (then (global.set $sp (i32.add (local.get $base) (i32.const 16))) (unreachable)))
      (local.set $r (i32.load offset=8 (local.get $base)))
      (global.set $sp (i32.add (local.get $base) (i32.const 16)))
      (local.get $r)))"#;

/// A module exporting `n` functions of type `[] -> []` (`f0`, `f1`, ...).
pub fn provider(n: usize) -> String {
    let funcs: String = (0..n).map(|i| format!("(func (export \"f{i}\"))")).collect();
    format!("(module {funcs})")
}

/// A module importing `n` functions of type `[] -> []` from `env` (`f0`, `f1`, ...).
pub fn consumer(n: usize) -> String {
    let imports: String = (0..n).map(|i| format!("(import \"env\" \"f{i}\" (func))")).collect();
    format!("(module {imports})")
}

/// A valid module of about `bytes` bytes: one memory and one data segment.
pub use conformance::fixture::module_with_data as big;

/// A valid module of about `bytes` bytes made of many small functions (each
/// `(func (param i32) (result i32) (i32.add (local.get 0) (i32.const k)))`,
/// the first exported): the shape of compiled code, whose size is in its
/// code section.
pub fn many_functions(bytes: usize) -> Vec<u8> {
    fn uleb(mut n: usize, out: &mut Vec<u8>) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                out.push(byte);
                return;
            }
            out.push(byte | 0x80);
        }
    }
    fn section(id: u8, body: &[u8], out: &mut Vec<u8>) {
        out.push(id);
        uleb(body.len(), out);
        out.extend_from_slice(body);
    }
    // Each body: its size, no locals, local.get 0, i32.const k (3 bytes of
    // LEB for k < 2^20), i32.add, end.
    let count = (bytes / 10).max(1);
    let mut functions = Vec::new();
    uleb(count, &mut functions);
    functions.resize(functions.len() + count, 0x00);
    let mut code = Vec::new();
    uleb(count, &mut code);
    for k in 0..count {
        let k = k & 0xfffff;
        code.extend_from_slice(&[0x09, 0x00, 0x20, 0x00, 0x41]);
        code.extend_from_slice(&[(k & 0x7f) as u8 | 0x80, ((k >> 7) & 0x7f) as u8 | 0x80, ((k >> 14) & 0x3f) as u8]);
        code.extend_from_slice(&[0x6a, 0x0b]);
    }
    let mut out = b"\0asm\x01\0\0\0".to_vec();
    section(1, &[0x01, 0x60, 0x01, 0x7f, 0x01, 0x7f], &mut out);
    section(3, &functions, &mut out);
    section(7, &[0x01, 0x02, b'f', b'0', 0x00, 0x00], &mut out);
    section(10, &code, &mut out);
    out
}
