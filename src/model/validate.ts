/**
 * Lesson validation: pure, over the parsed files of a lesson folder (see raw.ts). Returns every
 * problem it finds, each with its file, field path, what is wrong and how to fix it, so an author
 * can correct a lesson in one pass. The packager adds line numbers; `compile` may assume a lesson
 * without errors.
 *
 * What is checked, in the order an author meets it: file presence, fields and their types (unknown
 * fields too, since a misspelt field silently loses content), id format and uniqueness across the
 * whole lesson, references between files (devices, categories, references, segments), quotations
 * (found exactly once in their segment), question rules (correct answers, option and pair counts
 * that SCORM 1.2's single-character ids allow, feedback for every option, reflection lengths within
 * the state budget, LMS summaries), placeholders left in, and text fidelity against source.txt.
 */
import { DEVICE_KINDS, QUESTION_TYPES } from './lesson.js';
import type { Issue } from './issues.js';
import { lineAt } from './issues.js';
import { closest, isLessonId, MAX_OPTIONS, MAX_PAIRS } from './ids.js';
import { at, describe, isMap, plural, Report, short, type Data, type Loc } from './fields.js';
import { Ids, REF_SOURCE } from './registry.js';
import type { QuoteScope } from './quotes.js';
import { describeOccurrences, resolveQuote, toTextQuote } from './quotes.js';
import type { LessonParagraph, NoteSelector } from './fidelity.js';
import { applyEditorsNotes, firstMismatch, normalizeSource, toSourceOffset } from './fidelity.js';
import type { RawFile, RawLesson } from './raw.js';
import { LESSON_FILES, SEGMENTS_DIR, SOURCE_FILE } from './raw.js';

/** The authored schema versions this build reads. */
export const SUPPORTED_SCHEMA_VERSIONS: readonly number[] = [1];

/** The budget when the caller gives none: 5 segment reflections of 300 characters plus 1000 for
 * the synthesis. The build passes the codec's own REFLECTION_BUDGET (src/core/codec.ts; the model
 * may not import the core). */
export const DEFAULT_REFLECTION_BUDGET = 2500;

/** The LMS's interaction description limit (SCORM 2004 cmi.interactions.n.description). */
export const MAX_SUMMARY_LENGTH = 250;

/** More options than this is allowed by SCORM but hard to read; the format asks for 2-8. */
export const RECOMMENDED_MAX_OPTIONS = 8;

export const DEFAULT_TRIES = 2;
export const DEFAULT_THRESHOLD = 0.6;
export const DEFAULT_MIN_LENGTH = 50;
export const MAX_TRIES = 10;

export interface ValidateOptions {
  /** Maximum total of reflection maxLength the state codec guarantees to fit SCORM 1.2. */
  reflectionBudget?: number;
}

/** The page types questions can sit on, and the question types each allows. */
const TYPES_ON_PAGE = {
  segment: ['single', 'multiple', 'match', 'highlight', 'reflection'],
  pre: ['single', 'multiple', 'match'],
  post: ['single', 'multiple', 'match'],
  synthesis: ['single', 'multiple', 'match', 'reflection'],
} as const;

type PageKind = keyof typeof TYPES_ON_PAGE;

const COMMON_QUESTION_FIELDS = ['id', 'type', 'prompt', 'devices', 'explanation', 'tries', 'weight', 'summary'];
const QUESTION_FIELDS: Record<string, string[]> = {
  single: ['options'],
  multiple: ['options'],
  match: ['pairs', 'distractors'],
  highlight: ['device', 'key', 'threshold', 'feedback'],
  reflection: ['rubric', 'steps', 'minLength', 'maxLength', 'modelAnswer'],
};

/** Words that mark unfinished text. The brief forbids them in lessons/. */
// Written with character classes so the marker words themselves never appear in src/.
const PLACEHOLDER = /\b(T[O]DO|F[I]XME|T[B]D)\b/;

// ---------------------------------------------------------------------------------------------
// The validator

interface SegmentInfo {
  id: string;
  loc: Loc;
  paragraphs: string[];
  /** False when a paragraph had an error: fidelity is then not checked (it would only repeat it). */
  textOk: boolean;
}

interface ReflectionInfo {
  id: string;
  idLoc: Loc;
  loc: Loc;
  page: PageKind;
  maxLength: number;
}

export function validate(raw: RawLesson, options: ValidateOptions = {}): Issue[] {
  return new Validator(raw, options.reflectionBudget ?? DEFAULT_REFLECTION_BUDGET).run();
}

class Validator {
  private readonly report = new Report();
  private readonly ids: Ids;
  private readonly segments: SegmentInfo[] = [];
  private readonly reflections: ReflectionInfo[] = [];
  private readonly questionIds = new Set<string>();
  /** Appendix paragraphs: shown to students, so glossary terms may be marked there too. */
  private appendixText: string[] = [];

  constructor(
    private readonly raw: RawLesson,
    private readonly reflectionBudget: number,
  ) {
    this.ids = new Ids(this.report, raw.dir);
  }

  run(): Issue[] {
    const raw = this.raw;
    for (const [key, spec] of Object.entries(LESSON_FILES)) {
      if (spec.required && raw[key as keyof typeof LESSON_FILES] === undefined) {
        this.report.error({ file: `${raw.dir}/${spec.name}`, path: [] }, 'file missing', `create ${spec.name} (see docs/lesson-format.md)`);
      }
    }
    if (raw.segments.length === 0) {
      this.report.error({ file: `${raw.dir}/${SEGMENTS_DIR}`, path: [] }, 'no segment files', `add the text as segments/NN-name.yaml files (see docs/lesson-format.md)`);
    }
    if (raw.source === undefined) {
      this.report.error({ file: `${raw.dir}/${SOURCE_FILE}`, path: [] }, 'file missing', 'add the source text exactly as received: the text fidelity check compares the lesson with it');
    }

    const lesson = raw.lesson ? this.lessonFile(raw.lesson) : undefined;
    if (raw.references) this.referencesFile(raw.references);
    if (raw.taxonomy) this.taxonomyFile(raw.taxonomy);
    raw.segments.forEach((file) => this.segmentText(file));
    const scopes = this.scopes();
    raw.segments.forEach((file) => this.segmentQuestions(file));
    if (raw.checks) this.checksFile(raw.checks, scopes);
    if (raw.glossary) this.glossaryFile(raw.glossary);
    if (raw.history) this.historyFile(raw.history);
    this.ids.resolve();
    this.reflectionBudgetCheck();
    this.reflectionPieces();
    for (const file of this.yamlFiles()) this.placeholders(file.data, { file: file.file, path: [] });
    if (lesson !== undefined && raw.source !== undefined) this.fidelity(lesson, raw.source);
    return this.report.issues;
  }

  private yamlFiles(): RawFile[] {
    const r = this.raw;
    return [r.lesson, r.taxonomy, r.glossary, r.history, r.references, r.checks, ...r.segments].filter(
      (f): f is RawFile => f !== undefined,
    );
  }

  private scopes(): QuoteScope[] {
    return this.segments.map((s) => ({ segment: s.id, paragraphs: s.paragraphs }));
  }

  // -- lesson.yaml ------------------------------------------------------------------------------

  private lessonFile(file: RawFile): LessonFields | undefined {
    const r = this.report;
    const root: Loc = { file: file.file, path: [] };
    const data = r.map(file.data, root, 'lesson.yaml');
    if (!data) return undefined;
    r.unknownFields(data, root, LESSON_FIELDS, 'lesson.yaml');

    const schemaVersion = data.schemaVersion;
    if (schemaVersion === undefined) r.missing(root, 'schemaVersion', `the format version this lesson is written in: ${SUPPORTED_SCHEMA_VERSIONS.join(', ')}`);
    else if (typeof schemaVersion !== 'number' || !SUPPORTED_SCHEMA_VERSIONS.includes(schemaVersion)) {
      r.error(
        at(root, 'schemaVersion'),
        `schemaVersion ${JSON.stringify(schemaVersion)} is not supported by this build`,
        `write the lesson in schemaVersion ${SUPPORTED_SCHEMA_VERSIONS.join(' or ')} (see docs/lesson-format.md)`,
      );
    }

    const id = data.id;
    if (id === undefined || id === null) r.missing(root, 'id', `the lesson id, equal to the folder name \`${this.raw.folderName}\``);
    else if (typeof id !== 'string') r.mistyped(at(root, 'id'), 'text', id, 'the lesson id');
    else {
      if (!isLessonId(id)) {
        r.error(at(root, 'id'), `lesson id \`${id}\` may use only lowercase letters, digits, _ and - and must start with a letter`, 'rename the lesson (and its folder)');
      }
      if (id !== this.raw.folderName) {
        r.error(at(root, 'id'), `lesson id \`${id}\` differs from its folder name \`${this.raw.folderName}\``, 'make them the same: the id names the package files');
      }
    }

    const version = data.version;
    if (version === undefined || version === null) r.missing(root, 'version', 'the lesson version in quotes, e.g. "1.0.0"; bump it when questions change');
    else if (typeof version !== 'string' || version.trim() === '') r.mistyped(at(root, 'version'), 'text', version, 'the lesson version in quotes, e.g. "1.0.0"');
    else if (/\s/.test(version)) r.error(at(root, 'version'), 'contains spaces', 'use a version such as "1.0.0"');

    r.text(data, 'title', root, 'the lesson title', { oneLine: true });
    r.text(data, 'description', root, 'one sentence describing the lesson, for the LMS', { oneLine: true, max: 1000 });
    const language = r.text(data, 'language', root, 'the language of the lesson as a BCP 47 tag, e.g. en', { oneLine: true });
    if (language !== undefined && !/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/.test(language)) {
      r.error(at(root, 'language'), `\`${language}\` is not a language tag`, 'use a BCP 47 tag such as en, fr or en-GB');
    }
    r.number(data, 'estimatedMinutes', root, 'how long the lesson takes, in minutes', { integer: true, min: 1 });
    r.number(data, 'passingScore', root, 'the score needed to pass: the LMS mastery score', { min: 0, max: 100 });

    const source = data.source;
    const sourceLoc = at(root, 'source');
    if (source === undefined || source === null) r.missing(root, 'source', 'the citation of the source: author, title, date, translation, published');
    else {
      const s = r.map(source, sourceLoc, 'the source citation');
      if (s) {
        r.unknownFields(s, sourceLoc, ['author', 'title', 'date', 'translation', 'published', 'url'], 'source');
        r.text(s, 'author', sourceLoc, "the source's author", { oneLine: true });
        r.text(s, 'title', sourceLoc, "the source's title", { oneLine: true });
        const date = s.date;
        if (date === undefined || date === null) r.missing(sourceLoc, 'date', 'the date of the source, e.g. 1988-05-15');
        else if (typeof date !== 'string' || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(date)) {
          r.error(at(sourceLoc, 'date'), `expected a date like 1988-05-15, found ${describe(date)}`, 'write the date as YYYY-MM-DD (or YYYY-MM, or YYYY)');
        }
        r.text(s, 'translation', sourceLoc, 'who translated it, into which language, as far as known');
        r.text(s, 'published', sourceLoc, 'where and when the translation was published');
        this.url(s, sourceLoc);
      }
    }

    r.text(data, 'contentNote', root, 'a content note in Markdown', { required: false });
    r.text(data, 'introduction', root, 'the introduction in Markdown');
    r.texts(data, 'objectives', root, 'learning objectives, plain text', { min: 1 });
    const heading = data.heading === undefined ? [] : r.texts(data, 'heading', root, "the source's own heading lines", { oneLine: true });

    let appendix: string[] | undefined = [];
    if (data.appendix !== undefined && data.appendix !== null) {
      const loc = at(root, 'appendix');
      const a = r.map(data.appendix, loc, 'the appendix');
      appendix = undefined;
      if (a) {
        r.unknownFields(a, loc, ['title', 'note', 'text'], 'appendix');
        r.text(a, 'title', loc, "the appendix's title", { oneLine: true });
        r.text(a, 'note', loc, 'why it is set apart from the text');
        const before = this.report.issues.length;
        const text = r.texts(a, 'text', loc, 'the appendix paragraphs as they come with the source', { min: 1, oneLine: true });
        if (text && this.report.issues.length === before) appendix = text;
        this.appendixText = text ?? [];
      }
    }

    const notes = this.editorsNotes(data, root);

    if (data.teacher !== undefined && data.teacher !== null) {
      const loc = at(root, 'teacher');
      const t = r.map(data.teacher, loc, 'the teacher-only material');
      if (t) {
        r.unknownFields(t, loc, ['discussion', 'notes'], 'teacher');
        r.texts(t, 'discussion', loc, 'discussion prompts in Markdown', { min: 1 });
        r.text(t, 'notes', loc, 'notes for the instructor in Markdown', { required: false });
      }
    }
    return { heading, appendix, notes, file: file.file };
  }

  private url(obj: Data, loc: Loc): void {
    const url = this.report.text(obj, 'url', loc, 'a URL', { required: false, oneLine: true });
    if (url !== undefined && !/^https?:\/\/\S+$/.test(url)) {
      this.report.error(at(loc, 'url'), `\`${short(url)}\` is not an http(s) URL`, 'give the full address starting with https:// (it is shown, never fetched)');
    }
  }

  private editorsNotes(data: Data, root: Loc): NoteSelector[] | undefined {
    const r = this.report;
    if (data.editorsNotes === undefined || data.editorsNotes === null) return [];
    const list = r.list(data, 'editorsNotes', root, "editor's notes: id, source, lesson, why");
    if (!list) return undefined;
    const notes: NoteSelector[] = [];
    let ok = true;
    list.forEach((item, i) => {
      const loc = at(root, 'editorsNotes', i);
      const n = r.map(item, loc, "an editor's note");
      if (!n) {
        ok = false;
        return;
      }
      r.unknownFields(n, loc, ['id', 'source', 'prefix', 'suffix', 'lesson', 'why'], "an editor's note");
      this.ids.define(n, loc, 'editor\u2019s note');
      const before = r.issues.length;
      const source = r.text(n, 'source', loc, 'exactly what source.txt says', { allowEmpty: true });
      const prefix = r.text(n, 'prefix', loc, 'the text just before `source` in source.txt', { required: false, allowEmpty: true });
      const suffix = r.text(n, 'suffix', loc, 'the text just after `source` in source.txt', { required: false, allowEmpty: true });
      const lesson = n.lesson === null ? undefined : r.text(n, 'lesson', loc, 'what the lesson shows instead ("" for a deletion)', { allowEmpty: true });
      if (n.lesson === null) r.error(at(loc, 'lesson'), 'is empty', 'write `lesson: ""` for a deletion, or the text the lesson shows');
      r.text(n, 'why', loc, 'why the lesson differs from the source');
      if (source === '' && !prefix && !suffix) {
        r.error(at(loc, 'source'), 'is empty and has no prefix or suffix', 'for an insertion, give a prefix or suffix saying where it goes');
      }
      if (source !== undefined && lesson !== undefined && source === lesson) {
        r.warn(at(loc, 'lesson'), 'is the same as `source`: the note changes nothing', 'remove the note, or write what the lesson shows instead');
      }
      if (r.issues.length !== before || source === undefined || lesson === undefined) {
        ok = false;
        return;
      }
      notes.push({ source, lesson, ...(prefix !== undefined ? { prefix } : {}), ...(suffix !== undefined ? { suffix } : {}) });
    });
    return ok ? notes : undefined;
  }

  // -- references.yaml, taxonomy.yaml, glossary.yaml, history.yaml ------------------------------

  private topList(file: RawFile, what: string): unknown[] | undefined {
    if (Array.isArray(file.data)) return file.data;
    if (file.data === null || file.data === undefined) return [];
    this.report.mistyped({ file: file.file, path: [] }, `a list of ${what}`, file.data, `start each entry with \`- id: …\``);
    return undefined;
  }

  private referencesFile(file: RawFile): void {
    const r = this.report;
    const list = this.topList(file, 'references');
    list?.forEach((item, i) => {
      const loc = { file: file.file, path: [i] };
      const ref = r.map(item, loc, 'a reference');
      if (!ref) return;
      r.unknownFields(ref, loc, ['id', 'citation', 'url'], 'a reference');
      this.ids.define(ref, loc, 'reference');
      r.text(ref, 'citation', loc, 'the full citation, plain text');
      this.url(ref, loc);
    });
  }

  private taxonomyFile(file: RawFile): void {
    const r = this.report;
    const root: Loc = { file: file.file, path: [] };
    const data = r.map(file.data, root, 'taxonomy.yaml');
    if (!data) return;
    r.unknownFields(data, root, ['categories', 'devices'], 'taxonomy.yaml');
    r.list(data, 'categories', root, 'the device categories', { min: 1 })?.forEach((item, i) => {
      const loc = at(root, 'categories', i);
      const c = r.map(item, loc, 'a category');
      if (!c) return;
      r.unknownFields(c, loc, ['id', 'name', 'description'], 'a category');
      this.ids.define(c, loc, 'category');
      r.text(c, 'name', loc, 'the category name', { oneLine: true });
      r.text(c, 'description', loc, 'one or two sentences, our words');
    });
    r.list(data, 'devices', root, 'the devices', { min: 1 })?.forEach((item, i) => {
      const loc = at(root, 'devices', i);
      const d = r.map(item, loc, 'a device');
      if (!d) return;
      r.unknownFields(d, loc, ['id', 'name', 'category', 'kind', 'definition', 'ipa', 'aliases', 'sources'], 'a device');
      this.ids.define(d, loc, 'device');
      r.text(d, 'name', loc, 'the device name', { oneLine: true });
      if (d.category === undefined || d.category === null) r.missing(loc, 'category', REF_SOURCE.category);
      else this.ids.refer('category', d.category, at(loc, 'category'));
      const kind = d.kind;
      if (kind === undefined || kind === null) r.missing(loc, 'kind', DEVICE_KINDS.join(' | '));
      else if (typeof kind !== 'string' || !(DEVICE_KINDS as readonly string[]).includes(kind)) {
        r.error(at(loc, 'kind'), `unknown kind ${typeof kind === 'string' ? `«${kind}»` : describe(kind)}`, `use one of: ${DEVICE_KINDS.join(', ')}`);
      }
      r.text(d, 'definition', loc, 'a definition in our own words');
      if (d.ipa !== undefined) r.texts(d, 'ipa', loc, 'the 1937 IPA names it corresponds to', { oneLine: true });
      if (d.aliases !== undefined) r.texts(d, 'aliases', loc, 'other names a student may meet', { oneLine: true });
      this.ids.referList('reference', d, 'sources', loc, { required: true, min: 1 });
    });
  }

  private glossaryFile(file: RawFile): void {
    const r = this.report;
    const text = [...this.segments.flatMap((s) => s.paragraphs), ...this.appendixText];
    this.topList(file, 'glossary terms')?.forEach((item, i) => {
      const loc = { file: file.file, path: [i] };
      const g = r.map(item, loc, 'a glossary term');
      if (!g) return;
      r.unknownFields(g, loc, ['id', 'term', 'matches', 'definition', 'sources'], 'a glossary term');
      this.ids.define(g, loc, 'glossary term');
      const term = r.text(g, 'term', loc, 'the term as shown', { oneLine: true });
      const matches =
        g.matches === undefined ? (term !== undefined ? [term] : []) : r.texts(g, 'matches', loc, 'the exact forms marked in the text', { min: 1, oneLine: true }) ?? [];
      r.text(g, 'definition', loc, 'the definition in Markdown');
      this.ids.referList('reference', g, 'sources', loc, { required: false });
      matches.forEach((form, j) => {
        if (!text.some((p) => p.includes(form))) {
          r.error(
            g.matches === undefined ? at(loc, 'term') : at(loc, 'matches', j),
            `«${form}» does not occur in the lesson text, so the term is never marked`,
            'list in `matches` the exact forms (case-sensitive) as the text has them',
          );
        }
      });
    });
  }

  private historyFile(file: RawFile): void {
    const r = this.report;
    this.topList(file, 'history notes')?.forEach((item, i) => {
      const loc = { file: file.file, path: [i] };
      const h = r.map(item, loc, 'a history note');
      if (!h) return;
      r.unknownFields(h, loc, ['id', 'title', 'segment', 'quote', 'body', 'sources'], 'a history note');
      this.ids.define(h, loc, 'history note');
      r.text(h, 'title', loc, 'the note title', { oneLine: true });
      r.text(h, 'body', loc, 'the note in Markdown');
      this.ids.referList('reference', h, 'sources', loc, { required: true, min: 1 });
      let segment: SegmentInfo | undefined;
      if (h.segment === undefined || h.segment === null) r.missing(loc, 'segment', 'the segment the note is shown beside');
      else {
        const id = this.ids.refer('segment', h.segment, at(loc, 'segment'));
        segment = this.segments.find((s) => s.id === id);
      }
      if (h.quote !== undefined && segment !== undefined) {
        this.quote(h.quote, at(loc, 'quote'), [{ segment: segment.id, paragraphs: segment.paragraphs }], `segment ${segment.id}`);
      }
    });
  }

  // -- segments ---------------------------------------------------------------------------------

  private segmentText(file: RawFile): void {
    const r = this.report;
    const root: Loc = { file: file.file, path: [] };
    const data = r.map(file.data, root, 'a segment');
    if (!data) return;
    r.unknownFields(data, root, ['id', 'title', 'orientation', 'context', 'text', 'questions'], 'a segment');
    const id = this.ids.define(data, root, 'segment');
    r.text(data, 'title', root, 'the segment title', { oneLine: true });
    r.text(data, 'orientation', root, 'one line: what this part of the talk does', { oneLine: true });
    r.text(data, 'context', root, 'context in Markdown', { required: false });
    const before = r.issues.length;
    const text = r.texts(data, 'text', root, 'the paragraphs of the talk, one item per paragraph', { min: 1, oneLine: true });
    if (text !== undefined) {
      text.forEach((p, i) => {
        if (p !== p.trim()) {
          r.error(at(root, 'text', i), 'starts or ends with a space', 'remove the space (the text must match source.txt exactly)');
        }
      });
    }
    if (id !== undefined) {
      this.segments.push({ id, loc: root, paragraphs: text ?? [], textOk: text !== undefined && r.issues.length === before });
    }
  }

  private segmentQuestions(file: RawFile): void {
    if (!isMap(file.data)) return;
    const data = file.data;
    const root: Loc = { file: file.file, path: [] };
    if (data.questions === undefined || data.questions === null) return;
    const list = this.report.list(data, 'questions', root, 'the questions on this segment');
    const segment = this.segments.find((s) => s.id === data.id);
    const scope = segment ? [{ segment: segment.id, paragraphs: segment.paragraphs }] : [];
    list?.forEach((item, i) => this.question(item, at(root, 'questions', i), 'segment', scope, segment ? `segment ${segment.id}` : 'this segment'));
  }

  private checksFile(file: RawFile, scopes: QuoteScope[]): void {
    const r = this.report;
    const root: Loc = { file: file.file, path: [] };
    const data = r.map(file.data, root, 'checks.yaml');
    if (!data) return;
    r.unknownFields(data, root, ['pre', 'post', 'synthesis'], 'checks.yaml');
    for (const page of ['pre', 'post', 'synthesis'] as const) {
      if (data[page] === undefined || data[page] === null) continue;
      r.list(data, page, root, `the ${page} questions`)?.forEach((item, i) =>
        this.question(item, at(root, page, i), page, scopes, 'the lesson text'),
      );
    }
    const pre = Array.isArray(data.pre) ? data.pre.length : 0;
    const post = Array.isArray(data.post) ? data.post.length : 0;
    if (pre !== post) {
      r.warn(at(root, pre > post ? 'post' : 'pre'), `pre has ${plural(pre, 'item')} and post ${plural(post, 'item')}`, 'give pre and post parallel items (same skills, different passages) so the gain compares like with like');
    }
  }

  // -- questions --------------------------------------------------------------------------------

  private question(item: unknown, loc: Loc, page: PageKind, scope: QuoteScope[], scopeName: string): void {
    const r = this.report;
    const q = r.map(item, loc, 'a question');
    if (!q) return;
    const id = this.ids.define(q, loc, 'question');
    if (id !== undefined) this.questionIds.add(id);

    const type = q.type;
    const allowed: readonly string[] = TYPES_ON_PAGE[page];
    if (type === undefined || type === null) {
      r.missing(loc, 'type', `one of ${allowed.join(', ')}`);
      return;
    }
    if (typeof type !== 'string' || !(QUESTION_TYPES as readonly string[]).includes(type)) {
      const guess = typeof type === 'string' ? closest(type, QUESTION_TYPES) : undefined;
      r.error(at(loc, 'type'), `unknown question type ${describe(type)}`, guess ? `did you mean \`${guess}\`?` : `use one of: ${QUESTION_TYPES.join(', ')}`);
      return;
    }
    if (!allowed.includes(type)) {
      r.error(
        at(loc, 'type'),
        `a ${type} question cannot go on the ${page === 'segment' ? 'segment' : page} page`,
        type === 'highlight' ? 'highlight questions belong on a segment: the student marks words in that segment' : `use one of: ${allowed.join(', ')}`,
      );
      return;
    }
    const usesPassage = page === 'pre' || page === 'post' || page === 'synthesis';
    r.unknownFields(q, loc, [...COMMON_QUESTION_FIELDS, ...(usesPassage ? ['passage'] : []), ...QUESTION_FIELDS[type]!], `a ${type} question`);

    r.text(q, 'prompt', loc, 'the question in Markdown');
    const scored = page === 'segment' && type !== 'reflection';
    if (type === 'reflection') r.text(q, 'explanation', loc, 'an explanation in Markdown', { required: false });
    else r.text(q, 'explanation', loc, 'the explanation shown after the last check, quoting the text');
    r.number(q, 'tries', loc, `checks allowed, default ${DEFAULT_TRIES}`, { required: false, integer: true, min: 1, max: MAX_TRIES });
    if (q.weight !== undefined) {
      if (!scored) {
        r.error(
          at(loc, 'weight'),
          type === 'reflection' ? 'reflections are never scored' : `${page} questions are never scored`,
          'remove `weight` (reflections are graded by the instructor; pre, post and synthesis do not count towards the score)',
        );
      } else r.number(q, 'weight', loc, 'relative weight in the score, default 1', { min: 0 });
    }
    r.text(q, 'summary', loc, 'a one-line description for the LMS', { required: false, oneLine: true, max: 250 });

    // Passages: pre/post items show a passage of the talk; it must occur once in the whole text.
    if (usesPassage) {
      if (q.passage === undefined || q.passage === null) {
        if (page !== 'synthesis') r.missing(loc, 'passage', 'the passage of the talk the item is about: { exact: "…" }');
      } else this.quote(q.passage, at(loc, 'passage'), scope, scopeName);
    }

    const devicesRequired = type === 'single' || type === 'multiple';
    const devices = this.ids.referList('device', q, 'devices', loc, { required: devicesRequired, ...(devicesRequired ? { min: 1 } : {}) });

    switch (type) {
      case 'single':
      case 'multiple':
        this.options(q, loc, type);
        break;
      case 'match':
        this.match(q, loc, scope, scopeName);
        break;
      case 'highlight':
        this.highlight(q, loc, scope, scopeName, devices);
        break;
      case 'reflection':
        this.reflection(q, loc, page);
        break;
    }
  }

  private options(q: Data, loc: Loc, type: 'single' | 'multiple'): void {
    const r = this.report;
    const list = r.list(q, 'options', loc, 'the options: text, correct, feedback', {
      min: 2,
      max: MAX_OPTIONS,
      maxReason: 'SCORM 1.2 choice answers are single letters a-z',
    });
    if (!list) return;
    if (list.length > RECOMMENDED_MAX_OPTIONS && list.length <= MAX_OPTIONS) {
      r.warn(at(loc, 'options'), `has ${list.length} options`, `the format asks for 2-${RECOMMENDED_MAX_OPTIONS}: more are hard to read on a phone`);
    }
    const correct: number[] = [];
    const texts = new Map<string, number>();
    list.forEach((item, i) => {
      const oloc = at(loc, 'options', i);
      const o = r.map(item, oloc, 'an option');
      if (!o) return;
      r.unknownFields(o, oloc, ['text', 'correct', 'feedback'], 'an option');
      const text = r.text(o, 'text', oloc, 'the option in Markdown');
      if (text !== undefined) {
        const earlier = texts.get(text.trim());
        if (earlier !== undefined) r.error(at(oloc, 'text'), `reads the same as options[${earlier}]`, 'make every option different');
        else texts.set(text.trim(), i);
      }
      if (r.boolean(o, 'correct', oloc, 'write `correct: true` on the right option(s); leave it out on the others') === true) correct.push(i);
      r.text(o, 'feedback', oloc, 'why this option fits or not, in the text\u2019s own words');
    });
    if (type === 'single' && correct.length !== 1) {
      r.error(
        at(loc, 'options'),
        correct.length === 0
          ? 'no option is marked correct: the answer is not among the options'
          : `${correct.length} options are marked correct (${correct.map((i) => `options[${i}]`).join(', ')}); a single-choice question has exactly one`,
        correct.length === 0 ? 'add `correct: true` to the right option' : 'keep `correct: true` on one option, or make it `type: multiple`',
      );
    }
    if (type === 'multiple' && correct.length === 0) {
      r.error(at(loc, 'options'), 'no option is marked correct: the answer is not among the options', 'add `correct: true` to every option that applies');
    }
  }

  private match(q: Data, loc: Loc, scope: QuoteScope[], scopeName: string): void {
    const r = this.report;
    const list = r.list(q, 'pairs', loc, 'quotations with their device and feedback', {
      min: 2,
      max: MAX_PAIRS,
      maxReason: 'SCORM 1.2 matching sources are single digits 1-9',
    });
    const keys = new Set<string>();
    const spans = new Map<string, number>();
    list?.forEach((item, i) => {
      const ploc = at(loc, 'pairs', i);
      const p = r.map(item, ploc, 'a pair');
      if (!p) return;
      r.unknownFields(p, ploc, ['quote', 'device', 'feedback'], 'a pair');
      if (p.quote === undefined || p.quote === null) r.missing(ploc, 'quote', 'the quotation the student matches to a device');
      else {
        const span = this.quote(p.quote, at(ploc, 'quote'), scope, scopeName);
        if (span !== undefined) {
          const key = `${span.segment}/${span.paragraph}/${span.start}/${span.end}`;
          const earlier = spans.get(key);
          if (earlier !== undefined) r.error(at(ploc, 'quote'), `quotes the same words as pairs[${earlier}]`, 'give each pair a different quotation');
          else spans.set(key, i);
        }
      }
      if (p.device === undefined || p.device === null) r.missing(ploc, 'device', 'the device this quotation is the key for');
      else {
        const device = this.ids.refer('device', p.device, at(ploc, 'device'));
        if (device !== undefined) keys.add(device);
      }
      r.text(p, 'feedback', ploc, 'why this quotation carries the device, in the text\u2019s words');
    });
    const distractors = this.ids.referList('device', q, 'distractors', loc, { required: false });
    distractors.forEach((d, i) => {
      if (keys.has(d)) r.error(at(loc, 'distractors', i), `\`${d}\` is the key of a pair, not a distractor`, 'list as distractors only devices that fit no quotation');
    });
    const choices = keys.size + distractors.filter((d) => !keys.has(d)).length;
    if (choices > MAX_OPTIONS) {
      r.error(at(loc, 'distractors'), `${choices} devices offered; at most ${MAX_OPTIONS} (SCORM choice letters a-z)`, 'remove distractors');
    }
  }

  private highlight(q: Data, loc: Loc, scope: QuoteScope[], scopeName: string, devices: string[]): void {
    const r = this.report;
    if (q.device === undefined || q.device === null) r.missing(loc, 'device', 'the device whose words the student marks');
    else {
      const device = this.ids.refer('device', q.device, at(loc, 'device'));
      if (device !== undefined && q.devices !== undefined && !devices.includes(device)) {
        r.error(at(loc, 'devices'), `does not include \`${device}\`, the device the student marks`, `add \`${device}\` to devices, or leave devices out (it defaults to [${device}])`);
      }
    }
    r.list(q, 'key', loc, 'the quotations that carry the device', { min: 1 })?.forEach((item, i) => {
      this.quote(item, at(loc, 'key', i), scope, scopeName);
    });
    r.number(q, 'threshold', loc, `word-overlap F1 needed to count as correct, default ${DEFAULT_THRESHOLD}`, {
      required: false,
      min: 0,
      minExclusive: true,
      max: 1,
    });
    const floc = at(loc, 'feedback');
    if (q.feedback === undefined || q.feedback === null) r.missing(loc, 'feedback', 'feedback with `correct:`, `partial:` and `wrong:`');
    else {
      const f = r.map(q.feedback, floc, 'the feedback (correct, partial, wrong)');
      if (f) {
        r.unknownFields(f, floc, ['correct', 'partial', 'wrong'], 'highlight feedback');
        r.text(f, 'correct', floc, 'feedback for a correct answer');
        r.text(f, 'partial', floc, 'feedback for a partly right answer');
        r.text(f, 'wrong', floc, 'feedback for a wrong answer');
      }
    }
  }

  private reflection(q: Data, loc: Loc, page: PageKind): void {
    const r = this.report;
    r.texts(q, 'rubric', loc, 'the criteria the instructor grades by', { min: 1 });
    if (q.steps !== undefined) r.texts(q, 'steps', loc, 'guiding steps shown above the text area', { min: 1 });
    const min = r.number(q, 'minLength', loc, `characters required at least, default ${DEFAULT_MIN_LENGTH}`, { required: false, integer: true, min: 0 });
    const max = r.number(q, 'maxLength', loc, 'the most characters a student may write; the build checks the total fits SCORM 1.2', {
      integer: true,
      min: 1,
    });
    r.text(q, 'modelAnswer', loc, "a model answer for the teacher's guide", { required: false });
    if (max !== undefined) {
      const effectiveMin = min ?? DEFAULT_MIN_LENGTH;
      if (effectiveMin >= max) {
        r.error(
          at(loc, min === undefined ? 'maxLength' : 'minLength'),
          `minLength (${effectiveMin}${min === undefined ? ', the default' : ''}) must be less than maxLength (${max})`,
          min === undefined ? 'raise maxLength or set a smaller minLength' : 'lower minLength or raise maxLength',
        );
      }
      this.reflections.push({ id: typeof q.id === 'string' ? q.id : '', idLoc: at(loc, 'id'), loc: at(loc, 'maxLength'), page, maxLength: max });
    }
  }

  /** SCORM 1.2 reports a long reflection as interactions `<id>_p1`, `<id>_p2` … (255 characters
   * each): no other question may have one of those names. */
  private reflectionPieces(): void {
    for (const reflection of this.reflections) {
      for (const other of this.questionIds) {
        if (other.startsWith(`${reflection.id}_p`) && /^\d+$/.test(other.slice(reflection.id.length + 2))) {
          this.report.error(
            reflection.idLoc,
            `\`${other}\` is how SCORM 1.2 names a piece of this reflection's answer in the LMS`,
            `rename \`${other}\` or this question`,
          );
        }
      }
    }
  }

  /** Check that the reflections' worst case fits the state budget. */
  private reflectionBudgetCheck(): void {
    let total = 0;
    for (const reflection of this.reflections) {
      const before = total;
      total += reflection.maxLength;
      if (before <= this.reflectionBudget && total > this.reflectionBudget) {
        const bySegment = this.reflections.filter((x) => x.page === 'segment').reduce((n, x) => n + x.maxLength, 0);
        const bySynthesis = total - bySegment;
        this.report.error(
          reflection.loc,
          `reflections' maxLength adds up to more than the budget of ${this.reflectionBudget} characters at this question (${this.reflections.reduce((n, x) => n + x.maxLength, 0)} in all: ${bySegment} on segments, ${bySynthesis} in the synthesis); saved answers must fit SCORM 1.2's 4096-character suspend_data`,
          'lower maxLength here or on other reflections (a split that fits: at most 5 segment reflections of 300, and 1000 for the synthesis)',
        );
      }
    }
  }

  /** Resolve a quotation in its scope; reports why it is not found once. */
  private quote(value: unknown, loc: Loc, scope: QuoteScope[], scopeName: string) {
    const r = this.report;
    const quote = toTextQuote(value);
    if (quote === undefined) {
      r.mistyped(loc, 'a quotation: text, or { exact, prefix, suffix }', value, 'copy the words from the text');
      return undefined;
    }
    if (isMap(value)) r.unknownFields(value, loc, ['exact', 'prefix', 'suffix'], 'a quotation');
    if (scope.length === 0) return undefined;
    const found = resolveQuote(quote, scope);
    if (found.kind === 'found') return found.span;
    const words = `«${short(quote.exact, 50)}»`;
    if (found.kind === 'ambiguous') {
      r.error(
        loc,
        `quotation ${words} occurs ${found.occurrences.length} times in ${scopeName} (${describeOccurrences(found.occurrences)})`,
        `add a prefix or suffix (the words just before or after it) so it matches once: { exact: "${short(quote.exact, 30)}", prefix: "…" }`,
      );
    } else {
      const elsewhere = scope.length === 1 ? resolveQuote(quote, this.scopes()) : undefined;
      if (elsewhere?.kind === 'found' || elsewhere?.kind === 'ambiguous') {
        const where = elsewhere.kind === 'found' ? elsewhere.span.segment : elsewhere.occurrences.map((o) => o.segment).join(', ');
        r.error(loc, `quotation ${words} is not in ${scopeName} but in segment ${where}`, `quote only the text of ${scopeName}: a question's quotations lie in its own segment`);
        return undefined;
      }
      r.error(loc, `quotation ${words} not found in ${scopeName}: ${found.hint}`, `copy the words exactly from ${scopeName === 'the lesson text' ? 'the text' : `the text of ${scopeName}`}`);
    }
    return undefined;
  }

  // -- placeholders and text fidelity -----------------------------------------------------------

  private placeholders(value: unknown, loc: Loc): void {
    if (typeof value === 'string') {
      const m = PLACEHOLDER.exec(value);
      if (m) this.report.error(loc, `placeholder «${short(value.slice(m.index), 30)}» left in`, 'write the real text');
    } else if (Array.isArray(value)) value.forEach((v, i) => this.placeholders(v, at(loc, i)));
    else if (isMap(value)) for (const [k, v] of Object.entries(value)) this.placeholders(v, at(loc, k));
  }

  private fidelity(lesson: LessonFields, source: { file: string; text: string }): void {
    const r = this.report;
    const { heading, appendix, notes } = lesson;
    // Fidelity is only meaningful over well-formed text; earlier errors already point at the rest.
    if (heading === undefined || appendix === undefined || notes === undefined) return;
    if (this.segments.length !== this.raw.segments.length || this.segments.some((s) => !s.textOk)) return;

    const text = normalizeSource(source.text);
    const { text: corrected, placements } = applyEditorsNotes(text, notes);
    let placed = true;
    placements.forEach((p, i) => {
      const loc = { file: lesson.file, path: ['editorsNotes', i, 'source'] };
      if (p.kind === 'not-found') {
        placed = false;
        r.error(loc, `prefix + source + suffix not found in ${SOURCE_FILE}`, `copy \`source\` (and any prefix/suffix) exactly as ${SOURCE_FILE} has it`);
      } else if (p.kind === 'ambiguous') {
        placed = false;
        r.error(
          loc,
          `prefix + source + suffix occurs ${p.offsets.length} times in ${SOURCE_FILE} (lines ${p.offsets.map((o) => lineAt(text, o)).join(', ')})`,
          'add a prefix or suffix (the words around it) so it matches once',
        );
      } else if (p.kind === 'overlaps') {
        placed = false;
        r.error(loc, `overlaps editorsNotes[${p.other}] in ${SOURCE_FILE}`, 'merge the two notes into one');
      }
    });
    if (!placed) return;

    const paragraphs: LessonParagraph[] = [
      ...heading.map((t, i) => ({ text: t, origin: { file: lesson.file, path: ['heading', i] }, index: i })),
      ...this.segments.flatMap((s) =>
        s.paragraphs.map((t, i) => ({ text: t, origin: { file: s.loc.file, path: ['text', i] }, segment: s.id, index: i })),
      ),
      ...appendix.map((t, i) => ({ text: t, origin: { file: lesson.file, path: ['appendix', 'text', i] }, index: i })),
    ];
    const mismatch = firstMismatch(corrected, paragraphs);
    if (mismatch === null) return;

    const sourceLine = (offset: number) => lineAt(text, toSourceOffset(offset, placements));
    const fix = `copy the paragraph exactly from ${SOURCE_FILE}, or record a deliberate change as an editor's note in lesson.yaml`;
    switch (mismatch.kind) {
      case 'changed': {
        const line = sourceLine(mismatch.expectedOffset + mismatch.at);
        const from = Math.max(0, mismatch.at - 25);
        const show = (t: string) => `${from > 0 ? '…' : ''}${t.slice(from, mismatch.at + 35)}${t.length > mismatch.at + 35 ? '…' : ''}`;
        r.error(
          mismatch.found.origin,
          `differs from ${SOURCE_FILE} line ${line}: the source has «${show(mismatch.expected)}», the lesson has «${show(mismatch.found.text)}»`,
          fix,
        );
        break;
      }
      case 'missing':
        r.error(
          mismatch.found.origin,
          `a paragraph of ${SOURCE_FILE} (line ${sourceLine(mismatch.expectedOffset)}) is missing before this one: «${short(mismatch.expected, 60)}»`,
          'add it as its own item in `text` (of this segment or the one before), or in heading/appendix',
        );
        break;
      case 'extra':
        r.error(
          mismatch.found.origin,
          `this paragraph is not in ${SOURCE_FILE} here (line ${sourceLine(mismatch.expectedOffset)} reads «${short(corrected.slice(mismatch.expectedOffset), 60)}»)`,
          `remove it, or ${fix}`,
        );
        break;
      case 'missing-at-end':
        r.error(
          mismatch.last?.origin ?? { file: lesson.file, path: [] },
          `the lesson text ends here but ${SOURCE_FILE} goes on at line ${sourceLine(mismatch.expectedOffset)}: «${short(mismatch.expected, 60)}»`,
          'add the remaining paragraphs (to the last segment, or to appendix.text if they are not part of the talk)',
        );
        break;
      case 'extra-at-end':
        r.error(mismatch.found.origin, `${SOURCE_FILE} ends before this paragraph`, `remove it, or ${fix}`);
        break;
    }
  }
}

interface LessonFields {
  file: string;
  heading: string[] | undefined;
  appendix: string[] | undefined;
  notes: NoteSelector[] | undefined;
}

const LESSON_FIELDS = [
  'schemaVersion',
  'id',
  'version',
  'title',
  'description',
  'language',
  'estimatedMinutes',
  'passingScore',
  'source',
  'contentNote',
  'introduction',
  'objectives',
  'heading',
  'appendix',
  'editorsNotes',
  'teacher',
];
