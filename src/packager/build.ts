/**
 * The build: every lesson folder is loaded, validated and compiled; the browser scripts are bundled
 * once and shared by every lesson; everything is written to a temporary folder next to the output
 * folder and swapped in only when all of it succeeded. On any error the output folder is left
 * exactly as it was and every issue is returned, so an author sees all problems in one run.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Lesson } from '../model/lesson.js';
import type { Issue } from '../model/issues.js';
import { hasErrors } from '../model/issues.js';
import { studentCopy } from '../model/student-copy.js';
import { validate } from '../model/validate.js';
import { compile } from './compile.js';
import { displayPath, lessonFolders, loadLesson, withLines } from './load.js';
import { manifestFor, scorm12Manifest, type PackageFiles, type ScormVersion } from './manifest.js';
import { indexHtml, lessonScript, pageScript } from './page.js';
import { pageScriptPath, splitLesson } from './split.js';
import { teacherGuide } from './teacher-guide.js';
import { reproducibleZip } from './zip.js';
import { reflectionBudget, suspendDataIssue } from './budget.js';

/** Bundles a TypeScript entry into one classic-script IIFE, minified unless `minify` is false
 * (injected: Rollup lives outside src/, see rollup.config.mjs). With `chunks`, the app's way:
 * app.js plus the chunks it loads when first needed, as { fileName: code } (a single string
 * stands for app.js alone). */
export type Bundler = (
  entry: string,
  globalName: string,
  options?: { minify?: boolean; chunks?: boolean },
) => Promise<string | Record<string, string>>;

/** The app's files (rollup.config.mjs `bundleApp`): app.js and the chunks it loads lazily. The
 * build checks the default app entry gives exactly these, so manifests can name them before
 * anything is bundled (the top-level imsmanifest.xml). */
export const DEFAULT_APP_FILES = ['app.js', 'app-main.js', 'app-questions.js', 'app-reader.js', 'app-results.js'] as const;

export interface BuildOptions {
  /** Repository root: schemas, base.css and the top-level imsmanifest.xml are found from it. */
  root: string;
  /** Folder holding lesson folders (default `<root>/lessons`). */
  lessonsDir: string;
  /** Build only these lesson folders (default: every folder in `lessonsDir`). */
  lessons?: string[];
  /** Output folder (default `<root>/dist`). */
  outDir: string;
  appEntry: string;
  /** The local LMS bundle entry of each version's package (the same file for both is fine: it
   * is bundled once). */
  localLmsEntries: Readonly<Record<ScormVersion, string>>;
  /** The SCORM versions to package (default both). With 2004 alone, the lesson's saved state
   * needs to fit 2004's 64000 characters only, and `<id>/` holds the 2004 package. */
  versions?: readonly ScormVersion[];
  /** Preview host sources (host.ts + static files); null or a missing folder skips the preview. */
  previewDir: string | null;
  bundle: Bundler;
  /** The lesson whose SCORM 1.2 manifest is mirrored at `<root>/imsmanifest.xml`. */
  defaultLesson?: string;
}

export interface BuildResult {
  ok: boolean;
  issues: Issue[];
  /** Lesson ids written. */
  lessons: string[];
  /** Files written into the output folder, relative to it. */
  outputs: string[];
  /** Whether `<root>/imsmanifest.xml` was rewritten. */
  rootManifestUpdated: boolean;
  /** Seconds spent reading lessons, bundling scripts and writing packages. */
  timings: { lessons: number; bundles: number; packages: number };
}

export const DEFAULT_LESSON = 'heroes-1988';

export const ALL_VERSIONS: readonly ScormVersion[] = ['1.2', '2004'];

/** The default local LMS entries: each carries only its own version of scorm-again. */
export function defaultLocalLmsEntries(root: string): Record<ScormVersion, string> {
  return { '1.2': join(root, 'src/runtime/local-lms-scorm12.ts'), '2004': join(root, 'src/runtime/local-lms-scorm2004.ts') };
}

/** The files the SCO needs, in every package. */
export const CONTENT_FILES = ['base.css', 'index.html', 'lesson.js', 'local-lms.js'] as const;

const SCHEMA_DIRS: Record<ScormVersion, string> = { '1.2': 'scorm12', '2004': 'scorm2004-4th' };

export function schemaDir(root: string, version: ScormVersion): string {
  return join(root, 'src', 'packager', 'schemas', SCHEMA_DIRS[version]);
}

export function schemaFiles(root: string, version: ScormVersion): string[] {
  return readdirSync(schemaDir(root, version)).sort();
}

/** Every file a package of `lesson` holds: the fixed ones, one content script per page, schemas. */
export function packageFileList(root: string, version: ScormVersion, lesson: Lesson, appFiles: readonly string[] = DEFAULT_APP_FILES): PackageFiles {
  const pages = splitLesson(studentCopy(lesson)).pages.map((p) => pageScriptPath(p.page));
  return { content: [...CONTENT_FILES, ...appFiles, ...pages].sort(), schemas: schemaFiles(root, version) };
}

/** Load, validate and compile one lesson folder; issues carry line numbers. The saved state must
 * fit the suspend data of every version in `versions`. */
export function prepareLesson(dir: string, root: string, versions: readonly ScormVersion[] = ALL_VERSIONS): { lesson?: Lesson; issues: Issue[] } {
  const loaded = loadLesson(dir, root);
  if (hasErrors(loaded.issues)) return { issues: loaded.issues };
  const issues = withLines([...loaded.issues, ...validate(loaded.raw, { reflectionBudget })], loaded.yaml);
  if (hasErrors(issues)) return { issues };
  const compiled = compile(loaded.raw);
  const all = [...issues, ...withLines(compiled.issues, loaded.yaml)];
  const room = suspendDataIssue(studentCopy(compiled.lesson), loaded.raw.lesson!.file, versions);
  if (room) all.push(room);
  return hasErrors(all) ? { issues: all } : { lesson: compiled.lesson, issues: all };
}

/** The top-level imsmanifest.xml: the SCORM 1.2 manifest of the default lesson. */
export function rootManifest(lesson: Lesson, root: string): string {
  return scorm12Manifest(lesson, packageFileList(root, '1.2', lesson));
}

interface Bundles {
  app: Record<string, string>;
  localLms: Partial<Record<ScormVersion, string>>;
  preview?: { host: string; files: Map<string, Uint8Array> };
}

async function bundleAll(opts: BuildOptions, versions: readonly ScormVersion[], issues: Issue[]): Promise<Bundles | undefined> {
  const show = (p: string) => displayPath(opts.root, p);
  // One bundle per distinct local LMS entry (a single entry may serve both versions).
  const localEntries = [...new Set(versions.map((v) => resolve(opts.localLmsEntries[v])))];
  const entries: [string, string][] = [
    [opts.appEntry, 'the app entry (src/app/main.ts)'],
    ...localEntries.map((entry): [string, string] => [entry, 'the local LMS entry (src/runtime/local-lms-scorm12.ts, local-lms-scorm2004.ts)']),
  ];
  for (const [entry, what] of entries) {
    if (!existsSync(entry)) {
      issues.push({ severity: 'error', file: show(entry), path: [], message: 'file missing', fix: `${what} must exist before the lesson can be packaged` });
    }
  }
  if (hasErrors(issues)) return undefined;
  const out: Partial<Bundles> = {};
  const run = async (entry: string, name: string, minify = true, chunks = false): Promise<string | Record<string, string> | undefined> => {
    try {
      return await opts.bundle(entry, name, { minify, chunks });
    } catch (e) {
      const err = e as Error & { loc?: { file?: string; line?: number }; id?: string };
      issues.push({
        severity: 'error',
        file: show(err.loc?.file ?? err.id ?? entry),
        path: [],
        ...(err.loc?.line !== undefined ? { line: err.loc.line } : {}),
        message: `bundling failed: ${err.message.split('\n')[0]}`,
        fix: 'fix the script error (run `npm run typecheck` for details)',
      });
      return undefined;
    }
  };
  // Concurrently: terser minifies in a worker thread, so one bundle's minifying overlaps the next
  // one's bundling.
  const previewDir = opts.previewDir !== null && existsSync(opts.previewDir) ? opts.previewDir : undefined;
  const hostEntry = previewDir !== undefined ? join(previewDir, 'host.ts') : undefined;
  if (hostEntry !== undefined && !existsSync(hostEntry)) {
    issues.push({ severity: 'error', file: show(hostEntry), path: [], message: 'file missing', fix: 'the preview folder needs host.ts (or remove the folder)' });
  }
  const [app, host, ...locals] = await Promise.all([
    run(opts.appEntry, 'PropagandaReaderApp', true, true),
    // The preview is a local development page: readable beats small, and minifying its copy of
    // scorm-again would add a third of the build time.
    hostEntry !== undefined && existsSync(hostEntry) ? run(hostEntry, 'PropagandaReaderPreview', false) : undefined,
    ...localEntries.map((entry) => run(entry, 'PropagandaReaderLocalLms')),
  ]);
  if (app !== undefined) {
    out.app = typeof app === 'string' ? { 'app.js': app } : app;
    const names = Object.keys(out.app).sort();
    const expected = [...DEFAULT_APP_FILES].sort();
    if (resolve(opts.appEntry) === resolve(opts.root, 'src/app/main.ts') && names.join() !== expected.join()) {
      issues.push({
        severity: 'error',
        file: show(opts.appEntry),
        path: [],
        message: `the app bundled into ${names.join(', ')}, not ${expected.join(', ')}`,
        fix: 'keep lazy imports to src/app/lazy/*.ts (one chunk each), or update DEFAULT_APP_FILES in src/packager/build.ts',
      });
    }
  }
  out.localLms = {};
  for (const version of versions) {
    const code = locals[localEntries.indexOf(resolve(opts.localLmsEntries[version]))];
    if (typeof code === 'object') throw new Error('the local LMS bundles to one file');
    if (code !== undefined) out.localLms[version] = code;
  }
  if (previewDir !== undefined && host !== undefined) {
    const files = new Map<string, Uint8Array>();
    for (const file of walk(previewDir)) {
      if (!file.endsWith('.ts')) files.set(relative(previewDir, file).split(/[\\/]/).join('/'), readFileSync(file));
    }
    out.preview = { host: typeof host === 'string' ? host : Object.values(host).join('\n'), files };
  }
  return hasErrors(issues) ? undefined : (out as Bundles);
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
}

const encoder = new TextEncoder();
const bytes = (text: string) => encoder.encode(text);

/** Every file of one SCORM package, manifest and schemas included. `scripts.localLms` is the
 * local LMS bundle of `version`. */
export function packageContents(
  lesson: Lesson,
  version: ScormVersion,
  root: string,
  scripts: { app: Readonly<Record<string, string>>; localLms: string },
): Map<string, Uint8Array> {
  const student = studentCopy(lesson);
  const list = packageFileList(root, version, lesson, Object.keys(scripts.app).sort());
  const { outline, pages } = splitLesson(student);
  const files = new Map<string, Uint8Array>([
    ['index.html', bytes(indexHtml(student, version))],
    ['lesson.js', bytes(lessonScript(outline))],
    ...pages.map((p): [string, Uint8Array] => [pageScriptPath(p.page), bytes(pageScript(p))]),
    ...Object.entries(scripts.app).map(([name, code]): [string, Uint8Array] => [name, bytes(code)]),
    ['local-lms.js', bytes(scripts.localLms)],
    ['base.css', readFileSync(join(root, 'src', 'packager', 'assets', 'base.css'))],
    ['imsmanifest.xml', bytes(manifestFor(version, student, list))],
  ]);
  for (const schema of list.schemas) files.set(schema, readFileSync(join(schemaDir(root, version), schema)));
  return files;
}

function writeTree(dir: string, files: ReadonlyMap<string, Uint8Array>): void {
  for (const [name, data] of files) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
  }
}

export async function build(opts: BuildOptions): Promise<BuildResult> {
  const issues: Issue[] = [];
  const timings = { lessons: 0, bundles: 0, packages: 0 };
  let clock = performance.now();
  const lap = (phase: keyof typeof timings) => {
    const now = performance.now();
    timings[phase] = Math.round(now - clock) / 1000;
    clock = now;
  };
  const fail = (): BuildResult => ({ ok: false, issues, lessons: [], outputs: [], rootManifestUpdated: false, timings });
  const versions = ALL_VERSIONS.filter((v) => (opts.versions ?? ALL_VERSIONS).includes(v));
  const folders = (opts.lessons ?? lessonFolders(opts.lessonsDir)).map((f) => resolve(f));
  if (folders.length === 0) {
    issues.push({
      severity: 'error',
      file: displayPath(opts.root, opts.lessonsDir),
      path: [],
      message: 'no lesson folders found',
      fix: 'add a lesson folder (see docs/lesson-format.md) or pass one as an argument',
    });
  }
  const lessons: { dir: string; lesson: Lesson }[] = [];
  for (const dir of folders) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      issues.push({ severity: 'error', file: displayPath(opts.root, dir), path: [], message: 'not a folder', fix: 'pass the path of a lesson folder such as lessons/heroes-1988' });
      continue;
    }
    const prepared = prepareLesson(dir, opts.root, versions);
    issues.push(...prepared.issues);
    if (prepared.lesson) {
      const clash = lessons.find((l) => l.lesson.id === prepared.lesson!.id);
      if (clash) {
        issues.push({ severity: 'error', file: displayPath(opts.root, dir), path: [], message: `lesson id \`${clash.lesson.id}\` is also built from ${displayPath(opts.root, clash.dir)}`, fix: 'build lessons with different ids' });
      } else lessons.push({ dir, lesson: prepared.lesson });
    }
  }
  lap('lessons');
  // Bundle even when lessons failed, so one run shows script errors too.
  const bundles = await bundleAll(opts, versions, issues);
  lap('bundles');
  if (hasErrors(issues) || bundles === undefined) return fail();

  const out = resolve(opts.outDir);
  const parent = dirname(out);
  mkdirSync(parent, { recursive: true });
  const suffix = `${process.pid}-${Date.now().toString(36)}`;
  const temp = join(parent, `.dist-${basename(out)}-${suffix}`);
  const outputs: string[] = [];
  try {
    if (opts.lessons !== undefined && existsSync(out)) {
      // Building some lessons: keep the others' output.
      cpSync(out, temp, { recursive: true });
      for (const { lesson } of lessons) {
        for (const name of lessonOutputs(lesson.id)) rmSync(join(temp, name), { recursive: true, force: true });
      }
      rmSync(join(temp, 'preview'), { recursive: true, force: true });
    } else mkdirSync(temp, { recursive: true });

    for (const { lesson } of lessons) {
      const [dirName, zip12, zip2004, guide] = lessonOutputs(lesson.id);
      const zipName: Record<ScormVersion, string> = { '1.2': zip12, '2004': zip2004 };
      const packages = versions.map((version) => ({
        version,
        files: packageContents(lesson, version, opts.root, { app: bundles.app, localLms: bundles.localLms[version]! }),
      }));
      // The unpacked folder is the first version built: SCORM 1.2 unless only 2004 is.
      const unpacked = packages[0]!.files;
      writeTree(join(temp, dirName), unpacked);
      outputs.push(...[...unpacked.keys()].sort().map((f) => `${dirName}/${f}`));
      for (const { version, files } of packages) {
        writeFileSync(join(temp, zipName[version]), reproducibleZip(files));
        outputs.push(zipName[version]);
      }
      const built = (v: ScormVersion) => (versions.includes(v) ? zipName[v] : null);
      writeFileSync(join(temp, guide), teacherGuide(lesson, { scorm12: built('1.2'), scorm2004: built('2004') }));
      outputs.push(guide);
    }
    if (bundles.preview) {
      const preview = new Map(bundles.preview.files);
      preview.set('host.js', bytes(bundles.preview.host));
      writeTree(join(temp, 'preview'), preview);
      outputs.push(...[...preview.keys()].sort().map((f) => `preview/${f}`));
    }
    swapIn(temp, out, join(parent, `.dist-old-${basename(out)}-${suffix}`));
  } catch (e) {
    rmSync(temp, { recursive: true, force: true });
    issues.push({ severity: 'error', file: displayPath(opts.root, out), path: [], message: `writing the output failed: ${(e as Error).message}`, fix: 'check the folder is writable; the previous output was left as it was' });
    return fail();
  }

  let rootManifestUpdated = false;
  const defaultId = opts.defaultLesson ?? DEFAULT_LESSON;
  const defaultDir = join(opts.root, 'lessons', defaultId);
  // The root manifest is the SCORM 1.2 one: only a build that makes the 1.2 package updates it.
  const main = versions.includes('1.2') ? lessons.find((l) => l.lesson.id === defaultId && existsSync(defaultDir) && realpathSync(l.dir) === realpathSync(defaultDir)) : undefined;
  if (main) {
    const path = join(opts.root, 'imsmanifest.xml');
    const text = rootManifest(main.lesson, opts.root);
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text) {
      writeFileSync(path, text);
      rootManifestUpdated = true;
    }
  }
  lap('packages');
  return { ok: true, issues, lessons: lessons.map((l) => l.lesson.id), outputs, rootManifestUpdated, timings };
}

/** What the build writes per lesson, relative to the output folder. */
export function lessonOutputs(id: string): [string, string, string, string] {
  return [id, `${id}-scorm12.zip`, `${id}-scorm2004.zip`, `${id}-teacher-guide.html`];
}

/** Replace `out` by `temp`: the old output is moved aside first and restored if the move fails. */
function swapIn(temp: string, out: string, aside: string): void {
  const had = existsSync(out);
  if (had) renameSync(out, aside);
  try {
    renameSync(temp, out);
  } catch (e) {
    if (had) renameSync(aside, out);
    throw e;
  }
  if (had) rmSync(aside, { recursive: true, force: true });
}
