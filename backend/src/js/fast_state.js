// The fast path's state, one per Pyodide (every extension using this crate
// shares it: the loader's import table binds `rtl2_*` once). Kept in the
// import table under the FastAbi key; `installed` is this script's view.

let installed = null;

// JS values by handle (u32; 0 is null). A function has one handle however
// often it is registered (a table read, an export, a global): a count says
// how many Rust owners hold it, and `onFunc(h, f)` / `onFuncFreed(h)` keep
// a table of registered functions in step; `onFreed(h)` hears of every
// handle freed (what was made for its value goes with it).
function handleTable(onFunc, onFuncFreed, onFreed) {
  const handles = [undefined];
  const owners = [0];
  const freeHandles = [];
  const funcHandles = new Map();
  return {
    handles,
    register(v) {
      if (typeof v === "function") {
        const known = funcHandles.get(v);
        if (known !== undefined) {
          owners[known]++;
          return known;
        }
      }
      const h = freeHandles.length ? freeHandles.pop() : handles.length;
      handles[h] = v;
      owners[h] = 1;
      if (typeof v === "function") {
        funcHandles.set(v, h);
        onFunc(h, v);
      }
      return h;
    },
    // The handle of a function Rust already owns (without counting), or -1.
    held(v) {
      return funcHandles.get(v) ?? -1;
    },
    retain(h) {
      owners[h]++;
    },
    free(h) {
      if (--owners[h] > 0) return;
      const v = handles[h];
      if (typeof v === "function") {
        funcHandles.delete(v);
        onFuncFreed(h);
      }
      onFreed(h);
      handles[h] = undefined;
      freeHandles.push(h);
    },
  };
}

// Registered Wasm functions by handle, for the call shims' `call_indirect`.
function funcTableOf() {
  const table = new WebAssembly.Table({ element: "anyfunc", initial: 64 });
  return {
    table,
    set(h, v) {
      if (h >= table.length) table.grow(Math.max(h + 1 - table.length, table.length));
      try {
        table.set(h, v);
      } catch (e) {
        // A plain JS function cannot sit in a table; the portable path calls those.
      }
    },
    clear(h) {
      if (h < table.length) table.set(h, null);
    },
  };
}

// Signatures by id (every signature Rust registered) and their call shims
// (numeric signatures only).
function signatureTable(memory, funcTable) {
  const ids = new Map();
  const sigs = [];
  const callers = [];
  return {
    sigs,
    callers,
    id(sig) {
      let id = ids.get(sig);
      if (id === undefined) {
        id = sigs.length;
        sigs.push(sig);
        callers.push(isNumeric(sig) ? callShim(sig, memory, funcTable) : null);
        ids.set(sig, id);
      }
      return id;
    },
    // The id of a signature already registered, or -1.
    known(sig) {
      return sig === undefined ? -1 : ids.get(sig) ?? -1;
    },
  };
}

// The whole state over the Rust heap `memory`, with `scratchBytes` of
// scratch memory at `scratch` for host thunks.
function makeFastState(Module, memory, scratch, scratchBytes) {
  const funcs = funcTableOf();
  const accessors = accessorsOf(Module);
  const table = handleTable(funcs.set, funcs.clear, accessors.freed);
  const signatures = signatureTable(memory, funcs.table);
  const sp = new WebAssembly.Global({ value: "i32", mutable: true }, scratch + scratchBytes);
  const failHost = () => {
    throw hostFailure();
  };
  let view = new DataView(memory.buffer);
  const state = {
    handles: table.handles,
    register: table.register,
    held: table.held,
    retain: table.retain,
    free: table.free,
    signatures,
    copies: byteCopies(memory),
    accessors,
    memory,
    direct: null,
    lastError: null,
    // Growing the heap detaches its old buffer (byteLength 0): only then is
    // a new view made (reading `memory.buffer` on every access is slow).
    dv: () => (view.buffer.byteLength !== 0 ? view : (view = new DataView(memory.buffer))),
    // Keeps `e` for Rust (`takeError`); returns the failure status 1.
    fail(e) {
      state.lastError = wrapException(e);
      return 1;
    },
    // A Wasm function of numeric signature `sig` calling host function `id`
    // through the Rust trampoline at table index `trampoline`, else null.
    hostFunction(trampoline, id, sig) {
      if (!isNumeric(sig)) return null;
      const tr = Module.getWasmTableEntry(trampoline);
      const e = { m: memory, tr, fail: failHost, sp, id: new WebAssembly.Global({ value: "i32" }, id) };
      return registerFunc(new WebAssembly.Instance(hostThunkModule(sig, scratch), { e }).exports.h, sig);
    },
  };
  return state;
}
