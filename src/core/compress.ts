/**
 * A small text compressor for reflections in suspend data: prediction by partial matching (PPM,
 * method C with exclusions, orders 2-1-0 and a uniform order −1) driving a binary arithmetic coder,
 * with the model primed on a fixed English text (core/primer.ts) so that even a 300-character
 * answer starts from English statistics. Output is bits (`compressBits`, which the codec packs with
 * the rest of the state) or, for the codec's first format, printable ASCII (13 bits in 2 characters).
 *
 * Why not lz-string: on a 300-character English answer it saves about 3 % (measured: 300 → 292
 * characters of base64), because LZ has nothing to refer back to in a short text; this coder saves
 * about half (see test/core/codec.test.ts). It is also one less CommonJS module for the IIFE bundle.
 *
 * Deterministic by construction: integer arithmetic only (all products stay below 2^53), model
 * updates in a fixed order. Changing the primer or the model changes the output, so either needs a
 * new codec format version (core/codec.ts `FORMAT`).
 */
import { PRIMER } from './primer.js';

// ---------------------------------------------------------------------------------------------
// Arithmetic coder (Witten, Neal & Cleary 1987), 32-bit registers held in doubles.

const TOP = 2 ** 32 - 1;
const HALF = 2 ** 31;
const QUARTER = 2 ** 30;

/** floor(p / c) for integers p < 2^53, c > 0, exact even where the float quotient rounds up. */
function idiv(p: number, c: number): number {
  let q = Math.floor(p / c);
  while (q * c > p) q--;
  while ((q + 1) * c <= p) q++;
  return q;
}

class BitWriter {
  bits: number[] = [];
  private pending = 0;
  push(bit: number): void {
    this.bits.push(bit);
    for (; this.pending > 0; this.pending--) this.bits.push(1 - bit);
  }
  defer(): void {
    this.pending++;
  }
}

class Encoder {
  private low = 0;
  private high = TOP;
  readonly out = new BitWriter();
  encode(cumLow: number, cumHigh: number, total: number): void {
    const range = this.high - this.low + 1;
    this.high = this.low + idiv(range * cumHigh, total) - 1;
    this.low = this.low + idiv(range * cumLow, total);
    for (;;) {
      if (this.high < HALF) this.out.push(0);
      else if (this.low >= HALF) {
        this.out.push(1);
        this.low -= HALF;
        this.high -= HALF;
      } else if (this.low >= QUARTER && this.high < 3 * QUARTER) {
        this.out.defer();
        this.low -= QUARTER;
        this.high -= QUARTER;
      } else break;
      this.low = 2 * this.low;
      this.high = 2 * this.high + 1;
    }
  }
  finish(): number[] {
    this.out.defer();
    this.out.push(this.low < QUARTER ? 0 : 1);
    const bits = this.out.bits;
    // The decoder reads missing bits as 0, so trailing zeros carry nothing.
    while (bits.length && bits[bits.length - 1] === 0) bits.pop();
    return bits;
  }
}

class Decoder {
  private low = 0;
  private high = TOP;
  private value = 0;
  private pos = 0;
  constructor(private readonly bits: readonly number[]) {
    for (let i = 0; i < 32; i++) this.value = 2 * this.value + this.next();
  }
  private next(): number {
    return this.bits[this.pos++] ?? 0;
  }
  /** The cumulative count the next symbol's interval contains. */
  target(total: number): number {
    const range = this.high - this.low + 1;
    return idiv((this.value - this.low + 1) * total - 1, range);
  }
  consume(cumLow: number, cumHigh: number, total: number): void {
    const range = this.high - this.low + 1;
    this.high = this.low + idiv(range * cumHigh, total) - 1;
    this.low = this.low + idiv(range * cumLow, total);
    for (;;) {
      if (this.high < HALF) {
        /* nothing to subtract */
      } else if (this.low >= HALF) {
        this.low -= HALF;
        this.high -= HALF;
        this.value -= HALF;
      } else if (this.low >= QUARTER && this.high < 3 * QUARTER) {
        this.low -= QUARTER;
        this.high -= QUARTER;
        this.value -= QUARTER;
      } else break;
      this.low = 2 * this.low;
      this.high = 2 * this.high + 1;
      this.value = 2 * this.value + this.next();
    }
  }
}

// ---------------------------------------------------------------------------------------------
// PPM model

interface Context {
  syms: number[];
  counts: number[];
  total: number;
}

const MAX_TOTAL = 1 << 15;
const UNIFORM = 0x10000;

function bump(ctx: Context, sym: number): void {
  const i = ctx.syms.indexOf(sym);
  if (i >= 0) ctx.counts[i]!++;
  else {
    ctx.syms.push(sym);
    ctx.counts.push(1);
  }
  ctx.total++;
  if (ctx.total > MAX_TOTAL) {
    ctx.total = 0;
    for (let k = 0; k < ctx.counts.length; k++) {
      ctx.counts[k] = Math.ceil(ctx.counts[k]! / 2);
      ctx.total += ctx.counts[k]!;
    }
  }
}

class Model {
  private readonly o2 = new Map<number, Context>();
  private readonly o1 = new Map<number, Context>();
  private readonly o0: Context = { syms: [], counts: [], total: 0 };
  private p1 = -1;
  private p2 = -1;

  /** The contexts to try, highest order first; absent ones are skipped (both sides agree). */
  contexts(): Context[] {
    const list: Context[] = [];
    const c2 = this.p2 >= 0 ? this.o2.get(this.p2 * UNIFORM + this.p1) : undefined;
    const c1 = this.p1 >= 0 ? this.o1.get(this.p1) : undefined;
    if (c2) list.push(c2);
    if (c1) list.push(c1);
    if (this.o0.syms.length) list.push(this.o0);
    return list;
  }

  update(sym: number): void {
    if (this.p2 >= 0) {
      const key = this.p2 * UNIFORM + this.p1;
      let c = this.o2.get(key);
      if (!c) this.o2.set(key, (c = { syms: [], counts: [], total: 0 }));
      bump(c, sym);
    }
    if (this.p1 >= 0) {
      let c = this.o1.get(this.p1);
      if (!c) this.o1.set(this.p1, (c = { syms: [], counts: [], total: 0 }));
      bump(c, sym);
    }
    bump(this.o0, sym);
    this.p2 = this.p1;
    this.p1 = sym;
  }

  /** Forget the previous characters (start of a new text) but keep the statistics. */
  restart(): void {
    this.p1 = -1;
    this.p2 = -1;
  }
}

let primed: string | null = null;
/** A model that has seen every printable ASCII character, the line break and the primer. */
function primedModel(): Model {
  const m = new Model();
  primed ??= '\n' + Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('') + '\n' + PRIMER;
  for (let i = 0; i < primed.length; i++) m.update(primed.charCodeAt(i));
  m.restart();
  return m;
}

/** Interval of `sym` in `ctx` with the excluded symbols left out; escape is the last interval. */
function interval(ctx: Context, sym: number, excluded: ReadonlySet<number>): { low: number; high: number; total: number; found: boolean } {
  let cum = 0;
  let low = -1;
  let high = -1;
  for (let i = 0; i < ctx.syms.length; i++) {
    const s = ctx.syms[i]!;
    if (excluded.has(s)) continue;
    if (s === sym) {
      low = cum;
      high = cum + ctx.counts[i]!;
    }
    cum += ctx.counts[i]!;
  }
  const total = cum + ctx.syms.length; // PPM method C: escape count = distinct symbols
  return low >= 0 ? { low, high, total, found: true } : { low: cum, high: total, total, found: false };
}

// ---------------------------------------------------------------------------------------------
// Bits ↔ printable ASCII: 13 bits in two characters of the 94 from "!" to "~" (8192 ≤ 94²).

const D0 = 0x21;
const B = 94;

function bitsToAscii(bits: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bits.length; i += 13) {
    const n = Math.min(13, bits.length - i);
    let v = 0;
    for (let k = 0; k < 13; k++) v = 2 * v + (k < n ? bits[i + k]! : 0);
    out += String.fromCharCode(D0 + Math.floor(v / B), D0 + (v % B));
  }
  return out;
}

function asciiToBits(text: string): number[] | null {
  if (text.length % 2) return null;
  const bits: number[] = [];
  for (let i = 0; i < text.length; i += 2) {
    const hi = text.charCodeAt(i) - D0;
    const lo = text.charCodeAt(i + 1) - D0;
    if (hi < 0 || hi >= B || lo < 0 || lo >= B) return null;
    const v = hi * B + lo;
    if (v >= 8192) return null;
    for (let k = 12; k >= 0; k--) bits.push((v >> k) & 1);
  }
  return bits;
}

// ---------------------------------------------------------------------------------------------

/** Compress `text` (any UTF-16 string) to bits, trailing zeros dropped (the decoder reads missing
 * bits as 0). The length of the text is not included: the caller stores it. */
export function compressBits(text: string): number[] {
  const model = primedModel();
  const enc = new Encoder();
  for (let i = 0; i < text.length; i++) {
    const sym = text.charCodeAt(i);
    const excluded = new Set<number>();
    let coded = false;
    for (const ctx of model.contexts()) {
      const iv = interval(ctx, sym, excluded);
      enc.encode(iv.low, iv.high, iv.total);
      if (iv.found) {
        coded = true;
        break;
      }
      for (const s of ctx.syms) excluded.add(s);
    }
    if (!coded) enc.encode(sym, sym + 1, UNIFORM);
    model.update(sym);
  }
  return enc.finish();
}

/** Compress `text` (any UTF-16 string) to printable ASCII from "!" to "~", of even length (the
 * codec's first format, P1). The length of the text is not included: the caller stores it. */
export function compressText(text: string): string {
  return bitsToAscii(compressBits(text));
}

/** Inverse of `compressText` given the text's length in UTF-16 code units; null (never throws)
 * for input that `compressText` cannot have produced. */
export function decompressText(packed: string, length: number): string | null {
  const bits = asciiToBits(packed);
  return bits && decompressBits(bits, length);
}

/** Inverse of `compressBits` given the text's length in UTF-16 code units; null (never throws)
 * for input that `compressBits` cannot have produced. */
export function decompressBits(bits: readonly number[], length: number): string | null {
  if (!Number.isInteger(length) || length < 0) return null;
  const model = primedModel();
  const dec = new Decoder(bits);
  const units: number[] = [];
  for (let n = 0; n < length; n++) {
    const excluded = new Set<number>();
    let sym = -1;
    for (const ctx of model.contexts()) {
      let cum = 0;
      for (let i = 0; i < ctx.syms.length; i++) if (!excluded.has(ctx.syms[i]!)) cum += ctx.counts[i]!;
      const total = cum + ctx.syms.length;
      const t = dec.target(total);
      if (t < 0 || t >= total) return null;
      if (t >= cum) {
        dec.consume(cum, total, total);
        for (const s of ctx.syms) excluded.add(s);
        continue;
      }
      let low = 0;
      for (let i = 0; i < ctx.syms.length; i++) {
        const s = ctx.syms[i]!;
        if (excluded.has(s)) continue;
        const high = low + ctx.counts[i]!;
        if (t < high) {
          dec.consume(low, high, total);
          sym = s;
          break;
        }
        low = high;
      }
      break;
    }
    if (sym < 0) {
      const t = dec.target(UNIFORM);
      if (t < 0 || t >= UNIFORM) return null;
      dec.consume(t, t + 1, UNIFORM);
      sym = t;
    }
    units.push(sym);
    model.update(sym);
  }
  let out = '';
  for (let i = 0; i < units.length; i += 4096) out += String.fromCharCode(...units.slice(i, i + 4096));
  return out;
}
