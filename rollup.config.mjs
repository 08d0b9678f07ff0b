/**
 * Rollup configuration, used two ways:
 *  - by scripts/build.mjs, through the exported functions: `buildPackager` compiles the Node-side
 *    packager (src/packager/cli.ts, sharing src/model with the tests) to a temporary .mjs that plain
 *    `node` can run, and `bundleBrowser` bundles a browser entry to a minified classic-script IIFE
 *    (in memory, no source map) that the packager writes into every package;
 *  - by `npx rollup -c`, for looking at the browser bundles on their own (written to
 *    node_modules/.cache/propaganda-reader/bundles/).
 *
 * TypeScript goes through @rollup/plugin-typescript, so a type error in src/ stops the build. It
 * builds the whole program for every bundle (about 25 s for all bundles on the 2-core machine,
 * against 11 s for per-file transpiling); scripts/build.mjs caches each bundle by a hash of its
 * sources, so only the first build after a change pays for it.
 */
import { builtinModules } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

export const root = dirname(fileURLToPath(import.meta.url));
export const cacheDir = join(root, 'node_modules', '.cache', 'propaganda-reader');

/**
 * @rollup/plugin-typescript, the plugin the project's stack names. It type-checks the program it
 * bundles, so a type error in src/ fails the build with file and line, as a lesson error does.
 * It compiles whatever entry it is given (the test fixtures bring their own).
 */
function typescriptPlugin() {
  return typescript({
    tsconfig: join(root, 'tsconfig.build.json'),
    compilerOptions: { noEmit: false, sourceMap: false, declaration: false, importHelpers: true, types: ['node'] },
    noEmitOnError: true,
  });
}

/** Warnings worth an author's attention; circular imports inside node_modules are not. */
function onwarn(warning, warn) {
  if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.message)) return;
  warn(warning);
}

/**
 * Rollup input options for a browser entry.
 * @param {string} entry absolute path of a .ts entry
 */
export function browserInput(entry, { minify = true } = {}) {
  return {
    input: entry,
    // 'production' always: left to itself, node-resolve picks packages' 'development' builds when
    // NODE_ENV is set to anything else, and Vitest sets it to 'test'. The e2e tests' builds then
    // shipped Lit in dev mode (14 KB more, a console warning), and through the bundle cache, whose
    // key does not hold the environment, so could a later `npm run build`.
    plugins: [nodeResolve({ browser: true, exportConditions: ['production'] }), typescriptPlugin(), ...(minify ? [terser({ format: { comments: false } })] : [])],
    onwarn,
  };
}

/**
 * Bundle a browser entry to an IIFE (classic script, no source map), minified with terser unless
 * `minify` is false, and return its code.
 * @param {string} entry absolute path of a .ts entry
 * @param {string} name global the IIFE's exports are assigned to (when it has any)
 * @param {{ minify?: boolean }} [options]
 */
export async function bundleBrowser(entry, name, { minify = true } = {}) {
  const bundle = await rollup(browserInput(entry, { minify }));
  try {
    const { output } = await bundle.generate({ format: 'iife', name, sourcemap: false, inlineDynamicImports: true });
    return output[0].code;
  } finally {
    await bundle.close();
  }
}

/**
 * Bundle the app: its entry and the chunks it loads when first needed, as AMD modules (define
 * renamed to `__prDefine`) that src/app/chunk-loader.ts loads with classic <script> elements, so
 * the package still runs from file:// and under a strict CSP. The loader leads app.js. Returns
 * { 'app.js': code, 'app-<chunk>.js': code, … }; chunk names come from the modules the app
 * imports lazily (src/app/lazy/), so they stay the same from build to build.
 * @param {string} entry absolute path of the app's .ts entry
 * @param {{ minify?: boolean }} [options]
 */
export async function bundleApp(entry, { minify = true } = {}) {
  const loader = await bundleBrowser(join(root, 'src', 'app', 'chunk-loader.ts'), 'PropagandaReaderChunkLoader', { minify });
  const bundle = await rollup({ ...browserInput(entry, { minify }), preserveEntrySignatures: false });
  try {
    const { output } = await bundle.generate({
      format: 'amd',
      amd: { define: '__prDefine', autoId: true, basePath: '' },
      entryFileNames: 'app.js',
      chunkFileNames: 'app-[name].js',
      sourcemap: false,
    });
    const files = {};
    for (const chunk of output) {
      if (chunk.type !== 'chunk') continue;
      if (chunk.isEntry && chunk.imports.length > 0) {
        throw new Error(`app.js must start on its own, but it imports ${chunk.imports.join(', ')} (app.js may import the other chunks only dynamically: src/app/lazy/)`);
      }
      files[chunk.fileName] = chunk.isEntry ? `${loader.trimEnd()}\n${chunk.code}` : chunk.code;
    }
    return files;
  } finally {
    await bundle.close();
  }
}

/**
 * Compile the packager (Node side) to an ES module file and return its path. Runtime
 * dependencies stay external: they are resolved from node_modules when the file runs.
 * @param {string} file where to write the .mjs
 */
export async function buildPackager(file) {
  const entry = join(root, 'src', 'packager', 'cli.ts');
  const bundle = await rollup({
    input: entry,
    plugins: [typescriptPlugin()],
    external: (id) => builtinModules.includes(id) || id.startsWith('node:') || /^[@a-z]/.test(id),
    onwarn,
  });
  try {
    await bundle.write({ file, format: 'es', sourcemap: false });
    return file;
  } finally {
    await bundle.close();
  }
}

/** `npx rollup -c`: the browser bundles on their own. */
const entries = [
  ['src/app/main.ts', 'app.js', 'PropagandaReaderApp'],
  ['src/runtime/local-lms-scorm12.ts', 'local-lms-scorm12.js', 'PropagandaReaderLocalLms'],
  ['src/runtime/local-lms-scorm2004.ts', 'local-lms-scorm2004.js', 'PropagandaReaderLocalLms'],
  ['src/preview/host.ts', 'preview/host.js', 'PropagandaReaderPreview'],
].filter(([entry]) => existsSync(join(root, entry)));

export default entries.map(([entry, file, name]) => ({
  ...browserInput(join(root, entry)),
  output: { file: join(cacheDir, 'bundles', file), format: 'iife', name, sourcemap: false, inlineDynamicImports: true },
}));
