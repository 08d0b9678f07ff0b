import { describe, expect, it } from 'vitest';
import { findTerms, textRuns } from '../../src/components/segment/text-runs.js';
import type { GlossaryEntry } from '../../src/model/lesson.js';

const entry = (id: string, matches: string[]): GlossaryEntry => ({ id, term: matches[0]!, matches, definition: '', sources: [] });

describe('findTerms', () => {
  it('marks the first whole-word occurrence of each entry in the segment', () => {
    const hits = findTerms(['Jucheism is not Juche.', 'Juche again.'], [entry('juche', ['Juche'])]);
    expect(hits).toEqual([{ paragraph: 0, start: 16, end: 21, entry: 'juche' }]);
  });

  it('takes the earliest of several forms, and the longer of two overlapping hits', () => {
    const paragraphs = ['the Chollima Movement began; Chollima riders followed'];
    const hits = findTerms(paragraphs, [entry('movement', ['Chollima Movement']), entry('chollima', ['Chollima riders', 'Chollima'])]);
    expect(hits.map((h) => [h.entry, paragraphs[0]!.slice(h.start, h.end)])).toEqual([['movement', 'Chollima Movement']]);
  });

  it('is case-sensitive and finds nothing when nothing matches', () => {
    expect(findTerms(['juche in lower case'], [entry('juche', ['Juche'])])).toEqual([]);
  });
});

describe('textRuns', () => {
  it('splits a paragraph into text, terms and note markers, losing no character', () => {
    const text = 'the cause of Juche victoriously';
    const runs = textRuns(text, [{ start: 13, end: 18, entry: 'juche' }], [{ at: 3, number: 2 }]);
    expect(runs).toEqual([
      { kind: 'text', text: 'the' },
      { kind: 'note', number: 2 },
      { kind: 'text', text: ' cause of ' },
      { kind: 'term', text: 'Juche', entry: 'juche' },
      { kind: 'text', text: ' victoriously' },
    ]);
    expect(runs.map((r) => (r.kind === 'note' ? '' : r.text)).join('')).toBe(text);
  });

  it('moves a marker that falls inside a term to the term\'s end, and keeps markers in number order', () => {
    const runs = textRuns('Kim ll Sung spoke', [{ start: 0, end: 11, entry: 'kim' }], [
      { at: 6, number: 1 },
      { at: 11, number: 3 },
      { at: 17, number: 4 },
    ]);
    expect(runs).toEqual([
      { kind: 'term', text: 'Kim ll Sung', entry: 'kim' },
      { kind: 'note', number: 1 },
      { kind: 'note', number: 3 },
      { kind: 'text', text: ' spoke' },
      { kind: 'note', number: 4 },
    ]);
  });
});
