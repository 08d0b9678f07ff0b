#!/usr/bin/env node
/**
 * npm run build: compile the packager (TypeScript under src/packager, src/model and src/core,
 * shared with the tests) to an ES module with Rollup, then run it. See src/packager/cli.ts for the
 * options and rollup.config.mjs for the bundling. Exit code 1 on any lesson or bundling error;
 * dist/ is then left as it was.
 *
 * Both the compiled packager and the browser bundles are cached under node_modules/.cache, keyed
 * by a hash of everything they are made from (src/, the entry's folder, package-lock.json,
 * tsconfig.json, rollup.config.mjs): an author who only edits a lesson gets the result in seconds.
 * `--no-cache` rebuilds everything.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildPackager, bundleApp, bundleBrowser, cacheDir, root } from '../rollup.config.mjs';

const args = process.argv.slice(2);
const useCache = !args.includes('--no-cache');

function walk(dir, keep = () => true) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path, keep) : keep(path) ? [path] : [];
    });
}

function hashOf(files, ...extra) {
  const hash = createHash('sha256');
  for (const part of extra) hash.update(`${part}\0`);
  for (const file of files) {
    hash.update(`${relative(root, file)}\0`);
    if (existsSync(file)) hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 24);
}

const TOOLING = ['rollup.config.mjs', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'].map((f) => join(root, f));

/** Write `text` to `file` atomically: concurrent builds never read a half-written file. */
function writeAtomically(file, text) {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

/** Keep the newest `keep` files matching `pattern` in `dir`. */
function prune(dir, pattern, keep) {
  const files = readdirSync(dir)
    .filter((n) => pattern.test(n))
    .map((n) => ({ path: join(dir, n), time: statSync(join(dir, n)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const { path } of files.slice(keep)) rmSync(path, { force: true });
}

async function compiledPackager() {
  const sources = [...['model', 'core', 'packager'].flatMap((layer) => walk(join(root, 'src', layer), (p) => p.endsWith('.ts'))), ...TOOLING];
  const file = join(cacheDir, `packager-${hashOf(sources)}.mjs`);
  if (!useCache || !existsSync(file)) {
    mkdirSync(cacheDir, { recursive: true });
    const temp = join(cacheDir, `.packager-${process.pid}-${Date.now().toString(36)}.mjs`);
    try {
      await buildPackager(temp);
      renameSync(temp, file);
    } finally {
      rmSync(temp, { force: true });
    }
  }
  prune(cacheDir, /^packager-[0-9a-f]{24}\.mjs$/, 3);
  return file;
}

/** Everything under src/ can end up in a bundle; an entry outside it (a test fixture) brings its folder. */
let srcHash;
async function cachedBundle(entry, name, options = {}) {
  const minify = options.minify ?? true;
  srcHash ??= hashOf([...walk(join(root, 'src')), ...TOOLING]);
  const outside = relative(join(root, 'src'), entry).startsWith('..') ? walk(dirname(entry)) : [];
  const chunks = options.chunks ?? false;
  const file = join(cacheDir, 'bundle-cache', `${hashOf(outside, srcHash, relative(root, entry), name, minify, chunks)}.js`);
  if (useCache && existsSync(file)) {
    const cached = readFileSync(file, 'utf8');
    return chunks ? JSON.parse(cached) : cached;
  }
  const code = chunks ? await bundleApp(entry, { minify }) : await bundleBrowser(entry, name, { minify });
  writeAtomically(file, chunks ? JSON.stringify(code) : code);
  prune(dirname(file), /^[0-9a-f]{24}\.js$/, 12);
  return code;
}

let packager;
try {
  packager = await import(pathToFileURL(await compiledPackager()).href);
} catch (error) {
  process.stderr.write(`could not compile the packager: ${error.stack ?? error}\n`);
  process.exitCode = 1;
}
if (packager) {
  process.exitCode = await packager.main(args.filter((a) => a !== '--no-cache'), { root, bundle: cachedBundle });
}
