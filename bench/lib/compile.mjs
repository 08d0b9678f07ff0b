/**
 * Compiles a TypeScript entry of the repository to an ES module Node can import, transpile-only
 * (type checking is `npm run typecheck`'s job). The file is written under node_modules/.cache so
 * that its imports of npm packages resolve from the repository's node_modules.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rollup } from 'rollup';
import ts from 'typescript';

/** @returns {import('rollup').Plugin} */
export function transpileTypeScript() {
  return {
    name: 'bench-transpile-typescript',
    resolveId(source, importer) {
      if (importer && source.startsWith('.') && source.endsWith('.js')) return resolve(dirname(importer), source.replace(/\.js$/, '.ts'));
      return null;
    },
    transform(code, id) {
      if (!id.endsWith('.ts')) return null;
      const out = ts.transpileModule(code, {
        fileName: id,
        compilerOptions: { target: ts.ScriptTarget.ES2021, module: ts.ModuleKind.ESNext, experimentalDecorators: true, useDefineForClassFields: false },
      });
      return { code: out.outputText, map: null };
    },
  };
}

/**
 * @param {string} root repository root
 * @param {string} entry path of the .ts entry
 * @returns {Promise<any>} the module's exports
 */
export async function importTypeScript(root, entry) {
  const dir = join(root, 'node_modules', '.cache', 'propaganda-reader');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-${process.pid}-${Date.now().toString(36)}.mjs`);
  const bundle = await rollup({
    input: resolve(root, entry),
    plugins: [transpileTypeScript()],
    external: (id) => builtinModules.includes(id) || id.startsWith('node:') || /^[@a-z]/.test(id),
    onwarn: () => {},
  });
  try {
    await bundle.write({ file, format: 'es' });
  } finally {
    await bundle.close();
  }
  try {
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(file, { force: true });
  }
}
