/**
 * What validation reports: every problem names the file and the field path inside it, what is
 * wrong and how to fix it. Validation is pure (it sees parsed data, not text), so it cannot know
 * line numbers of YAML fields; the packager maps `path` to a line with the YAML parser's ranges.
 */

/** A field path inside one file: `['questions', 1, 'options', 2, 'feedback']`. */
export type FieldPath = readonly (string | number)[];

export type Severity = 'error' | 'warning';

export interface Issue {
  /** Errors stop the build; warnings are printed and the build goes on. */
  severity: Severity;
  /** Path of the file as shown to the author, e.g. `lessons/x/segments/03-enemy.yaml`. */
  file: string;
  /** Field inside the file; `[]` for the whole file. */
  path: FieldPath;
  /** What is wrong. */
  message: string;
  /** How to fix it. */
  fix: string;
  /** Set when the validator knows the line itself (plain-text files such as source.txt). */
  line?: number;
}

/** `questions[1].options[2].feedback` */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

/** The line (1-based) of a character offset in a text. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** A short excerpt around `offset`, on one line, for messages. */
export function excerpt(text: string, offset: number, radius = 30): string {
  const start = Math.max(0, offset - radius);
  const end = Math.min(text.length, offset + radius);
  const body = text.slice(start, end).replace(/\s+/g, ' ');
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
