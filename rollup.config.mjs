/**
 * Rollup configuration, used two ways:
 *  - by scripts/build.mjs, through the exported functions: `buildPackager` compiles the Node-side
 *    packager (src/packager/cli.ts, sharing src/model with the tests) to a temporary .mjs that plain
 *    `node` can run, and `bundleBrowser` bundles a browser entry to a minified classic-script IIFE
 *    (in memory, no source map) that the packager writes into every package;
 *  - by `npx rollup -c`, for looking at the browser bundles on their own (written to
 *    node_modules/.cache/propaganda-reader/bundles/).
 *
 * TypeScript is transpiled file by file (see `typescriptTranspile`); type errors are
 * `npm run typecheck`'s job, syntax errors stop the build.
 */
import { builtinModules } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import ts from 'typescript';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

export const root = dirname(fileURLToPath(import.meta.url));
export const cacheDir = join(root, 'node_modules', '.cache', 'propaganda-reader');

/** Compiler options from tsconfig.json, made fit for emitting one file at a time. */
function compilerOptions() {
  const config = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  const { options, errors } = ts.convertCompilerOptionsFromJson(config.config.compilerOptions ?? {}, root);
  if (errors.length) throw new Error(ts.flattenDiagnosticMessageText(errors[0].messageText, '\n'));
  return {
    ...options,
    noEmit: false,
    module: ts.ModuleKind.ESNext,
    sourceMap: false,
    inlineSourceMap: false,
    declaration: false,
    // Decorator and class helpers come from tslib once, not inlined per file.
    importHelpers: true,
  };
}

/**
 * TypeScript → JavaScript, one file at a time (ts.transpileModule; tsconfig has isolatedModules,
 * so per-file emit means the same as whole-program emit). No type checking here: that is
 * `npm run typecheck`. @rollup/plugin-typescript builds a whole program with the DOM and library
 * typings for every bundle, which made each bundle about five times slower on the 2-core machine.
 * Imports are written with `.js` (ESM style) and resolved to the `.ts` file beside them.
 */
function typescriptTranspile() {
  const options = compilerOptions();
  return {
    name: 'typescript-transpile',
    resolveId(source, importer) {
      if (!importer || !/\.[cm]?ts$/.test(importer) || !source.startsWith('.')) return null;
      const base = resolve(dirname(importer), source);
      for (const candidate of [base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')]) {
        if (candidate.endsWith('.ts') && existsSync(candidate)) return candidate;
      }
      return null;
    },
    transform(code, id) {
      if (!/\.[cm]?ts$/.test(id) || id.endsWith('.d.ts')) return null;
      const out = ts.transpileModule(code, { fileName: id, compilerOptions: options, reportDiagnostics: true });
      for (const d of out.diagnostics ?? []) {
        if (d.category === ts.DiagnosticCategory.Error) this.error(`${relative(root, id)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
      }
      return { code: out.outputText, map: null };
    },
  };
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
    plugins: [nodeResolve({ browser: true }), typescriptTranspile(), ...(minify ? [terser({ format: { comments: false } })] : [])],
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
 * Compile the packager (Node side) to an ES module file and return its path. Runtime
 * dependencies stay external: they are resolved from node_modules when the file runs.
 * @param {string} file where to write the .mjs
 */
export async function buildPackager(file) {
  const entry = join(root, 'src', 'packager', 'cli.ts');
  const bundle = await rollup({
    input: entry,
    plugins: [typescriptTranspile()],
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
