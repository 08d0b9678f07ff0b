/**
 * Mixed-radix packing for the state codec: a list of fields, each a value below its own radix, held
 * as one integer (the first field least significant) and written in base 94 with the characters
 * "!" to "~". A field costs log2(radix) bits exactly, never a rounded-up bit or character: an option
 * among 4 takes 2 bits, a device among 5 takes 2.32, and the whole costs one character per 6.55 bits.
 *
 * The length in characters depends only on the radices (`digitsFor(product)`), never on the values,
 * so the longest encoding is the one with the largest radices.
 */

const D0 = 0x21;
const BASE = 94;
const BASE_N = 94n;
/** 8 base-94 digits per step: 94^8 < 2^53. */
const STEP = 8;
const STEP_N = BASE_N ** BigInt(STEP);
const MAX_RADIX = 2 ** 53;
/** Bits per field of a bit set. */
const BIT_CHUNK = 30;
/** log2(94): bits per character. */
export const LOG2_BASE = Math.log2(BASE);

export class RadixWriter {
  private readonly values: number[] = [];
  private readonly radices: number[] = [];
  /** log2 of the product of the radices (an estimate: `product` is exact). */
  size = 0;

  /** A value in 0 … radix − 1, radix a safe integer (a radix of 1 stores nothing). */
  put(value: number, radix: number): this {
    if (!(Number.isSafeInteger(radix) && radix >= 1 && radix <= MAX_RADIX && Number.isSafeInteger(value) && value >= 0 && value < radix)) {
      throw new RangeError(`codec: ${value} does not fit radix ${radix}`);
    }
    if (radix > 1) {
      this.values.push(value);
      this.radices.push(radix);
      this.size += Math.log2(radix);
    }
    return this;
  }

  /** Bits, 30 to a field. */
  bits(bits: readonly (boolean | number)[]): this {
    for (let i = 0; i < bits.length; i += BIT_CHUNK) {
      const n = Math.min(BIT_CHUNK, bits.length - i);
      let v = 0;
      for (let k = 0; k < n; k++) v = 2 * v + (bits[i + k] ? 1 : 0);
      this.put(v, 2 ** n);
    }
    return this;
  }

  /** A count below 2^31 of unknown size: its bit length (radix 32), then the bits below the top. */
  count(n: number): this {
    if (!(Number.isSafeInteger(n) && n >= 0 && n < 2 ** 31)) throw new RangeError(`codec: ${n} is not a count`);
    const k = 32 - Math.clz32(n);
    this.put(k, 32);
    if (k > 1) this.put(n - 2 ** (k - 1), 2 ** (k - 1));
    return this;
  }

  /** The product of the radices: every encoding with these radices is below it. */
  product(): bigint {
    let p = 1n;
    let chunk = 1;
    for (const r of this.radices) {
      if (chunk * r > MAX_RADIX) {
        p *= BigInt(chunk);
        chunk = 1;
      }
      chunk *= r;
    }
    return p * BigInt(chunk);
  }

  /** The fields as one integer (Horner's rule from the last field, in exact chunks below 2^53). */
  value(): bigint {
    let n = 0n;
    let v = 0;
    let r = 1;
    for (let i = this.values.length - 1; i >= 0; i--) {
      const radix = this.radices[i]!;
      if (r * radix > MAX_RADIX) {
        n = n * BigInt(r) + BigInt(v);
        v = 0;
        r = 1;
      }
      v = v * radix + this.values[i]!;
      r *= radix;
    }
    return n * BigInt(r) + BigInt(v);
  }
}

/** How many base-94 characters hold every value below `limit` (≥ 1). */
export function digitsFor(limit: bigint): number {
  const max = limit - 1n;
  if (max <= 0n) return 0;
  let length = Math.max(0, Math.floor((max.toString(2).length - 1) / LOG2_BASE));
  let power = BASE_N ** BigInt(length);
  while (power <= max) {
    power *= BASE_N;
    length++;
  }
  return length;
}

/** `n` as exactly `length` base-94 characters (most significant first). */
export function writeDigits(n: bigint, length: number): string {
  const parts: string[] = [];
  let rest = n;
  for (let done = 0; done < length; done += STEP) {
    const width = Math.min(STEP, length - done);
    const q = rest / STEP_N;
    let v = Number(rest - q * STEP_N);
    rest = q;
    let s = '';
    for (let k = 0; k < width; k++) {
      s = String.fromCharCode(D0 + (v % BASE)) + s;
      v = Math.floor(v / BASE);
    }
    parts.push(s);
  }
  return parts.reverse().join('');
}

/** Inverse of `writeDigits`, or null for a character outside "!" to "~". */
export function readDigits(s: string): bigint | null {
  let n = 0n;
  const head = s.length % STEP;
  for (let i = 0; i < s.length; ) {
    const width = i === 0 && head ? head : STEP;
    let v = 0;
    for (let k = 0; k < width; k++) {
      const d = s.charCodeAt(i + k) - D0;
      if (!(d >= 0 && d < BASE)) return null;
      v = v * BASE + d;
    }
    n = n * (width === STEP ? STEP_N : BASE_N ** BigInt(width)) + BigInt(v);
    i += width;
  }
  return n;
}

export class RadixReader {
  /** Bits the fields read so far may still take: a valid encoding never reads more than its
   * characters hold, so hostile input cannot make the reader loop for long. */
  private budget: number;
  constructor(
    private n: bigint,
    characters: number,
    private readonly fail: (why: string) => Error,
  ) {
    this.budget = characters * LOG2_BASE + 1e-6;
  }

  get(radix: number): number {
    if (radix <= 1) return 0;
    this.budget -= Math.log2(radix);
    if (this.budget < 0) throw this.fail('reads past the end');
    const r = BigInt(radix);
    const q = this.n / r;
    const v = Number(this.n - q * r);
    this.n = q;
    return v;
  }

  bits(length: number): boolean[] {
    const out: boolean[] = [];
    for (let i = 0; i < length; i += BIT_CHUNK) {
      const n = Math.min(BIT_CHUNK, length - i);
      const v = this.get(2 ** n);
      for (let k = n - 1; k >= 0; k--) out.push(Math.floor(v / 2 ** k) % 2 === 1);
    }
    return out;
  }

  count(): number {
    const k = this.get(32);
    return k <= 1 ? k : 2 ** (k - 1) + this.get(2 ** (k - 1));
  }

  /** Whether every field has been read (what is left is zero). */
  done(): boolean {
    return this.n === 0n;
  }
}
