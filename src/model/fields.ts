/**
 * Reading parsed YAML with reporting: each reader takes a field of a mapping, checks its type and
 * range, and records an issue (file, path, what is wrong, how to fix it) instead of throwing, so
 * validation goes on and reports everything in one pass. Used by validate.ts.
 */
import type { FieldPath, Issue } from './issues.js';
import { closest } from './ids.js';

export interface Loc {
  file: string;
  path: FieldPath;
}

export function at(loc: Loc, ...more: (string | number)[]): Loc {
  return { file: loc.file, path: [...loc.path, ...more] };
}

export type Data = Record<string, unknown>;

export function isMap(value: unknown): value is Data {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function short(text: string, max = 40): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return value.trim() === '' ? 'empty text' : `text «${short(value)}»`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (Array.isArray(value)) return 'a list';
  return 'a mapping (fields)';
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export class Report {
  readonly issues: Issue[] = [];

  error(loc: Loc, message: string, fix: string, line?: number): void {
    this.issues.push({ severity: 'error', file: loc.file, path: loc.path, message, fix, ...(line !== undefined ? { line } : {}) });
  }

  warn(loc: Loc, message: string, fix: string): void {
    this.issues.push({ severity: 'warning', file: loc.file, path: loc.path, message, fix });
  }

  /** A field the format requires is absent (or empty). */
  missing(loc: Loc, key: string, hint: string): void {
    this.error(at(loc, key), 'missing', `add \`${key}:\` (${hint})`);
  }

  /** A field has the wrong type. */
  mistyped(loc: Loc, expected: string, value: unknown, hint: string): void {
    let fix = hint;
    if (expected === 'text' && (typeof value === 'number' || typeof value === 'boolean')) {
      fix = `put the value in quotes so YAML reads it as text (${hint})`;
    } else if (expected.startsWith('a list') && typeof value === 'string') {
      fix = `write a list: \`[ … ]\` or one \`- item\` per line (${hint})`;
    }
    this.error(loc, `expected ${expected}, found ${describe(value)}`, fix);
  }

  /** Unknown fields: a misspelt field name silently drops what the author wrote. */
  unknownFields(obj: Data, loc: Loc, allowed: readonly string[], what: string): void {
    for (const key of Object.keys(obj)) {
      if (allowed.includes(key)) continue;
      const guess = closest(key, allowed);
      this.error(
        at(loc, key),
        `unknown field \`${key}\` in ${what}`,
        guess !== undefined
          ? `did you mean \`${guess}\`?`
          : `remove it, or use one of: ${allowed.join(', ')}`,
      );
    }
  }

  map(value: unknown, loc: Loc, what: string): Data | undefined {
    if (isMap(value)) return value;
    this.mistyped(loc, `${what} (a mapping of fields)`, value, `write \`field: value\` lines for ${what}`);
    return undefined;
  }

  /** Text field. `allowEmpty` for fields where "" means something (an editor's deletion). */
  text(
    obj: Data,
    key: string,
    loc: Loc,
    hint: string,
    opts: { required?: boolean; oneLine?: boolean; allowEmpty?: boolean; max?: number } = {},
  ): string | undefined {
    const { required = true, oneLine = false, allowEmpty = false } = opts;
    const value = obj[key];
    if (value === undefined || value === null || (!allowEmpty && typeof value === 'string' && value.trim() === '')) {
      if (required) this.missing(loc, key, hint);
      else if (value !== undefined) this.error(at(loc, key), 'is empty', `write ${hint}, or remove the field`);
      return undefined;
    }
    if (typeof value !== 'string') {
      this.mistyped(at(loc, key), 'text', value, hint);
      return undefined;
    }
    if (oneLine && /[\r\n]/.test(value)) {
      this.error(at(loc, key), 'contains a line break', 'write it on one line (use `>-` for a long line folded in the file)');
    }
    if (opts.max !== undefined && value.length > opts.max) {
      this.error(at(loc, key), `is ${value.length} characters long; at most ${opts.max} allowed`, 'shorten it');
    }
    return value;
  }

  number(
    obj: Data,
    key: string,
    loc: Loc,
    hint: string,
    opts: { required?: boolean; integer?: boolean; min?: number; max?: number; minExclusive?: boolean } = {},
  ): number | undefined {
    const { required = true, integer = false } = opts;
    const value = obj[key];
    if (value === undefined || value === null) {
      if (required) this.missing(loc, key, hint);
      return undefined;
    }
    const expected = integer ? 'a whole number' : 'a number';
    if (typeof value !== 'number' || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
      this.mistyped(at(loc, key), expected, value, hint);
      return undefined;
    }
    const tooLow = opts.min !== undefined && (opts.minExclusive ? value <= opts.min : value < opts.min);
    const tooHigh = opts.max !== undefined && value > opts.max;
    if (tooLow || tooHigh) {
      const low = opts.min === undefined ? '' : `${opts.minExclusive ? 'greater than' : 'at least'} ${opts.min}`;
      const range =
        opts.min !== undefined && opts.max !== undefined && !opts.minExclusive
          ? `from ${opts.min} to ${opts.max}`
          : [low, opts.max === undefined ? '' : `at most ${opts.max}`].filter(Boolean).join(' and ');
      this.error(at(loc, key), `${value} is out of range`, `use ${expected} ${range} (${hint})`);
      return undefined;
    }
    return value;
  }

  boolean(obj: Data, key: string, loc: Loc, hint: string): boolean | undefined {
    const value = obj[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') {
      this.mistyped(at(loc, key), 'true or false', value, hint);
      return undefined;
    }
    return value;
  }

  list(
    obj: Data,
    key: string,
    loc: Loc,
    hint: string,
    opts: { required?: boolean; min?: number; max?: number; maxReason?: string } = {},
  ): unknown[] | undefined {
    const { required = true } = opts;
    const value = obj[key];
    if (value === undefined || value === null) {
      if (required) this.missing(loc, key, hint);
      return undefined;
    }
    if (!Array.isArray(value)) {
      this.mistyped(at(loc, key), 'a list', value, hint);
      return undefined;
    }
    if (opts.min !== undefined && value.length < opts.min) {
      this.error(
        at(loc, key),
        `has ${plural(value.length, 'item')}; at least ${opts.min} needed`,
        `add ${opts.min - value.length} more (${hint})`,
      );
    }
    if (opts.max !== undefined && value.length > opts.max) {
      this.error(
        at(loc, key),
        `has ${plural(value.length, 'item')}; at most ${opts.max} allowed${opts.maxReason ? ` (${opts.maxReason})` : ''}`,
        `remove ${value.length - opts.max}, or split the question in two`,
      );
    }
    return value;
  }

  /** A list of text items. */
  texts(
    obj: Data,
    key: string,
    loc: Loc,
    hint: string,
    opts: { required?: boolean; min?: number; oneLine?: boolean } = {},
  ): string[] | undefined {
    const list = this.list(obj, key, loc, hint, opts);
    if (list === undefined) return undefined;
    const out: string[] = [];
    list.forEach((item, i) => {
      if (typeof item !== 'string') {
        this.mistyped(at(loc, key, i), 'text', item, hint);
      } else if (item.trim() === '') {
        this.error(at(loc, key, i), 'is empty', `write ${hint}, or remove the item`);
      } else {
        if (opts.oneLine && /[\r\n]/.test(item)) {
          this.error(at(loc, key, i), 'contains a line break', 'one item per paragraph: fold long lines with `>-`, start a new item for a new paragraph');
        }
        out.push(item);
      }
    });
    return out;
  }
}
