/**
 * How a student's free text is written into suspend data, and what it costs there.
 *
 * SCORM 1.2 defines cmi.suspend_data as at most 4096 ASCII characters, so a reflection has to be
 * escaped into printable ASCII. Printable ASCII cannot hold arbitrary text one character for one:
 * a character of the Basic Multilingual Plane carries almost 16 bits, a printable ASCII character
 * at most 6.6, so no encoding fits 2500 arbitrary characters in 4096. The module therefore limits a
 * reflection by its *cost*, the length of this escaping, not by its character count:
 *
 *   - 1 for printable ASCII (space to "~"), except the nine escape leads `~^|\{}<>
 *   - 2 for a line break, tab, no-break space, the leads, and the typographic characters and
 *     accented Latin letters of `COMMON` (’ “ ” — – … é ü ß, …)
 *   - 3 for any other UTF-16 code unit (so a character outside the BMP, two code units, costs 6)
 *
 * For English prose the cost is the character count plus one for each curly quote or dash. A
 * reflection's `maxLength` is a limit on this cost (see `textCost`, `clipToCost`), which is what
 * lets the codec guarantee a fit for any text.
 */

/** Leads of the 3-character escape: lead i stands for code units i×9025 … i×9025+9024. */
const LEAD3 = '`~^|\\{}<';
/** Lead of the 2-character escape into `COMMON`. */
const LEAD2 = '>';
const FIRST = 0x20; // the 95 printable ASCII characters, space to "~", carry escape digits
const RADIX = 95;

/** Characters that cost 2: the leads themselves, whitespace controls, and what English typing on a
 * phone or a word processor produces most (curly quotes, dashes, ellipsis, accented letters). */
export const COMMON =
  '`~^|\\{}<>\n\t\r\u00a0' +
  '\u2019\u2018\u201c\u201d\u2014\u2013\u2026\u2022\u00b7\u2010\u2011\u2212\u2032\u2033\u00ab\u00bb\u2039\u203a\u201e\u201a' +
  '\u00a1\u00bf\u00a7\u00b6\u00a9\u00ae\u2122\u00b0\u00b1\u00d7\u00f7\u00bd\u00bc\u00be\u20ac\u00a3\u00a5\u00a2' +
  'éèêëàâäáåãæçîïíìñôöóòõøœûüúùÿß' +
  'ÉÈÊÀÂÄÁÇÎÏÍÔÖ';

const commonIndex = new Map<number, number>([...COMMON].map((c, i) => [c.charCodeAt(0), i]));
const leads = new Set([...LEAD3, LEAD2].map((c) => c.charCodeAt(0)));

function isLiteral(u: number): boolean {
  return u >= FIRST && u <= 0x7e && !leads.has(u);
}

/** Cost of one UTF-16 code unit (see the module comment). */
export function unitCost(u: number): 1 | 2 | 3 {
  return isLiteral(u) ? 1 : commonIndex.has(u) ? 2 : 3;
}

/** The length `escapeText(text)` has: what the text costs against a reflection's maxLength. */
export function textCost(text: string): number {
  let cost = 0;
  for (let i = 0; i < text.length; i++) cost += unitCost(text.charCodeAt(i));
  return cost;
}

/** The longest start of `text` that costs at most `max`, never splitting a surrogate pair. For a
 * text area that receives a paste longer than the limit. */
export function clipToCost(text: string, max: number): string {
  let cost = 0;
  let i = 0;
  for (; i < text.length; i++) {
    cost += unitCost(text.charCodeAt(i));
    if (cost > max) break;
  }
  if (i < text.length && i > 0) {
    const before = text.charCodeAt(i - 1);
    if (before >= 0xd800 && before <= 0xdbff) i--; // keep a pair whole
  }
  return text.slice(0, i);
}

const digit = (v: number) => String.fromCharCode(FIRST + v);

/** Printable ASCII for any string (lone surrogates included), `textCost(text)` characters long. */
export function escapeText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (isLiteral(u)) out += text[i];
    else {
      const common = commonIndex.get(u);
      if (common !== undefined) out += LEAD2 + digit(common);
      else out += LEAD3[Math.floor(u / (RADIX * RADIX))]! + digit(Math.floor(u / RADIX) % RADIX) + digit(u % RADIX);
    }
  }
  return out;
}

/** Inverse of `escapeText`. Returns null (never throws) when `escaped` is not a valid escaping. */
export function unescapeText(escaped: string): string | null {
  const units: number[] = [];
  const value = (i: number) => {
    const c = escaped.charCodeAt(i);
    return c >= FIRST && c <= 0x7e ? c - FIRST : -1;
  };
  for (let i = 0; i < escaped.length; ) {
    const c = escaped[i]!;
    const u = c.charCodeAt(0);
    if (isLiteral(u)) {
      units.push(u);
      i += 1;
    } else if (c === LEAD2) {
      const v = value(i + 1);
      const ch = v >= 0 ? COMMON.charCodeAt(v) : NaN;
      if (Number.isNaN(ch)) return null;
      units.push(ch);
      i += 2;
    } else {
      const lead = LEAD3.indexOf(c);
      const hi = value(i + 1);
      const lo = value(i + 2);
      if (lead < 0 || hi < 0 || lo < 0) return null;
      const unit = lead * RADIX * RADIX + hi * RADIX + lo;
      if (unit > 0xffff) return null;
      units.push(unit);
      i += 3;
    }
  }
  let out = '';
  for (let i = 0; i < units.length; i += 4096) out += String.fromCharCode(...units.slice(i, i + 4096));
  return out;
}
