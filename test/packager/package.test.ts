// @vitest-environment node
/**
 * The packages the build writes, checked from the outside: manifests valid against the shipped
 * XSDs, every file listed, the entry page CSP-safe, the teacher's guide outside the zips,
 * reproducible bytes, and an untouched output folder when a build fails. The build runs in-process
 * with a stand-in bundler (test/packager/cli.test.ts runs the real one through `npm run build`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { build, type BuildOptions } from '../../src/packager/build';
import { hashTree, listTree, manifestFiles, unzipTo, validateManifest } from './support';

const root = join(__dirname, '..', '..');
const good = join(root, 'test/fixtures/lessons/good');
const broken = join(root, 'test/fixtures/lessons/broken');
const ID = 'fixture-mini';

let work: string;
const bundle = async (entry: string, name: string) => `/* ${name} */(function(){"use strict";window.${name}={entry:${JSON.stringify(entry.split('/').pop())}};})();\n`;
const options = (out: string, lessonsDir = good): BuildOptions => ({
  root,
  lessonsDir,
  outDir: out,
  appEntry: join(root, 'test/fixtures/entries/app.ts'),
  localLmsEntries: { '1.2': join(root, 'test/fixtures/entries/local-lms.ts'), '2004': join(root, 'test/fixtures/entries/local-lms.ts') },
  previewDir: join(root, 'test/fixtures/entries/preview'),
  bundle,
});

let dist: string;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pr-package-'));
  dist = join(work, 'dist');
  const result = await build(options(dist));
  expect(result.issues).toEqual([]);
  expect(result.ok).toBe(true);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const read = (path: string) => readFileSync(join(dist, path), 'utf8');

describe('the output folder', () => {
  it('holds the unpacked 1.2 package, both zips, the teacher\u2019s guide and the preview', () => {
    expect(readdirSync(dist).sort()).toEqual([ID, `${ID}-scorm12.zip`, `${ID}-scorm2004.zip`, `${ID}-teacher-guide.html`, 'preview']);
    expect(readdirSync(join(dist, 'preview')).sort()).toEqual(['host.js', 'index.html', 'preview.css']);
  });

  it('unpacked package is exactly the SCORM 1.2 zip', () => {
    const files = unzipTo(join(dist, `${ID}-scorm12.zip`), join(work, 'check12'));
    const unpacked = listTree(join(dist, ID)).map((f) => f.slice(join(dist, ID).length + 1));
    expect(unpacked).toEqual([...files.keys()].sort());
    for (const [name, data] of files) expect(Buffer.from(data).equals(readFileSync(join(dist, ID, name)))).toBe(true);
  });
});

describe.each([
  ['1.2', `${ID}-scorm12.zip`],
  ['2004', `${ID}-scorm2004.zip`],
] as const)('the SCORM %s zip', (version, zip) => {
  let dir: string;
  let files: Map<string, Uint8Array>;
  let manifest: string;
  beforeAll(() => {
    dir = join(work, `unzipped-${version}`);
    files = unzipTo(join(dist, zip), dir);
    manifest = readFileSync(join(dir, 'imsmanifest.xml'), 'utf8');
  });

  it('has a manifest that validates against the XSDs shipped in it (xmllint)', () => {
    const result = validateManifest(dir, version);
    expect(result.output).toMatch(/imsmanifest\.xml validates/);
    expect(result.ok).toBe(true);
  });

  it('lists every file it contains, and contains every file it lists', () => {
    const inZip = [...files.keys()].filter((f) => f !== 'imsmanifest.xml').sort();
    expect(manifestFiles(manifest)).toEqual(inZip);
    const locations = [...manifest.matchAll(/xsi:schemaLocation="([^"]+)"/g)][0]![1]!.split(/\s+/).filter((_, i) => i % 2 === 1);
    for (const xsd of locations) expect(files.has(xsd)).toBe(true);
  });

  it('declares one SCO, the default organization and an item pointing at it', () => {
    expect(manifest.match(/<schemaversion>([^<]*)<\/schemaversion>/)![1]).toBe(version === '1.2' ? '1.2' : '2004 4th Edition');
    const scoType = version === '1.2' ? 'adlcp:scormtype="sco"' : 'adlcp:scormType="sco"';
    expect(manifest.split(scoType).length - 1).toBe(1);
    const sco = manifest.match(new RegExp(`<resource identifier="([^"]+)" type="webcontent" ${scoType} href="index.html">`))!;
    const org = manifest.match(/<organizations default="([^"]+)">/)![1];
    expect(manifest).toContain(`<organization identifier="${org}">`);
    const refs = [...manifest.matchAll(/identifierref="([^"]+)"/g)].map((m) => m[1]);
    expect(refs).toEqual([sco[1]]);
  });

  it('carries the passing score the way the version reads it', () => {
    if (version === '1.2') expect(manifest).toContain('<adlcp:masteryscore>70</adlcp:masteryscore>');
    else {
      expect(manifest).toContain('<imsss:primaryObjective satisfiedByMeasure="true">');
      expect(manifest).toContain('<imsss:minNormalizedMeasure>0.7000</imsss:minNormalizedMeasure>');
      expect(manifest).not.toContain('completionThreshold');
    }
  });

  it('escapes the lesson\u2019s title and description in XML', () => {
    expect(manifest).toContain('<title>Fixture: a short lesson &amp; its &lt;tests&gt;</title>');
    expect(manifest).toContain('A two-segment lesson that exercises every part of the lesson format.');
  });

  it('has an entry page with only classic external scripts: lesson.js, then app.js', () => {
    const html = new TextDecoder().decode(files.get('index.html'));
    expect(html.startsWith(`<!doctype html>\n<html lang="en" data-scorm-version="${version}">`)).toBe(true);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((s) => s[1]!.match(/src="([^"]+)"/)?.[1])).toEqual(['lesson.js', 'app.js']);
    for (const [, attributes, body] of scripts) {
      expect(body).toBe('');
      expect(attributes).not.toMatch(/type=|module/);
    }
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=|javascript:/i);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<title>Fixture: a short lesson &amp; its &lt;tests&gt;</title>');
    expect(html).toMatch(/<body>\n<pr-reader><\/pr-reader>\n<noscript>/);
  });

  it('has lesson.js define the student lesson, without teacher material', () => {
    const script = new TextDecoder().decode(files.get('lesson.js'));
    const window: Record<string, any> = {}; // eslint-disable-line @typescript-eslint/no-explicit-any
    runInNewContext(script, { window });
    const lesson = window.PropagandaReaderLesson;
    expect(lesson.id).toBe(ID);
    expect(lesson.teacher).toBeUndefined();
    expect(script).not.toContain('modelAnswer');
    expect(script).not.toContain('A slogan is easy to remember');
  });

  it('does not contain the teacher\u2019s guide or any source map', () => {
    expect([...files.keys()].filter((f) => /teacher|\.map$/.test(f))).toEqual([]);
    for (const [name, data] of files) {
      if (name.endsWith('.js')) expect(new TextDecoder().decode(data)).not.toContain('sourceMappingURL');
    }
  });
});

describe('the teacher\u2019s guide', () => {
  const guide = () => read(`${ID}-teacher-guide.html`);

  it('is a self-contained page without scripts', () => {
    expect(guide()).toMatch(/^<!doctype html>/);
    expect(guide()).not.toMatch(/<script|<link|src="http/i);
  });

  it('holds the answer key, every option\u2019s feedback, rubrics and model answers', () => {
    const g = guide();
    expect(g).toContain('<strong>Answer key:</strong> a, b');
    expect(g).toContain('&quot;mounting as never before&quot; inflates a trend.');
    expect(g).toContain('<p>The talk closes on a <em>slogan</em> and repeats it.</p>');
    expect(g).toContain('<li>Quotes the slogan</li>');
    expect(g).toContain('Why does a talk to officials end with a <em>slogan</em>?');
  });

  it('explains the Moodle setup and the score', () => {
    const g = guide();
    expect(g).toContain(`Upload <code>${ID}-scorm12.zip</code> (SCORM 1.2)`);
    expect(g).toContain('interactions report reads only SCORM 1.2 interaction data');
    expect(g).toContain('Grading method: <em>Highest grade</em>. Maximum grade: <em>100</em>');
    expect(g).toContain('Mastery score overrides status');
    expect(g).toContain('F1 ≥');
  });
});

describe('reproducibility and failure', () => {
  it('gives byte-identical zips for the same input', async () => {
    const again = join(work, 'again');
    expect((await build(options(again))).ok).toBe(true);
    for (const zip of [`${ID}-scorm12.zip`, `${ID}-scorm2004.zip`]) {
      expect(readFileSync(join(again, zip)).equals(readFileSync(join(dist, zip)))).toBe(true);
    }
    expect(hashTree(again)).toBe(hashTree(dist));
  });

  it('leaves the output folder byte-for-byte as it was when a build fails', async () => {
    const before = hashTree(dist);
    const result = await build(options(dist, broken));
    expect(result.ok).toBe(false);
    expect(result.issues.filter((i) => i.severity === 'error').length).toBeGreaterThan(20);
    expect(hashTree(dist)).toBe(before);
    expect(readdirSync(work).filter((n) => n.startsWith('.dist-'))).toEqual([]);
  });

  it('fails, writing nothing, when a bundle fails', async () => {
    const out = join(work, 'never');
    const result = await build({ ...options(out), bundle: async () => Promise.reject(new Error('Unexpected token (3:4)')) });
    expect(result.ok).toBe(false);
    expect(result.issues[0]!.message).toBe('bundling failed: Unexpected token (3:4)');
    expect(existsSync(out)).toBe(false);
  });

  it('builds a single lesson folder, keeping the rest of the output; a full build starts clean', async () => {
    const out = join(work, 'single');
    expect((await build(options(out))).ok).toBe(true);
    const other = join(out, 'other-lesson-scorm12.zip');
    writeFileSync(other, 'another lesson');
    const before = hashTree(out);
    const result = await build({ ...options(out), lessons: [join(good, ID)] });
    expect(result.lessons).toEqual([ID]);
    expect(hashTree(out)).toBe(before);
    expect((await build(options(out))).ok).toBe(true);
    expect(existsSync(other)).toBe(false);
  });
});

describe('the local LMS of each version, and building one version alone', () => {
  const entries = { '1.2': join(root, 'test/fixtures/entries/local-lms.ts'), '2004': join(root, 'test/fixtures/entries/local-lms-2004.ts') };
  const localLms = (zip: string, dir: string) => new TextDecoder().decode(unzipTo(zip, dir).get('local-lms.js'));

  it('writes each version\u2019s own local LMS bundle as local-lms.js into that version\u2019s package', async () => {
    const out = join(work, 'per-version');
    expect((await build({ ...options(out), localLmsEntries: entries })).ok).toBe(true);
    expect(localLms(join(out, `${ID}-scorm12.zip`), join(work, 'per-version-12'))).toContain('"local-lms.ts"');
    expect(localLms(join(out, `${ID}-scorm2004.zip`), join(work, 'per-version-2004'))).toContain('"local-lms-2004.ts"');
    expect(readFileSync(join(out, ID, 'local-lms.js'), 'utf8')).toContain('"local-lms.ts"');
  });

  it('bundles an entry that serves both versions once', async () => {
    const bundled: string[] = [];
    const counting: BuildOptions['bundle'] = async (entry, name) => {
      bundled.push(entry.split('/').pop()!);
      return bundle(entry, name);
    };
    expect((await build({ ...options(join(work, 'shared-entry')), bundle: counting, previewDir: null })).ok).toBe(true);
    expect(bundled.sort()).toEqual(['app.ts', 'local-lms.ts']);
  });

  it('with 2004 alone, writes the 2004 package (unpacked and zipped) and a guide naming only it', async () => {
    const out = join(work, 'only-2004');
    const result = await build({ ...options(out), localLmsEntries: entries, versions: ['2004'], previewDir: null });
    expect(result.ok).toBe(true);
    expect(readdirSync(out).sort()).toEqual([ID, `${ID}-scorm2004.zip`, `${ID}-teacher-guide.html`]);
    expect(readFileSync(join(out, ID, 'index.html'), 'utf8')).toContain('data-scorm-version="2004"');
    expect(readFileSync(join(out, ID, 'local-lms.js'), 'utf8')).toContain('"local-lms-2004.ts"');
    const guide = readFileSync(join(out, `${ID}-teacher-guide.html`), 'utf8');
    expect(guide).toContain(`Upload <code>${ID}-scorm2004.zip</code> (SCORM 2004)`);
    expect(guide).not.toContain('scorm12.zip');
  });
});

describe('lesson.js', () => {
  it('hands the lesson to JSON.parse as a string literal that survives any text', async () => {
    const { lessonScript } = await import('../../src/packager/page');
    const tricky = "it's \\ \"quoted\" \u2028 \u2029 </script> </SCRIPT <!-- \n \r \t \u0000 \ud83d\ude00 \udc00 ’";
    const lesson = { id: 'x', segments: [], questions: [], devices: [], note: tricky } as unknown as Parameters<typeof lessonScript>[0];
    const script = lessonScript(lesson);
    expect(script.startsWith("window.PropagandaReaderLesson = JSON.parse('")).toBe(true);
    expect(script).not.toMatch(/<\/script|<!--|[\u2028\u2029\n\r](?!$)/i);
    const window: Record<string, unknown> = {};
    runInNewContext(script, { window });
    expect(window.PropagandaReaderLesson).toEqual(JSON.parse(JSON.stringify(lesson)));
  });
});
