/**
 * The codec's mixed-radix packing: fields of any radix, one integer, base-94 characters, each field
 * costing exactly log2(radix) bits, the length depending on the radices only.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digitsFor, RadixReader, RadixWriter, readDigits, writeDigits } from '../../src/core/codec-radix.js';

type Field = { kind: 'put'; value: number; radix: number } | { kind: 'bits'; bits: boolean[] } | { kind: 'count'; n: number };

const field: fc.Arbitrary<Field> = fc.oneof(
  fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }).chain((radix) => fc.record({ kind: fc.constant('put' as const), value: fc.integer({ min: 0, max: radix - 1 }), radix: fc.constant(radix) })),
  fc.integer({ min: 1, max: 7 }).chain((radix) => fc.record({ kind: fc.constant('put' as const), value: fc.integer({ min: 0, max: radix - 1 }), radix: fc.constant(radix) })),
  fc.record({ kind: fc.constant('bits' as const), bits: fc.array(fc.boolean(), { maxLength: 100 }) }),
  fc.record({ kind: fc.constant('count' as const), n: fc.integer({ min: 0, max: 2 ** 31 - 1 }) }),
);

function write(fields: Field[]): RadixWriter {
  const w = new RadixWriter();
  for (const f of fields) {
    if (f.kind === 'put') w.put(f.value, f.radix);
    else if (f.kind === 'bits') w.bits(f.bits);
    else w.count(f.n);
  }
  return w;
}

describe('RadixWriter / RadixReader', () => {
  it('round-trip any fields through base-94 characters, in exactly the length the radices call for', () => {
    fc.assert(
      fc.property(fc.array(field, { maxLength: 40 }), (fields) => {
        const w = write(fields);
        const length = digitsFor(w.product());
        const text = writeDigits(w.value(), length);
        expect(text).toMatch(/^[!-~]*$/);
        expect(text).toHaveLength(length);
        const r = new RadixReader(readDigits(text)!, length, (why) => new Error(why));
        for (const f of fields) {
          if (f.kind === 'put') expect(r.get(f.radix)).toBe(f.value);
          else if (f.kind === 'bits') expect(r.bits(f.bits.length)).toEqual(f.bits);
          else expect(r.count()).toBe(f.n);
        }
        expect(r.done()).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('charges each field log2(radix) bits, not a whole bit or character', () => {
    const w = new RadixWriter();
    for (let i = 0; i < 1000; i++) w.put(2, 3); // 1000 × log2(3) = 1585 bits
    expect(digitsFor(w.product())).toBe(Math.ceil((1000 * Math.log2(3)) / Math.log2(94)));
  });

  it('needs as many characters for the largest value as for the smallest', () => {
    const radices = [7, 2 ** 40, 94, 3, 1000];
    const low = new RadixWriter();
    const high = new RadixWriter();
    for (const r of radices) {
      low.put(0, r);
      high.put(r - 1, r);
    }
    expect(high.value()).toBe(high.product() - 1n);
    expect(digitsFor(high.product())).toBe(digitsFor(low.product()));
    expect(writeDigits(low.value(), digitsFor(low.product()))).toMatch(/^!+$/);
  });

  it('refuses a value outside its radix, and a reader refuses to read past what the characters hold', () => {
    expect(() => new RadixWriter().put(3, 3)).toThrow(RangeError);
    expect(() => new RadixWriter().put(-1, 3)).toThrow(RangeError);
    const r = new RadixReader(readDigits('~~')!, 2, (why) => new Error(why));
    expect(r.get(94 * 94)).toBe(94 * 94 - 1);
    expect(() => r.get(2)).toThrow('reads past the end');
    expect(readDigits('ab c')).toBeNull();
  });
});
