import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clipToCost, COMMON, escapeText, textCost, unescapeText } from '../../src/core/text.js';

const printableAscii = /^[\x20-\x7e]*$/;

describe('textCost', () => {
  it('is 1 per printable ASCII character', () => {
    expect(textCost('Let us all live and struggle like heroes!')).toBe(41);
  });

  it('is 2 for a line break, the escape leads, curly quotes, dashes and accented letters', () => {
    for (const c of ['\n', '~', '’', '“', '—', '…', 'é', 'ß']) expect(textCost(c)).toBe(2);
  });

  it('is 3 per UTF-16 code unit for anything else, so 6 for a character outside the BMP', () => {
    expect(textCost('김')).toBe(3);
    expect(textCost('😀')).toBe(6);
  });

  it('has a table of at most 95 distinct 2-cost characters', () => {
    expect([...COMMON].length).toBeLessThanOrEqual(95);
    expect(new Set(COMMON).size).toBe([...COMMON].length);
  });
});

describe('escapeText', () => {
  it('writes any string as printable ASCII of exactly its cost, and reads it back', () => {
    const unit = fc.nat(0xffff).map((u) => String.fromCharCode(u)); // lone surrogates included
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit }), fc.string({ unit: 'binary' })), (text) => {
        const escaped = escapeText(text);
        expect(escaped).toMatch(printableAscii);
        expect(escaped.length).toBe(textCost(text));
        expect(unescapeText(escaped)).toBe(text);
      }),
    );
  });

  it('leaves plain English as it is', () => {
    expect(escapeText('A plain sentence, with "quotes".')).toBe('A plain sentence, with "quotes".');
  });

  it('refuses an escape that runs past the end instead of guessing', () => {
    expect(unescapeText('abc`')).toBeNull();
    expect(unescapeText('>')).toBeNull();
  });
});

describe('clipToCost', () => {
  it('keeps the longest start of the text within the cost, never splitting a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.nat(120), (text, max) => {
        const clipped = clipToCost(text, max);
        expect(text.startsWith(clipped)).toBe(true);
        expect(textCost(clipped)).toBeLessThanOrEqual(max);
        const last = clipped.charCodeAt(clipped.length - 1);
        expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
        if (clipped.length < text.length) {
          const longer = text.slice(0, clipped.length + (/[\ud800-\udbff]/.test(text[clipped.length]!) ? 2 : 1));
          expect(textCost(longer)).toBeGreaterThan(max);
        }
      }),
    );
  });
});
