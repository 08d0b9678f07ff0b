import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canSubmit, highlightKey, highlightScore, normalizeResponse, scoreResponse } from '../../src/core/scoring.js';
import { segmentWords } from '../../src/core/words.js';
import { highlight, match, multiple, options, reflection, segment, single, talkText, wordSpan } from './fixtures.js';

const seg = segment('s01_test', 1, talkText(120, 3));
const words = segmentWords(seg);

describe('the try rule', () => {
  const q = single('s01_q1_x', seg.id, { tries: 2 });

  it('a correct answer on the first try earns full credit', () => {
    expect(scoreResponse(q, { type: 'single', choice: 'a' }, 1)).toEqual({ raw: 1, credit: 1, result: 'correct' });
  });

  it('a correct answer on the second of two tries earns half the credit', () => {
    expect(scoreResponse(q, { type: 'single', choice: 'a' }, 2)).toEqual({ raw: 1, credit: 0.5, result: 'correct' });
  });

  it('a correct answer on the third of three tries earns a third', () => {
    const three = single('s01_q2_x', seg.id, { tries: 3 });
    expect(scoreResponse(three, { type: 'single', choice: 'a' }, 3).credit).toBeCloseTo(1 / 3, 12);
  });

  it('a wrong answer earns nothing on any try', () => {
    expect(scoreResponse(q, { type: 'single', choice: 'b' }, 1)).toEqual({ raw: 0, credit: 0, result: 'wrong' });
  });

  it('a check beyond the last try earns nothing', () => {
    expect(scoreResponse(q, { type: 'single', choice: 'a' }, 3).credit).toBe(0);
  });
});

describe('select all that apply', () => {
  const q = multiple('s01_q3_x', seg.id, { options: options(5, [0, 2]), tries: 1 });

  it('is scored per option: missing one of two right options keeps 4 of 5', () => {
    expect(scoreResponse(q, { type: 'multiple', choices: ['a'] }, 1)).toEqual({ raw: 0.8, credit: 0.8, result: 'partial' });
  });

  it('is correct only when every option is classified right', () => {
    expect(scoreResponse(q, { type: 'multiple', choices: ['c', 'a'] }, 1).result).toBe('correct');
  });

  it('loses a fifth for each wrong option added', () => {
    expect(scoreResponse(q, { type: 'multiple', choices: ['a', 'b', 'c', 'd'] }, 1).raw).toBeCloseTo(0.6, 12);
  });
});

describe('match', () => {
  const q = match('s01_q4_x', seg, { tries: 1 });

  it('earns the fraction of pairs matched right', () => {
    const r = scoreResponse(q, { type: 'match', pairs: { '1': 'epithet', '2': 'slogans', '3': 'epithet', '4': 'red_herring' } }, 1);
    expect(r).toEqual({ raw: 0.5, credit: 0.5, result: 'partial' });
  });

  it('is correct when every pair is right', () => {
    const pairs = Object.fromEntries(q.pairs.map((p) => [p.id, p.device]));
    expect(scoreResponse(q, { type: 'match', pairs }, 1).result).toBe('correct');
  });
});

describe('highlight', () => {
  // key: words 2-4 of paragraph 0 and words 0-1 of paragraph 1
  const q = highlight('s01_q5_x', seg, { tries: 1, threshold: 0.6 });
  const key = highlightKey(q, words);
  const p1 = words.filter((w) => w.paragraph === 1)[0]!.index;

  it('keys the union of the words the key spans cover', () => {
    expect(key).toEqual([2, 3, 4, p1, p1 + 1]);
  });

  it('marking exactly the key words is correct', () => {
    expect(scoreResponse(q, { type: 'highlight', words: key }, 1, words)).toEqual({ raw: 1, credit: 1, result: 'correct' });
  });

  it('an F1 at or above the threshold counts as fully correct', () => {
    const most = [2, 3, 4, p1]; // precision 1, recall 0.8, F1 0.89
    expect(scoreResponse(q, { type: 'highlight', words: most }, 1, words).raw).toBe(1);
  });

  it('below the threshold the F1 itself is the raw score', () => {
    const r = scoreResponse(q, { type: 'highlight', words: [2, 3] }, 1, words); // P 1, R 0.4, F1 0.571
    expect(r.result).toBe('partial');
    expect(r.raw).toBeCloseTo(2 / 3.5, 12);
  });

  it('marking whole paragraphs scores poorly even though it covers the key', () => {
    const all = words.filter((w) => w.paragraph <= 1).map((w) => w.index);
    const r = scoreResponse(q, { type: 'highlight', words: all }, 1, words);
    expect(highlightScore(all, key).recall).toBe(1);
    expect(r.raw).toBeLessThan(0.25);
  });

  it('marking only words outside the key is wrong', () => {
    expect(scoreResponse(q, { type: 'highlight', words: [0, 1] }, 1, words).result).toBe('wrong');
  });

  it('needs the segment words, and says so', () => {
    expect(() => scoreResponse(q, { type: 'highlight', words: key }, 1)).toThrow(/needs the words of segment "s01_test"/);
  });
});

describe('highlightScore', () => {
  it('computes word-level precision, recall and F1', () => {
    expect(highlightScore([1, 2, 3, 4], [3, 4, 5, 6])).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
  });

  it('scores nothing marked as 0, not NaN', () => {
    expect(highlightScore([], [1, 2])).toEqual({ precision: 0, recall: 0, f1: 0 });
  });

  it('ignores a word marked twice', () => {
    expect(highlightScore([3, 3, 4], [3, 4])).toEqual({ precision: 1, recall: 1, f1: 1 });
  });
});

describe('reflection', () => {
  const q = reflection('s01_q6_x', seg.id, { minLength: 20, maxLength: 60 });

  it('is submitted for the instructor, with no automatic credit', () => {
    expect(scoreResponse(q, { type: 'reflection', text: 'A thoughtful answer of some length.' }, 1)).toEqual({ raw: 0, credit: 0, result: 'submitted' });
  });

  it('cannot be checked while shorter than minLength, counting without surrounding spaces', () => {
    expect(canSubmit(q, { type: 'reflection', text: `   ${'x'.repeat(19)}   ` })).toEqual({ ok: false, reason: 'too-short', length: 19, minLength: 20 });
    expect(canSubmit(q, { type: 'reflection', text: 'x'.repeat(20) })).toEqual({ ok: true });
  });

  it('cannot be checked when empty or blank', () => {
    expect(canSubmit(q, { type: 'reflection', text: ' \n ' })).toEqual({ ok: false, reason: 'empty' });
  });

  it('cannot be checked when its cost exceeds maxLength (a curly quote costs 2)', () => {
    expect(canSubmit(q, { type: 'reflection', text: 'x'.repeat(60) })).toEqual({ ok: true });
    expect(canSubmit(q, { type: 'reflection', text: `${'x'.repeat(59)}’` })).toEqual({ ok: false, reason: 'too-long', cost: 61, maxLength: 60 });
  });
});

describe('canSubmit', () => {
  it('refuses a response of another type', () => {
    expect(canSubmit(single('q', seg.id), { type: 'multiple', choices: ['a'] })).toEqual({ ok: false, reason: 'wrong-type' });
  });

  it('refuses an option the question does not have', () => {
    expect(canSubmit(single('q', seg.id), { type: 'single', choice: 'z' })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses an empty selection', () => {
    expect(canSubmit(multiple('q', seg.id), { type: 'multiple', choices: [] })).toEqual({ ok: false, reason: 'empty' });
    expect(canSubmit(highlight('q', seg), { type: 'highlight', words: [] })).toEqual({ ok: false, reason: 'empty' });
  });

  it('asks for every quotation to be matched', () => {
    expect(canSubmit(match('q', seg), { type: 'match', pairs: { '1': 'epithet' } })).toEqual({ ok: false, reason: 'incomplete' });
  });

  it('refuses a device that is not among the choices', () => {
    expect(canSubmit(match('q', seg), { type: 'match', pairs: { '1': 'anaphora' } })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses highlight marks outside the segment', () => {
    expect(canSubmit(highlight('q', seg), { type: 'highlight', words: [0, words.length] }, words.length)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('normalizeResponse', () => {
  it('puts choices in option order and highlight marks in text order, without repeats', () => {
    expect(normalizeResponse(multiple('q', seg.id), { type: 'multiple', choices: ['c', 'a', 'c'] })).toEqual({ type: 'multiple', choices: ['a', 'c'] });
    expect(normalizeResponse(highlight('q', seg), { type: 'highlight', words: [9, 2, 9, 4] })).toEqual({ type: 'highlight', words: [2, 4, 9] });
  });
});

describe('credit', () => {
  it('always lies in [0, 1], for any response on any try', () => {
    const qs = {
      multiple: multiple('m', seg.id, { options: options(6, [1, 4]), tries: 3 }),
      highlight: highlight('h', seg, { tries: 2, key: [wordSpan(seg, 0, 1, 6)] }),
    };
    fc.assert(
      fc.property(
        fc.subarray(['a', 'b', 'c', 'd', 'e', 'f']),
        fc.array(fc.nat(words.length - 1)),
        fc.integer({ min: -2, max: 8 }),
        (choices, marked, attempt) => {
          for (const r of [
            scoreResponse(qs.multiple, { type: 'multiple', choices }, attempt),
            scoreResponse(qs.highlight, { type: 'highlight', words: marked }, attempt, words),
          ]) {
            expect(r.credit).toBeGreaterThanOrEqual(0);
            expect(r.credit).toBeLessThanOrEqual(1);
            expect(r.raw).toBeGreaterThanOrEqual(r.credit);
          }
        },
      ),
    );
  });
});
