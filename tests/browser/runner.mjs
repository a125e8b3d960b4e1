// Loads Pyodide in the browser, installs the extensions and test files exactly
// as tests/pyodide/run.mjs does under Node, and runs tests/pyodide/harness.py;
// in script mode (`manifest.script`, from run.mjs --script) it runs that one
// plain script instead, with the files of `manifest.puts` written into
// Pyodide's file system first and those of `manifest.takes` sent back after
// (`POST take/<n>`: the server writes each to its host file).
// Used by worker.mjs (the default: a module Worker) and by index.html itself
// when the page is opened with `?thread=main`.
//
// `post(message)` receives, in order:
//   { type: "info", text }    progress (load times), not test output
//   { type: "out", text }     one line of the interpreter's stdout (the harness)
//   { type: "err", text }     one line of its stderr
//   { type: "done", failed }  the harness's result (true when anything failed or
//                             nothing ran), or the script's (true when it raised
//                             or a file to send back was missing)
//   { type: "fatal", text }   anything that went wrong outside the tests
export async function runTests(manifest, post) {
  try {
    const started = performance.now();
    const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
    const pyodide = await load(manifest, post, seconds);
    await install(pyodide, manifest);
    const failed = manifest.script
      ? await runScript(pyodide, manifest, post, seconds)
      : await runHarness(pyodide, manifest, post, seconds);
    post({ type: "done", failed: Boolean(failed) });
  } catch (err) {
    post({ type: "fatal", text: describe(err) });
  }
}

/// Pyodide, loaded from the server, its stdout and stderr going to `post`.
async function load(manifest, post, seconds) {
  const { loadPyodide } = await import(new URL(manifest.pyodide + "pyodide.mjs", location.href).href);
  const pyodide = await loadPyodide({
    indexURL: new URL(manifest.pyodide, location.href).href,
    env: manifest.env,
  });
  post({ type: "info", text: `Pyodide ${pyodide.version} loaded in ${seconds()} s (${manifest.thread})` });
  pyodide.setStdout({ batched: (text) => post({ type: "out", text }) });
  pyodide.setStderr({ batched: (text) => post({ type: "err", text }) });
  return pyodide;
}

/// The body of `url` (relative to this page), or throws with the status.
async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${response.statusText}`);
  return new Uint8Array(await response.arrayBuffer());
}

/// Writes each extension into site-packages and installs each wheel.
async function install(pyodide, manifest) {
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
}

/// Runs the harness over the test files; true when anything failed or nothing ran.
async function runHarness(pyodide, manifest, post, seconds) {
  pyodide.FS.mkdirTree("/harness");
  pyodide.FS.writeFile("/harness/harness.py", await fetchBytes(manifest.harness));
  for (const test of manifest.tests) {
    pyodide.FS.writeFile(`/harness/${test.name}.py`, await fetchBytes(test.url));
  }
  post({ type: "info", text: `installed ${manifest.exts.length} extension(s), ${manifest.wheels.length} wheel(s) and ${manifest.tests.length} test file(s) at ${seconds()} s` });

  const sys = pyodide.pyimport("sys");
  sys.path.insert(0, "/harness");
  const run = pyodide.pyimport("harness").run;
  return await run(manifest.tests.map((t) => t.name));
}

/// Writes the files to put, runs the script and sends back the files to take;
/// true when the script raised (its traceback goes to stderr) or a file to
/// take was not there.
async function runScript(pyodide, manifest, post, seconds) {
  for (const put of manifest.puts) {
    pyodide.FS.mkdirTree(put.path.slice(0, put.path.lastIndexOf("/")) || "/");
    pyodide.FS.writeFile(put.path, await fetchBytes(put.url));
  }
  const code = new TextDecoder().decode(await fetchBytes(manifest.script.url));
  post({ type: "info", text: `installed ${manifest.exts.length} extension(s), ${manifest.wheels.length} wheel(s), ${manifest.puts.length} file(s) and the script ${manifest.script.name} at ${seconds()} s` });
  try {
    await pyodide.runPythonAsync(code, { filename: manifest.script.name });
  } catch (err) {
    // A Python exception's message is its traceback; anything else gets its stack.
    post({ type: "err", text: err?.name === "PythonError" ? err.message : describe(err) });
    return true;
  }
  post({ type: "info", text: `${manifest.script.name} finished at ${seconds()} s` });
  return !(await sendBack(pyodide, manifest.takes, post));
}

/// POSTs each file to take to its URL; false when one was not there.
async function sendBack(pyodide, takes, post) {
  let all = true;
  for (const take of takes) {
    let bytes;
    try {
      bytes = pyodide.FS.readFile(take.path);
    } catch {
      post({ type: "err", text: `${take.path}: no such file after the script (nothing to send back)` });
      all = false;
      continue;
    }
    const response = await fetch(take.url, { method: "POST", body: bytes });
    if (!response.ok) throw new Error(`POST ${take.url}: ${response.status} ${response.statusText}`);
  }
  return all;
}

/// An error as text, message and stack (JavaScriptCore's `stack` leaves out the message).
export function describe(err) {
  const text = String(err);
  return err?.stack && !err.stack.includes(text) ? `${text}\n${err.stack}` : (err?.stack ?? text);
}
