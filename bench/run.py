"""Runs the benchmarks in Pyodide (`cargo xtask bench`, which mounts the
repository at /repo under Node and Bun; in a browser it puts the files read
here at the same paths and takes back the two written) and writes the
measurements to target/bench/<name>.json and the report to
target/bench/<name>.md (rendered by bench/report.py); `RTL_BENCH_NAME` is the
name (default `BENCHMARKS`)."""

import json
import os
import platform
import re
import sys

sys.path.insert(0, "/repo/bench")

import report
import rtl_bench



def kernels():
    """Ordinary Rust work (`bench/kernels`) three ways: ns per round in this
    side module, as a plain Wasm module in the same engine (timed here, one
    call of `rounds` rounds per run) and natively (`cargo xtask bench` wrote
    target/bench/kernels-native.json)."""
    from js import Uint8Array, WebAssembly, performance

    side = rtl_bench.time_kernels()
    rounds, runs = side["rounds"], side["runs"]
    with open("/repo/target/wasm32-unknown-unknown/release/rtl_kernels.wasm", "rb") as f:
        wasm = f.read()
    array = Uint8Array.new(len(wasm))
    array.assign(wasm)
    plain = WebAssembly.Instance.new(WebAssembly.Module.new(array)).exports.kernel_run
    with open("/repo/target/bench/kernels-native.json") as f:
        native = json.load(f)
    out = []
    for index, (name, side_ns) in enumerate(side["side_module"]):
        best = float("inf")
        for _ in range(runs):
            start = performance.now()
            plain(index, rounds)
            best = min(best, performance.now() - start)
        out.append({"name": name, "side_module": side_ns, "plain_wasm": best * 1e6 / rounds, "native": native.get(name)})
    return out


def host():
    """The JS host as the report names it: Node or Bun (by `process`, which
    browsers lack), or a browser (by its user agent, e.g. "Firefox 153.0
    (SpiderMonkey)"; Chromium's also names Safari, WebKit's only Safari)."""
    import js

    process = getattr(js, "process", None)
    if process is not None:
        bun = getattr(process.versions, "bun", None)
        return f"Bun {bun} (JavaScriptCore)" if bun else f"Node {process.version} (V8)"
    agent = js.navigator.userAgent
    for pattern, name, engine in (
        (r"Firefox/([\d.]+)", "Firefox", "SpiderMonkey"),
        (r"Chrome/([\d.]+)", "Chromium", "V8"),
        (r"Version/([\d.]+).* Safari/", "WebKit", "JavaScriptCore"),
    ):
        found = re.search(pattern, agent)
        if found:
            return f"{name} {found.group(1)} ({engine})"
    return agent


def native():
    """The same operations natively on `wasmtime_runtime_layer` (`cargo xtask
    bench` wrote target/bench/native.json before this run), or None."""
    try:
        with open("/repo/target/bench/native.json") as f:
            return json.load(f)
    except FileNotFoundError:
        return None


data = rtl_bench.run()
data["kernels"] = kernels()
data["native"] = native()
data["python"] = sys.version.split()[0]
data["machine"] = platform.machine()
try:
    import pyodide

    data["pyodide"] = pyodide.__version__
    data["host"] = host()
except Exception:
    pass
name = os.environ.get("RTL_BENCH_NAME", "BENCHMARKS")
data["name"] = name
with open(f"/repo/target/bench/{name}.json", "w") as out:
    json.dump(data, out)
text = report.render(data)
print(report.summary(data))
with open(f"/repo/target/bench/{name}.md", "w") as out:
    out.write(text)
