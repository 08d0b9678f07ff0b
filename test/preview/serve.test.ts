/**
 * scripts/serve.mjs, run as `npm start` runs it (a child process), against a throwaway dist/:
 * strict security headers on every response, correct content types, 404s, refused traversal,
 * packages served from their zip, and the next free port when the first is taken.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SERVE = resolve(__dirname, '../../scripts/serve.mjs');
const SECRET = 'top-secret-outside-dist';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  bytes: Buffer;
  body: string;
}

interface Running {
  child: ChildProcess;
  port: number;
  output: string;
}

const manifest = (version: '1.2' | '2004 4th Edition') =>
  `<?xml version="1.0"?><manifest identifier="m"><metadata><schema>ADL SCORM</schema><schemaversion>${version}</schemaversion></metadata>` +
  `<organizations default="o"><organization identifier="o"><title>Heroes 1988</title></organization></organizations></manifest>`;

/** A dist/ with the files `npm run build` writes, plus a secret beside it that must stay unreachable. */
function makeDist(): { base: string; root: string } {
  const base = mkdtempSync(join(tmpdir(), 'pr-serve-'));
  const root = join(base, 'dist');
  writeFileSync(join(base, 'secret.txt'), SECRET);
  mkdirSync(join(root, 'preview'), { recursive: true });
  mkdirSync(join(root, 'heroes-1988'), { recursive: true });
  writeFileSync(join(root, 'preview', 'index.html'), '<!doctype html><title>host</title>');
  writeFileSync(join(root, 'preview', 'host.js'), 'void 0;');
  const pkg = join(root, 'heroes-1988');
  writeFileSync(join(pkg, 'index.html'), '<!doctype html><title>package 1.2</title>');
  writeFileSync(join(pkg, 'app.js'), 'void 0;');
  writeFileSync(join(pkg, 'base.css'), 'html{}');
  writeFileSync(join(pkg, 'imsmanifest.xml'), manifest('1.2'));
  writeFileSync(join(pkg, 'adlcp_rootv1p2.xsd'), '<xs:schema/>');
  writeFileSync(join(pkg, '.hidden'), 'hidden');
  symlinkSync(join(base, 'secret.txt'), join(pkg, 'leak.txt'));
  writeFileSync(
    join(root, 'heroes-1988-scorm2004.zip'),
    zipSync({
      'imsmanifest.xml': strToU8(manifest('2004 4th Edition')),
      'index.html': strToU8('<!doctype html><title>package 2004 from zip</title>'),
      'app.js': [strToU8('void "2004";'), { level: 9 }],
    }),
  );
  return { base, root };
}

function startServe(root: string, port: string): Promise<Running> {
  return new Promise((resolveStart, reject) => {
    const child = spawn(process.execPath, [SERVE, '--root', root], {
      env: { ...process.env, PORT: port },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`serve.mjs printed no URL within 10 s:\n${output}`));
    }, 10_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Press Ctrl\+C/.test(output) && /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (m) {
        clearTimeout(timer);
        resolveStart({ child, port: Number(m[1]), output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve.mjs exited with ${code}:\n${output}`));
    });
  });
}

function stopServe(running: Running | undefined): Promise<void> {
  if (!running || running.child.exitCode !== null) return Promise.resolve();
  return new Promise((done) => {
    running.child.removeAllListeners('exit');
    running.child.once('exit', () => done());
    running.child.kill('SIGTERM');
  });
}

/** A raw request: the path goes on the wire exactly as given (no client-side normalisation). */
function get(port: number, path: string, method = 'GET'): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        done({ status: res.statusCode ?? 0, headers: res.headers, bytes, body: bytes.toString() });
      });
    });
    req.on('error', fail);
    req.end();
  });
}

/** Parses a CSP header into directive → sources. */
function parseCsp(header: unknown): Map<string, string[]> {
  expect(typeof header).toBe('string');
  const directives = new Map<string, string[]>();
  for (const part of String(header).split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

function expectStrictHeaders(reply: Reply) {
  const csp = parseCsp(reply.headers['content-security-policy']);
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('script-src')).toEqual(["'self'"]);
  expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  expect(csp.get('frame-ancestors')).toEqual(["'self'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  // Nothing anywhere may allow eval, wildcard origins or data:/blob: scripts.
  const all = [...csp.values()].flat();
  expect(all).not.toContain("'unsafe-eval'");
  expect(all).not.toContain('*');
  expect(all.filter((s) => /^(data|blob|https?):?$/.test(s))).toEqual([]);
  expect(reply.headers['x-content-type-options']).toBe('nosniff');
}

describe('scripts/serve.mjs (the preview host server)', () => {
  let dist: { base: string; root: string };
  let server: Running | undefined;

  beforeAll(async () => {
    dist = makeDist();
    server = await startServe(dist.root, '0');
  });

  afterAll(async () => {
    await stopServe(server);
    rmSync(dist.base, { recursive: true, force: true });
  });

  it('prints the URLs of the host page and of each package, on 127.0.0.1', () => {
    const origin = `http://127.0.0.1:${server!.port}`;
    expect(server!.output).toContain(`${origin}/preview/`);
    expect(server!.output).toMatch(new RegExp(`heroes-1988, SCORM 1\\.2 \\(unpacked\\): ${origin}/heroes-1988/`));
    expect(server!.output).toMatch(new RegExp(`heroes-1988, SCORM 2004 \\(served from heroes-1988-scorm2004\\.zip\\): ${origin}/heroes-1988-scorm2004/`));
  });

  it('sends the strict CSP and nosniff on every kind of response', async () => {
    const port = server!.port;
    const replies = await Promise.all([
      get(port, '/heroes-1988/index.html'),
      get(port, '/heroes-1988/nothing-here.js'),
      get(port, '/../secret.txt'),
      get(port, '/'),
      get(port, '/heroes-1988'),
      get(port, '/preview/packages.json'),
      get(port, '/heroes-1988-scorm2004/'),
      get(port, '/heroes-1988/index.html', 'POST'),
    ]);
    expect(replies.map((r) => r.status)).toEqual([200, 404, 403, 302, 301, 200, 200, 405]);
    for (const reply of replies) expectStrictHeaders(reply);
  });

  it.each([
    ['/heroes-1988/index.html', 'text/html; charset=utf-8'],
    ['/heroes-1988/app.js', 'text/javascript; charset=utf-8'],
    ['/heroes-1988/base.css', 'text/css; charset=utf-8'],
    ['/heroes-1988/imsmanifest.xml', 'application/xml; charset=utf-8'],
    ['/heroes-1988/adlcp_rootv1p2.xsd', 'application/xml; charset=utf-8'],
    ['/heroes-1988-scorm2004.zip', 'application/zip'],
    ['/preview/packages.json', 'application/json; charset=utf-8'],
    ['/preview/host.js', 'text/javascript; charset=utf-8'],
    ['/heroes-1988-scorm2004/app.js', 'text/javascript; charset=utf-8'],
  ])('serves %s as %s', async (path, type) => {
    const reply = await get(server!.port, path);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe(type);
    expect(Number(reply.headers['content-length'])).toBe(reply.bytes.length);
  });

  it('serves a folder’s index.html at its slash URL and redirects the bare folder name to it', async () => {
    const page = await get(server!.port, '/heroes-1988/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('package 1.2');
    const bare = await get(server!.port, '/heroes-1988');
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toBe('/heroes-1988/');
    const root = await get(server!.port, '/');
    expect(root.headers.location).toBe('/preview/');
  });

  it('answers 404 for missing files, hidden files, and folders without an index', async () => {
    for (const path of ['/missing.html', '/heroes-1988/missing.js', '/heroes-1988/.hidden', '/nothing/', '/heroes-1988-scorm2004/missing.js']) {
      const reply = await get(server!.port, path);
      expect(reply.status, path).toBe(404);
      expect(reply.body).toBe('Not found\n');
    }
  });

  it.each([
    '/../secret.txt',
    '/heroes-1988/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/heroes-1988/%2E%2E/%2e%2e/secret.txt',
    '/heroes-1988/..%2f..%2fsecret.txt',
    '/heroes-1988/..%5c..%5csecret.txt',
    '/heroes-1988-scorm2004/..%2f..%2fsecret.txt',
    '/heroes-1988/leak.txt',
  ])('refuses the traversal %s with 403 and never leaks the file', async (path) => {
    const reply = await get(server!.port, path);
    expect(reply.status).toBe(403);
    expect(reply.body).not.toContain(SECRET);
  });

  it('rejects malformed encodings and NUL bytes with 400', async () => {
    for (const path of ['/heroes-1988/%E0%A4%A', '/heroes-1988/index.html%00.js']) {
      const reply = await get(server!.port, path);
      expect(reply.status, path).toBe(400);
      expectStrictHeaders(reply);
    }
  });

  it('answers the browser’s icon request with an empty 204 rather than a 404', async () => {
    const reply = await get(server!.port, '/favicon.ico');
    expect(reply.status).toBe(204);
    expect(reply.body).toBe('');
    expectStrictHeaders(reply);
  });

  it('answers HEAD with the headers and no body, and other methods with 405', async () => {
    const head = await get(server!.port, '/heroes-1988/app.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe('7');
    expect(head.body).toBe('');
    const put = await get(server!.port, '/heroes-1988/app.js', 'PUT');
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe('GET, HEAD');
  });

  it('serves a package that exists only as a zip from inside the zip, and lists every package', async () => {
    const page = await get(server!.port, '/heroes-1988-scorm2004/');
    expect(page.body).toContain('package 2004 from zip');
    const deflated = await get(server!.port, '/heroes-1988-scorm2004/app.js');
    expect(deflated.body).toBe('void "2004";');
    const list = JSON.parse((await get(server!.port, '/preview/packages.json')).body);
    expect(list.packages).toEqual([
      { lesson: 'heroes-1988', version: '1.2', path: '/heroes-1988/', source: 'folder', file: 'heroes-1988', title: 'Heroes 1988' },
      { lesson: 'heroes-1988', version: '2004', path: '/heroes-1988-scorm2004/', source: 'zip', file: 'heroes-1988-scorm2004.zip', title: 'Heroes 1988' },
    ]);
  });

  it('moves on to the next port when the first one is taken, and says so', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const taken = (blocker.address() as { port: number }).port;
    let second: Running | undefined;
    try {
      second = await startServe(dist.root, String(taken));
      expect(second.port).toBeGreaterThan(taken);
      expect(second.port).toBeLessThan(taken + 20);
      expect(second.output).toContain(`port ${taken} was in use`);
      expect((await get(second.port, '/heroes-1988/')).status).toBe(200);
    } finally {
      await stopServe(second);
      await new Promise((r) => blocker.close(r));
    }
  });

  it('refuses a PORT that is not a port number, with a message saying what is wrong', async () => {
    await expect(startServe(dist.root, '80a')).rejects.toThrow(/PORT must be a number from 0 to 65535, got "80a"/);
  });
});
