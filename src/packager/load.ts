/**
 * Reading a lesson folder from disk: YAML files parsed with their node ranges kept, so the packager
 * can turn any validation path into a line number; YAML syntax errors are issues like any other.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { FieldPath, Issue } from '../model/issues.js';
import type { RawFile, RawLesson } from '../model/raw.js';
import { LESSON_FILES, SEGMENTS_DIR, SOURCE_FILE } from '../model/raw.js';

export interface ParsedYaml {
  doc: Document;
  lines: LineCounter;
}

export interface LoadedLesson {
  raw: RawLesson;
  /** Parsed documents by displayed file name, for `lineOf`. */
  yaml: Map<string, ParsedYaml>;
  /** YAML syntax errors and warnings (validation is skipped for a lesson with syntax errors). */
  issues: Issue[];
}

/** Paths shown to authors: relative to the repository, with forward slashes. */
export function displayPath(root: string, path: string): string {
  const rel = relative(root, path);
  return (rel === '' || rel.startsWith('..') ? path : rel).split(sep).join('/');
}

export function parseYaml(text: string, file: string): { parsed: ParsedYaml; data: unknown; issues: Issue[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  const issues: Issue[] = [];
  for (const [severity, list] of [
    ['error', doc.errors],
    ['warning', doc.warnings],
  ] as const) {
    for (const e of list) {
      const line = e.linePos?.[0]?.line ?? 1;
      const message = e.message.split(/ at line \d+, column \d+/)[0]!.trim();
      issues.push({
        severity,
        file,
        path: [],
        line,
        message: `YAML: ${message}`,
        fix: YAML_FIXES[e.code] ?? 'check the indentation and quoting on this line (a value containing ": " or "#" needs quotes)',
      });
    }
  }
  return { parsed: { doc, lines }, data: doc.errors.length === 0 ? doc.toJS() : undefined, issues };
}

const YAML_FIXES: Record<string, string> = {
  DUPLICATE_KEY: 'remove one of the two fields with the same name',
  BAD_INDENT: 'indent this line like its siblings (spaces, not tabs)',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  MISSING_CHAR: 'close the quotation or bracket',
  MULTILINE_IMPLICIT_KEY: 'a value containing ": " needs quotes, or use `>-` and put the text on the next lines',
  BLOCK_AS_IMPLICIT_KEY: 'a value containing ": " needs quotes, or use `>-` and put the text on the next lines',
};

/** The 1-based line of a field path in a parsed file: the line of the field's key when it exists,
 * otherwise of the nearest enclosing field (for "missing" errors: the mapping that lacks it). */
export function lineOf(parsed: ParsedYaml, path: FieldPath): number {
  let node: unknown = parsed.doc.contents;
  let offset: number | undefined = rangeStart(node);
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === part);
      if (!pair) break;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part];
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else break;
  }
  return offset === undefined ? 1 : parsed.lines.linePos(offset).line;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range?.[0];
}

/** Read `dir` as a lesson. Missing files are left out of `raw` (validation reports them). */
export function loadLesson(dir: string, root: string): LoadedLesson {
  const shown = displayPath(root, dir);
  const raw: RawLesson = { dir: shown, folderName: basename(dir), segments: [] };
  const yaml = new Map<string, ParsedYaml>();
  const issues: Issue[] = [];

  const read = (path: string): RawFile | undefined => {
    if (!existsSync(path)) return undefined;
    const file = displayPath(root, path);
    const result = parseYaml(readFileSync(path, 'utf8'), file);
    yaml.set(file, result.parsed);
    issues.push(...result.issues);
    return { file, data: result.data };
  };

  for (const [key, spec] of Object.entries(LESSON_FILES)) {
    const file = read(join(dir, spec.name));
    if (file) raw[key as keyof typeof LESSON_FILES] = file;
  }
  const segmentsDir = join(dir, SEGMENTS_DIR);
  if (existsSync(segmentsDir) && statSync(segmentsDir).isDirectory()) {
    const names = readdirSync(segmentsDir)
      .filter((n) => /\.ya?ml$/.test(n))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const name of names) raw.segments.push(read(join(segmentsDir, name))!);
  }
  const source = join(dir, SOURCE_FILE);
  if (existsSync(source)) raw.source = { file: displayPath(root, source), text: readFileSync(source, 'utf8') };
  return { raw, yaml, issues };
}

/** Lesson folders under a lessons directory: every sub-folder not starting with "." or "_". */
export function lessonFolders(lessonsDir: string): string[] {
  if (!existsSync(lessonsDir)) return [];
  return readdirSync(lessonsDir)
    .filter((n) => !n.startsWith('.') && !n.startsWith('_') && statSync(join(lessonsDir, n)).isDirectory())
    .sort()
    .map((n) => join(lessonsDir, n));
}

/** Give every issue a line: from the YAML ranges, or 1 for a whole-file problem. */
export function withLines(issues: readonly Issue[], yaml: ReadonlyMap<string, ParsedYaml>): Issue[] {
  return issues.map((issue) => {
    if (issue.line !== undefined) return issue;
    const parsed = yaml.get(issue.file);
    if (!parsed) return issue;
    return { ...issue, line: lineOf(parsed, issue.path) };
  });
}
