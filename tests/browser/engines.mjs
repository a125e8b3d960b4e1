// The browsers the suite runs in, one entry per engine, and how each is
// started: a plain command line that opens one URL headless with a fresh
// profile (`command(binary, url, profile, { fineTimers })`; `fineTimers` asks
// for an unrounded `performance.now()` where the engine has a switch for it).
// Nothing drives the page: it reports to the test server by itself
// (index.html), so the only thing that differs between engines is this table.
//
// `node engines.mjs missing [engine ...]` prints the Debian packages that would
// provide the engines not found here (nothing when all are there), for the
// setup step of `cargo xtask`; `node engines.mjs version <engine>` prints the
// browser's version.
//
// Browsers are found, not assumed: an environment variable (RTL_CHROMIUM,
// RTL_FIREFOX, RTL_WEBKIT) names one explicitly; otherwise the first candidate
// that exists on the PATH or at a known location is taken. None is ever
// downloaded.
import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";

// Preferences for a fresh Firefox profile: no first-run pages, no network
// chatter, no slow-script dialog on a page's main thread.
const FIREFOX_PREFS = {
  "browser.shell.checkDefaultBrowser": false,
  "browser.startup.homepage_override.mstone": "ignore",
  "datareporting.policy.dataSubmissionEnabled": false,
  "toolkit.telemetry.reportingpolicy.firstRun": false,
  "app.update.auto": false,
  "app.normandy.enabled": false,
  "network.captive-portal-service.enabled": false,
  "dom.max_script_run_time": 0,
  "dom.max_chrome_script_run_time": 0,
};

// Fine timers, for script mode only (the benchmarks: run.mjs --script). By
// default Firefox rounds `performance.now()` to 1 ms (or 20 µs on a
// cross-origin-isolated page) and jitters it, against timing attacks; the
// bench's samples are 2 ms, so every one would be a step or two of that
// clock. These prefs give the bare clock. The test suite keeps the defaults a
// user's Firefox has. (Chromium clamps too, to 100 µs or 5 µs when isolated,
// and has no switch for it.)
const FIREFOX_FINE_TIMER_PREFS = {
  "privacy.reduceTimerPrecision": false,
  "privacy.reduceTimerPrecision.unconditional": false,
  "privacy.resistFingerprinting.reduceTimerPrecision.jitter": false,
};

export const ENGINES = {
  chromium: {
    title: "Chromium (V8)",
    env: "RTL_CHROMIUM",
    candidates: ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome", "/usr/bin/chromium"],
    packages: ["chromium"],
    command: (binary, url, profile) => [binary, [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      `--user-data-dir=${profile}`, url,
    ]],
  },
  firefox: {
    title: "Firefox (SpiderMonkey)",
    env: "RTL_FIREFOX",
    candidates: ["firefox-esr", "firefox"],
    packages: ["firefox-esr"],
    command: (binary, url, profile, { fineTimers = false } = {}) => {
      const all = fineTimers ? { ...FIREFOX_PREFS, ...FIREFOX_FINE_TIMER_PREFS } : FIREFOX_PREFS;
      const prefs = Object.entries(all).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});\n`);
      writeFileSync(join(profile, "user.js"), prefs.join(""));
      return [binary, ["--headless", "--no-remote", "--profile", profile, url]];
    },
  },
  webkit: {
    title: "WebKitGTK (JavaScriptCore)",
    env: "RTL_WEBKIT",
    // WebKitGTK's MiniBrowser ships inside libwebkit2gtk; it needs an X
    // display, which xvfb-run provides.
    candidates: [
      "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
      "/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
      "/usr/libexec/webkit2gtk-4.1/MiniBrowser",
    ],
    needs: ["xvfb-run"],
    packages: ["libwebkit2gtk-4.1-0", "xvfb", "xauth"],
    command: (binary, url) => ["xvfb-run", ["-a", binary, url]],
  },
};

/// The absolute path of `name` if it is one, or its location on the PATH.
export function which(name) {
  if (name.includes("/")) return existsSync(name) ? name : null;
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}

/// The browser binary of `engine`, or throws with the command that installs it.
export function findBrowser(engine) {
  const spec = ENGINES[engine];
  if (!spec) throw new Error(`unknown engine \`${engine}\` (one of: ${Object.keys(ENGINES).join(", ")})`);
  const explicit = process.env[spec.env];
  const binary = explicit ? which(explicit) : spec.candidates.map(which).find(Boolean);
  const missing = [binary ? null : (explicit ?? spec.candidates[0]), ...(spec.needs ?? []).filter((n) => !which(n))].filter(Boolean);
  if (missing.length > 0) {
    throw new Error(`${spec.title}: ${missing.join(", ")} not found. Install it (as root): apt-get update && ` +
      `apt-get install -y --no-install-recommends ${spec.packages.join(" ")}  (or name the browser binary in ${spec.env})`);
  }
  return binary;
}

/// The browser's own version line, e.g. "Mozilla Firefox 153.0".
export function browserVersion(engine, binary) {
  try {
    if (engine === "webkit") {
      return `${execFileSync("xvfb-run", ["-a", binary, "--version"], { encoding: "utf8", timeout: 30_000 }).trim()}`;
    }
    // "Chromium 156.0.8078.114 built on Debian ..." → "Chromium 156.0.8078.114";
    // "Mozilla Firefox 153.8.0esr" → "Firefox 153.8.0esr".
    return execFileSync(binary, ["--version"], { encoding: "utf8", timeout: 30_000 })
      .trim()
      .replace(/ built on .*$/, "")
      .replace(/^Mozilla /, "");
  } catch {
    return binary;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && process.argv[2] === "missing") {
  const wanted = process.argv.length > 3 ? process.argv.slice(3) : Object.keys(ENGINES);
  const packages = new Set();
  for (const engine of wanted) {
    try {
      findBrowser(engine);
    } catch {
      for (const p of ENGINES[engine]?.packages ?? []) packages.add(p);
    }
  }
  console.log([...packages].join(" "));
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && process.argv[2] === "version") {
  const engine = process.argv[3];
  console.log(browserVersion(engine, findBrowser(engine)));
}
