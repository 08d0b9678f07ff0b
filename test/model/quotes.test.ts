// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { describeOccurrences, resolveQuote, toTextQuote } from '../../src/model/quotes';

const scope = [
  {
    segment: 's01_a',
    paragraphs: ['Let us all live and struggle like heroes! This is the slogan.', 'Everyone must live and struggle like heroes.'],
  },
  { segment: 's02_b', paragraphs: ['The heroes\u2019 meeting will be held on a grand scale.'] },
];

describe('quotations', () => {
  it('accepts a plain string or { exact, prefix, suffix } and nothing else', () => {
    expect(toTextQuote('words')).toEqual({ exact: 'words' });
    expect(toTextQuote({ exact: 'w', prefix: 'p' })).toEqual({ exact: 'w', prefix: 'p' });
    expect(toTextQuote({ exact: 3 })).toBeUndefined();
    expect(toTextQuote({ exact: 'w', suffix: 1 })).toBeUndefined();
    expect(toTextQuote(['w'])).toBeUndefined();
  });

  it('resolves a unique quotation to its paragraph and offsets', () => {
    const found = resolveQuote({ exact: 'the slogan' }, scope);
    expect(found).toEqual({
      kind: 'found',
      span: { segment: 's01_a', paragraph: 0, start: 50, end: 60, exact: 'the slogan' },
    });
    if (found.kind === 'found') expect(scope[0]!.paragraphs[0]!.slice(found.span.start, found.span.end)).toBe('the slogan');
  });

  it('reports every occurrence of an ambiguous quotation, and a prefix makes it unique', () => {
    const twice = resolveQuote({ exact: 'live and struggle like heroes' }, scope);
    expect(twice.kind).toBe('ambiguous');
    if (twice.kind === 'ambiguous') expect(describeOccurrences(twice.occurrences)).toBe('paragraphs 1 and 2');
    const once = resolveQuote({ exact: 'live and struggle like heroes', prefix: 'must ' }, scope);
    expect(once).toMatchObject({ kind: 'found', span: { paragraph: 1, start: 14 } });
  });

  it('counts overlapping occurrences', () => {
    expect(resolveQuote({ exact: 'aa' }, [{ segment: 's', paragraphs: ['aaa'] }]).kind).toBe('ambiguous');
  });

  it('explains a near miss: typographic quotation marks', () => {
    const r = resolveQuote({ exact: "heroes' meeting" }, scope);
    expect(r.kind).toBe('not-found');
    if (r.kind === 'not-found') expect(r.hint).toContain('the text has «heroes\u2019 meeting»');
  });

  it('explains a near miss: where the quotation departs from the text', () => {
    const r = resolveQuote({ exact: 'Everyone must live and fight like heroes.' }, scope);
    if (r.kind !== 'not-found') throw new Error('expected not found');
    expect(r.hint).toBe('the text matches «Everyone must live and », then reads «struggle like heroes.» where the quotation has «fight like heroes.»');
  });

  it('explains a near miss: prefix or suffix not matching', () => {
    const r = resolveQuote({ exact: 'the slogan', suffix: ' of our Party' }, scope);
    if (r.kind !== 'not-found') throw new Error('expected not found');
    expect(r.hint).toContain('the exact words occur once but never with this prefix/suffix');
  });

  it('does not let a quotation run across paragraphs', () => {
    const r = resolveQuote({ exact: 'This is the slogan. Everyone must' }, scope);
    if (r.kind !== 'not-found') throw new Error('expected not found');
    expect(r.hint).toContain('up to the end of a paragraph');
  });

  it('names the segments when occurrences span several', () => {
    const r = resolveQuote({ exact: 'heroes' }, scope);
    if (r.kind !== 'ambiguous') throw new Error('expected ambiguous');
    expect(describeOccurrences(r.occurrences)).toBe('s01_a paragraph 1, s01_a paragraph 2, s02_b paragraph 1');
  });
});
