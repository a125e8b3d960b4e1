// The bodies of `namespace FastAbi` (spec/boundary.webidl), made for the
// fast state `rt` (fast_state.js). The generated adapters around them read
// unsigned arguments, catch every exception and turn it into a status.
(rt) => ({
  ping(x) {
    return x + 1;
  },

  free(handle) {
    rt.free(handle);
  },

  retain(handle) {
    rt.retain(handle);
    return rt.signatures.known(funcSigs.get(rt.handles[handle]));
  },

  call(func, sig, args, results) {
    rt.signatures.callers[sig](func, args, results);
  },

  memRead(memory, offset, len, dst) {
    rt.copies.read(rt.handles[memory], offset, len, dst);
  },

  memWrite(memory, offset, len, src) {
    rt.copies.write(rt.handles[memory], offset, len, src);
  },

  smallCopies(memory, out) {
    writeIndices(rt.dv(), out, 3, rt.accessors.memory(memory, rt.handles[memory]));
  },

  globalAccess(global, code, mutable, out) {
    writeIndices(rt.dv(), out, 2, rt.accessors.global(global, rt.handles[global], code, mutable !== 0));
  },

  memPages(memory) {
    return rt.handles[memory].buffer.byteLength / 65536;
  },

  memGrow(memory, delta) {
    return rt.handles[memory].grow(delta);
  },

  // Floats cross as their bits (`floatGlobalAccess`), never as JS numbers.
  globalGet(global, code, out) {
    const g = rt.handles[global];
    switch (code) {
      case 0: rt.dv().setInt32(out, g.value, true); break;
      case 1: rt.dv().setBigInt64(out, g.value, true); break;
      case 2: rt.dv().setInt32(out, floatGlobalAccess(g, true).get(), true); break;
      default: rt.dv().setBigInt64(out, floatGlobalAccess(g, false).get(), true);
    }
  },

  globalSet(global, code, value) {
    const g = rt.handles[global];
    const d = rt.dv();
    if (code === 2 || code === 3) {
      const access = floatGlobalAccess(g, code === 2);
      if (access.set === undefined) throw new TypeError("the global is immutable");
      access.set(code === 2 ? d.getInt32(value, true) : d.getBigInt64(value, true));
    } else {
      g.value = code === 0 ? d.getInt32(value, true) : d.getBigInt64(value, true);
    }
  },

  tableSize(table) {
    return rt.handles[table].length;
  },

  tableGet(table, index, out) {
    const v = rt.handles[table].get(index);
    const id = externRefIdOf(v);
    const d = rt.dv();
    if (v === null) {
      d.setFloat64(out, 0, true);
    } else if (id >= 0) {
      d.setFloat64(out, 1, true);
      d.setFloat64(out + 8, id, true);
    } else {
      // A function Rust holds keeps its one handle and is not counted again:
      // Rust answers from its own cache of functions by handle (and asks
      // `retain` for the signature in the rare case it has none to answer).
      const held = rt.held(v);
      if (held >= 0) {
        d.setFloat64(out, 3, true);
        d.setFloat64(out + 8, held, true);
      } else {
        d.setFloat64(out, 2, true);
        d.setFloat64(out + 8, rt.register(v), true);
        d.setFloat64(out + 16, rt.signatures.known(funcSigs.get(v)), true);
      }
    }
  },

  tableSet(table, index, value) {
    rt.handles[table].set(index, value === 0 ? null : rt.handles[value]);
  },

  tableGrow(table, delta, init) {
    return rt.handles[table].grow(delta, init === 0 ? null : rt.handles[init]);
  },

  moduleNew(bytes, len) {
    return rt.register(new WebAssembly.Module(new Uint8Array(rt.memory.buffer, bytes, len)));
  },

  instantiate(module, imports, exportSigs, exports) {
    const m = rt.handles[module];
    const plan = planOf(m);
    const n = plan.imports.length;
    const values = new Array(n);
    let d = rt.dv();
    for (let i = 0; i < n; i++) values[i] = rt.handles[d.getUint32(imports + 4 * i, true)];
    const instanceExports = instantiateWith(m, values);
    d = rt.dv();
    for (let i = 0; i < plan.exports.length; i++) {
      const v = Reflect.get(instanceExports, plan.exports[i]);
      const sig = d.getInt32(exportSigs + 4 * i, true);
      if (sig >= 0) funcSigs.set(v, rt.signatures.sigs[sig]);
      d.setUint32(exports + 4 * i, rt.register(v), true);
    }
  },
})
