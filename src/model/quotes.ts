/**
 * Quotation resolution: authors quote the text with W3C-style text quote selectors (the exact
 * words, plus a prefix or suffix only where the words alone occur more than once); the build turns
 * each one into a `TextSpan` so the browser never searches the text. A quotation must lie inside one
 * paragraph and occur exactly once in its scope (a segment, or the whole talk for pre/post items).
 */
import type { Id, TextQuote, TextSpan } from './lesson.js';

/** The paragraphs a quotation may be found in. */
export interface QuoteScope {
  segment: Id;
  paragraphs: readonly string[];
}

export interface Occurrence {
  segment: Id;
  paragraph: number;
  start: number;
}

export type QuoteResolution =
  | { kind: 'found'; span: TextSpan }
  | { kind: 'not-found'; hint: string }
  | { kind: 'ambiguous'; occurrences: Occurrence[] };

/** A quotation as authored: a plain string or `{ exact, prefix?, suffix? }`. Returns undefined
 * when the value has neither shape (validation reports it). */
export function toTextQuote(value: unknown): TextQuote | undefined {
  if (typeof value === 'string') return { exact: value };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { exact, prefix, suffix } = value as Record<string, unknown>;
  if (typeof exact !== 'string') return undefined;
  if (prefix !== undefined && typeof prefix !== 'string') return undefined;
  if (suffix !== undefined && typeof suffix !== 'string') return undefined;
  return {
    exact,
    ...(prefix !== undefined ? { prefix } : {}),
    ...(suffix !== undefined ? { suffix } : {}),
  };
}

/** Every start index of `needle` in `haystack`, overlapping ones included. */
export function indicesOf(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (needle === '') return found;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    found.push(at);
  }
  return found;
}

export function findOccurrences(quote: TextQuote, scopes: readonly QuoteScope[]): Occurrence[] {
  const prefix = quote.prefix ?? '';
  const needle = prefix + quote.exact + (quote.suffix ?? '');
  const found: Occurrence[] = [];
  for (const scope of scopes) {
    scope.paragraphs.forEach((text, paragraph) => {
      for (const at of indicesOf(text, needle)) {
        found.push({ segment: scope.segment, paragraph, start: at + prefix.length });
      }
    });
  }
  return found;
}

export function resolveQuote(quote: TextQuote, scopes: readonly QuoteScope[]): QuoteResolution {
  if (quote.exact.trim() === '') return { kind: 'not-found', hint: 'the quotation is empty' };
  const found = findOccurrences(quote, scopes);
  if (found.length === 1) {
    const { segment, paragraph, start } = found[0]!;
    return {
      kind: 'found',
      span: { segment, paragraph, start, end: start + quote.exact.length, exact: quote.exact },
    };
  }
  if (found.length > 1) return { kind: 'ambiguous', occurrences: found };
  return { kind: 'not-found', hint: nearMiss(quote, scopes) };
}

/** Fold what authors most often get wrong when copying (case, typographic quotes and dashes)
 * without changing string length, so offsets still point into the original. */
function fold(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const c = lower.length === ch.length ? lower : ch;
    out += c
      .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
      .replace(/[\u201c\u201d\u201f\u2033]/g, '"')
      .replace(/[\u2010-\u2015\u2212]/g, '-');
  }
  return out;
}

/** Explain why a quotation was not found, pointing at the nearest text. */
function nearMiss(quote: TextQuote, scopes: readonly QuoteScope[]): string {
  const paragraphs = scopes.flatMap((s) => s.paragraphs);
  const exactCount = paragraphs.reduce((n, p) => n + indicesOf(p, quote.exact).length, 0);
  if (exactCount > 0 && (quote.prefix !== undefined || quote.suffix !== undefined)) {
    return `the exact words occur ${times(exactCount)} but never with this prefix/suffix: copy the prefix/suffix from the text`;
  }
  const folded = fold(quote.exact);
  for (const p of paragraphs) {
    const at = fold(p).indexOf(folded);
    if (at !== -1) {
      return `the text has «${p.slice(at, at + quote.exact.length)}» (different case, quotation marks or dashes)`;
    }
  }
  if (quote.exact.includes('\n')) return 'the quotation contains a line break; a quotation lies inside one paragraph';
  // Find the longest start of the quotation that occurs, to show where it departs from the text.
  let lo = 0;
  let hi = quote.exact.length;
  let best: { p: string; at: number } | undefined;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const head = quote.exact.slice(0, mid);
    const p = paragraphs.find((text) => text.includes(head));
    if (p !== undefined) {
      lo = mid;
      best = { p, at: p.indexOf(head) };
    } else hi = mid - 1;
  }
  if (best !== undefined && lo >= 8) {
    const matched = quote.exact.slice(Math.max(0, lo - 30), lo);
    const lead = lo > 30 ? '…' : '';
    if (best.at + lo === best.p.length) {
      return `the text matches «${lead}${matched}» up to the end of a paragraph, but the quotation goes on: a quotation lies inside one paragraph`;
    }
    const textGoesOn = best.p.slice(best.at + lo, best.at + lo + 30);
    const quoteGoesOn = quote.exact.slice(lo, lo + 30);
    return `the text matches «${lead}${matched}», then reads «${textGoesOn}» where the quotation has «${quoteGoesOn}»`;
  }
  return 'no part of it matches the text';
}

function times(n: number): string {
  return n === 1 ? 'once' : `${n} times`;
}

/** Where a quotation occurs, for messages: "paragraphs 1 and 2" within one segment, otherwise
 * "s01_phase paragraph 1, s02_slogan paragraph 3". Paragraphs are counted from 1. */
export function describeOccurrences(occurrences: readonly Occurrence[]): string {
  const segments = new Set(occurrences.map((o) => o.segment));
  if (segments.size === 1) {
    const numbers = [...new Set(occurrences.map((o) => o.paragraph + 1))];
    if (numbers.length === 1) return `paragraph ${numbers[0]}`;
    return `paragraphs ${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
  }
  return occurrences.map((o) => `${o.segment} paragraph ${o.paragraph + 1}`).join(', ');
}
