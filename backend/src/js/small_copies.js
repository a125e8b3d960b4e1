// Fast small copies: for each guest memory Rust copies a few bytes of, a
// module importing that memory whose functions load and store up to 8 bytes
// and tell its size in pages, put in the shared function table so that Rust
// calls them directly. A small copy is then two Wasm calls, with no JS frame
// and no typed-array view. Rust checks bounds against `pages` first, so they
// never trap (a trap must never unwind through Rust frames).
//
// Functions (each at its own index of the table):
//   load(offset i32, len i32) -> i64         the bytes, little-endian
//   store(offset i32, len i32, value i64)    the low `len` bytes of `value`
//   pages() -> i32                           memory.size

// The loop `for i in 0..len` around `step` (locals: 0 offset, 1 len, 3 i).
function smallCopyLoop(step) {
  // block loop: if i >= len break; step; i += 1; continue
  return [0x02, 0x40, 0x03, 0x40, 0x20, 0x03, 0x20, 0x01, 0x4f, 0x0d, 0x01, ...step,
    0x20, 0x03, 0x41, 0x01, 0x6a, 0x21, 0x03, 0x0c, 0x00, 0x0b, 0x0b];
}

// i64 shift for byte `i`: (i64)i << 3.
const BYTE_SHIFT = [0x20, 0x03, 0xad, 0x42, 0x03, 0x86];

let smallCopyModuleCache = null;
function smallCopyModule() {
  if (smallCopyModuleCache !== null) return smallCopyModuleCache;
  const types = [[], [], []];
  funcType("ii", "I", types[0]);
  funcType("iiI", "", types[1]);
  funcType("", "i", types[2]);
  // if len == 8: the whole word at once
  const whole = (op) => [0x20, 0x01, 0x41, 0x08, 0x46, 0x04, 0x40, 0x20, 0x00, ...op, 0x0f, 0x0b];
  // locals: 2 r (i64), 3 i (i32); r |= load8_u(offset + i) << 8i
  const load = [0x02, 0x01, 0x7e, 0x01, 0x7f, ...whole([0x29, 0x00, 0x00]),
    ...smallCopyLoop([0x20, 0x02, 0x20, 0x00, 0x20, 0x03, 0x6a, 0x31, 0x00, 0x00, ...BYTE_SHIFT, 0x86, 0x84, 0x21, 0x02]),
    0x20, 0x02, 0x0b];
  // locals: 3 i (i32); store8(offset + i, value >> 8i)
  const store = [0x01, 0x01, 0x7f, ...whole([0x20, 0x02, 0x37, 0x00, 0x00]),
    ...smallCopyLoop([0x20, 0x00, 0x20, 0x03, 0x6a, 0x20, 0x02, ...BYTE_SHIFT, 0x88, 0x3c, 0x00, 0x00]),
    0x0b];
  const pages = [0x00, 0x3f, 0x00, 0x0b];
  smallCopyModuleCache = wasmModule([
    [1, vector(types)],
    [2, vector([importEntry("e", "m", [0x02, 0x00, 0x00])])],
    [3, vector([[0x00], [0x01], [0x02]])],
    [7, vector([exportEntry("load", 0x00, 0), exportEntry("store", 0x00, 1), exportEntry("pages", 0x00, 2)])],
    [10, vector([functionBody(load), functionBody(store), functionBody(pages)])],
  ]);
  return smallCopyModuleCache;
}

// The small-copy functions of memories by handle, in the shared function
// table through `Module` (`addFunction`/`removeFunction`).
function smallCopiesOf(Module) {
  const indices = new Map();
  return {
    // The table indices of `load`, `store` and `pages` for memory `mem` of
    // handle `h`, made once per handle; null for a memory these functions
    // cannot import (a shared or 64-bit one).
    of(h, mem) {
      const known = indices.get(h);
      if (known !== undefined) return known;
      let made = null;
      try {
        const e = new WebAssembly.Instance(smallCopyModule(), { e: { m: mem } }).exports;
        made = [e.load, e.store, e.pages].map((f) => Module.addFunction(f));
      } catch (e) {
        if (!(e instanceof WebAssembly.LinkError)) throw e;
      }
      indices.set(h, made);
      return made;
    },
    // Handle `h` was freed: its functions leave the table.
    freed(h) {
      const made = indices.get(h);
      if (made === undefined) return;
      indices.delete(h);
      for (const i of made ?? []) Module.removeFunction(i);
    },
  };
}
