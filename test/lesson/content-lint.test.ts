// @vitest-environment node
/**
 * The content lint (issue 5), for every lesson folder under lessons/: enough questions of every
 * kind, keys drawn from the lesson's own taxonomy, feedback that points at the words, quotations
 * that are really in the text, parallel pre/post checks on fresh passages, and a teacher's guide
 * that holds every key and stays out of the student packages. The rules are in ./content-lint.ts;
 * the second half of this file shows each rule catching a deliberately broken copy of heroes-1988.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { unzipSync } from 'fflate';
import type { ChoiceOption, HighlightQuestion, Lesson, MatchQuestion, Question, ReflectionQuestion } from '../../src/model/lesson';
import { build, DEFAULT_LESSON, lessonOutputs, prepareLesson } from '../../src/packager/build';
import { lessonFolders } from '../../src/packager/load';
import { formatIssue } from '../../src/packager/report';
import { teacherGuide as writeGuide } from '../../src/packager/teacher-guide';
import {
  coverage,
  feedbackPresent,
  policyFor,
  prePostParallel,
  quotationsExist,
  quotationsResolve,
  sourcesCited,
  taxonomy,
  teacherGuide,
  uniqueStems,
  wrongFeedbackPoints,
  type BuiltLesson,
} from './content-lint';

const root = join(__dirname, '..', '..');
const folders = lessonFolders(join(root, 'lessons'));

// ---------------------------------------------------------------------------------------------
// Compiling and building, once per run

const compiled = new Map<string, { lesson?: Lesson; issues: string[] }>();
function lessonIn(folder: string): Lesson {
  let entry = compiled.get(folder);
  if (!entry) {
    const { lesson, issues } = prepareLesson(folder, root);
    entry = { ...(lesson ? { lesson } : {}), issues: issues.filter((i) => i.severity === 'error').map(formatIssue) };
    compiled.set(folder, entry);
  }
  if (!entry.lesson) throw new Error(`${basename(folder)} does not compile:\n${entry.issues.join('\n')}`);
  return entry.lesson;
}

let work: string;
let builtOk = false;
let buildIssues: string[] = [];
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pr-content-lint-'));
  // The real build, in-process, with a stand-in bundler: the browser bundles are not what is
  // checked here. `defaultLesson` names no lesson, so the shared top-level imsmanifest.xml is never
  // rewritten by a test.
  const result = await build({
    root,
    lessonsDir: join(root, 'lessons'),
    lessons: folders,
    outDir: join(work, 'dist'),
    appEntry: join(root, 'test/fixtures/entries/app.ts'),
    localLmsEntries: { '1.2': join(root, 'test/fixtures/entries/local-lms.ts'), '2004': join(root, 'test/fixtures/entries/local-lms.ts') },
    previewDir: null,
    bundle: async (_entry, name) => `/* ${name} stand-in */\n`,
    defaultLesson: '(none: tests leave imsmanifest.xml alone)',
  });
  builtOk = result.ok;
  buildIssues = result.issues.map(formatIssue);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

function builtFor(lesson: Lesson): BuiltLesson {
  const out = join(work, 'dist');
  if (!builtOk) throw new Error(`the build failed:\n${buildIssues.join('\n')}`);
  const [, zip12, zip2004, guideName] = lessonOutputs(lesson.id);
  return {
    guide: readFileSync(join(out, guideName), 'utf8'),
    guideName,
    zips: [zip12, zip2004].map((name) => ({ name, files: new Map(Object.entries(unzipSync(readFileSync(join(out, name))))) })),
  };
}

// ---------------------------------------------------------------------------------------------
// Every lesson folder

it('finds the lesson folders to lint, the default lesson among them', () => {
  expect(folders.map((f) => basename(f))).toContain(DEFAULT_LESSON);
});

describe.each(folders.map((f) => [basename(f), f] as const))('lessons/%s', (_name, folder) => {
  it('compiles without errors', () => {
    expect(() => lessonIn(folder)).not.toThrow();
  });

  it('has enough questions on every segment, in all, as highlights, and of every type', () => {
    const lesson = lessonIn(folder);
    expect(coverage(lesson, policyFor(lesson.id))).toEqual([]);
  });

  it('keys only taxonomy techniques, figures and selections, never a distractor-only device', () => {
    const lesson = lessonIn(folder);
    expect(taxonomy(lesson, policyFor(lesson.id))).toEqual([]);
  });

  it('gives feedback for every option, pair and highlight outcome, and an explanation for every question', () => {
    expect(feedbackPresent(lessonIn(folder))).toEqual([]);
  });

  it('never asks the same question twice', () => {
    expect(uniqueStems(lessonIn(folder))).toEqual([]);
  });

  it('resolves every quotation, anchor, passage and editor\u2019s note to exactly the words it quotes', () => {
    expect(quotationsResolve(lessonIn(folder))).toEqual([]);
  });

  it('cites a source for every history note, and every source it cites is a reference', () => {
    expect(sourcesCited(lessonIn(folder))).toEqual([]);
  });

  it('explains every wrong option by quoting the text or naming a device', () => {
    expect(wrongFeedbackPoints(lessonIn(folder))).toEqual([]);
  });

  it('quotes (three words or more) only what the talk, glossary, taxonomy or references say', () => {
    expect(quotationsExist(lessonIn(folder))).toEqual([]);
  });

  it('has parallel pre and post checks on passages no segment question keys', () => {
    expect(prePostParallel(lessonIn(folder))).toEqual([]);
  });

  it('writes every question and its key into the teacher\u2019s guide, and the guide into neither zip', () => {
    const lesson = lessonIn(folder);
    expect(teacherGuide(lesson, builtFor(lesson))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Each rule catches a broken lesson

describe('each rule reports a deliberately broken copy of the lesson', () => {
  const heroes = () => structuredClone(lessonIn(join(root, 'lessons', DEFAULT_LESSON)));
  const find = <T extends Question>(lesson: Lesson, id: string) => {
    const q = lesson.questions.find((x) => x.id === id);
    if (!q) throw new Error(`${DEFAULT_LESSON} has no question ${id}: update this test`);
    return q as T;
  };
  const byType = <T extends Question>(lesson: Lesson, type: Question['type']) => lesson.questions.filter((q) => q.type === type) as T[];
  const firstChoice = (lesson: Lesson, page: string) => {
    const q = lesson.questions.find((x) => x.page === page && (x.type === 'single' || x.type === 'multiple'));
    if (!q || (q.type !== 'single' && q.type !== 'multiple')) throw new Error(`no choice question on ${page}`);
    return q;
  };
  const wrongOption = (q: { options: ChoiceOption[] }) => q.options.find((o) => !o.correct)!;

  describe('coverage', () => {
    it('reports a segment with too few questions', () => {
      const lesson = heroes();
      const seg = lesson.segments[3]!.id;
      const keep = lesson.questions.find((q) => q.page === seg)!;
      lesson.questions = lesson.questions.filter((q) => q.page !== seg || q === keep);
      expect(coverage(lesson)).toContain(`segment ${seg} has 1 question; heroes-1988 needs at least 3 on every segment`);
    });

    it('reports too few segment questions and too few highlights', () => {
      const lesson = heroes();
      lesson.questions = lesson.questions.filter((q) => q.type !== 'highlight');
      const n = lesson.questions.filter((q) => lesson.segments.some((s) => s.id === q.page)).length;
      expect(coverage(lesson)).toEqual(
        expect.arrayContaining([
          'heroes-1988 has 0 highlight questions on segment pages; it needs at least 10',
          'no highlight question on the segment pages; heroes-1988 needs every type (single, multiple, match, highlight, reflection)',
          ...(n < 45 ? [`heroes-1988 has ${n} questions on segment pages; it needs at least 45`] : []),
        ]),
      );
      lesson.questions = lesson.questions.filter((q) => q.page === 'pre' || q.page === 'post');
      expect(coverage(lesson)).toContain('heroes-1988 has 0 questions on segment pages; it needs at least 45');
    });

    it('holds any other lesson to one question per segment and every type somewhere', () => {
      const lesson = heroes();
      lesson.id = 'another-lesson';
      const seg = lesson.segments[0]!.id;
      lesson.questions = lesson.questions.filter((q) => q.page !== seg && q.type !== 'match');
      expect(coverage(lesson)).toEqual([
        `segment ${seg} has 0 questions; another-lesson needs at least 1 on every segment`,
        'no match question in the lesson; another-lesson needs every type (single, multiple, match, highlight, reflection)',
      ]);
    });
  });

  describe('taxonomy', () => {
    it('reports a device that is not in the taxonomy', () => {
      const lesson = heroes();
      const q = byType<MatchQuestion>(lesson, 'match')[0]!;
      q.pairs[0]!.device = 'bandwagon_effect';
      expect(taxonomy(lesson)).toContain(`${q.id}: device \`bandwagon_effect\` (the key of pair ${q.pairs[0]!.id}) is not in the taxonomy`);
    });

    it('reports plain folks as a key: to highlight, matched, or named by a correct option', () => {
      const lesson = heroes();
      const h = byType<HighlightQuestion>(lesson, 'highlight')[0]!;
      h.device = 'plain_folks';
      const m = byType<MatchQuestion>(lesson, 'match')[1]!;
      m.pairs[1]!.device = 'plain_folks';
      const c = find<Question & { options: ChoiceOption[] }>(lesson, 's14_q1_leader');
      const pf = c.options.find((o) => /^Plain folks/.test(o.text))!;
      pf.correct = true;
      expect(taxonomy(lesson)).toEqual(
        expect.arrayContaining([
          `${h.id}: device \`plain_folks\` (the device to highlight) is a distractor only in heroes-1988; it may be offered but never be an answer`,
          `${m.id}: device \`plain_folks\` (the key of pair ${m.pairs[1]!.id}) is a distractor only in heroes-1988; it may be offered but never be an answer`,
          `s14_q1_leader: device \`plain_folks\` (named by correct option ${pf.id}) is a distractor only in heroes-1988; it may be offered but never be an answer`,
          `s14_q1_leader: correct option ${pf.id} names \`plain_folks\`, which is not in the question's devices (appeal_to_authority, anaphora, card_stacking)`,
        ]),
      );
    });

    it('reports a keyed device of another kind', () => {
      const lesson = heroes();
      const h = byType<HighlightQuestion>(lesson, 'highlight')[0]!;
      const d = lesson.devices.find((x) => x.id === h.device)!;
      (d as { kind: string }).kind = 'framework';
      expect(taxonomy(lesson)).toContain(`${h.id}: device \`${d.id}\` (the device to highlight) is of kind \`framework\`; a key must be a technique, figure, selection`);
    });

    it('does not count the techniques a neutral pre/post item offers as its key', () => {
      const lesson = heroes();
      const neutral = lesson.questions.find((q) => q.page === 'pre' && q.type === 'single' && q.options.some((o) => o.correct && /^No persuasion/.test(o.text)))!;
      const strict = { ...policyFor(lesson.id), distractorOnly: neutral.devices };
      const problems = taxonomy(lesson, strict);
      expect(problems.length).toBeGreaterThan(0); // the same devices keyed elsewhere are reported…
      expect(problems.filter((p) => p.startsWith(`${neutral.id}:`))).toEqual([]); // …but not here
    });
  });

  describe('feedback present', () => {
    it('reports an empty option feedback, highlight outcome and explanation', () => {
      const lesson = heroes();
      const c = firstChoice(lesson, lesson.segments[0]!.id);
      const wrong = wrongOption(c);
      wrong.feedback = '<p> </p>';
      const h = byType<HighlightQuestion>(lesson, 'highlight')[0]!;
      h.feedback.partial = '';
      const r = byType<ReflectionQuestion>(lesson, 'reflection')[0]!;
      r.explanation = '';
      const problems = feedbackPresent(lesson);
      expect(problems).toEqual(
        expect.arrayContaining([`${c.id} option ${wrong.id} feedback is empty`, `${h.id} feedback.partial is empty`, `${r.id} has no explanation`]),
      );
      expect(problems).toHaveLength(3);
    });
  });

  describe('unique stems', () => {
    it('reports the same prompt asked twice, whatever its case and punctuation', () => {
      const lesson = heroes();
      const [a, b] = lesson.questions.filter((q) => !q.passage);
      b!.prompt = `<p>${a!.prompt.replace(/<[^>]*>/g, '').toUpperCase()}!!</p>`;
      expect(uniqueStems(lesson)).toEqual([expect.stringMatching(new RegExp(`^${b!.id} asks the same as ${a!.id}: «`))]);
    });

    it('tells pre/post items apart by their passages, and reports two on the same passage', () => {
      const lesson = heroes();
      expect(uniqueStems(lesson)).toEqual([]);
      const [p1, p2] = lesson.questions.filter((q) => q.page === 'pre');
      p2!.passage = p1!.passage!;
      p2!.prompt = p1!.prompt;
      expect(uniqueStems(lesson)).toEqual([expect.stringMatching(new RegExp(`^${p2!.id} asks the same as ${p1!.id}`))]);
    });
  });

  describe('quotations resolve', () => {
    it('reports a pair quote, highlight key, passage, history anchor and editor\u2019s note whose offsets miss the words', () => {
      const lesson = heroes();
      const m = byType<MatchQuestion>(lesson, 'match')[0]!;
      m.pairs[0]!.quote = { ...m.pairs[0]!.quote, start: m.pairs[0]!.quote.start + 1, end: m.pairs[0]!.quote.end + 1 };
      const h = byType<HighlightQuestion>(lesson, 'highlight')[0]!;
      h.key[0] = { ...h.key[0]!, segment: lesson.segments.find((s) => s.id !== h.page)!.id };
      const pre = lesson.questions.find((q) => q.page === 'pre')!;
      pre.passage = { ...pre.passage!, paragraph: 99 };
      const note = lesson.history.find((x) => x.span)!;
      note.span = { ...note.span!, exact: 'words the talk never says' };
      const ed = lesson.editorsNotes.find((n) => n.span)!;
      ed.lesson = `${ed.lesson}x`;
      const problems = quotationsResolve(lesson);
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.stringMatching(new RegExp(`^${m.id} pair ${m.pairs[0]!.id} quote «.*» does not match ${m.page} paragraph \\d+ \\[\\d+, \\d+\\), which reads «`)),
          `${h.id} key[0] «${h.key[0]!.exact}» lies in ${h.key[0]!.segment}, not in ${h.page}`,
          expect.stringMatching(new RegExp(`^${pre.id} passage «.*» points at paragraph 99 of ${pre.passage!.segment}, which has \\d+$`)),
          expect.stringMatching(new RegExp(`^history note ${note.id} anchor «words the talk never says» does not match`)),
          `editor's note ${ed.id} marks «${ed.span!.exact}» but the lesson shows «${ed.lesson}» there`,
        ]),
      );
      expect(problems).toHaveLength(5);
    });
  });

  describe('sources cited', () => {
    it('reports a history note without sources and one citing an unknown reference', () => {
      const lesson = heroes();
      const [a, b] = lesson.history;
      a!.sources = [];
      b!.sources = [...b!.sources, 'nobody_2020'];
      expect(sourcesCited(lesson)).toEqual([`history note ${a!.id} cites no source`, `history note ${b!.id} cites \`nobody_2020\`, which is not in references`]);
    });
  });

  describe('wrong-option feedback points at something', () => {
    it('reports feedback that neither quotes the text nor names a device', () => {
      const lesson = heroes();
      const c = firstChoice(lesson, lesson.segments[0]!.id);
      const wrong = wrongOption(c);
      wrong.feedback = '<p>Not quite. Read the paragraph again and think about what it does.</p>';
      expect(wrongFeedbackPoints(lesson)).toEqual([
        `${c.id} option ${wrong.id} (wrong) feedback neither quotes the text nor names a device: «Not quite. Read the paragraph again and think about what it does.»`,
      ]);
    });

    it('does not count a quotation that is not in the text', () => {
      const lesson = heroes();
      const c = firstChoice(lesson, lesson.segments[0]!.id);
      wrongOption(c).feedback = '<p>The words &quot;our glorious and beloved nation&quot; only describe.</p>';
      expect(wrongFeedbackPoints(lesson)).toHaveLength(1);
    });

    it('accepts a quotation of the text, even cut with an ellipsis, or a device\u2019s name', () => {
      const lesson = heroes();
      const c = firstChoice(lesson, lesson.segments[0]!.id);
      const words = lesson.segments[5]!.paragraphs[0]!.split(' ');
      wrongOption(c).feedback = `<p>Compare &quot;${words.slice(0, 2).join(' ')} ... ${words.slice(4, 6).join(' ')}&quot;.</p>`;
      expect(wrongFeedbackPoints(lesson)).toEqual([]);
      wrongOption(c).feedback = '<p>That would be <em>whataboutism</em>, and nobody is accused here.</p>';
      expect(wrongFeedbackPoints(lesson)).toEqual([]);
    });
  });

  describe('quotations exist', () => {
    it('reports a quotation of three words or more that is nowhere in the lesson', () => {
      const lesson = heroes();
      const m = byType<MatchQuestion>(lesson, 'match')[0]!;
      m.pairs[0]!.feedback = '<p>The phrase \u201cthe glorious sunrise of Juche\u201d does the work.</p>';
      const h = byType<HighlightQuestion>(lesson, 'highlight')[0]!;
      h.explanation = `${h.explanation}<p>Compare &quot;a phrase nobody wrote&quot;.</p>`;
      const problems = quotationsExist(lesson);
      expect(problems).toEqual(
        expect.arrayContaining([
          `${m.id} pair ${m.pairs[0]!.id} feedback quotes «the glorious sunrise of Juche», which is nowhere in the talk, the glossary, the taxonomy or the references`,
          `${h.id} explanation quotes «a phrase nobody wrote», which is nowhere in the talk, the glossary, the taxonomy or the references`,
        ]),
      );
      expect(problems).toHaveLength(2);
    });

    it('accepts quotations from another segment and from the taxonomy, and ignores one- and two-word ones', () => {
      const lesson = heroes();
      const m = byType<MatchQuestion>(lesson, 'match')[0]!;
      const elsewhere = lesson.segments.find((s) => s.id !== m.page)!.paragraphs[0]!.split(' ').slice(0, 6).join(' ');
      const definition = lesson.devices[0]!.definition.replace(/<[^>]*>/g, '').split(' ').slice(0, 5).join(' ');
      m.pairs[0]!.feedback = `<p>Compare &quot;${elsewhere}&quot;, and the definition &quot;${definition}&quot;; not &quot;two words&quot;.</p>`;
      expect(quotationsExist(lesson)).toEqual([]);
    });
  });

  describe('pre and post checks', () => {
    const prePost = (lesson: Lesson) => [lesson.questions.filter((q) => q.page === 'pre'), lesson.questions.filter((q) => q.page === 'post')] as const;

    it('report a missing post item and a post item keyed differently from its pre item', () => {
      const lesson = heroes();
      const [, post] = prePost(lesson);
      const last = post[post.length - 1]!;
      lesson.questions = lesson.questions.filter((q) => q !== last);
      const changed = post.find((q) => q.type === 'single' && q.options.some((o) => o.correct && /^No persuasion/.test(o.text)))!;
      if (changed.type !== 'single') throw new Error('unreachable');
      for (const o of changed.options) o.correct = !/^No persuasion/.test(o.text) && o === changed.options.find((x) => !/^No persuasion/.test(x.text));
      const problems = prePostParallel(lesson);
      expect(problems).toEqual(
        expect.arrayContaining([
          `the pre-check has ${post.length} items and the post-check ${post.length - 1}; they must be parallel`,
          expect.stringMatching(/^the pre-check has \d+ neutral items \("No persuasion technique"\) and the post-check \d+$/),
          expect.stringMatching(new RegExp(`^pre_q\\d+_\\w+ and ${changed.id} are not parallel`)),
        ]),
      );
    });

    it('report a post passage that overlaps a pre passage, and a passage a segment question keys', () => {
      const lesson = heroes();
      const [pre, post] = prePost(lesson);
      post[0]!.passage = { ...pre[0]!.passage! };
      const h = byType<HighlightQuestion>(lesson, 'highlight')[0]!;
      const key = h.key[0]!;
      const para = lesson.segments.find((s) => s.id === key.segment)!.paragraphs[key.paragraph]!;
      pre[1]!.passage = { segment: key.segment, paragraph: key.paragraph, start: 0, end: para.length, exact: para };
      expect(prePostParallel(lesson)).toEqual(
        expect.arrayContaining([
          `${post[0]!.id} passage overlaps ${pre[0]!.id} passage («${pre[0]!.passage!.exact}»)`,
          `${pre[1]!.id} passage contains «${key.exact}», the key of ${h.id} key[0] (${key.segment} paragraph ${key.paragraph}); choose a passage no segment question keys`,
        ]),
      );
    });
  });

  describe('the teacher\u2019s guide', () => {
    const guideOf = (lesson: Lesson): BuiltLesson => ({
      guide: writeGuide(lesson, { scorm12: 'a.zip', scorm2004: 'b.zip' }),
      guideName: `${lesson.id}-teacher-guide.html`,
      zips: [{ name: 'a.zip', files: new Map([['index.html', new TextEncoder().encode('<!doctype html><title>student</title>')]]) }],
    });

    it('passes a guide written from the lesson itself', () => {
      const lesson = heroes();
      expect(teacherGuide(lesson, guideOf(lesson))).toEqual([]);
    });

    it('reports a question missing from the guide, and a key the guide gets wrong', () => {
      const lesson = heroes();
      const built = guideOf(lesson);
      const gone = lesson.questions[3]!;
      built.guide = built.guide.replace(`id="q-${gone.id}"`, 'id="q-removed"');
      const c = firstChoice(lesson, lesson.segments[2]!.id);
      const right = c.options.find((o) => o.correct)!;
      const wrong = wrongOption(c);
      right.correct = false;
      wrong.correct = true;
      const h = byType<HighlightQuestion>(lesson, 'highlight')[2]!;
      h.key[0] = { ...h.key[0]!, exact: 'a key the guide never saw' };
      const m = byType<MatchQuestion>(lesson, 'match')[2]!;
      const other = m.choices.find((d) => d !== m.pairs[0]!.device && !m.pairs.some((p) => p.device === d))!;
      m.pairs[0]!.device = other;
      const name = lesson.devices.find((d) => d.id === other)!.name;
      expect(teacherGuide(lesson, built)).toEqual(
        expect.arrayContaining([
          `the teacher's guide has no section for ${gone.id}`,
          expect.stringMatching(new RegExp(`^the teacher's guide does not give option ${wrong.id} of ${c.id} as correct`)),
          `the teacher's guide gives the wrong option ${right.id} of ${c.id} as correct`,
          `the teacher's guide does not give «a key the guide never saw» as a key of ${h.id}`,
          `the teacher's guide does not match «${m.pairs[0]!.quote.exact}» to ${name} in ${m.id}`,
        ]),
      );
    });

    it('reports the guide, or a model answer, inside a zip', () => {
      const lesson = heroes();
      const built = guideOf(lesson);
      const guide = new TextEncoder().encode(built.guide);
      const r = lesson.questions.find((q): q is ReflectionQuestion => q.type === 'reflection' && q.modelAnswer !== undefined)!;
      built.zips = [
        { name: 'a.zip', files: new Map([['extra/guide.html', guide]]) },
        { name: 'b.zip', files: new Map([[built.guideName, new Uint8Array([1])], ['lesson.js', new TextEncoder().encode(JSON.stringify(lesson))]]) },
      ];
      expect(teacherGuide(lesson, built)).toEqual(
        expect.arrayContaining([
          "a.zip contains the teacher's guide as extra/guide.html",
          `b.zip contains ${built.guideName}`,
          expect.stringMatching(new RegExp(`^b\\.zip lesson\\.js contains the model answer of ${r.id} \\(«`)),
        ]),
      );
    });
  });
});
