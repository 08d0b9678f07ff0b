/**
 * The packager's own steps, run in-process on the synthetic lesson for the scale benchmark, timed
 * one by one. The one difference from `npm run build`: the SCORM 1.2 state-size refusal is not
 * applied (a 1000-question lesson cannot fit 4096 characters, and the build rightly refuses it),
 * so that the page-switch and heap measurements still have a package to run. The browser bundles
 * are lesson-independent and are taken from the real build in dist/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { hasErrors, type Issue } from '../src/model/issues.js';
import type { Lesson } from '../src/model/lesson.js';
import { validate } from '../src/model/validate.js';
import { packageContents } from '../src/packager/build.js';
import { reflectionBudget } from '../src/packager/budget.js';
import { compile } from '../src/packager/compile.js';
import { loadLesson, withLines } from '../src/packager/load.js';
import { reproducibleZip } from '../src/packager/zip.js';

export interface ScalePackage {
  lesson: Lesson;
  /** ms per step. */
  ms: { load: number; validate: number; compile: number; package: number; zip: number };
  issues: Issue[];
}

export function packageWithoutStateLimit(dir: string, root: string, scripts: { app: Record<string, string>; localLms: string }, outDir: string): ScalePackage {
  const t = [performance.now()];
  const loaded = loadLesson(dir, root);
  t.push(performance.now());
  const issues = withLines([...loaded.issues, ...validate(loaded.raw, { reflectionBudget })], loaded.yaml);
  t.push(performance.now());
  if (hasErrors(issues)) throw new Error(`the synthetic lesson is invalid: ${issues.filter((i) => i.severity === 'error').slice(0, 3).map((i) => `${i.file}:${i.line ?? ''} ${i.message}`).join('; ')}`);
  const compiled = compile(loaded.raw);
  t.push(performance.now());
  if (hasErrors(compiled.issues)) throw new Error(`the synthetic lesson does not compile: ${compiled.issues[0]?.message}`);
  const lesson = compiled.lesson;
  const scorm12 = packageContents(lesson, '1.2', root, scripts);
  const scorm2004 = packageContents(lesson, '2004', root, scripts);
  // Both unpacked: a state too big for SCORM 1.2 can still be restored by the 2004 package.
  for (const [folder, files] of [[lesson.id, scorm12], [`${lesson.id}-scorm2004`, scorm2004]] as const) {
    for (const [name, data] of files) {
      const path = join(outDir, folder, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, data);
    }
  }
  t.push(performance.now());
  reproducibleZip(scorm12);
  reproducibleZip(scorm2004);
  t.push(performance.now());
  const d = (i: number) => t[i + 1]! - t[i]!;
  return { lesson, ms: { load: d(0), validate: d(1), compile: d(2), package: d(3), zip: d(4) }, issues: [...issues, ...compiled.issues] };
}
