// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  applyEditorsNotes,
  firstMismatch,
  locateRange,
  normalizeSource,
  toSourceOffset,
  type LessonParagraph,
} from '../../src/model/fidelity';

const source = 'Title\n\nKim ll Sung began it. Kim ll Sung as the core.\n\nstudent sand people.';

const para = (text: string, n: number, segment?: string): LessonParagraph => ({
  text,
  origin: { file: `f${n}.yaml`, path: ['text', n] },
  index: n,
  ...(segment ? { segment } : {}),
});

describe('editor\u2019s notes applied to the source', () => {
  it('replaces each note where prefix + source + suffix occurs once, and says where the replacement is', () => {
    const { text, placements } = applyEditorsNotes(source, [
      { source: 'Kim ll Sung', suffix: ' began', lesson: 'Kim Il Sung' },
      { source: 'Kim ll Sung', suffix: ' as the core', lesson: 'Kim Il Sung' },
      { source: 'student sand', lesson: 'students and' },
    ]);
    expect(text).toBe('Title\n\nKim Il Sung began it. Kim Il Sung as the core.\n\nstudents and people.');
    const third = placements[2]!;
    if (third.kind !== 'placed') throw new Error('not placed');
    expect(text.slice(third.start, third.end)).toBe('students and');
  });

  it('refuses a note that is missing, ambiguous or overlapping another', () => {
    const { text, placements } = applyEditorsNotes(source, [
      { source: 'Kim Jong Il', lesson: 'x' },
      { source: 'Kim ll Sung', lesson: 'Kim Il Sung' },
      { source: 'student sand', lesson: 'students and' },
      { source: 'sand people', lesson: 'and people' },
    ]);
    expect(placements.map((p) => p.kind)).toEqual(['not-found', 'ambiguous', 'placed', 'overlaps']);
    expect(text).toContain('students and people.');
  });

  it('handles a deletion and maps offsets back to the source for line numbers', () => {
    const { text, placements } = applyEditorsNotes('a-b\n\nc d e', [{ source: '-', lesson: '' }]);
    expect(text).toBe('ab\n\nc d e');
    expect(toSourceOffset(text.indexOf('c'), placements)).toBe('a-b\n\nc d e'.indexOf('c'));
  });

  it('normalizes only what an editor cannot see: BOM, CRLF, trailing newlines', () => {
    expect(normalizeSource('\uFEFFa\r\n\r\nb\n\n')).toBe('a\n\nb');
    expect(normalizeSource('a  \n\nb ')).toBe('a  \n\nb ');
  });
});

describe('comparing the lesson text with the corrected source', () => {
  const expected = 'One.\n\nTwo. Three.\n\nFour.';

  it('accepts an exact match', () => {
    expect(firstMismatch(expected, [para('One.', 0), para('Two. Three.', 1), para('Four.', 2)])).toBeNull();
  });

  it('finds a dropped sentence at the first differing character', () => {
    const m = firstMismatch(expected, [para('One.', 0), para('Two.', 1), para('Four.', 2)]);
    expect(m).toMatchObject({ kind: 'changed', expected: 'Two. Three.', at: 4, found: { text: 'Two.' } });
  });

  it('tells a missing paragraph from an extra one', () => {
    expect(firstMismatch(expected, [para('One.', 0), para('Four.', 1)])).toMatchObject({ kind: 'missing', expected: 'Two. Three.' });
    expect(firstMismatch(expected, [para('One.', 0), para('Extra.', 1), para('Two. Three.', 2), para('Four.', 3)])).toMatchObject({
      kind: 'extra',
      found: { text: 'Extra.' },
    });
  });

  it('notices when either text ends early', () => {
    expect(firstMismatch(expected, [para('One.', 0), para('Two. Three.', 1)])).toMatchObject({ kind: 'missing-at-end', expected: 'Four.' });
    expect(
      firstMismatch(expected, [para('One.', 0), para('Two. Three.', 1), para('Four.', 2), para('Five.', 3)]),
    ).toMatchObject({ kind: 'extra-at-end', found: { text: 'Five.' } });
  });

  it('locates a range of the joined text in its paragraph', () => {
    const paragraphs = [para('One.', 0), para('Two. Three.', 0, 's1'), para('Four.', 1, 's1')];
    const at = expected.indexOf('Three');
    expect(locateRange(at, at + 5, paragraphs)).toMatchObject({ paragraph: { text: 'Two. Three.' }, start: 5, end: 10 });
  });
});
