/**
 * Pure string and number helpers shared by both dialects. Lengths are counted in UTF-16 code
 * units (JavaScript's `length`), the strictest count an LMS may apply, and cuts never split a
 * surrogate pair.
 */

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const LINE_BREAKS = /\s*(?:\r\n|\r|\n|\u2028|\u2029)+\s*/g;

/** Where a cut at `max` falls without splitting a surrogate pair. */
function safeCut(text: string, max: number): number {
  if (text.length <= max) return text.length;
  if (max <= 0) return 0;
  const last = text.charCodeAt(max - 1);
  return last >= 0xd800 && last <= 0xdbff ? max - 1 : max;
}

/** `text` cut to at most `max` code units. */
export function clip(text: string, max: number): string {
  return text.slice(0, safeCut(text, max));
}

/** `text` in consecutive pieces of at most `max` code units; joined, they give `text` back. */
export function chunk(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > 0) {
    const cut = Math.max(1, safeCut(rest, max));
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  return pieces.length > 0 ? pieces : [''];
}

/** One line of text: line breaks become " / " (LMS response fields allow no newline), control
 * characters go, the ends are trimmed. */
export function oneLine(text: string): string {
  return text.replace(CONTROL, '').trim().replace(LINE_BREAKS, ' / ').replace(/\t/g, ' ');
}

/** A value read from the LMS made safe to show: one line, clipped; empty becomes null. */
export function cleanLmsText(raw: string | null, max: number): string | null {
  if (raw === null) return null;
  const text = clip(oneLine(raw), max);
  return text.length > 0 ? text : null;
}

/** An identifier every LMS accepts: letters, digits, "_" and "." only (Moodle rejects hyphens in
 * 2004 ids; 1.2 forbids spaces), at most `max` characters. */
export function safeId(id: string, max: number): string {
  const cleaned = clip(id.replace(/[^A-Za-z0-9_.]/g, '_'), max);
  return cleaned.length > 0 ? cleaned : '_';
}

/** A plain decimal ("70", "-0.5", "85.25"); anything else (exponents, spaces, "abc") is null. */
export function parseDecimal(raw: string | null): number | null {
  if (raw === null) return null;
  const text = raw.trim();
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** A non-negative integer ("12"); anything else is null. */
export function parseCount(raw: string | null): number | null {
  if (raw === null || !/^\s*\d{1,9}\s*$/.test(raw)) return null;
  return Number(raw.trim());
}

export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

export function clamp(value: number, min: number, max: number): number {
  if (Number.isNaN(value)) return min;
  return Math.min(max, Math.max(min, value));
}

/** A number as SCORM's decimal types want it: no exponent, no trailing zeros. */
export function decimal(value: number, decimals = 4): string {
  const rounded = round(value, decimals);
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

export const pad = (value: number, width: number): string => String(value).padStart(width, '0');
