/**
 * One place knows the versions: src/runtime/vocabulary. Everywhere else in the runtime, nothing
 * compares a version, names a version's elements, or spells a version's vocabulary.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';

const runtime = join(__dirname, '..', '..', 'src', 'runtime');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });

it('keeps version knowledge in src/runtime/vocabulary', () => {
  const outside = files(runtime).filter((path) => !relative(runtime, path).startsWith('vocabulary'));
  const offending = outside.flatMap((path) => {
    const code = readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const hits = [
      ...code.matchAll(/version\s*[!=]==|[!=]==\s*['"](1\.2|2004)['"]|['"]cmi\.[a-z_.]+['"]|LMS(Initialize|SetValue|Commit|Finish)|['"](incorrect|lesson_status|completion_status)['"]/g),
    ];
    return hits.map((m) => `${relative(runtime, path)}: ${m[0]}`);
  });
  expect(offending).toEqual([]);
  expect(outside.length).toBeGreaterThan(8);
});
