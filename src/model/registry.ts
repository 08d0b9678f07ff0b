/**
 * The ids of a lesson: every id is registered where it is defined (so duplicates across files are
 * caught, whatever the kind), and every reference to a device, category, reference or segment is
 * remembered and checked once all files are read, with a "did you mean" for typos.
 */
import { formatPath } from './issues.js';
import { closest, isId, MAX_ID_LENGTH, RESERVED_IDS } from './ids.js';
import { at, type Data, type Loc, type Report } from './fields.js';

export type IdKind =
  | 'lesson'
  | 'category'
  | 'device'
  | 'glossary term'
  | 'history note'
  | 'reference'
  | 'editor\u2019s note'
  | 'segment'
  | 'question';

export type RefKind = 'device' | 'category' | 'reference' | 'segment';

interface Ref {
  kind: RefKind;
  id: string;
  loc: Loc;
  /** How to fix an unknown id. */
  where: string;
}

export const REF_SOURCE: Record<RefKind, string> = {
  device: 'a device id from taxonomy.yaml `devices`',
  category: 'a category id from taxonomy.yaml `categories`',
  reference: 'a reference id from references.yaml',
  segment: 'a segment id (the `id:` of a file in segments/)',
};

export class Ids {
  private readonly seen = new Map<string, { kind: IdKind; loc: Loc }>();
  private readonly refs: Ref[] = [];

  constructor(
    private readonly report: Report,
    private readonly dir: string,
  ) {}

  /** A file named relative to the lesson folder, for messages about another place. */
  shortFile(file: string): string {
    return file.startsWith(`${this.dir}/`) ? file.slice(this.dir.length + 1) : file;
  }

  /** Read and register an id field. */
  define(obj: Data, loc: Loc, kind: IdKind): string | undefined {
    const value = obj.id;
    const idLoc = at(loc, 'id');
    if (value === undefined || value === null || value === '') {
      this.report.missing(loc, 'id', `a ${kind} id: lowercase letters, digits and _`);
      return undefined;
    }
    if (typeof value !== 'string') {
      this.report.mistyped(idLoc, 'text', value, 'an id: lowercase letters, digits and _');
      return undefined;
    }
    if (!isId(value)) {
      const suggestion = value.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^[^a-z]+/, '');
      this.report.error(
        idLoc,
        value.length > MAX_ID_LENGTH
          ? `id is ${value.length} characters long; at most ${MAX_ID_LENGTH}`
          : `id \`${value}\` may use only lowercase letters, digits and _ and must start with a letter (ids reach the LMS, which rejects hyphens and spaces)`,
        suggestion !== '' && isId(suggestion) ? `use \`${suggestion}\`` : 'rename it',
      );
    }
    this.register(value, idLoc, kind);
    return value;
  }

  register(value: string, loc: Loc, kind: IdKind): void {
    if (RESERVED_IDS.includes(value)) {
      this.report.error(loc, `id \`${value}\` is reserved (the lesson's own pages and LMS objectives use it)`, 'choose another id');
      return;
    }
    const earlier = this.seen.get(value);
    if (earlier !== undefined) {
      this.report.error(
        loc,
        `duplicate id \`${value}\`: already used by the ${earlier.kind} at ${this.shortFile(earlier.loc.file)} ${formatPath(earlier.loc.path)}`,
        'ids must be unique across the whole lesson: rename one of them',
      );
      return;
    }
    this.seen.set(value, { kind, loc });
  }

  /** Remember a reference to check once every file is read. */
  refer(kind: RefKind, value: unknown, loc: Loc, where = REF_SOURCE[kind]): string | undefined {
    if (typeof value !== 'string' || value === '') {
      this.report.mistyped(loc, `a ${kind} id`, value, where);
      return undefined;
    }
    this.refs.push({ kind, id: value, loc, where });
    return value;
  }

  /** A list of references. */
  referList(kind: RefKind, obj: Data, key: string, loc: Loc, opts: { required: boolean; min?: number }): string[] {
    const value = obj[key];
    const hint = `${kind} ids, ${REF_SOURCE[kind]}`;
    if (value === undefined || value === null) {
      if (opts.required) this.report.missing(loc, key, `a list of ${hint}`);
      return [];
    }
    if (!Array.isArray(value)) {
      this.report.mistyped(at(loc, key), 'a list', value, `a list of ${hint}`);
      return [];
    }
    if (opts.min !== undefined && value.length < opts.min) {
      this.report.error(at(loc, key), `is empty; at least ${opts.min} needed`, `add ${hint}`);
    }
    const out: string[] = [];
    value.forEach((item, i) => {
      const id = this.refer(kind, item, at(loc, key, i));
      if (id !== undefined) {
        if (out.includes(id)) this.report.error(at(loc, key, i), `\`${id}\` is listed twice`, 'remove the repetition');
        out.push(id);
      }
    });
    return out;
  }

  kindOf(id: string): IdKind | undefined {
    return this.seen.get(id)?.kind;
  }

  idsOf(kind: IdKind): string[] {
    return [...this.seen].filter(([, v]) => v.kind === kind).map(([k]) => k);
  }

  /** Check every remembered reference against what was defined. */
  resolve(): void {
    for (const ref of this.refs) {
      const kind = this.kindOf(ref.id);
      if (kind === ref.kind) continue;
      const guess = closest(ref.id, this.idsOf(ref.kind));
      const what = kind !== undefined ? `\`${ref.id}\` is a ${kind}, not a ${ref.kind}` : `unknown ${ref.kind} \`${ref.id}\``;
      this.report.error(ref.loc, what, guess !== undefined ? `did you mean \`${guess}\`? (${ref.where})` : `use ${ref.where}`);
    }
  }
}
