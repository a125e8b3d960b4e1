//! Linear memory: creation, growth, bounds-checked access, export and import.
//!
//! Not covered: `Memory::new` with impossible limits (minimum above maximum,
//! more than 65536 pages). wasmtime 48 panics there (its `MemoryType::new`
//! unwraps a validation error), so there is no reference answer.

use anyhow::Result;
use wasm_runtime_layer::{Extern, Imports, Memory, MemoryType, Store, Val};

use crate::Target;
use crate::check::{ensure_eq, expect_err};
use crate::fixture::{call_i32, func, instantiate, memory};

/// One WebAssembly page, in bytes.
const PAGE: usize = 65536;

/// A host-created memory: `ty()`, `current_pages`, `grow` returning the old
/// size, `Err` (size unchanged) when growing beyond the maximum, contents
/// kept and new pages zeroed.
pub fn host_memory_grow<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, ());
    let m = Memory::new(&mut store, MemoryType::new(1, Some(3)))?;
    ensure_eq(m.ty(&store), MemoryType::new(1, Some(3)), "ty()")?;
    ensure_eq(m.current_pages(&store), 1, "initial pages")?;
    m.write(&mut store, 10, b"kept")?;
    ensure_eq(m.grow(&mut store, 1)?, 1, "grow(1) returns the old size")?;
    ensure_eq(m.current_pages(&store), 2, "pages after grow")?;
    expect_err(m.grow(&mut store, 2), "grow beyond the maximum")?;
    expect_err(m.grow(&mut store, u32::MAX), "grow(u32::MAX)")?;
    ensure_eq(m.current_pages(&store), 2, "pages after failed grows")?;
    ensure_eq(m.grow(&mut store, 1)?, 2, "grow up to the maximum")?;
    ensure_eq(m.grow(&mut store, 0)?, 3, "grow(0) at the maximum")?;
    ensure_eq(m.current_pages(&store), 3, "final pages")?;
    let mut buf = [0u8; 4];
    m.read(&store, 10, &mut buf)?;
    ensure_eq(&buf, b"kept", "contents survive growth")?;
    let mut fresh = vec![0xffu8; 16];
    m.read(&store, 3 * PAGE - 16, &mut fresh)?;
    ensure_eq(fresh, vec![0u8; 16], "new pages are zeroed")?;
    // The type keeps the declared minimum; only the current size grows.
    ensure_eq(
        m.ty(&store).maximum_pages(),
        Some(3),
        "maximum after growth",
    )?;

    let unbounded = Memory::new(&mut store, MemoryType::new(0, None))?;
    ensure_eq(
        unbounded.ty(&store),
        MemoryType::new(0, None),
        "unbounded ty()",
    )?;
    ensure_eq(unbounded.current_pages(&store), 0, "zero-page memory")?;
    expect_err(
        unbounded.write(&mut store, 0, &[1]),
        "write into a zero-page memory",
    )?;
    ensure_eq(unbounded.grow(&mut store, 2)?, 0, "unbounded grow")?;
    ensure_eq(
        unbounded.current_pages(&store),
        2,
        "unbounded pages after grow",
    )
}

/// `read` and `write` are bounds-checked: the last byte is accessible, any
/// access reaching past the end (including `offset + len` overflowing
/// `usize`, and `usize::MAX` offsets) is an `Err` and writes nothing.
pub fn read_write_bounds<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, ());
    let m = Memory::new(&mut store, MemoryType::new(1, None))?;
    m.write(&mut store, 0, b"hello")?;
    let mut buf = [0u8; 5];
    m.read(&store, 0, &mut buf)?;
    ensure_eq(&buf, b"hello", "read back")?;
    m.write(&mut store, PAGE - 1, &[0xab])?;
    let mut last = [0u8];
    m.read(&store, PAGE - 1, &mut last)?;
    ensure_eq(last[0], 0xab, "last byte")?;
    m.write(&mut store, PAGE - 4, &[1, 2, 3, 4])?;
    m.read(&store, PAGE, &mut [])?; // an empty access at the very end is in bounds
    m.write(&mut store, PAGE, &[])?;

    let mut one = [0u8; 1];
    let mut ten = [0u8; 10];
    expect_err(m.read(&store, PAGE, &mut one), "read 1 byte at the end")?;
    expect_err(
        m.read(&store, PAGE - 5, &mut ten),
        "read straddling the end",
    )?;
    expect_err(m.read(&store, usize::MAX, &mut one), "read at usize::MAX")?;
    expect_err(
        m.read(&store, usize::MAX - 3, &mut ten),
        "read with offset + len overflowing",
    )?;
    expect_err(
        m.read(&store, usize::MAX, &mut []),
        "empty read at usize::MAX",
    )?;
    expect_err(m.read(&store, PAGE + 1, &mut []), "empty read past the end")?;
    expect_err(m.write(&mut store, PAGE, &[9]), "write 1 byte at the end")?;
    expect_err(
        m.write(&mut store, PAGE - 2, &[9, 9, 9]),
        "write straddling the end",
    )?;
    expect_err(m.write(&mut store, usize::MAX, &[9]), "write at usize::MAX")?;
    expect_err(
        m.write(&mut store, usize::MAX - 1, &[9; 4]),
        "write with offset + len overflowing",
    )?;
    // A failed write must not have written its in-bounds part.
    let mut tail = [0u8; 4];
    m.read(&store, PAGE - 4, &mut tail)?;
    ensure_eq(tail, [1, 2, 3, 4], "memory after failed writes")
}

/// An exported memory: its `ty()`, data segments visible to the host, host
/// writes visible to the guest and guest stores to the host; growth on
/// either side is seen by the other.
pub fn exported_memory<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, ());
    let instance = instantiate(
        &mut store,
        r#"(module
          (memory (export "mem") 1 4)
          (data (i32.const 16) "abc")
          (func (export "load") (param i32) (result i32) local.get 0 i32.load)
          (func (export "store") (param i32 i32) local.get 0 local.get 1 i32.store)
          (func (export "size") (result i32) memory.size)
          (func (export "grow") (param i32) (result i32) local.get 0 memory.grow))"#,
        &Imports::new(),
    )?;
    let m = memory(&store, &instance, "mem")?;
    ensure_eq(m.ty(&store), MemoryType::new(1, Some(4)), "ty()")?;
    let mut abc = [0u8; 3];
    m.read(&store, 16, &mut abc)?;
    ensure_eq(&abc, b"abc", "data segment seen by the host")?;
    m.write(&mut store, 100, &0x1234_5678i32.to_le_bytes())?;
    ensure_eq(
        call_i32(&mut store, &instance, "load", &[Val::I32(100)])?,
        0x1234_5678,
        "guest load",
    )?;
    func(&store, &instance, "store")?.call(&mut store, &[Val::I32(200), Val::I32(-2)], &mut [])?;
    let mut word = [0u8; 4];
    m.read(&store, 200, &mut word)?;
    ensure_eq(
        i32::from_le_bytes(word),
        -2,
        "host reads the guest's store (little-endian)",
    )?;
    ensure_eq(m.grow(&mut store, 1)?, 1, "host grow")?;
    ensure_eq(
        call_i32(&mut store, &instance, "size", &[])?,
        2,
        "guest sees host growth",
    )?;
    ensure_eq(
        call_i32(&mut store, &instance, "grow", &[Val::I32(1)])?,
        2,
        "guest grow",
    )?;
    ensure_eq(m.current_pages(&store), 3, "host sees guest growth")?;
    ensure_eq(
        call_i32(&mut store, &instance, "grow", &[Val::I32(5)])?,
        -1,
        "guest grow beyond max",
    )?;
    m.write(&mut store, 3 * PAGE - 4, &7i32.to_le_bytes())?;
    let last = call_i32(
        &mut store,
        &instance,
        "load",
        &[Val::I32((3 * PAGE - 4) as i32)],
    )?;
    ensure_eq(last, 7, "guest reads the last word of grown memory")
}

/// A host-created memory imported by the guest: both sides see each other's
/// writes and growth; a data segment is written into the host memory.
pub fn imported_memory<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, ());
    let m = Memory::new(&mut store, MemoryType::new(2, Some(3)))?;
    m.write(&mut store, 0, &41i32.to_le_bytes())?;
    let mut imports = Imports::new();
    imports.define("env", "mem", Extern::Memory(m.clone()));
    let instance = instantiate(
        &mut store,
        r#"(module
          (import "env" "mem" (memory 1 3))
          (data (i32.const 8) "xyz")
          (func (export "inc") (param i32) (result i32)
            local.get 0 local.get 0 i32.load i32.const 1 i32.add i32.store
            local.get 0 i32.load)
          (func (export "size") (result i32) memory.size)
          (func (export "grow") (param i32) (result i32) local.get 0 memory.grow))"#,
        &imports,
    )?;
    let mut xyz = [0u8; 3];
    m.read(&store, 8, &mut xyz)?;
    ensure_eq(&xyz, b"xyz", "data segment written into the host memory")?;
    ensure_eq(
        call_i32(&mut store, &instance, "inc", &[Val::I32(0)])?,
        42,
        "guest sees host write",
    )?;
    let mut word = [0u8; 4];
    m.read(&store, 0, &mut word)?;
    ensure_eq(i32::from_le_bytes(word), 42, "host sees guest write")?;
    ensure_eq(
        call_i32(&mut store, &instance, "size", &[])?,
        2,
        "guest sees the host memory's size",
    )?;
    ensure_eq(
        call_i32(&mut store, &instance, "grow", &[Val::I32(1)])?,
        2,
        "guest grows it",
    )?;
    ensure_eq(m.current_pages(&store), 3, "host sees guest growth")?;
    expect_err(m.grow(&mut store, 1), "host grow beyond the maximum")?;
    ensure_eq(
        call_i32(&mut store, &instance, "grow", &[Val::I32(1)])?,
        -1,
        "guest grow beyond max",
    )
}

/// Shared memories (threads proposal): a module using one inside works
/// (atomic read-modify-write ops included); one that imports a shared memory
/// compiles and reports a plain `MemoryType` (`wasm_runtime_layer` has no
/// `shared` flag), and a host memory does not satisfy it; a module exporting
/// one compiles but cannot be instantiated (there is no `Extern` for it).
pub fn shared_memories<T: Target>(target: &T) -> Result<()> {
    let engine = target.engine();
    let mut store = Store::new(&engine, ());
    let instance = instantiate(
        &mut store,
        r#"(module
          (memory 1 1 shared)
          (func (export "add") (param i32) (result i32)
            i32.const 8 local.get 0 i32.atomic.rmw.add))"#,
        &Imports::new(),
    )?;
    ensure_eq(call_i32(&mut store, &instance, "add", &[Val::I32(5)])?, 0, "first atomic add returns the old value")?;
    ensure_eq(call_i32(&mut store, &instance, "add", &[Val::I32(2)])?, 5, "second atomic add sees the first")?;

    let importer = crate::fixture::compile(&engine, r#"(module (import "env" "mem" (memory 1 2 shared)))"#)?;
    let types: Vec<_> = importer.imports(&engine).map(|i| i.ty.memory().copied()).collect();
    ensure_eq(types, vec![Some(MemoryType::new(1, Some(2)))], "imported shared memory's type")?;
    let host = Memory::new(&mut store, MemoryType::new(1, Some(2)))?;
    let mut imports = Imports::new();
    imports.define("env", "mem", Extern::Memory(host));
    expect_err(wasm_runtime_layer::Instance::new(&mut store, &importer, &imports), "a host memory for a shared memory import")?;

    let exporter = crate::fixture::compile(&engine, r#"(module (memory (export "mem") 1 1 shared))"#)?;
    expect_err(wasm_runtime_layer::Instance::new(&mut store, &exporter, &Imports::new()), "instantiating a module that exports a shared memory")
        .map(drop)
}
