// The limits the benchmarks compare with, and the probes that split our time
// into sub-steps. Everything Rust calls here is a direct import of this side
// module (`extern "C"` in bench.rs), installed into the Pyodide loader's
// import table after the module was loaded, so each call goes through the
// loader's lazy stub (`(...args) => resolved(...args)`), exactly like the
// backend's own `rtl2_*` imports, which are installed the same way.
(Module, guest, thunk, consumers, providers, rawHostPtr, floorTrPtr, scratchLo, scratchHi, pythonHost) => {
  const imports = Module.LDSO.loadedLibsByName.__main__.exports;
  const heap = Module.wasmMemory ?? Module.memory ?? imports.memory;
  const env = (entries) => ({ env: entries });

  // The guest with a raw Rust function as its import (the host-call limit).
  const raw = new WebAssembly.Instance(guest, env({ host: Module.getWasmTableEntry(rawHostPtr) })).exports;
  // The guest with a Python callable as its import (the portable host-call limit).
  const python = new WebAssembly.Instance(guest, env({ host: pythonHost })).exports;
  // The same Python callable behind a JS wrapper (the portable path's host
  // functions are a JS function calling a Python callable).
  const wrapped = new WebAssembly.Instance(guest, env({ host: (...a) => pythonHost(...a) })).exports;
  // The guest calling the floor thunk, which calls a bare Rust trampoline.
  const floorThunk = new WebAssembly.Instance(thunk, {
    e: {
      m: heap,
      tr: Module.getWasmTableEntry(floorTrPtr),
      sp: new WebAssembly.Global({ value: "i32", mutable: true }, scratchHi),
      lo: new WebAssembly.Global({ value: "i32" }, scratchLo),
    },
  }).exports.h;
  const floor = new WebAssembly.Instance(guest, env({ host: floorThunk })).exports;

  // Prebuilt instantiations: modules with 1 and 100 imports, import objects ready.
  const importObjects = providers.map((p) => env({ ...new WebAssembly.Instance(p, {}).exports }));

  const { mem, g, t, add } = raw;
  let view = new DataView(heap.buffer);
  const dv = () => (view.buffer.byteLength !== 0 ? view : (view = new DataView(heap.buffer)));
  const fns = {
    // Calls: the guest's exports themselves.
    add: raw.add,
    add64: raw.add64,
    neg: raw.neg,
    // Rust's C ABI cannot take two results from an import: a JS function calls
    // the export and stores them in Rust memory.
    pair: (p) => {
      const r = raw.pair();
      const d = dv();
      d.setInt32(p, r[0], true);
      d.setBigInt64(p + 8, r[1], true);
    },
    loop: raw.loop,
    floor_loop: floor.loop,
    read: (off, len, dst) => new Uint8Array(heap.buffer, dst, len).set(new Uint8Array(mem.buffer, off, len)),
    write: (off, len, src) => new Uint8Array(mem.buffer, off, len).set(new Uint8Array(heap.buffer, src, len)),
    compile: (ptr, len) => {
      new WebAssembly.Module(new Uint8Array(heap.buffer, ptr, len));
    },
    instantiate: (k) => {
      new WebAssembly.Instance(consumers[k], importObjects[k]);
    },
    global_get: () => g.value,
    global_set: (v) => {
      g.value = v;
    },
    table_get: (i) => {
      t.get(i);
    },
    table_set: (i) => {
      t.set(i, add);
    },
    // Probe: the export behind one more JS frame (with the try/catch every
    // fast-runtime function has).
    frame_add: (a, b) => {
      try {
        return add(a, b);
      } catch (e) {
        return 0;
      }
    },
  };

  // Handles in the fast runtime for the objects its functions are timed on
  // (the bench calls those functions as the backend does:
  // `pyodide_runtime_layer::boundary::fast_abi`).
  let handles = null;
  const runtime = imports.__pyodide_runtime_layer_fast_rtl2;
  if (runtime && runtime.direct) {
    const fn = (f, sig) => [runtime.register(f), runtime.signatures.id(sig)];
    handles = [
      ...fn(raw.add, "ii:i"), ...fn(raw.add64, "II:I"), ...fn(raw.neg, "F:F"), ...fn(raw.pair, ":iI"),
      runtime.register(mem), runtime.register(g), runtime.register(t),
      runtime.register(consumers[0]), runtime.register(consumers[1]),
    ];
    const provided = importObjects.map((o) => Object.keys(o.env).sort((a, b) => +a.slice(1) - +b.slice(1)).map((k) => runtime.register(o.env[k])));
    handles.push(provided[0], provided[1]);
  }
  for (const [name, f] of Object.entries(fns)) imports[`rtlbench_${name}`] = f;

  // For the portable limits (hand-written PyO3): i64 arguments need BigInt,
  // and a JS closure like the portable path's caller (one frame, try/catch).
  const add64 = (a, b) => raw.add64(BigInt(a), BigInt(b));
  const guarded = (a, b) => {
    try {
      return add(a, b);
    } catch (e) {
      throw e;
    }
  };
  // Probes of single Pyodide FFI crossings, called through PyO3.
  const probes = {
    // A JS object returned to Python: with a null prototype (as the portable
    // path's import objects are) and a plain one.
    // The portable Instance::new's crossing when the import values repeat
    // (its instantiator then reuses their import object): the export values
    // back as an array, `undefined` for none.
    instantiate: (k) => {
      const exports = Object.values(new WebAssembly.Instance(consumers[k], importObjects[k]).exports);
      return exports.length === 0 ? undefined : exports;
    },
    // A memoryview handed to JS, whose buffer JS takes and releases (what
    // every portable bulk copy does around its copy).
    getBuffer: (mv) => {
      const b = mv.getBuffer("u8");
      b.release();
    },
    // The portable Module::new's JS side: compile from a memoryview's buffer.
    compile: (mv) => {
      const b = mv.getBuffer("u8");
      try {
        return new WebAssembly.Module(b.data);
      } finally {
        b.release();
      }
    },
    // A function handed to JS, a string back (as the portable path's
    // signature lookup of a function from a table does).
    funcToString: (f) => (typeof f === "function" ? "ii:i" : null),
    pair: raw.pair,
    wrappedLoop: wrapped.loop,
  };
  return { exports: raw, pythonLoop: python.loop, add64, guarded, handles, importObjects, consumers, probes };
}
