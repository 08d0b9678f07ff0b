#!/usr/bin/env node
/**
 * `npm start` / `npm run serve`: the preview host server.
 *
 * A small dependency-free HTTP server on 127.0.0.1 that serves `dist/` (or `--root <dir>`) so an
 * author can open the preview host (dist/preview/, which frames a package the way Moodle does) and
 * the unpacked packages. Every response, errors included, carries a strict Content-Security-Policy,
 * so a package that needs an inline script or eval() fails here, before an LMS with a strict policy
 * finds out.
 *
 * A SCORM package that only exists as a zip in dist/ (for example the 2004 build) is served from
 * inside the zip under `/<zip name without .zip>/`, so the preview shows exactly the files an LMS
 * would unpack (a file missing from the zip is missing here too).
 *
 * Usage: node scripts/serve.mjs [--root <dir>]     PORT=<n> picks the first port to try (8080).
 */
import { createServer } from 'node:http';
import { readFileSync, realpathSync, statSync, readdirSync, createReadStream, existsSync } from 'node:fs';
import { join, relative, resolve, isAbsolute, extname, dirname } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const HOST = '127.0.0.1';
export const DEFAULT_PORT = 8080;
/** How many consecutive ports to try when the first is in use. */
export const PORT_TRIES = 20;

/**
 * Scripts: only files from this origin (no inline script, no eval, no CDN) — the rule a strict LMS
 * enforces, and the one that stops injected markup from running code.
 * Styles: 'unsafe-inline' is allowed on purpose. Lit uses constructable (adopted) stylesheets,
 * which CSP does not restrict, in Chromium, Firefox ≥ 101 and Safari ≥ 16.4; older engines fall
 * back to <style> elements in each shadow root, and a `style=` attribute binding is an inline style
 * everywhere. No LMS we target forbids inline styles (Moodle's own pages use them), so refusing
 * them here would only report failures no student would ever see, while styles cannot run code.
 * object-src/base-uri close the two remaining ways to load code around script-src.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
].join('; ');

export const SECURITY_HEADERS = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  // For browsers that predate frame-ancestors.
  'X-Frame-Options': 'SAMEORIGIN',
  'Referrer-Policy': 'no-referrer',
  // A preview is looked at right after a rebuild: never show a stale file.
  'Cache-Control': 'no-store',
});

export const CONTENT_TYPES = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xsd': 'application/xml; charset=utf-8',
  '.dtd': 'application/xml-dtd; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.zip': 'application/zip',
});

export function contentType(file) {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Turns a request target into path segments under the root, or says why not. Pure.
 * Refuses (403) any `..` or `.` segment, raw or percent-encoded, and any encoded "/" or "\" that
 * would smuggle one past the split; 400 for malformed encoding or a NUL byte.
 * @returns {{ ok: true, segments: string[], directory: boolean } | { ok: false, status: number, reason: string }}
 */
export function parseRequestPath(rawUrl) {
  const path = String(rawUrl ?? '').split(/[?#]/, 1)[0];
  if (!path.startsWith('/')) return { ok: false, status: 400, reason: 'the path must start with "/"' };
  const segments = [];
  const raw = path.split('/').slice(1);
  for (let i = 0; i < raw.length; i++) {
    let segment;
    try {
      segment = decodeURIComponent(raw[i]);
    } catch {
      return { ok: false, status: 400, reason: 'malformed percent-encoding' };
    }
    if (segment.includes('\0')) return { ok: false, status: 400, reason: 'NUL byte in path' };
    if (segment === '..' || segment === '.' || segment.includes('/') || segment.includes('\\')) {
      return { ok: false, status: 403, reason: 'path traversal refused' };
    }
    if (segment === '' && i < raw.length - 1) continue; // "//" collapses
    if (segment !== '') segments.push(segment);
  }
  return { ok: true, segments, directory: path.endsWith('/') };
}

/** Whether `child` (absolute) lies inside `root` (absolute), or is the root itself. */
function isInside(root, child) {
  const rel = relative(root, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

// ---------------------------------------------------------------------------------------------
// Zip reading (stored and deflated entries; what fflate and every zip tool write for small files)

const zipCache = new Map();

/** Reads a zip's table of contents; cached by path, size and modification time. */
export function readZip(file) {
  const stat = statSync(file);
  const key = `${file}:${stat.size}:${stat.mtimeMs}`;
  const cached = zipCache.get(file);
  if (cached && cached.key === key) return cached.zip;
  const buf = readFileSync(file);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file}: not a zip (no end of central directory)`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = new Map();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`${file}: broken central directory`);
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    entries.set(name, { method, compressedSize, localOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  const zip = {
    has: (name) => entries.has(name),
    names: () => [...entries.keys()],
    read(name) {
      const e = entries.get(name);
      if (!e) return null;
      const lh = e.localOffset;
      if (buf.readUInt32LE(lh) !== 0x04034b50) throw new Error(`${file}: broken entry ${name}`);
      const start = lh + 30 + buf.readUInt16LE(lh + 26) + buf.readUInt16LE(lh + 28);
      const data = buf.subarray(start, start + e.compressedSize);
      if (e.method === 0) return Buffer.from(data);
      if (e.method === 8) return inflateRawSync(data);
      throw new Error(`${file}: entry ${name} uses compression method ${e.method}`);
    },
  };
  zipCache.set(file, { key, zip });
  return zip;
}

// ---------------------------------------------------------------------------------------------
// Package discovery: what the preview host can launch

function schemaVersion(manifestXml) {
  const m = /<schemaversion>([^<]*)<\/schemaversion>/i.exec(manifestXml);
  if (!m) return null;
  return m[1] === '1.2' ? '1.2' : m[1].startsWith('2004') ? '2004' : null;
}

function manifestTitle(manifestXml) {
  const m = /<organization\b[^>]*>\s*<title>([^<]*)<\/title>/i.exec(manifestXml);
  return m ? m[1].trim() : null;
}

/** The lesson id a package belongs to: its folder or zip name without the version suffix. */
function lessonOf(name) {
  return name.replace(/-scorm(12|2004)$/, '');
}

/**
 * Every SCORM package under the root: unpacked folders holding imsmanifest.xml, and zips whose
 * name is not already taken by a folder (served from inside the zip).
 * @returns {{ lesson: string, version: '1.2' | '2004', path: string, source: 'folder' | 'zip', file: string, title: string | null }[]}
 */
export function findPackages(root) {
  const found = [];
  if (!existsSync(root)) return found;
  const names = readdirSync(root, { withFileTypes: true });
  for (const d of names) {
    if (!d.isDirectory() || d.name.startsWith('.')) continue;
    const manifest = join(root, d.name, 'imsmanifest.xml');
    if (!existsSync(manifest)) continue;
    const xml = readFileSync(manifest, 'utf8');
    const version = schemaVersion(xml);
    if (version) found.push({ lesson: lessonOf(d.name), version, path: `/${d.name}/`, source: 'folder', file: d.name, title: manifestTitle(xml) });
  }
  for (const d of names) {
    if (!d.isFile() || !d.name.endsWith('.zip')) continue;
    const base = d.name.slice(0, -4);
    if (found.some((p) => p.path === `/${base}/`)) continue;
    try {
      const zip = readZip(join(root, d.name));
      const xml = zip.read('imsmanifest.xml');
      const version = xml && schemaVersion(xml.toString('utf8'));
      if (version) found.push({ lesson: lessonOf(base), version, path: `/${base}/`, source: 'zip', file: d.name, title: manifestTitle(xml.toString('utf8')) });
    } catch {
      // Not a package zip (or a broken one): nothing to launch from it.
    }
  }
  // Folders first: the host prefers the unpacked build when a version exists both ways.
  return found.sort((a, b) => a.lesson.localeCompare(b.lesson) || a.version.localeCompare(b.version) || (a.source === 'folder' ? -1 : 1));
}

// ---------------------------------------------------------------------------------------------
// The server

function send(res, method, status, headers, body) {
  const payload = body == null ? Buffer.alloc(0) : Buffer.isBuffer(body) ? body : Buffer.from(String(body), 'utf8');
  // 204 carries no body and, by the HTTP rules, no Content-Length either.
  const length = status === 204 ? {} : { 'Content-Length': payload.length };
  res.writeHead(status, { ...SECURITY_HEADERS, ...length, ...headers });
  res.end(method === 'HEAD' ? undefined : payload);
}

function sendText(res, method, status, text) {
  send(res, method, status, { 'Content-Type': 'text/plain; charset=utf-8' }, `${text}\n`);
}

/**
 * @param {{ root: string, log?: (line: string) => void }} options
 * @returns {import('node:http').Server}
 */
export function createPreviewServer({ root, log = () => {} }) {
  const rootDir = resolve(root);
  return createServer((req, res) => {
    const method = req.method ?? 'GET';
    try {
      handle(req, res, method);
    } catch (err) {
      log(`500 ${req.url}: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) sendText(res, method, 500, 'Internal error (see the server console)');
      else res.destroy();
    }
  });

  function handle(req, res, method) {
    if (method !== 'GET' && method !== 'HEAD') {
      send(res, method, 405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }, 'Method not allowed\n');
      return;
    }
    const parsed = parseRequestPath(req.url);
    if (!parsed.ok) {
      log(`${parsed.status} ${req.url}: ${parsed.reason}`);
      sendText(res, method, parsed.status, parsed.status === 403 ? 'Forbidden' : 'Bad request');
      return;
    }
    const { segments, directory } = parsed;
    if (segments.length === 0) {
      send(res, method, 302, { Location: '/preview/' });
      return;
    }
    if (segments.some((s) => s.startsWith('.'))) {
      sendText(res, method, 404, 'Not found');
      return;
    }
    if (segments.length === 2 && segments[0] === 'preview' && segments[1] === 'packages.json') {
      const packages = findPackages(rootDir).map(({ lesson, version, path, source, file, title }) => ({ lesson, version, path, source, file, title }));
      send(res, method, 200, { 'Content-Type': CONTENT_TYPES['.json'] }, JSON.stringify({ packages }, null, 2));
      return;
    }
    const target = join(rootDir, ...segments);
    if (!isInside(rootDir, target)) {
      sendText(res, method, 403, 'Forbidden');
      return;
    }
    let stat = null;
    try {
      stat = statSync(target);
    } catch {
      stat = null;
    }
    if (stat?.isDirectory()) {
      if (!directory) {
        send(res, method, 301, { Location: `/${segments.map(encodeURIComponent).join('/')}/` });
        return;
      }
      serveFile(res, method, join(target, 'index.html'));
      return;
    }
    if (stat?.isFile()) {
      serveFile(res, method, target);
      return;
    }
    if (serveFromZip(res, method, segments, directory)) return;
    // Browsers ask every origin for an icon; an empty answer keeps the console free of 404 noise
    // that would hide the package's own missing files.
    if (segments.length === 1 && segments[0] === 'favicon.ico') {
      send(res, method, 204, {});
      return;
    }
    sendText(res, method, 404, 'Not found');
  }

  function serveFile(res, method, file) {
    let real;
    try {
      real = realpathSync(file);
    } catch {
      sendText(res, method, 404, 'Not found');
      return;
    }
    // A symlink inside dist/ must not lead outside it.
    if (!isInside(realpathSync(rootDir), real)) {
      sendText(res, method, 403, 'Forbidden');
      return;
    }
    const stat = statSync(real);
    if (!stat.isFile()) {
      sendText(res, method, 404, 'Not found');
      return;
    }
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': contentType(real), 'Content-Length': stat.size });
    if (method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(real).on('error', () => res.destroy()).pipe(res);
  }

  function serveFromZip(res, method, segments, directory) {
    const zipFile = join(rootDir, `${segments[0]}.zip`);
    if (!isInside(rootDir, zipFile) || !existsSync(zipFile)) return false;
    const zip = readZip(zipFile);
    const inner = segments.slice(1).join('/');
    if (segments.length === 1 && !directory) {
      send(res, method, 301, { Location: `/${encodeURIComponent(segments[0])}/` });
      return true;
    }
    const name = inner === '' || directory ? `${inner}${inner ? '/' : ''}index.html` : inner;
    const data = zip.read(name);
    if (!data) return false;
    send(res, method, 200, { 'Content-Type': contentType(name) }, data);
    return true;
  }
}

/**
 * Listens on the first free port from `port` (up to PORT_TRIES ports; port 0 lets the system
 * choose). Resolves to the port bound.
 */
export function listen(server, port, host = HOST, tries = PORT_TRIES) {
  return new Promise((resolvePort, reject) => {
    let attempt = 0;
    const tryPort = (p) => {
      const onError = (err) => {
        server.off('listening', onListening);
        if (err.code === 'EADDRINUSE' && p !== 0 && attempt + 1 < tries && p < 65535) {
          attempt++;
          tryPort(p + 1);
        } else {
          reject(err.code === 'EADDRINUSE' ? new Error(`ports ${port}-${p} are all in use; set PORT to a free port`) : err);
        }
      };
      const onListening = () => {
        server.off('error', onError);
        resolvePort(server.address().port);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(p, host);
    };
    tryPort(port);
  });
}

export function parsePort(value) {
  if (value === undefined || value === '') return DEFAULT_PORT;
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new Error(`PORT must be a number from 0 to 65535, got "${value}"`);
  return Number(value);
}

function parseArgs(argv) {
  const args = { root: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--root' && argv[i + 1]) args.root = argv[++i];
    else if (argv[i].startsWith('--root=')) args.root = argv[i].slice('--root='.length);
    else throw new Error(`unknown argument "${argv[i]}" (usage: node scripts/serve.mjs [--root <dir>])`);
  }
  return args;
}

async function main() {
  const here = dirname(fileURLToPath(import.meta.url));
  let args;
  let firstPort;
  try {
    args = parseArgs(process.argv.slice(2));
    firstPort = parsePort(process.env.PORT);
  } catch (err) {
    console.error(`serve: ${err.message}`);
    process.exit(2);
  }
  const root = resolve(args.root ?? join(here, '..', 'dist'));
  if (!existsSync(root)) {
    console.error(`serve: ${root} does not exist. Run "npm run build" first (or "npm start", which builds and serves).`);
    process.exit(1);
  }
  const server = createPreviewServer({ root, log: (line) => console.error(`serve: ${line}`) });
  let port;
  try {
    port = await listen(server, firstPort);
  } catch (err) {
    console.error(`serve: ${err.message}`);
    process.exit(1);
  }
  const origin = `http://${HOST}:${port}`;
  const lines = [`Propaganda Reader preview at ${origin}/ (serving ${root})`];
  if (port !== firstPort && firstPort !== 0) lines.push(`  (port ${firstPort} was in use)`);
  if (existsSync(join(root, 'preview', 'index.html'))) lines.push(`  Preview host (the package framed as in Moodle): ${origin}/preview/`);
  else lines.push(`  Preview host: missing (${join(root, 'preview', 'index.html')} was not built)`);
  const packages = findPackages(root);
  for (const p of packages) {
    const from = p.source === 'zip' ? `served from ${p.file}` : 'unpacked';
    lines.push(`  ${p.lesson}, SCORM ${p.version} (${from}): ${origin}${p.path}`);
  }
  if (packages.length === 0) lines.push('  No SCORM package found (no folder with imsmanifest.xml, no package zip).');
  lines.push('Press Ctrl+C to stop.');
  console.log(lines.join('\n'));
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main();
}

