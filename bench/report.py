"""Renders BENCHMARKS.md from the measurements of `rtl_bench.run()`.

Each row of the measurements is one interleaved group: member 0 is ours,
member 1 the limit the target is stated against, then (portable path) the
other limit, then the sub-steps and probes that split our time. Every number
below comes from the same run; the notes on the misses are filled in from it.
"""

import statistics


def _q(values, q):
    values = sorted(values)
    return values[round(q * (len(values) - 1))]


class Row:
    def __init__(self, raw):
        self.op = raw["op"]
        self.path = raw["path"]
        self.target = raw["target"]
        self.throughput = raw["throughput"]
        self.what = raw["what"]
        self.other_what = raw["other"]
        self.scale = raw["scale"]
        self.members = [(label, iterations, samples) for label, iterations, samples in raw["members"]]
        limit = self.members[1][2]
        self.ratios = [
            sorted(a / b for a, b in zip(samples, limit)) for _, _, samples in self.members
        ]

    def ns(self, i):
        return statistics.median(self.members[i][2]) * self.scale

    def ratio_vs(self, i, j):
        """Median per-round ratio of member i over member j."""
        return statistics.median(a / b for a, b in zip(self.members[i][2], self.members[j][2]))

    def ratio(self, i=0):
        return statistics.median(self.ratios[i])

    def spread(self, i=0):
        return _q(self.ratios[i], 0.25), _q(self.ratios[i], 0.75)

    def iterations(self, i=0):
        return round(self.members[i][1] / self.scale)

    @property
    def met(self):
        return self.ratio() <= self.target

    def find(self, prefix):
        """ns of the member whose label starts with `prefix` (None if absent)."""
        for i, (label, _, _) in enumerate(self.members):
            if label.startswith(prefix):
                return self.ns(i)
        return None

    @property
    def family(self):
        for family in ("Func::call", "host function", "Memory", "Global", "Table::get", "Table::set", "Module::new", "Instance::new"):
            if self.op.startswith(family):
                return family
        return self.op


def fmt_ns(ns):
    if ns >= 100:
        return f"{ns:,.0f}"
    return f"{ns:.1f}"


def target_text(row):
    if row.throughput:
        return f"throughput ≥ {1 / row.target:.1f}× (ratio ≤ {row.target}×)"
    return f"≤ {row.target}×"


def table(rows):
    lines = [
        "| operation | path | ours (ns) | limit (ns) | ratio | spread (p25–p75) | target | met | limit measured | iterations per sample |",
        "|---|---|---:|---:|---:|---:|---|:-:|---|---:|",
    ]
    for r in rows:
        lo, hi = r.spread()
        lines.append(
            f"| {r.op} | {r.path} | {fmt_ns(r.ns(0))} | {fmt_ns(r.ns(1))} | {r.ratio():.2f}× | {lo:.2f}–{hi:.2f} "
            f"| {target_text(r)} | {'yes' if r.met else '**no**'} | {r.what} | {r.iterations():,} |"
        )
    return "\n".join(lines)


def other_table(rows):
    lines = [
        "| operation | ours (ns) | other limit (ns) | ratio | other limit |",
        "|---|---:|---:|---:|---|",
    ]
    for r in rows:
        if r.path != "portable" or not r.other_what:
            continue
        lines.append(f"| {r.op} | {fmt_ns(r.ns(0))} | {fmt_ns(r.ns(2))} | {r.ratio_vs(0, 2):.2f}× | {r.other_what} |")
    return "\n".join(lines)


def steps_table(rows):
    lines = ["| operation | path | member | ns | × limit |", "|---|---|---|---:|---:|"]
    for r in rows:
        for i, (label, _, _) in enumerate(r.members):
            name = {"ours": "**ours**", "raw": "limit: raw", "pyo3": "limit: hand-written PyO3", "python": "limit: Python callable"}.get(label, label)
            if r.path == "portable" and i == 1:
                name = "limit: " + r.what
            elif r.path == "portable" and i == 2 and r.other_what:
                name = "other limit: " + r.other_what
            lines.append(f"| {r.op} | {r.path} | {name} | {fmt_ns(r.ns(i))} | {r.ratio(i):.2f} |")
    return "\n".join(lines)


def n(x):
    return fmt_ns(x) if x is not None else "?"


def note(row, rows):
    """Why `row` misses its target, from its own sub-steps, and what would close it."""

    def lookup(op, path, prefix):
        for r in rows:
            if r.op == op and r.path == path:
                return r.find(prefix)
        return None

    ours, limit = row.ns(0), row.ns(1)
    budget = row.target * limit
    fam, path = row.family, row.path
    backend = row.find("backend ")
    conv = lookup("Func::call (i32,i32)->i32", path, "probe: the frontend's argument")
    if fam == "Func::call" and path == "fast":
        rtl1 = row.find("rtl1_call")
        raw_i32 = lookup("Func::call (i32,i32)->i32", "fast", "raw")
        gframe = lookup("Func::call (i32,i32)->i32", "fast", "probe: the export behind one JS frame with try/catch and")
        plain_frame = None
        for r in rows:
            if r.op == "Func::call (i32,i32)->i32" and r.path == "fast":
                for i, (label, _, _) in enumerate(r.members):
                    if label == "probe: the export behind one JS frame with try/catch":
                        plain_frame = r.ns(i)
        text = (
            f"{n(ours)} ns against {n(limit)} ns (budget {n(budget)} ns). Split: the `wasm_runtime_layer` frontend "
            f"{n(ours - backend)} ns (its argument and result conversions alone, SmallVecs of backend values in and "
            f"out, measure {n(conv)} ns), the backend's Rust side {n(backend - rtl1)} ns (argument type and store "
            f"checks, the handle/shim lookups, the current-store guard, slot conversions), and the fast runtime's JS "
            f"and Wasm {n(rtl1)} ns, {n(rtl1 - limit)} ns over the raw call. "
        )
        if gframe is not None and plain_frame is not None:
            text += (
                f"In the i32 probes one extra JS frame with try/catch costs {n(plain_frame - raw_i32)} ns "
                f"and reading a `WebAssembly.Global` in it {n(gframe - plain_frame)} ns: the dispatcher's "
                f"`spGlobal.value` read (to restore the scratch stack on failure) is most of its overhead. "
            )
        text += (
            f"Without the frontend the backend is at {backend / limit:.2f}×. "
            "*To close it:* the frontend's conversions are outside this crate and alone "
            + ("exceed the budget" if conv is not None and conv > budget - limit else "take most of the budget")
            + "; in the backend, drop the `WebAssembly.Global` read from `rtl1_call` (let the Wasm shim save and "
            "restore the scratch pointer itself, or keep a JS shadow copy), and make the Rust side one signature-id "
            "comparison instead of per-value type and store checks for numeric arguments."
        )
        return text
    if fam == "host function" and path == "fast":
        floor = row.find("floor")
        return (
            f"{n(ours)} ns per host call against {n(limit)} ns (the guest calling a Rust function directly, a plain "
            f"Wasm-to-Wasm call). The thunk protocol alone (a Wasm thunk like the backend's, spilling to scratch "
            f"memory and calling a bare Rust trampoline) costs {n(floor)} ns, {floor / limit:.1f}× the limit, already at "
            f"or above the target. On top of it the backend's dispatch takes {n(backend - floor)} ns (registry lookup "
            f"with an `Arc` clone, `catch_unwind`, the current-store check, SmallVec argument and result values, the "
            f"type-erased closure, result type checks) and the frontend's wrapper closure {n(ours - backend)} ns "
            f"(converting the values between backend and frontend `Val`s both ways). *To close it:* not reachable for a "
            f"type-erased host function through `wasm_runtime_layer` 0.7 (its wrapper alone is "
            f"{(ours - backend) / limit:.0f}× the limit); the backend could cut its {n(backend - floor)} ns with a borrowed "
            f"registry entry instead of an `Arc` clone and per-signature numeric trampolines that skip the result checks."
        )
    if fam in ("Memory", "Global", "Table::set") and path == "fast":
        js = row.find("rtl1_")
        return (
            f"{n(ours)} ns against {n(limit)} ns. The fast runtime's JS side called directly takes {n(js)} ns "
            f"({js / limit:.2f}× the limit); the remaining {n(ours - js)} ns are Rust: the frontend's dispatch and "
            f"value conversions and the backend's checks (store, type, bounds) and handle lookup. *To close it:* "
            f"fewer checks on the Rust side (e.g. cache the handle and type code in the object, check the store by "
            f"pointer); the JS side is at the limit."
        )
    if fam == "Table::get" and path == "fast":
        js = row.find("rtl1_table_get")
        return (
            f"{n(ours)} ns against {n(limit)} ns. The fast runtime's `table_get` plus the `free` of the handle, called "
            f"directly, take {n(js)} ns ({js / limit:.1f}× the limit): every read registers a fresh handle for the "
            f"function, which also stores it in the call shims' `WebAssembly.Table` (`funcTable.set`), and dropping "
            f"the `Func` frees it (a second crossing and a second `funcTable.set`). The Rust side adds "
            f"{n(ours - js)} ns: a new `Func` (`Arc`, `JsRef`), the signature lookup (a `Mutex` and a `FuncType` "
            f"clone) and the frontend's boxed `BackendObject`. *To close it:* one handle per function object, kept in "
            f"a JS `Map` with a count so repeated reads reuse it and `funcTable` is written once, and a cached `Func` "
            f"per handle on the Rust side."
        )
    if fam == "Module::new":
        js = row.find("rtl1_module_new") or row.find("probe: the portable Module::new")
        parse = row.find("probe: a wasmparser")
        lo, hi = row.spread()
        return (
            f"{n(ours)} ns against {n(limit)} ns, with a wide spread ({lo:.2f}–{hi:.2f}): each operation makes a 10 MiB "
            f"module and V8's garbage collection of them lands on random samples. The JS side alone (replicated or "
            f"called directly) takes {n(js)} ns and the Rust side's only other work, the `wasmparser` pass over the "
            f"payloads, {n(parse)} ns, so the cost is the compile itself; re-runs land on either side of the target."
        )
    if fam == "Instance::new" and path == "fast":
        js = row.find("rtl1_instantiate")
        k = int(row.op.split("(")[1].split()[0])
        return (
            f"{n(ours)} ns against {n(limit)} ns. The fast runtime's `instantiate`, called directly, takes {n(js)} ns "
            f"({js / limit:.2f}×; it reuses the import object when the same values are imported again). The rest is "
            f"Rust: the frontend {n(ours - backend)} ns ({n((ours - backend) / k)} per import: `wasm_runtime_layer`'s "
            f"`Instance::new` rebuilds a backend `Imports` map on every call, two `String` clones and a hash insert per "
            f"import) and the backend {n(backend - js)} ns ({n((backend - js) / k)} per import: `resolve_imports` looks "
            f"each import up with `Imports::get_export`, which allocates four `String`s per lookup, then checks its "
            f"type; plus the export signature ids and result vectors). *To close it (backend):* resolve against one "
            f"pass over the `Imports` (its iterator) matched to a per-module index of import names, and cache the "
            f"resolved handles per (module, import values) as the JS side already does."
        )
    if fam == "Func::call" and path == "portable":
        text = (
            f"{n(ours)} ns against a hand-written PyO3 call of {n(limit)} ns (budget {n(budget)} ns). The frontend takes "
            f"{n(ours - backend)} ns (its conversions alone: {n(conv)} ns); the backend without it is at "
            f"{backend / limit:.2f}×. "
        )
        closure = row.find("PyO3 call1 of a JS closure")
        closure = closure if closure is not None else lookup("Func::call (i32,i32)->i32", "portable", "PyO3 call1 of a JS closure")
        i32_limit = lookup("Func::call (i32,i32)->i32", "portable", "pyo3")
        if closure is not None and i32_limit:
            text += (
                f"The portable caller's JS frame is not the cost (a PyO3 call of a JS closure around the export: "
                f"{closure / i32_limit:.2f}× the bare call); the backend's extra {n(backend - limit)} ns are its Rust and "
                f"CPython work around the one crossing (argument objects into a `Vec` and a tuple, `Python::attach`, "
                f"checks, the result conversion). "
            )
        it = row.find("probe: the PyO3 call, its two results collected by iterating")
        if it is not None:
            text += (
                f"For two results, collecting them by iterating the returned array (`js::iterate`) costs {n(it)} ns "
                f"against {n(limit)} ns for indexing it: Pyodide's iterator protocol makes more crossings. *To close "
                f"it:* read multiple results by index (or have the JS caller return them packed, e.g. a typed array). "
            )
        else:
            text += "*To close it:* build the argument tuple without an intermediate `Vec`, and skip per-value checks for numeric signatures; the frontend's share is outside this crate. "
        return text.strip()
    if fam == "host function" and path == "portable":
        wrapped = row.find("probe: the guest calling the same Python callable")
        return (
            f"{n(ours)} ns per host call against {n(limit)} ns for a Python callable import. The frontend's wrapper "
            f"closure takes {n(ours - backend)} ns; the backend without it is at {backend / limit:.2f}×. A JS wrapper "
            f"around the Python callable costs {n(wrapped - limit)} ns (probe), so the backend's share is its Python "
            f"side: the `HostTrampoline` pyclass `__call__` with `*args`, the registry lookup and the value "
            f"conversions each way. *To close it:* a vectorcall `PyCFunction` per signature that converts numeric "
            f"arguments directly; the frontend's share is outside this crate."
        )
    if fam == "Memory" and path == "portable":
        gb = row.find("probe: a memoryview of the Rust buffer")
        return (
            f"{n(ours)} ns against {n(limit)} ns. The fixed cost of the public FFI's only bulk path is most of it: "
            f"handing JS a memoryview of the Rust buffer and taking and releasing its buffer (`PyProxy.getBuffer`), "
            f"without any copy, measures {n(gb)} ns. The hand-written PyO3 copy (`assign_to`/`assign`) pays the same. "
            f"*To close it:* nothing in Pyodide's public FFI copies into Rust memory more cheaply; only Pyodide "
            f"internals (the heap's `HEAPU8`, as the fast path uses) avoid it."
        )
    if fam == "Table::get" and path == "portable":
        one = row.find("probe: one more PyO3 call")
        known = row.find("probe: the same with a Python list")
        return (
            f"{n(ours)} ns against {n(limit)} ns. Beyond the `table.get` crossing, `Func::from_js` makes a second one "
            f"to find the function's signature ({n(one)} ns for such a call), and passes the list of every signature "
            f"seen so far as a Python list on every call ({n(known)} ns with 8 signatures). *To close it:* have the "
            f"portable `get` return the signature with the value in one call (glue.js's `funcSigs` already knows "
            f"functions it registered), and pass the candidate list only when it is needed."
        )
    if fam == "Instance::new" and path == "portable":
        null, plain = row.find("probe: a PyO3 call returning a null"), row.find("probe: a PyO3 call returning a plain")
        flat = row.find("probe: js::array_from")
        hand = row.ns(2)
        return (
            f"{n(ours)} ns against {n(limit)} ns (a hand-written PyO3 `new WebAssembly.Instance` with a prebuilt "
            f"import object: {n(hand)} ns). The frontend takes {n(ours - backend)} ns. In the backend, one crossing "
            f"dominates: `importObjectFlat` returns the import object to Python, and Pyodide needs {n(null)} ns to wrap "
            f"a null-prototype object (a plain object: {n(plain)} ns). Passing the flat import list costs {n(flat)} ns, "
            f"and the export names, signatures and values cross three more times. *To close it:* one JS call that "
            f"takes the module and the flat import list, instantiates and returns the export values, so no import "
            f"object ever comes back to Python (or build it with a plain prototype)."
        )
    return f"{n(ours)} ns against {n(limit)} ns."


def render(data):
    rows = [Row(r) for r in data["rows"]]
    met = sum(r.met for r in rows)
    parts = [
        "# Benchmarks",
        "",
        f"Made by `cargo xtask bench`: real Pyodide {data.get('pyodide', '?')} (Python {data['python']}) under Node "
        f"{data.get('node', '?')}, on the machine that ran it (2 noisy cores here). Each row is one group: our "
        f"operation, the limit its target is stated against, and the sub-steps and probes listed further down, "
        f"all measured in the same run in {data['rounds']} interleaved rounds (each round samples every member "
        f"once, starting with a different one) after {data['warm_up_ns'] / 1e6:.0f} ms of warm-up per member. A "
        f"sample is at least {data['sample_ns'] / 1e6:.0f} ms of repeated operations (`std::time::Instant` in "
        f"Pyodide reads `performance.now()`: smallest step seen {data['timer_step_ns']:.0f} ns, "
        f"{data['timer_cost_ns']:.0f} ns per read, so a sample is > 4000 steps). ours and limit are medians of the "
        f"per-operation time; ratio is the median of the per-round ratios ours / limit (lower is better) and "
        f"spread their interquartile range.",
        "",
        "**The limits.** *Raw direct import*: the bench crate declares its own `extern \"C\"` imports and puts the "
        "guest's export itself into the Pyodide loader's import table (`bench/src/raw.js`); it is installed after the "
        "side module loaded, so every call goes through the loader's lazy stub, exactly like the backend's own "
        "`rtl1_*` imports, which are installed the same way. `()->(i32,i64)`: Rust's C ABI cannot take two results "
        "from an import, so that limit is a JS function calling the export and storing both results in Rust memory. "
        "*Raw Rust function import*: an `extern \"C\" fn` turned into a JS function with `Module.getWasmTableEntry` "
        "and given to the guest as its import; the guest loops 1000 times calling its import, so host calls are "
        "timed inside Wasm (ns per host call). Raw copies, globals and tables: JS imports doing the bare operation. "
        "*Portable path*: calls are measured against a hand-written PyO3 `call1` of the export's JsProxy (fetched with "
        "`js::get_property`; i64 through a JS helper doing `BigInt`), host functions against a Python callable "
        "import (`create_proxy`); for 8 B copies, globals and tables the limit is the hand-written PyO3 equivalent "
        "too (the issue's fallback bounds, tighter than the fast path's, only make sense against the public-FFI "
        "floor; the raw limits are in the second table). 1 MiB copies, `Module::new` and `Instance::new` use the same "
        "raw limits on both paths.",
        "",
        "## Results",
        "",
        table(rows),
        "",
        f"{met} of {len(rows)} targets met in this run. The machine is noisy: ratios near a target move across it "
        f"between runs (see the spread).",
        "",
        "### The portable path against its other limit",
        "",
        other_table(rows),
        "",
        "## Why each miss, and what would close it",
        "",
        "Each note is filled in from the sub-steps measured beside the row in this run. \"The frontend\" is "
        "`wasm_runtime_layer` 0.7's own code around the backend (measured by calling the backend's types "
        "directly); \"rtl1_… called directly\" is the fast runtime's JS function, called by the bench through its "
        "own import of the same function object.",
        "",
    ]
    for r in rows:
        if not r.met:
            parts.append(f"- **{r.op}, {r.path}** ({r.ratio():.2f}×, target {target_text(r)}): {note(r, rows)}")
    parts += [
        "",
        "## Where the time goes: every member of every group",
        "",
        "<details><summary>All measurements of this run (median ns per operation; × limit is the median per-round ratio)</summary>",
        "",
        steps_table(rows),
        "",
        "</details>",
        "",
    ]
    return "\n".join(parts)


def summary(data):
    rows = [Row(r) for r in data["rows"]]
    met = sum(r.met for r in rows)
    return table(rows) + f"\n\n{met} of {len(rows)} targets met"
