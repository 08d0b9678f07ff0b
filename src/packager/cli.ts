/**
 * `npm run build` (scripts/build.mjs compiles this file and calls `main`).
 *
 *   node scripts/build.mjs [lesson-folder …] [--lessons-dir DIR] [--out DIR] [--no-cache]
 *                          [--scorm 1.2|2004] [--app-entry FILE] [--local-lms-entry FILE]
 *                          [--preview-dir DIR | --no-preview]
 */
import { resolve } from 'node:path';
import { hasErrors } from '../model/issues.js';
import { ALL_VERSIONS, build, defaultLocalLmsEntries, type Bundler } from './build.js';
import type { ScormVersion } from './manifest.js';
import { formatIssues } from './report.js';

export const USAGE = `usage: node scripts/build.mjs [lesson-folder …] [options]

Builds every lesson under lessons/ (or only the lesson folders given) into dist/:
  dist/<id>/                      unpacked SCORM 1.2 package (2004 with --scorm 2004)
  dist/<id>-scorm12.zip, dist/<id>-scorm2004.zip
  dist/<id>-teacher-guide.html    (never inside the zips)
  dist/preview/                   preview host (npm start)
On any error nothing in dist/ changes.

options:
  --lessons-dir DIR      folder of lesson folders (default lessons)
  --out DIR              output folder (default dist)
  --scorm VERSION        build only the SCORM 1.2 or only the 2004 package (default both); a
                         lesson whose saved state is too large for SCORM 1.2 (4096 characters)
                         can still be built as 2004 alone (64000)
  --app-entry FILE       app bundle entry (default src/app/main.ts)
  --local-lms-entry FILE local LMS bundle entry for both versions (default: each package's own,
                         src/runtime/local-lms-scorm12.ts and local-lms-scorm2004.ts)
  --preview-dir DIR      preview host sources (default src/preview)
  --no-preview           skip the preview host
  --no-cache             rebuild the packager and the scripts even if their sources are unchanged
  --help                 show this text`;

export interface CliContext {
  root: string;
  bundle: Bundler;
  cwd?: string;
  out?: (line: string) => void;
  err?: (line: string) => void;
}

/** Returns the process exit code. */
export async function main(argv: readonly string[], ctx: CliContext): Promise<number> {
  const out = ctx.out ?? ((l: string) => process.stdout.write(`${l}\n`));
  const err = ctx.err ?? ((l: string) => process.stderr.write(`${l}\n`));
  const cwd = ctx.cwd ?? process.cwd();
  const at = (p: string) => resolve(cwd, p);
  const options = {
    lessonsDir: resolve(ctx.root, 'lessons'),
    outDir: resolve(ctx.root, 'dist'),
    appEntry: resolve(ctx.root, 'src/app/main.ts'),
    localLmsEntries: defaultLocalLmsEntries(ctx.root) as Record<ScormVersion, string>,
    versions: ALL_VERSIONS,
    previewDir: resolve(ctx.root, 'src/preview') as string | null,
  };
  const lessons: string[] = [];
  const valued: Record<string, (v: string) => void> = {
    '--lessons-dir': (v) => (options.lessonsDir = at(v)),
    '--out': (v) => (options.outDir = at(v)),
    '--app-entry': (v) => (options.appEntry = at(v)),
    '--local-lms-entry': (v) => (options.localLmsEntries = { '1.2': at(v), '2004': at(v) }),
    '--preview-dir': (v) => (options.previewDir = at(v)),
    '--scorm': () => undefined, // handled below: it can fail
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--help' || flag === '-h') {
      out(USAGE);
      return 0;
    } else if (flag === '--no-preview') options.previewDir = null;
    else if (flag in valued) {
      const value = inline ?? argv[++i];
      if (value === undefined) {
        err(`${flag} needs a value\n\n${USAGE}`);
        return 2;
      }
      if (flag === '--scorm') {
        const version = ALL_VERSIONS.find((v) => v === value || v.replace('.', '') === value);
        if (version === undefined) {
          err(`--scorm takes 1.2 or 2004, not "${value}"\n\n${USAGE}`);
          return 2;
        }
        options.versions = [version];
      } else valued[flag]!(value);
    } else if (flag.startsWith('-')) {
      err(`unknown option ${flag}\n\n${USAGE}`);
      return 2;
    } else lessons.push(at(arg));
  }

  const started = Date.now();
  const result = await build({ root: ctx.root, ...options, ...(lessons.length ? { lessons } : {}), bundle: ctx.bundle });
  if (result.issues.length) err(formatIssues(result.issues));
  if (!result.ok || hasErrors(result.issues)) {
    const errors = result.issues.filter((i) => i.severity === 'error').length;
    err(`\nbuild failed: ${errors} ${errors === 1 ? 'error' : 'errors'}; ${options.outDir} was left unchanged`);
    return 1;
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const t = result.timings;
  out(`built ${result.lessons.join(', ')} into ${options.outDir} in ${seconds} s (lessons ${t.lessons} s, scripts ${t.bundles} s, packages ${t.packages} s)`);
  const zips = (id: string) => options.versions.map((v) => `${id}-scorm${v.replace('.', '')}.zip`).join('  ');
  for (const id of result.lessons) out(`  ${id}/  ${zips(id)}  ${id}-teacher-guide.html`);
  if (result.outputs.some((o) => o.startsWith('preview/'))) out('  preview/');
  if (result.rootManifestUpdated) out('  updated imsmanifest.xml (the SCORM 1.2 manifest of the default lesson)');
  return 0;
}
