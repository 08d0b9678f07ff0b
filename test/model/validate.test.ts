// @vitest-environment node
/**
 * Validation rules, one by one, on a small lesson built in memory (validation is pure: parsed
 * data in, issues out). Line numbers are the packager's job; see test/packager/lesson-errors.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/model/issues';
import { formatPath } from '../../src/model/issues';
import type { RawLesson } from '../../src/model/raw';
import { validate } from '../../src/model/validate';

const D = 'lessons/mini';
const P1 = 'Today our revolution is entering an important phase.';
const P2 = 'Let us all live and struggle like heroes! Let us all live and struggle like heroes!';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function option(text: string, correct = false): Data {
  return { text, ...(correct ? { correct: true } : {}), feedback: `Because «${text}».` };
}

function single(id: string, extra: Data = {}): Data {
  return {
    id,
    type: 'single',
    prompt: 'Which device?',
    devices: ['loaded_language'],
    options: [option('Loaded language', true), option('Slogans')],
    explanation: 'Loaded.',
    ...extra,
  };
}

/** A small valid lesson; `edit` changes the parsed data before validation. */
function lesson(edit: (l: { lesson: Data; taxonomy: Data; segments: Data[]; checks: Data; references: Data[] }) => void = () => {}): RawLesson {
  const l = {
    lesson: {
      schemaVersion: 1,
      id: 'mini',
      version: '1.0.0',
      title: 'Mini',
      description: 'A mini lesson.',
      language: 'en',
      estimatedMinutes: 5,
      passingScore: 70,
      source: { author: 'A', title: 'T', date: '1988-05-15', translation: 'tr', published: 'pub' },
      introduction: 'Intro.',
      objectives: ['Learn.'],
      heading: ['Heading'],
    } as Data,
    taxonomy: {
      categories: [{ id: 'wording', name: 'Wording', description: 'Words.' }],
      devices: [
        { id: 'loaded_language', name: 'Loaded language', category: 'wording', kind: 'technique', definition: 'd', sources: ['ref'] },
        { id: 'slogans', name: 'Slogans', category: 'wording', kind: 'technique', definition: 'd', sources: ['ref'] },
      ],
    } as Data,
    segments: [
      { id: 's01_phase', title: 'Phase', orientation: 'It begins.', text: [P1], questions: [single('s01_q1_phase')] },
      {
        id: 's02_slogan',
        title: 'Slogan',
        orientation: 'It ends.',
        text: [P2],
        questions: [{ id: 's02_q1_reflect', type: 'reflection', prompt: 'Why?', rubric: ['Quotes'], maxLength: 300 }],
      },
    ] as Data[],
    checks: {} as Data,
    references: [{ id: 'ref', citation: 'A citation.' }] as Data[],
  };
  edit(l);
  return {
    dir: D,
    folderName: 'mini',
    lesson: { file: `${D}/lesson.yaml`, data: l.lesson },
    taxonomy: { file: `${D}/taxonomy.yaml`, data: l.taxonomy },
    references: { file: `${D}/references.yaml`, data: l.references },
    checks: { file: `${D}/checks.yaml`, data: l.checks },
    segments: l.segments.map((data, i) => ({ file: `${D}/segments/0${i + 1}.yaml`, data })),
    source: { file: `${D}/source.txt`, text: `Heading\n\n${P1}\n\n${P2}\n` },
  };
}

/** Issues as "file  path  message — fix" without the lesson folder, for readable assertions. */
function issues(raw: RawLesson, budget?: number): string[] {
  return validate(raw, budget === undefined ? {} : { reflectionBudget: budget }).map(show);
}
function show(i: Issue): string {
  return `${i.severity === 'warning' ? 'warning ' : ''}${i.file.replace(`${D}/`, '')}  ${formatPath(i.path)}  ${i.message} — ${i.fix}`;
}
const q = (l: { segments: Data[] }, s = 0, n = 0) => l.segments[s]!.questions[n] as Data;

describe('validate', () => {
  it('passes a complete, correct lesson', () => {
    expect(issues(lesson())).toEqual([]);
  });

  it('reports missing files', () => {
    const raw = lesson();
    delete raw.taxonomy;
    delete raw.source;
    const found = issues(raw);
    expect(found).toContain('taxonomy.yaml    file missing — create taxonomy.yaml (see docs/lesson-format.md)');
    expect(found.some((i) => i.startsWith('source.txt    file missing'))).toBe(true);
  });

  describe('fields', () => {
    it('names the expected type of a mistyped field', () => {
      const found = issues(lesson((l) => (l.lesson.passingScore = 'seventy')));
      expect(found).toEqual([
        'lesson.yaml  passingScore  expected a number, found text «seventy» — the score needed to pass: the LMS mastery score',
      ]);
    });

    it('rejects an unsupported schemaVersion', () => {
      expect(issues(lesson((l) => (l.lesson.schemaVersion = 2)))).toEqual([
        'lesson.yaml  schemaVersion  schemaVersion 2 is not supported by this build — write the lesson in schemaVersion 1 (see docs/lesson-format.md)',
      ]);
    });

    it('catches a misspelt field name and suggests the right one', () => {
      expect(issues(lesson((l) => (q(l).explanaton = q(l).explanation)))).toContain(
        'segments/01.yaml  questions[0].explanaton  unknown field `explanaton` in a single question — did you mean `explanation`?',
      );
    });

    it('requires the lesson id to match its folder', () => {
      expect(issues(lesson((l) => (l.lesson.id = 'other')))).toEqual([
        'lesson.yaml  id  lesson id `other` differs from its folder name `mini` — make them the same: the id names the package files',
      ]);
    });

    it('refuses placeholders left in', () => {
      expect(issues(lesson((l) => (l.segments[0]!.orientation = 'TODO one line')))).toEqual([
        'segments/01.yaml  orientation  placeholder «TODO one line» left in — write the real text',
      ]);
    });
  });

  describe('ids', () => {
    it('allows lowercase letters, digits and _ only', () => {
      expect(issues(lesson((l) => (q(l).id = 'S01-Q1')))).toEqual([
        'segments/01.yaml  questions[0].id  id `S01-Q1` may use only lowercase letters, digits and _ and must start with a letter (ids reach the LMS, which rejects hyphens and spaces) — use `s01_q1`',
      ]);
    });

    it('finds duplicates across files', () => {
      expect(issues(lesson((l) => (q(l).id = 'loaded_language')))).toContain(
        'segments/01.yaml  questions[0].id  duplicate id `loaded_language`: already used by the device at taxonomy.yaml devices[0].id — ids must be unique across the whole lesson: rename one of them',
      );
    });

    it('keeps the ids the runtime uses for itself', () => {
      expect(issues(lesson((l) => (l.segments[0]!.id = 'results'))).some((i) => i.includes('id `results` is reserved'))).toBe(true);
    });
  });

  describe('references between files', () => {
    it('reports unknown devices, references and categories with a suggestion', () => {
      const found = issues(
        lesson((l) => {
          q(l).devices = ['loaded_langauge'];
          l.taxonomy.devices[0].sources = ['reff'];
          l.taxonomy.devices[1].category = 'words';
        }),
      );
      expect(found).toEqual([
        'taxonomy.yaml  devices[0].sources[0]  unknown reference `reff` — did you mean `ref`? (a reference id from references.yaml)',
        'taxonomy.yaml  devices[1].category  unknown category `words` — did you mean `wording`? (a category id from taxonomy.yaml `categories`)',
        'segments/01.yaml  questions[0].devices[0]  unknown device `loaded_langauge` — did you mean `loaded_language`? (a device id from taxonomy.yaml `devices`)',
      ]);
    });

    it('says when an id names the wrong kind of thing', () => {
      expect(issues(lesson((l) => (q(l).devices = ['wording'])))).toEqual([
        'segments/01.yaml  questions[0].devices[0]  `wording` is a category, not a device — use a device id from taxonomy.yaml `devices`',
      ]);
    });
  });

  describe('choice questions', () => {
    it('single: exactly one correct option', () => {
      expect(issues(lesson((l) => (q(l).options = [option('a'), option('b')])))).toEqual([
        'segments/01.yaml  questions[0].options  no option is marked correct: the answer is not among the options — add `correct: true` to the right option',
      ]);
      expect(issues(lesson((l) => (q(l).options = [option('a', true), option('b', true)])))).toEqual([
        'segments/01.yaml  questions[0].options  2 options are marked correct (options[0], options[1]); a single-choice question has exactly one — keep `correct: true` on one option, or make it `type: multiple`',
      ]);
    });

    it('multiple: at least one correct option', () => {
      expect(issues(lesson((l) => Object.assign(q(l), { type: 'multiple', options: [option('a'), option('b')] })))).toEqual([
        'segments/01.yaml  questions[0].options  no option is marked correct: the answer is not among the options — add `correct: true` to every option that applies',
      ]);
    });

    it('every option has feedback, and `correct` is true or false', () => {
      expect(
        issues(lesson((l) => (q(l).options = [{ text: 'a', correct: 'yes', feedback: 'f' }, { text: 'b' }, option('c', true)]))),
      ).toEqual([
        "segments/01.yaml  questions[0].options[0].correct  expected true or false, found text «yes» — write `correct: true` on the right option(s); leave it out on the others",
        'segments/01.yaml  questions[0].options[1].feedback  missing — add `feedback:` (why this option fits or not, in the text\u2019s own words)',
      ]);
    });

    it('between 2 and 26 options (SCORM 1.2 choice ids are single letters), more than 8 only with a warning', () => {
      const many = (n: number) => lesson((l) => (q(l).options = Array.from({ length: n }, (_, i) => option(`o${i}`, i === 0))));
      expect(issues(many(1))).toEqual([
        'segments/01.yaml  questions[0].options  has 1 item; at least 2 needed — add 1 more (the options: text, correct, feedback)',
      ]);
      expect(issues(many(26))).toEqual([
        'warning segments/01.yaml  questions[0].options  has 26 options — the format asks for 2-8: more are hard to read on a phone',
      ]);
      expect(issues(many(27))).toEqual([
        'segments/01.yaml  questions[0].options  has 27 items; at most 26 allowed (SCORM 1.2 choice answers are single letters a-z) — remove 1, or split the question in two',
      ]);
    });
  });

  describe('match questions', () => {
    const words = ['Today', 'our revolution', 'is entering'];
    const match = (pairs: number, extra: Data = {}) =>
      lesson((l) => {
        l.segments[0]!.questions = [
          {
            id: 's01_q1_match',
            type: 'match',
            prompt: 'Match.',
            pairs: words.slice(0, pairs).map((w, i) => ({ quote: w, device: i === 0 ? 'slogans' : 'loaded_language', feedback: 'f' })),
            explanation: 'e',
            ...extra,
          },
        ];
      });

    it('at most 9 pairs (SCORM 1.2 matching ids are single digits)', () => {
      const tooMany =
        'segments/01.yaml  questions[0].pairs  has 10 items; at most 9 allowed (SCORM 1.2 matching sources are single digits 1-9) — remove 1, or split the question in two';
      const pairs = (n: number) =>
        lesson((l) => {
          l.segments[0]!.questions = [
            {
              id: 's01_q1_match',
              type: 'match',
              prompt: 'Match.',
              pairs: Array.from({ length: n }, (_, i) => ({ quote: `missing ${i}`, device: 'slogans', feedback: 'f' })),
              explanation: 'e',
            },
          ];
        });
      expect(issues(pairs(9))).not.toContain(tooMany);
      expect(issues(pairs(10))).toContain(tooMany);
    });

    it('a distractor fits no quotation', () => {
      expect(issues(match(2, { distractors: ['slogans'] }))).toEqual([
        'segments/01.yaml  questions[0].distractors[0]  `slogans` is the key of a pair, not a distractor — list as distractors only devices that fit no quotation',
      ]);
    });
  });

  describe('quotations', () => {
    it('must occur once in the question\u2019s own segment', () => {
      const highlight = (key: unknown) =>
        lesson((l) => {
          l.segments[1]!.questions.push({
            id: 's02_q2_slogan',
            type: 'highlight',
            device: 'slogans',
            prompt: 'Mark it.',
            key: [key],
            feedback: { correct: 'c', partial: 'p', wrong: 'w' },
            explanation: 'e',
          });
        });
      expect(issues(highlight('live and struggle like heroes!'))).toEqual([
        'segments/02.yaml  questions[1].key[0]  quotation «live and struggle like heroes!» occurs 2 times in segment s02_slogan (paragraph 1) — add a prefix or suffix (the words just before or after it) so it matches once: { exact: "live and struggle like heroes!", prefix: "…" }',
      ]);
      expect(issues(highlight({ exact: 'live and struggle like heroes!', suffix: ' Let' }))).toEqual([]);
      expect(issues(highlight('an important phase'))).toEqual([
        "segments/02.yaml  questions[1].key[0]  quotation «an important phase» is not in segment s02_slogan but in segment s01_phase — quote only the text of segment s02_slogan: a question's quotations lie in its own segment",
      ]);
    });

    it('pre/post passages are looked up in the whole text', () => {
      const pre = (passage: unknown) => lesson((l) => (l.checks.pre = [single('pre_q1_x', { passage })]) && (l.checks.post = [single('post_q1_x', { passage: 'Today' })]));
      expect(issues(pre({ exact: 'an important phase' }))).toEqual([]);
      expect(issues(pre('heroes!'))[0]).toContain('checks.yaml  pre[0].passage  quotation «heroes!» occurs 2 times in the lesson text');
    });
  });

  describe('reflections', () => {
    it('need maxLength, greater than minLength', () => {
      expect(issues(lesson((l) => delete q(l, 1).maxLength))).toEqual([
        'segments/02.yaml  questions[0].maxLength  missing — add `maxLength:` (the most characters a student may write; the build checks the total fits SCORM 1.2)',
      ]);
      expect(issues(lesson((l) => (q(l, 1).maxLength = 40)))).toEqual([
        'segments/02.yaml  questions[0].maxLength  minLength (50, the default) must be less than maxLength (40) — raise maxLength or set a smaller minLength',
      ]);
    });

    it('must fit the state budget in total', () => {
      const raw = lesson((l) => (l.checks.synthesis = [{ id: 'syn_q1', type: 'reflection', prompt: 'Sum up.', rubric: ['r'], maxLength: 1000 }]));
      expect(issues(raw, 1300)).toEqual([]);
      expect(issues(raw, 1299)).toEqual([
        "checks.yaml  synthesis[0].maxLength  reflections' maxLength adds up to more than the budget of 1299 characters at this question (1300 in all: 300 on segments, 1000 in the synthesis); saved answers must fit SCORM 1.2's 4096-character suspend_data — lower maxLength here or on other reflections (a split that fits: at most 5 segment reflections of 300, and 1000 for the synthesis)",
      ]);
    });

    it('leave the names of their LMS pieces free', () => {
      expect(issues(lesson((l) => (q(l).id = 's02_q1_reflect_p2')))).toEqual([
        "segments/02.yaml  questions[0].id  `s02_q1_reflect_p2` is how SCORM 1.2 names a piece of this reflection's answer in the LMS — rename `s02_q1_reflect_p2` or this question",
      ]);
    });

    it('are never scored', () => {
      expect(issues(lesson((l) => (q(l, 1).weight = 1)))).toEqual([
        'segments/02.yaml  questions[0].weight  reflections are never scored — remove `weight` (reflections are graded by the instructor; pre, post and synthesis do not count towards the score)',
      ]);
    });
  });

  it('summaries fit the LMS: one line of at most 250 characters', () => {
    expect(issues(lesson((l) => (q(l).summary = 'x'.repeat(251))))).toEqual([
      'segments/01.yaml  questions[0].summary  is 251 characters long; at most 250 allowed — shorten it',
    ]);
    expect(issues(lesson((l) => (q(l).summary = 'two\nlines')))).toEqual([
      'segments/01.yaml  questions[0].summary  contains a line break — write it on one line (use `>-` for a long line folded in the file)',
    ]);
  });

  it('keeps highlight questions on segment pages', () => {
    const raw = lesson((l) => {
      l.checks.pre = [{ id: 'pre_q1', type: 'highlight', passage: 'Today', prompt: 'p', device: 'slogans', key: ['Today'], feedback: {}, explanation: 'e' }];
      l.checks.post = [single('post_q1', { passage: 'Today' })];
    });
    expect(issues(raw)).toEqual([
      'checks.yaml  pre[0].type  a highlight question cannot go on the pre page — highlight questions belong on a segment: the student marks words in that segment',
    ]);
  });

  describe('text fidelity', () => {
    it('finds a dropped sentence and shows both versions', () => {
      const found = issues(lesson((l) => (l.segments[1]!.text = ['Let us all live and struggle like heroes!'])));
      expect(found).toEqual([
        'segments/02.yaml  text[0]  differs from source.txt line 5: the source has «…and struggle like heroes! Let us all live and struggle like …», the lesson has «…and struggle like heroes!» — copy the paragraph exactly from source.txt, or record a deliberate change as an editor\'s note in lesson.yaml',
      ]);
    });

    it('finds a paragraph missing or added', () => {
      expect(issues(lesson((l) => (l.segments[0]!.text = [])))[0]).toContain('segments/01.yaml  text  has 0 items; at least 1 needed');
      expect(issues(lesson((l) => (l.lesson.heading = [])))).toEqual([
        'segments/01.yaml  text[0]  a paragraph of source.txt (line 1) is missing before this one: «Heading» — add it as its own item in `text` (of this segment or the one before), or in heading/appendix',
      ]);
      expect(issues(lesson((l) => l.segments[1]!.text.push('Extra.')))).toEqual([
        "segments/02.yaml  text[1]  source.txt ends before this paragraph — remove it, or copy the paragraph exactly from source.txt, or record a deliberate change as an editor's note in lesson.yaml",
      ]);
    });

    it('accepts a change recorded as an editor\u2019s note, and rejects one that is not in the source', () => {
      const fixed = (source: string) =>
        lesson((l) => {
          l.segments[0]!.text = ['Today our revolution is entering a decisive phase.'];
          l.lesson.editorsNotes = [{ id: 'decisive', source, lesson: 'a decisive', why: 'Illustration.' }];
        });
      expect(issues(fixed('an important'))).toEqual([]);
      expect(issues(fixed('an importent'))).toEqual([
        'lesson.yaml  editorsNotes[0].source  prefix + source + suffix not found in source.txt — copy `source` (and any prefix/suffix) exactly as source.txt has it',
      ]);
    });
  });
});
