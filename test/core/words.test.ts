import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paragraphWords, segmentWords, spanToWordIndices } from '../../src/core/words.js';
import { segment } from './fixtures.js';

const texts = (text: string) => paragraphWords(text, 0, 0).map((w) => w.text);

describe('segmentWords', () => {
  it('leaves quotation marks and sentence punctuation outside the words', () => {
    expect(texts('“Let us all live and struggle like heroes!”')).toEqual(['Let', 'us', 'all', 'live', 'and', 'struggle', 'like', 'heroes']);
    const [first] = paragraphWords('“Let us', 0, 0);
    expect(first).toMatchObject({ start: 1, end: 4, text: 'Let' });
  });

  it('keeps apostrophes and hyphens that join letters inside one word', () => {
    expect(texts("our people's cause, the Party’s line, the iron-willed, ever-victorious commander")).toEqual([
      'our', 'people\'s', 'cause', 'the', 'Party’s', 'line', 'the', 'iron-willed', 'ever-victorious', 'commander',
    ]);
  });

  it('splits words at em and en dashes', () => {
    expect(texts('heroes—all of them—and 1950–1953')).toEqual(['heroes', 'all', 'of', 'them', 'and', '1950', '1953']);
  });

  it('leaves a closing quote or a trailing apostrophe outside the word', () => {
    expect(texts('the heroes’ meeting, the ‘Chollima’ spirit, the heroes\' deeds')).toEqual([
      'the', 'heroes', 'meeting', 'the', 'Chollima', 'spirit', 'the', 'heroes', 'deeds',
    ]);
  });

  it('keeps a full stop or comma between digits inside a number, not at its end', () => {
    expect(texts('In 1988, 1,000 heroes and 3.5 million more.')).toEqual(['In', '1988', '1,000', 'heroes', 'and', '3.5', 'million', 'more']);
  });

  it('handles letters outside ASCII', () => {
    expect(texts('Kim Il Sung’s “Juche” — 김일성, Ñandú café')).toEqual(['Kim', 'Il', 'Sung’s', 'Juche', '김일성', 'Ñandú', 'café']);
  });

  it('numbers words across paragraphs, with offsets into their own paragraph', () => {
    const seg = segment('s01', 1, ['One two.', '“Three” four']);
    expect(segmentWords(seg)).toEqual([
      { index: 0, paragraph: 0, start: 0, end: 3, text: 'One' },
      { index: 1, paragraph: 0, start: 4, end: 7, text: 'two' },
      { index: 2, paragraph: 1, start: 1, end: 6, text: 'Three' },
      { index: 3, paragraph: 1, start: 8, end: 12, text: 'four' },
    ]);
  });

  it('gives the same words every time for the same text', () => {
    const a = segment('s01', 1, ['Long live — the “heroes”!']);
    const b = segment('s01', 1, ['Long live — the “heroes”!']);
    expect(segmentWords(a)).toBe(segmentWords(a));
    expect(segmentWords(b)).toEqual(segmentWords(a));
  });

  it('yields words that are slices of their paragraph, in order, without overlap (any text)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 60 }), { maxLength: 4 }), (paragraphs) => {
        const words = segmentWords(segment('s', 1, paragraphs));
        words.forEach((w, i) => {
          expect(w.index).toBe(i);
          expect(paragraphs[w.paragraph]!.slice(w.start, w.end)).toBe(w.text);
          expect(w.text.length).toBeGreaterThan(0);
          const prev = words[i - 1];
          if (prev && prev.paragraph === w.paragraph) expect(w.start).toBeGreaterThan(prev.end - 1);
        });
      }),
    );
  });
});

describe('spanToWordIndices', () => {
  const seg = segment('s02', 2, ['The enemy is “cunning” and frantic.', 'We are heroes.']);
  const words = segmentWords(seg);
  const span = (paragraph: number, exact: string) => {
    const start = seg.paragraphs[paragraph]!.indexOf(exact);
    if (start < 0) throw new Error(`test span "${exact}" is not in paragraph ${paragraph}`);
    return { segment: seg.id, paragraph, start, end: start + exact.length, exact };
  };

  it('returns the words a quotation covers, whatever punctuation it includes', () => {
    expect(spanToWordIndices(words, span(0, '“cunning” and frantic.'))).toEqual([3, 4, 5]);
  });

  it('includes a word the span covers only partly', () => {
    expect(spanToWordIndices(words, span(0, 'emy is “cun'))).toEqual([1, 2, 3]);
  });

  it('finds nothing for a span of punctuation or space only, and nothing in other paragraphs', () => {
    expect(spanToWordIndices(words, span(0, '”'))).toEqual([]);
    expect(spanToWordIndices(words, span(1, 'We are'))).toEqual([6, 7]);
  });
});
