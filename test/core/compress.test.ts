import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { compressBits, compressText, decompressBits, decompressText } from '../../src/core/compress.js';
import { PRIMER } from '../../src/core/primer.js';
import { ENGLISH, englishText } from './fixtures.js';

describe('compressText', () => {
  it('round-trips any string, lone surrogates included, in printable ASCII without spaces', () => {
    const unit = fc.nat(0xffff).map((u) => String.fromCharCode(u));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit, maxLength: 200 })), (text) => {
        const packed = compressText(text);
        expect(packed).toMatch(/^[\x21-\x7e]*$/);
        expect(decompressText(packed, text.length)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it('is the bit-level coder the current codec format packs (compressBits), 13 bits to 2 characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const bits = compressBits(text);
        expect(bits[bits.length - 1] ?? 1).toBe(1); // trailing zeros are left out
        expect(decompressBits(bits, text.length)).toBe(text);
        expect(compressText(text)).toHaveLength(2 * Math.ceil(bits.length / 13));
      }),
      { numRuns: 100 },
    );
  });

  it('halves English prose it has never seen, even a 300-character answer', () => {
    for (const text of ENGLISH) expect(PRIMER.includes(text.slice(0, 40))).toBe(false);
    for (const [length, ratio] of [
      [300, 0.6],
      [1000, 0.55],
    ] as const) {
      for (let seed = 0; seed < ENGLISH.length; seed++) {
        const text = englishText(length, seed);
        expect(compressText(text).length / text.length).toBeLessThan(ratio);
      }
    }
  });

  it('saves far more than lz-string on a short answer (why the codec does not use it)', () => {
    const text = englishText(300, 2);
    expect(LZString.compressToBase64(text).length).toBeGreaterThan(0.9 * text.length);
    expect(compressText(text).length).toBeLessThan(0.6 * text.length);
  });

  it('never throws on damaged input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.nat(400), (packed, length) => {
        const out = decompressText(packed, length);
        expect(out === null || out.length === length).toBe(true);
      }),
    );
  });
});
