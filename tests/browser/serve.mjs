// A tiny static file server for the browser run, on 127.0.0.1 only.
//
// `serve({ dirs, files, onPost })` serves each directory of `dirs` (URL prefix
// ending in "/" → host directory) and each single file of `files` (URL path →
// host file or { body, type }), hands the body of every POST to
// `onPost(pathname, text, bytes)` (as UTF-8 text and as the Buffer it came
// in), and resolves to { url, close }. Anything else is a 404;
// paths that escape their directory are refused. Content types matter: a
// `.wasm` not served as application/wasm or a module script not served as
// JavaScript makes the page hang rather than fail.
import { createServer } from "node:http";
import { createReadStream, statSync } from "node:fs";
import { extname, join, resolve, sep } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".zip": "application/zip",
  ".py": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

export function contentType(path) {
  return TYPES[extname(path)] ?? "application/octet-stream";
}

function lookup(pathname, dirs, files) {
  if (Object.hasOwn(files, pathname)) return files[pathname];
  for (const [prefix, dir] of Object.entries(dirs)) {
    if (!pathname.startsWith(prefix)) continue;
    const root = resolve(dir);
    const path = resolve(join(root, pathname.slice(prefix.length)));
    if (path !== root && !path.startsWith(root + sep)) return null;
    return path;
  }
  return null;
}

export function serve({ dirs = {}, files = {}, onPost = () => {}, log = () => {} }) {
  const server = createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (req.method === "POST") {
      const chunks = [];
      req.on("data", (chunk) => chunks.push(chunk));
      req.on("end", () => {
        const body = Buffer.concat(chunks);
        onPost(pathname, body.toString("utf8"), body);
        res.writeHead(204, { "cache-control": "no-store" }).end();
      });
      return;
    }
    if (pathname.endsWith("/")) pathname += "index.html";
    const target = req.method === "GET" || req.method === "HEAD" ? lookup(pathname, dirs, files) : null;
    if (target && typeof target === "object") {
      res.writeHead(200, { "content-type": target.type, "cache-control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : target.body);
      log(`200 ${pathname}`);
      return;
    }
    let size = -1;
    try {
      const st = target && statSync(target);
      if (st && st.isFile()) size = st.size;
    } catch {}
    if (size < 0) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
      log(`404 ${pathname}`);
      return;
    }
    res.writeHead(200, {
      "content-type": contentType(target),
      "content-length": size,
      "cache-control": "no-store",
    });
    log(`200 ${pathname}`);
    if (req.method === "HEAD") res.end();
    else createReadStream(target).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      ok({
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(() => done()); }),
      });
    });
  });
}
