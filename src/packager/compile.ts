/**
 * Compile a validated lesson folder into the `Lesson` the browser reads (src/model/lesson.ts):
 * Markdown rendered to sanitised HTML, quotations resolved to spans, option and pair ids assigned,
 * defaults applied, editor's notes located in the text. Call only on a lesson `validate` passed:
 * it throws on what validation should have caught (a bug, not an authoring error). The only issues
 * it reports itself are Markdown problems (images, unsafe links), which need a Markdown parser.
 */
import type {
  ChoiceOption,
  Device,
  DeviceCategory,
  EditorsNote,
  GlossaryEntry,
  HistoryNote,
  Html,
  Lesson,
  MatchPair,
  Question,
  QuestionBase,
  Reference,
  Segment,
  TextQuote,
  TextSpan,
} from '../model/lesson.js';
import { LESSON_MODEL_VERSION } from '../model/lesson.js';
import type { FieldPath, Issue } from '../model/issues.js';
import { optionId, pairId } from '../model/ids.js';
import type { QuoteScope } from '../model/quotes.js';
import { resolveQuote, toTextQuote } from '../model/quotes.js';
import type { LessonParagraph, NoteSelector } from '../model/fidelity.js';
import { applyEditorsNotes, locateRange, normalizeSource } from '../model/fidelity.js';
import type { RawLesson } from '../model/raw.js';
import {
  DEFAULT_MIN_LENGTH,
  DEFAULT_THRESHOLD,
  DEFAULT_TRIES,
  MAX_SUMMARY_LENGTH,
} from '../model/validate.js';
import { plainText, renderInline, renderMarkdown, truncate } from './markdown.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- validated input

export interface CompileResult {
  /** The full lesson, teacher-only material included (see `studentCopy`). */
  lesson: Lesson;
  issues: Issue[];
}

export function compile(raw: RawLesson): CompileResult {
  return new Compiler(raw).run();
}

class Compiler {
  private readonly issues: Issue[] = [];
  private segments: Segment[] = [];

  constructor(private readonly raw: RawLesson) {}

  private md(text: string | undefined, file: string, path: FieldPath): Html {
    if (text === undefined) return '';
    const { html, problems } = renderMarkdown(text);
    for (const p of problems) this.issues.push({ severity: 'error', file, path, message: p.message, fix: p.fix });
    return html;
  }

  private inline(text: string, file: string, path: FieldPath): Html {
    const { html, problems } = renderInline(text);
    for (const p of problems) this.issues.push({ severity: 'error', file, path, message: p.message, fix: p.fix });
    return html;
  }

  private span(value: unknown, scopes: QuoteScope[]): TextSpan {
    const quote = toTextQuote(value) as TextQuote;
    const found = resolveQuote(quote, scopes);
    if (found.kind !== 'found') throw new Error(`compile: unresolved quotation «${quote.exact}» (validate first)`);
    return found.span;
  }

  private allScopes(): QuoteScope[] {
    return this.segments.map((s) => ({ segment: s.id, paragraphs: s.paragraphs }));
  }

  run(): CompileResult {
    const raw = this.raw;
    const lessonFile = raw.lesson!.file;
    const l = raw.lesson!.data as Data;

    this.segments = raw.segments.map((f, i) => {
      const s = f.data as Data;
      return {
        id: s.id,
        number: i + 1,
        title: s.title,
        orientation: s.orientation,
        ...(s.context !== undefined ? { context: this.md(s.context, f.file, ['context']) } : {}),
        paragraphs: [...s.text],
      };
    });

    const questions: Question[] = [];
    const checks = (raw.checks?.data ?? {}) as Data;
    const checksFile = raw.checks?.file ?? '';
    for (const [i, q] of ((checks.pre ?? []) as Data[]).entries()) {
      questions.push(this.question(q, 'pre', this.allScopes(), checksFile, ['pre', i]));
    }
    raw.segments.forEach((f, s) => {
      const segment = this.segments[s]!;
      const scope = [{ segment: segment.id, paragraphs: segment.paragraphs }];
      for (const [i, q] of (((f.data as Data).questions ?? []) as Data[]).entries()) {
        questions.push(this.question(q, segment.id, scope, f.file, ['questions', i]));
      }
    });
    for (const page of ['post', 'synthesis'] as const) {
      for (const [i, q] of ((checks[page] ?? []) as Data[]).entries()) {
        questions.push(this.question(q, page, this.allScopes(), checksFile, [page, i]));
      }
    }

    const taxonomy = raw.taxonomy!.data as Data;
    const categories: DeviceCategory[] = (taxonomy.categories as Data[]).map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
    }));
    const devices: Device[] = (taxonomy.devices as Data[]).map((d) => ({
      id: d.id,
      name: d.name,
      category: d.category,
      kind: d.kind,
      definition: d.definition,
      ...(d.ipa !== undefined ? { ipa: [...d.ipa] } : {}),
      ...(d.aliases !== undefined ? { aliases: [...d.aliases] } : {}),
      sources: [...d.sources],
    }));

    const glossaryFile = raw.glossary?.file ?? '';
    const glossary: GlossaryEntry[] = ((raw.glossary?.data ?? []) as Data[]).map((g, i) => ({
      id: g.id,
      term: g.term,
      matches: g.matches !== undefined ? [...g.matches] : [g.term],
      definition: this.md(g.definition, glossaryFile, [i, 'definition']),
      sources: g.sources !== undefined ? [...g.sources] : [],
    }));

    const historyFile = raw.history?.file ?? '';
    const history: HistoryNote[] = ((raw.history?.data ?? []) as Data[]).map((h, i) => {
      const segment = this.segments.find((s) => s.id === h.segment)!;
      return {
        id: h.id,
        title: h.title,
        body: this.md(h.body, historyFile, [i, 'body']),
        segment: h.segment,
        ...(h.quote !== undefined
          ? { span: this.span(h.quote, [{ segment: segment.id, paragraphs: segment.paragraphs }]) }
          : {}),
        sources: [...h.sources],
      };
    });

    const references: Reference[] = ((raw.references!.data ?? []) as Data[]).map((r) => ({
      id: r.id,
      citation: r.citation,
      ...(r.url !== undefined ? { url: r.url } : {}),
    }));

    const heading: string[] = [...(l.heading ?? [])];
    const appendix = l.appendix as Data | undefined;

    const lesson: Lesson = {
      modelVersion: LESSON_MODEL_VERSION,
      schemaVersion: l.schemaVersion,
      id: l.id,
      version: l.version,
      title: l.title,
      description: l.description,
      language: l.language,
      estimatedMinutes: l.estimatedMinutes,
      passingScore: l.passingScore,
      source: {
        author: l.source.author,
        title: l.source.title,
        date: l.source.date,
        translation: l.source.translation,
        published: l.source.published,
        ...(l.source.url !== undefined ? { url: l.source.url } : {}),
      },
      contentNote: this.md(l.contentNote, lessonFile, ['contentNote']),
      introduction: this.md(l.introduction, lessonFile, ['introduction']),
      heading,
      segments: this.segments,
      ...(appendix ? { appendix: { title: appendix.title, note: appendix.note, paragraphs: [...appendix.text] } } : {}),
      editorsNotes: this.editorsNotes(l, heading, appendix),
      glossary,
      categories,
      devices,
      history,
      questions,
      references,
      objectives: [...l.objectives],
      ...(l.teacher
        ? {
            teacher: {
              discussion: (l.teacher.discussion as string[]).map((d, i) => this.md(d, lessonFile, ['teacher', 'discussion', i])),
              ...(l.teacher.notes !== undefined ? { notes: this.md(l.teacher.notes, lessonFile, ['teacher', 'notes']) } : {}),
            },
          }
        : {}),
    };
    return { lesson, issues: this.issues };
  }

  /** Editor's notes, each located where the lesson text carries its replacement. */
  private editorsNotes(l: Data, heading: string[], appendix: Data | undefined): EditorsNote[] {
    const notes = (l.editorsNotes ?? []) as Data[];
    const selectors: NoteSelector[] = notes.map((n) => ({
      source: n.source,
      lesson: n.lesson,
      ...(n.prefix !== undefined ? { prefix: n.prefix } : {}),
      ...(n.suffix !== undefined ? { suffix: n.suffix } : {}),
    }));
    const source = normalizeSource(this.raw.source?.text ?? '');
    const { placements } = applyEditorsNotes(source, selectors);
    const paragraphs: LessonParagraph[] = [
      ...heading.map((text, index) => ({ text, origin: { file: '', path: [] }, index })),
      ...this.segments.flatMap((s) => s.paragraphs.map((text, index) => ({ text, origin: { file: '', path: [] }, segment: s.id, index }))),
      ...((appendix?.text ?? []) as string[]).map((text, index) => ({ text, origin: { file: '', path: [] }, index })),
    ];
    return notes.map((n, i) => {
      const p = placements[i]!;
      if (p.kind !== 'placed') throw new Error(`compile: editor's note ${n.id} not placed (validate first)`);
      const where = locateRange(p.start, p.end, paragraphs);
      const span: TextSpan | null =
        where && where.paragraph.segment !== undefined
          ? {
              segment: where.paragraph.segment,
              paragraph: where.paragraph.index,
              start: where.start,
              end: where.end,
              exact: where.paragraph.text.slice(where.start, where.end),
            }
          : null;
      return { number: i + 1, id: n.id, source: n.source, lesson: n.lesson, why: n.why, span };
    });
  }

  private question(q: Data, page: string, scopes: QuoteScope[], file: string, path: FieldPath): Question {
    const type = q.type as Question['type'];
    const scorable = page !== 'pre' && page !== 'post' && page !== 'synthesis' && type !== 'reflection';
    const weight = scorable ? (q.weight ?? 1) : 0;
    const prompt = this.md(q.prompt, file, [...path, 'prompt']);
    const base: QuestionBase = {
      id: q.id,
      type,
      page,
      prompt,
      tries: q.tries ?? DEFAULT_TRIES,
      weight,
      scored: scorable && weight > 0,
      devices: [...(q.devices ?? [])],
      explanation: this.md(q.explanation, file, [...path, 'explanation']),
      ...(q.passage !== undefined ? { passage: this.span(q.passage, scopes) } : {}),
      summary: q.summary ?? truncate(plainText(prompt), MAX_SUMMARY_LENGTH),
    };
    const feedback = (text: string, at: FieldPath) => this.md(text, file, [...path, ...at]);

    switch (type) {
      case 'single':
      case 'multiple': {
        const options: ChoiceOption[] = (q.options as Data[]).map((o, i) => ({
          id: optionId(i),
          text: this.inline(o.text, file, [...path, 'options', i, 'text']),
          correct: o.correct === true,
          feedback: feedback(o.feedback, ['options', i, 'feedback']),
        }));
        return { ...base, type, options };
      }
      case 'match': {
        const pairs: MatchPair[] = (q.pairs as Data[]).map((p, i) => ({
          id: pairId(i),
          quote: this.span(p.quote, scopes),
          device: p.device,
          feedback: feedback(p.feedback, ['pairs', i, 'feedback']),
        }));
        const keys = [...new Set(pairs.map((p) => p.device))];
        const offered = [...keys, ...((q.distractors ?? []) as string[]).filter((d) => !keys.includes(d))];
        // Display order by device name: stable between builds and gives nothing away.
        const names = new Map(((this.raw.taxonomy!.data as Data).devices as Data[]).map((d) => [d.id as string, d.name as string]));
        const choices = offered.sort((a, b) => (names.get(a) ?? a).localeCompare(names.get(b) ?? b, 'en'));
        const devices = base.devices.length > 0 ? base.devices : keys;
        return { ...base, devices, type, pairs, choices };
      }
      case 'highlight': {
        const devices = base.devices.includes(q.device) ? base.devices : [q.device, ...base.devices];
        return {
          ...base,
          devices,
          type,
          device: q.device,
          key: (q.key as unknown[]).map((k) => this.span(k, scopes)),
          threshold: q.threshold ?? DEFAULT_THRESHOLD,
          feedback: {
            correct: feedback(q.feedback.correct, ['feedback', 'correct']),
            partial: feedback(q.feedback.partial, ['feedback', 'partial']),
            wrong: feedback(q.feedback.wrong, ['feedback', 'wrong']),
          },
        };
      }
      case 'reflection':
        return {
          ...base,
          type,
          rubric: [...q.rubric],
          ...(q.steps !== undefined ? { steps: [...q.steps] } : {}),
          minLength: q.minLength ?? DEFAULT_MIN_LENGTH,
          maxLength: q.maxLength,
          ...(q.modelAnswer !== undefined ? { modelAnswer: this.md(q.modelAnswer, file, [...path, 'modelAnswer']) } : {}),
        };
    }
  }
}
