// Runs Python test files inside real Pyodide in a headless browser, against
// Rust extension modules built for wasm32-unknown-emscripten. The browser twin
// of tests/pyodide/run.mjs, for every engine in engines.mjs: Chromium (V8),
// Firefox (SpiderMonkey) and WebKitGTK (JavaScriptCore), all from Debian.
//
// usage: node run.mjs [--engine chromium|firefox|webkit] [--pyodide <npm package>]
//                     --ext <name>=<path.so> [--ext ...] [--env K=V ...]
//                     [--wheel <path.whl> ... [--micropip <dir>]]
//                     [--main-thread] [--verbose] <test.py | dir> ...
//        node run.mjs [--engine ...] --ext <name>=<path.so> ... --script <file.py>
//                     [--put <host file>=<path>] ... [--take <path>=<host file>] ...
//
// It serves the pinned Pyodide package (tests/pyodide/node_modules), the
// extensions, tests/pyodide/harness.py, the test files and a small page
// (index.html, worker.mjs, runner.mjs) from 127.0.0.1 only, and starts the
// browser on the page with a fresh profile. The page loads Pyodide in a module
// Worker (`--main-thread`: on the page's own thread), writes each extension
// into site-packages under the interpreter's extension suffix (and installs
// each wheel with pyodide.loadPackage, or with micropip when --micropip names
// a directory holding micropip's and packaging's wheels), runs the
// harness and POSTs every output line back, in order; they are printed here as
// they come, the last being the harness's "N passed, N failed".
//
// Script mode (`--script`) is tests/pyodide/run.mjs's: the page runs one plain
// script (its stdout printed here, a Python exception printed and failing the
// run) instead of the harness. A page cannot mount host directories as Node's
// `--mount` does, so the files a script reads are put into Pyodide's file
// system first (`--put`: served, written at <path>, parent directories made)
// and the files it writes are sent back after it finished (`--take`: the page
// POSTs each, written here to <host file>). Firefox runs a script with its
// unrounded `performance.now()` (engines.mjs: the benchmarks time with it).
//
// A watchdog bounds every stage: loading, each test (named when it does not
// finish: the harness announces each test with a `RUN` line) and the whole run;
// a script, which may print nothing for minutes (the benchmarks), has a longer
// silence limit of its own.
// Exits non-zero when anything failed, nothing ran, the browser died, or a
// limit was hit; the browser is always killed.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ENGINES, browserVersion, findBrowser } from "./engines.mjs";
import { serve } from "./serve.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const harnessDir = join(here, "../pyodide");
// Limits, in seconds. A wrong content type or a stuck load hangs the page
// rather than failing it, and a test can hang an engine: each stage has one.
const LOAD_TIMEOUT = Number(process.env.RTL_LOAD_TIMEOUT ?? 180); // browser + Pyodide + files
const TEST_TIMEOUT = Number(process.env.RTL_TEST_TIMEOUT ?? 240); // one test (no output meanwhile)
const SCRIPT_TIMEOUT = Number(process.env.RTL_SCRIPT_TIMEOUT ?? 1200); // a script (no output meanwhile)
const TOTAL_TIMEOUT = Number(process.env.RTL_TOTAL_TIMEOUT ?? 2400);

function parseArgs(argv) {
  const opts = {
    engine: "chromium", exts: [], wheels: [], micropip: null, env: {}, tests: [], pyodide: "pyodide",
    mainThread: false, verbose: false, script: null, puts: [], takes: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--engine") {
      opts.engine = argv[++i];
    } else if (arg === "--ext") {
      const [name, path] = argv[++i].split("=");
      opts.exts.push({ name, path: resolve(path) });
    } else if (arg === "--wheel") {
      opts.wheels.push(resolve(argv[++i]));
    } else if (arg === "--micropip") {
      opts.micropip = resolve(argv[++i]);
    } else if (arg === "--pyodide") {
      opts.pyodide = argv[++i];
    } else if (arg === "--env") {
      const [k, ...v] = argv[++i].split("=");
      opts.env[k] = v.join("=");
    } else if (arg === "--script") {
      opts.script = resolve(argv[++i]);
    } else if (arg === "--put") {
      const [host, path] = splitPair(argv[++i], arg);
      opts.puts.push({ host: resolve(host), path });
    } else if (arg === "--take") {
      const [path, host] = splitPair(argv[++i], arg);
      opts.takes.push({ path, host: resolve(host) });
    } else if (arg === "--mount") {
      throw new Error("--mount: a page cannot mount a host directory; --put the files the script reads and --take those it writes");
    } else if (arg === "--main-thread") {
      opts.mainThread = true;
    } else if (arg === "--verbose") {
      opts.verbose = true;
    } else {
      opts.tests.push(resolve(arg));
    }
  }
  return opts;
}

/// `a=b` of option `option` as [a, b] (at the first "="; b is an absolute
/// Pyodide path or a host file, neither empty).
function splitPair(value, option) {
  const at = value?.indexOf("=") ?? -1;
  if (at <= 0 || at === value.length - 1) throw new Error(`${option} takes <a>=<b>, got ${JSON.stringify(value)}`);
  return [value.slice(0, at), value.slice(at + 1)];
}

function collectTests(paths) {
  const files = [];
  for (const p of paths) {
    if (statSync(p).isDirectory()) {
      for (const f of readdirSync(p).sort()) {
        if (f.startsWith("test_") && f.endsWith(".py")) files.push(join(p, f));
      }
    } else {
      files.push(p);
    }
  }
  return files;
}

function fail(message) {
  console.error(`browser: ${message}`);
  process.exitCode = 1;
}

let opts, binary;
try {
  opts = parseArgs(process.argv.slice(2));
  for (const { path } of [...opts.puts, ...opts.takes]) {
    if (!path.startsWith("/")) throw new Error(`${path}: a path inside Pyodide must be absolute`);
  }
  for (const { host } of opts.puts) {
    if (!existsSync(host)) throw new Error(`--put ${host}: no such file`);
  }
  if (!opts.script && (opts.puts.length > 0 || opts.takes.length > 0)) throw new Error("--put and --take go with --script");
  binary = findBrowser(opts.engine);
} catch (err) {
  fail(err.message);
  process.exit(1);
}
const pyodideDir = join(harnessDir, "node_modules", opts.pyodide);
if (!existsSync(join(pyodideDir, "pyodide.mjs"))) {
  fail(`${pyodideDir}/pyodide.mjs not found: run \`npm ci\` in ${harnessDir}`);
  process.exit(1);
}

const files = collectTests(opts.tests);
const served = {
  "/index.html": join(here, "index.html"),
  "/worker.mjs": join(here, "worker.mjs"),
  "/runner.mjs": join(here, "runner.mjs"),
  "/files/harness.py": join(harnessDir, "harness.py"),
};
const manifest = {
  pyodide: "/pyodide/", env: opts.env, harness: "/files/harness.py", exts: [], wheels: [], micropip: [], tests: [],
  script: null, puts: [], takes: [],
};
// A wheel's URL ends in its file name: installers read its tags from it.
for (const wheel of opts.wheels) {
  const url = `/files/wheels/${basename(wheel)}`;
  served[url] = wheel;
  manifest.wheels.push(url);
}
for (const f of opts.micropip ? readdirSync(opts.micropip).filter((f) => /^(micropip|packaging)-.*\.whl$/.test(f)) : []) {
  const url = `/files/wheels/${f}`;
  served[url] = join(opts.micropip, f);
  manifest.micropip.push(url);
}
for (const ext of opts.exts) {
  const url = `/files/ext/${ext.name}.so`;
  served[url] = ext.path;
  manifest.exts.push({ name: ext.name, url });
}
for (const f of files) {
  const name = basename(f, ".py");
  const url = `/files/tests/${name}.py`;
  served[url] = f;
  manifest.tests.push({ name, url });
}
if (opts.script) {
  manifest.script = { name: basename(opts.script), url: "/files/script.py" };
  served["/files/script.py"] = opts.script;
}
// Each file to put under a URL of its own (two may share a name).
opts.puts.forEach(({ host, path }, n) => {
  const url = `/files/put/${n}/${basename(host)}`;
  served[url] = host;
  manifest.puts.push({ url, path });
});
// Each file to take comes back as `POST /take/<n>` (onTake).
opts.takes.forEach(({ path }, n) => manifest.takes.push({ path, url: `/take/${n}` }));
served["/manifest.json"] = { body: JSON.stringify(manifest), type: "application/json" };

const started = Date.now();
let settle;
const finished = new Promise((ok) => (settle = ok));
let lastLine = null;
let running = null; // the test the harness announced last and has not finished
let lastActivity = Date.now();
let loaded = false;
const taken = new Set(); // the files to take that came back (their indices)

function onMessage(message) {
  lastActivity = Date.now();
  switch (message.type) {
    case "info":
      console.error(`browser: ${message.text}`);
      if (message.text.startsWith("installed ")) loaded = true;
      break;
    case "out":
      for (const line of message.text.split("\n")) {
        console.log(line);
        if (line.startsWith("RUN  ")) running = line.slice(5);
        else if (/^(ok|FAIL) /.test(line)) running = null;
        lastLine = line;
      }
      break;
    case "err":
      console.error(message.text);
      break;
    case "done":
      settle({ failed: message.failed });
      break;
    case "fatal":
      settle({ fatal: message.text });
      break;
  }
}

/// Writes file `n` of --take, which the page sent back, to its host file.
function onTake(n, bytes) {
  const take = opts.takes[n];
  if (!take) {
    settle({ fatal: `the page sent back file ${n}, which was not asked for` });
    return;
  }
  try {
    mkdirSync(dirname(take.host), { recursive: true });
    writeFileSync(take.host, bytes);
    taken.add(n);
    lastActivity = Date.now();
    if (opts.verbose) console.error(`browser: ${take.path} → ${take.host} (${bytes.length} bytes)`);
  } catch (err) {
    settle({ fatal: `could not write ${take.host}: ${err.message}` });
  }
}

const server = await serve({
  dirs: { "/pyodide/": pyodideDir },
  files: served,
  onPost: (pathname, body, bytes) => {
    const take = pathname.match(/^\/take\/(\d+)$/);
    if (take) {
      onTake(Number(take[1]), bytes);
      return;
    }
    if (pathname !== "/report") return;
    try {
      for (const message of JSON.parse(body)) onMessage(message);
    } catch (err) {
      settle({ fatal: `unreadable report from the page: ${err}` });
    }
  },
  log: opts.verbose ? (line) => console.error(`  [server] ${line}`) : undefined,
});
const profile = mkdtempSync(join(tmpdir(), `rtl-${opts.engine}-profile-`));
let browser;
try {
  const url = `${server.url}index.html${opts.mainThread ? "?thread=main" : ""}`;
  const [program, args] = ENGINES[opts.engine].command(binary, url, profile, { fineTimers: Boolean(opts.script) });
  console.error(`browser: ${browserVersion(opts.engine, binary)} (${binary}, headless) on ${server.url}` +
    `${opts.mainThread ? ", page's main thread" : ", module Worker"}`);
  browser = spawn(program, args, { stdio: ["ignore", "ignore", "pipe"], detached: true });
  browser.stderr.on("data", (chunk) => {
    if (opts.verbose) process.stderr.write(`  [${opts.engine}] ${chunk}`);
  });
  browser.on("error", (err) => settle({ fatal: `could not start ${program}: ${err.message}` }));
  browser.on("exit", (code, signal) => settle({ fatal: `the browser exited before the tests finished (${signal ?? code})` }));
  // Stopped from outside (the xtask watchdog): the browser goes too.
  process.once("SIGTERM", () => {
    try { process.kill(-browser.pid, "SIGKILL"); } catch {}
    rmSync(profile, { recursive: true, force: true });
    process.exit(143);
  });

  const timer = setInterval(() => {
    const now = Date.now();
    if (!loaded && now - started > LOAD_TIMEOUT * 1000) {
      settle({ fatal: `Pyodide and the test files did not load within ${LOAD_TIMEOUT} s ` +
        "(a wrong content type makes the page hang; rerun with --verbose to see each request)" });
    } else if (opts.script && loaded && now - lastActivity > SCRIPT_TIMEOUT * 1000) {
      settle({ fatal: `${basename(opts.script)} printed nothing for ${SCRIPT_TIMEOUT} s (last line: ${JSON.stringify(lastLine)})` });
    } else if (!opts.script && loaded && now - lastActivity > TEST_TIMEOUT * 1000) {
      settle({ fatal: running
        ? `HUNG: ${running} did not finish within ${TEST_TIMEOUT} s`
        : `no output for ${TEST_TIMEOUT} s (last line: ${JSON.stringify(lastLine)})` });
    } else if (now - started > TOTAL_TIMEOUT * 1000) {
      settle({ fatal: `the run took longer than ${TOTAL_TIMEOUT} s` + (running ? ` (in ${running})` : "") });
    }
  }, 1000);
  const result = await finished;
  clearInterval(timer);

  const closing = lastLine?.match(/^(\d+) passed, (\d+) failed$/);
  const missing = opts.takes.filter((_, n) => !taken.has(n)).map((t) => t.path);
  if (result.fatal) {
    fail(result.fatal);
  } else if (opts.script) {
    // A script has no closing line: it failed when it raised (printed above)
    // or did not leave every file to take.
    if (result.failed) fail(`${basename(opts.script)} failed`);
    else if (missing.length > 0) fail(`the page did not send back ${missing.join(", ")}`);
  } else if (!closing) {
    fail(`the harness did not print its closing line (last line: ${JSON.stringify(lastLine)})`);
  } else if (result.failed || Number(closing[2]) > 0 || Number(closing[1]) === 0) {
    process.exitCode = 1;
  }
  // Nothing more goes to stdout: the harness's line stays the last one.
  if (opts.verbose) console.error(`browser: finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (err) {
  fail(String(err?.stack ?? err));
} finally {
  if (browser?.pid) {
    browser.removeAllListeners("exit");
    try { process.kill(-browser.pid, "SIGKILL"); } catch {}
  }
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(process.exitCode ?? 0);
