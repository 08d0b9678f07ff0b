/**
 * The packages under test: built once per run by the real packager (`node scripts/build.mjs --out
 * <temp>`, the same command as `npm run build`) and served by the preview server itself
 * (scripts/serve.mjs), so every response carries the strict Content-Security-Policy an LMS may
 * send.
 *
 * "Once per run": Vitest runs each e2e file in its own worker, so the files share the build
 * through a folder under the system temp dir named by a hash of every input of the build (src/,
 * lessons/, scripts/, the configs and the lockfile). The first file to need it builds under a lock;
 * the others wait for it. A later run with unchanged sources reuses it (any change to an input is
 * a new hash, so a stale build is never tested). E2E_DIST=<folder> tests a dist folder built
 * elsewhere instead.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error scripts/serve.mjs is plain JavaScript without type declarations.
import { createPreviewServer, listen, SECURITY_HEADERS } from '../../scripts/serve.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const LESSON_ID = 'heroes-1988';
const CACHE = join(tmpdir(), 'propaganda-reader-e2e');
/** A build on this 2-core machine takes about a minute when it is busy; allow for a slow one. */
export const BUILD_TIMEOUT_MS = 5 * 60_000;

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    return d.isDirectory() ? filesUnder(path) : d.isFile() ? [path] : [];
  });
}

/** A hash of everything the build reads from the repository. */
export function buildInputsHash(): string {
  const files = [
    ...['src', 'lessons', 'scripts'].flatMap((d) => filesUnder(join(ROOT, d))),
    ...['rollup.config.mjs', 'tsconfig.json', 'package-lock.json', 'package.json'].map((f) => join(ROOT, f)),
  ].sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${relative(ROOT, file)}\0`);
    if (existsSync(file)) hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

function runBuild(out: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--out', out], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), BUILD_TIMEOUT_MS);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) done();
      else fail(new Error(`node scripts/build.mjs --out ${out} exited with ${code}:\n${output.slice(-4000)}`));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The built dist folder for the current sources (built now unless another worker did). */
export async function builtDist(): Promise<string> {
  if (process.env.E2E_DIST) return resolve(process.env.E2E_DIST);
  const hash = buildInputsHash();
  const out = join(CACHE, hash);
  const done = join(CACHE, `${hash}.done`);
  const lock = join(CACHE, `${hash}.lock`);
  mkdirSync(CACHE, { recursive: true });
  const deadline = Date.now() + BUILD_TIMEOUT_MS + 60_000;
  while (!existsSync(done)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for the e2e build in ${out}`);
    try {
      mkdirSync(lock); // atomic: only one worker gets it
    } catch {
      // Another worker is building. A lock left by a dead process is taken over.
      const owner = Number(readFileSafe(join(lock, 'pid')));
      if (owner && !alive(owner)) rmSync(lock, { recursive: true, force: true });
      await sleep(500);
      continue;
    }
    try {
      writeFileSync(join(lock, 'pid'), String(process.pid));
      if (!existsSync(done)) {
        await runBuild(out);
        writeFileSync(done, new Date().toISOString());
        removeStaleBuilds(hash);
      }
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return out;
}

/** Builds of other sources are dead weight, but another run may still be testing one: only those
 * untouched for STALE_AFTER_MS go. */
const STALE_AFTER_MS = 30 * 60_000;

function removeStaleBuilds(keep: string): void {
  for (const name of readdirSync(CACHE)) {
    const m = /^([0-9a-f]{16})(\.done)?$/.exec(name);
    if (!m || m[1] === keep || existsSync(join(CACHE, `${m[1]}.lock`))) continue;
    try {
      if (Date.now() - statSync(join(CACHE, name)).mtimeMs > STALE_AFTER_MS) rmSync(join(CACHE, name), { recursive: true, force: true });
    } catch {
      // Removed by another worker meanwhile.
    }
  }
}

function readFileSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** Files the tests inject into pages, served from the same origin (so script-src 'self' allows
 * them: CSP stays as strict for the tests as for the package). */
export const TEST_FILES: Readonly<Record<string, string>> = {
  '/__e2e__/axe.min.js': join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'),
};

export interface Served {
  origin: string;
  root: string;
  close(): Promise<void>;
}

/**
 * Serve `root` with scripts/serve.mjs's request handler (the strict CSP and the zip serving of
 * the 2004 package included), plus TEST_FILES under /__e2e__/ with the same security headers.
 */
export async function serve(root: string): Promise<Served> {
  const preview: Server = createPreviewServer({ root });
  const handle = preview.listeners('request')[0] as (req: IncomingMessage, res: ServerResponse) => void;
  const server = createServer((req, res) => {
    const file = TEST_FILES[(req.url ?? '').split('?')[0]!];
    if (!file) return handle(req, res);
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/javascript; charset=utf-8', 'Content-Length': statSync(file).size });
    createReadStream(file).pipe(res);
  });
  const port: number = await listen(server, 0);
  return {
    origin: `http://127.0.0.1:${port}`,
    root,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
