/**
 * Bundles the preview host (src/preview/host.ts) into an IIFE for the Chromium test, the way the
 * packager's rollup does for dist/preview/host.js, but transpile-only (type checking is
 * `npm run typecheck`'s job), so the test does not spend its time re-checking the whole project.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { rollup, type Plugin } from 'rollup';
import ts from 'typescript';

const SRC = resolve(__dirname, '../../../src/preview');

function transpileTypeScript(): Plugin {
  return {
    name: 'transpile-typescript',
    resolveId(source, importer) {
      if (importer && source.startsWith('.') && source.endsWith('.js')) {
        return resolve(dirname(importer), source.replace(/\.js$/, '.ts'));
      }
      return null;
    },
    transform(code, id) {
      if (!id.endsWith('.ts')) return null;
      const out = ts.transpileModule(code, {
        fileName: id,
        compilerOptions: { target: ts.ScriptTarget.ES2021, module: ts.ModuleKind.ESNext, experimentalDecorators: true, useDefineForClassFields: false, sourceMap: false },
      });
      return { code: out.outputText, map: null };
    },
  };
}

/** Writes index.html, host.css and host.js of the preview host into `outDir`. */
export async function buildPreviewHost(outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const bundle = await rollup({
    input: join(SRC, 'host.ts'),
    plugins: [transpileTypeScript(), nodeResolve({ browser: true })],
    onwarn: () => {},
  });
  await bundle.write({ file: join(outDir, 'host.js'), format: 'iife' });
  await bundle.close();
  copyFileSync(join(SRC, 'index.html'), join(outDir, 'index.html'));
  copyFileSync(join(SRC, 'host.css'), join(outDir, 'host.css'));
}
