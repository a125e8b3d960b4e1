// Loads Pyodide in the browser, installs the extensions and test files exactly
// as tests/pyodide/run.mjs does under Node, and runs tests/pyodide/harness.py.
// Used by worker.mjs (the default: a module Worker) and by index.html itself
// when the page is opened with `?thread=main`.
//
// `post(message)` receives, in order:
//   { type: "info", text }    progress (load times), not test output
//   { type: "out", text }     one line of the interpreter's stdout (the harness)
//   { type: "err", text }     one line of its stderr
//   { type: "done", failed }  the harness's result (true when anything failed or nothing ran)
//   { type: "fatal", text }   anything that went wrong outside the tests
export async function runTests(manifest, post) {
  try {
    const started = performance.now();
    const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
    const { loadPyodide } = await import(new URL(manifest.pyodide + "pyodide.mjs", location.href).href);
    const pyodide = await loadPyodide({
      indexURL: new URL(manifest.pyodide, location.href).href,
      env: manifest.env,
    });
    post({ type: "info", text: `Pyodide ${pyodide.version} loaded in ${seconds()} s (${manifest.thread})` });
    pyodide.setStdout({ batched: (text) => post({ type: "out", text }) });
    pyodide.setStderr({ batched: (text) => post({ type: "err", text }) });

    const fetchBytes = async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${response.statusText}`);
      return new Uint8Array(await response.arrayBuffer());
    };
    const [sitePackages, suffix] = pyodide.runPython(
      "import site, importlib.machinery as m; (site.getsitepackages()[0], m.EXTENSION_SUFFIXES[0])"
    ).toJs();
    for (const ext of manifest.exts) {
      pyodide.FS.writeFile(`${sitePackages}/${ext.name}${suffix}`, await fetchBytes(ext.url));
    }
    const absolute = (url) => new URL(url, location.href).href;
    if (manifest.micropip.length > 0) {
      await pyodide.loadPackage(manifest.micropip.map(absolute));
      const micropip = pyodide.pyimport("micropip");
      for (const wheel of manifest.wheels) await micropip.install(absolute(wheel));
    } else if (manifest.wheels.length > 0) {
      await pyodide.loadPackage(manifest.wheels.map(absolute));
    }
    pyodide.FS.mkdirTree("/harness");
    pyodide.FS.writeFile("/harness/harness.py", await fetchBytes(manifest.harness));
    for (const test of manifest.tests) {
      pyodide.FS.writeFile(`/harness/${test.name}.py`, await fetchBytes(test.url));
    }
    post({ type: "info", text: `installed ${manifest.exts.length} extension(s), ${manifest.wheels.length} wheel(s) and ${manifest.tests.length} test file(s) at ${seconds()} s` });

    const sys = pyodide.pyimport("sys");
    sys.path.insert(0, "/harness");
    const run = pyodide.pyimport("harness").run;
    const failed = await run(manifest.tests.map((t) => t.name));
    post({ type: "done", failed: Boolean(failed) });
  } catch (err) {
    post({ type: "fatal", text: describe(err) });
  }
}

/// An error as text, message and stack (JavaScriptCore's `stack` leaves out the message).
export function describe(err) {
  const text = String(err);
  return err?.stack && !err.stack.includes(text) ? `${text}\n${err.stack}` : (err?.stack ?? text);
}
