import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The layers of src/ and what each may import. Dependencies point one way: UI and runtime
 * depend on the core and the model, never the reverse. */
const MAY_IMPORT: Record<string, string[]> = {
  model: ['model'],
  core: ['model', 'core'],
  runtime: ['model', 'core', 'runtime'],
  ui: ['ui'],
  components: ['model', 'core', 'ui', 'components'],
  app: ['model', 'core', 'runtime', 'ui', 'components', 'app'],
  packager: ['model', 'core', 'packager'],
  preview: ['preview', 'runtime', 'model'],
};
/** Layers that must run anywhere (Node, browser, a worker): no DOM globals. */
const PURE = ['model', 'core'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const src = join(__dirname, '..', 'src');
const sources = files(src).map((path) => ({
  path,
  layer: relative(src, path).split(/[\\/]/)[0]!,
  text: readFileSync(path, 'utf8'),
}));

describe('architecture', () => {
  it('knows every layer in src/', () => {
    const unknown = [...new Set(sources.map((s) => s.layer))].filter((l) => !(l in MAY_IMPORT));
    expect(unknown).toEqual([]);
  });

  for (const [layer, allowed] of Object.entries(MAY_IMPORT)) {
    it(`${layer} imports only from ${allowed.join(', ')}`, () => {
      const wrong: string[] = [];
      for (const s of sources.filter((f) => f.layer === layer)) {
        for (const m of s.text.matchAll(/from\s+['"](\.{1,2}\/[^'"]+)['"]/g)) {
          const target = relative(src, join(s.path, '..', m[1]!)).split(/[\\/]/)[0]!;
          if (!allowed.includes(target)) wrong.push(`${relative(src, s.path)} → ${m[1]}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }

  it('keeps the model and the core free of the DOM and of SCORM', () => {
    const wrong = sources
      .filter((s) => PURE.includes(s.layer))
      .filter((s) => /\b(document|window|localStorage|HTMLElement)\b[.(]|from ['"](lit|scorm-again)/.test(s.text))
      .map((s) => relative(src, s.path));
    expect(wrong).toEqual([]);
  });
});
