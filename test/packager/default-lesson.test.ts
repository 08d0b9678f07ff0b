// @vitest-environment node
/**
 * The default lesson (lessons/heroes-1988): its text is the source as received, changed only by
 * its editor's notes; it builds; and the top-level imsmanifest.xml is the manifest the build writes
 * for it. Plus the fidelity check failing on a fixture with a sentence dropped.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyEditorsNotes, normalizeSource, PARAGRAPH_SEPARATOR, type NoteSelector } from '../../src/model/fidelity';
import { DEFAULT_LESSON, prepareLesson, rootManifest } from '../../src/packager/build';
import { loadLesson } from '../../src/packager/load';
import { formatIssue } from '../../src/packager/report';

const root = join(__dirname, '..', '..');
const heroes = join(root, 'lessons', DEFAULT_LESSON);
type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe(`lessons/${DEFAULT_LESSON}`, () => {
  it('shows source.txt exactly, changed only by its editor\u2019s notes', () => {
    const { raw } = loadLesson(heroes, root);
    const lesson = raw.lesson!.data as Data;
    const notes = (lesson.editorsNotes ?? []) as NoteSelector[];
    const { text, placements } = applyEditorsNotes(normalizeSource(raw.source!.text), notes);
    expect(placements.filter((p) => p.kind !== 'placed')).toEqual([]);
    const shown = [
      ...(lesson.heading ?? []),
      ...raw.segments.flatMap((s) => (s.data as Data).text as string[]),
      ...(lesson.appendix?.text ?? []),
    ].join(PARAGRAPH_SEPARATOR);
    expect(shown).toBe(text);
  });

  it('builds without errors', () => {
    const { lesson, issues } = prepareLesson(heroes, root);
    expect(issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([]);
    expect(lesson?.id).toBe(DEFAULT_LESSON);
  });

  it('has its SCORM 1.2 manifest at the top level, current (run `npm run build` to refresh it)', () => {
    const { lesson } = prepareLesson(heroes, root);
    expect(readFileSync(join(root, 'imsmanifest.xml'), 'utf8')).toBe(rootManifest(lesson!, root));
  });
});

describe('the fidelity check', () => {
  it('fails when a sentence is dropped, naming the file, line and both versions', () => {
    const work = mkdtempSync(join(tmpdir(), 'pr-fidelity-'));
    try {
      const dir = join(work, 'fixture-mini');
      cpSync(join(root, 'test/fixtures/lessons/good/fixture-mini'), dir, { recursive: true });
      const segment = join(dir, 'segments', '02-slogan.yaml');
      const yaml = readFileSync(segment, 'utf8');
      writeFileSync(segment, yaml.replace(' This is the slogan of our Party.', ''));
      const { lesson, issues } = prepareLesson(dir, work);
      expect(lesson).toBeUndefined();
      expect(issues.map(formatIssue)).toEqual([
        "fixture-mini/segments/02-slogan.yaml:5  text[0]  differs from source.txt line 9: the source has «…and struggle like heroes! This is the slogan of our Party.», the lesson has «…and struggle like heroes!» — copy the paragraph exactly from source.txt, or record a deliberate change as an editor's note in lesson.yaml",
      ]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
