// @vitest-environment node
/**
 * What an author sees for each mistake: `file:line  field  what is wrong — how to fix it`, on a
 * fixture lesson broken on purpose (test/fixtures/lessons/broken/fixture-broken).
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { prepareLesson } from '../../src/packager/build';
import { parseYaml } from '../../src/packager/load';
import { formatIssue, formatIssues } from '../../src/packager/report';

const root = join(__dirname, '..', '..');
const dir = 'test/fixtures/lessons/broken/fixture-broken';

describe('a broken lesson', () => {
  const { lesson, issues } = prepareLesson(join(root, dir), root);
  const lines = formatIssues(issues).split('\n').map((l) => l.replace(`${dir}/`, ''));

  it('does not compile', () => {
    expect(lesson).toBeUndefined();
  });

  it.each(EXPECTED)('%s', (expected) => {
    expect(lines).toContain(expected);
  });

  it('reports nothing else (every issue is asserted above)', () => {
    expect(lines.filter((l) => !EXPECTED.includes(l))).toEqual([
      'checks.yaml:1  pre  warning: pre has 0 items and post 1 item — give pre and post parallel items (same skills, different passages) so the gain compares like with like',
    ]);
  });
});

const EXPECTED = [
    // lesson.yaml: fields and types
    'lesson.yaml:2  schemaVersion  schemaVersion 2 is not supported by this build — write the lesson in schemaVersion 1 (see docs/lesson-format.md)',
    'lesson.yaml:4  version  expected text, found the number 1 — put the value in quotes so YAML reads it as text (the lesson version in quotes, e.g. "1.0.0")',
    'lesson.yaml:8  estimatedMinutes  expected a whole number, found text «ninety» — how long the lesson takes, in minutes',
    'lesson.yaml:9  passingScore  170 is out of range — use a number from 0 to 100 (the score needed to pass: the LMS mastery score)',
    'lesson.yaml:13  source.date  expected a date like 1988-05-15, found text «15 May 1988» — write the date as YYYY-MM-DD (or YYYY-MM, or YYYY)',
    // editor's note not in the source
    'lesson.yaml:23  editorsNotes[0].source  prefix + source + suffix not found in source.txt — copy `source` (and any prefix/suffix) exactly as source.txt has it',
    // references between files
    'taxonomy.yaml:8  devices[0].category  unknown category `manipulative_words` — did you mean `manipulative_wording`? (a category id from taxonomy.yaml `categories`)',
    'taxonomy.yaml:11  devices[0].sources[0]  unknown reference `semeval2024` — did you mean `semeval2023`? (a reference id from references.yaml)',
    'taxonomy.yaml:15  devices[1].kind  unknown kind «trope» — use one of: technique, figure, selection',
    'history.yaml:3  [0].segment  unknown segment `s09_missing` — use a segment id (the `id:` of a file in segments/)',
    'glossary.yaml:2  [0].term  «Songun» does not occur in the lesson text, so the term is never marked — list in `matches` the exact forms (case-sensitive) as the text has them',
    'checks.yaml:2  post[0].passage  missing — add `passage:` (the passage of the talk the item is about: { exact: "…" })',
    // ids
    'segments/01-phase.yaml:11  questions[0].id  id `s01-q1` may use only lowercase letters, digits and _ and must start with a letter (ids reach the LMS, which rejects hyphens and spaces) — use `s01_q1`',
    'segments/01-phase.yaml:79  questions[6].id  duplicate id `s01_q2_words`: already used by the question at segments/01-phase.yaml questions[1].id — ids must be unique across the whole lesson: rename one of them',
    // answers and options
    'segments/01-phase.yaml:15  questions[0].options  2 options are marked correct (options[0], options[1]); a single-choice question has exactly one — keep `correct: true` on one option, or make it `type: multiple`',
    'segments/01-phase.yaml:30  questions[1].options  no option is marked correct: the answer is not among the options — add `correct: true` to every option that applies',
    'segments/01-phase.yaml:33  questions[1].options[1].feedback  missing — add `feedback:` (why this option fits or not, in the text\u2019s own words)',
    'segments/01-phase.yaml:58  questions[4].options  has 27 items; at most 26 allowed (SCORM 1.2 choice answers are single letters a-z) — remove 1, or split the question in two',
    'segments/01-phase.yaml:68  questions[5].pairs  has 10 items; at most 9 allowed (SCORM 1.2 matching sources are single digits 1-9) — remove 1, or split the question in two',
    'segments/01-phase.yaml:27  questions[1].summary  contains a line break — write it on one line (use `>-` for a long line folded in the file)',
    // quotations
    'segments/01-phase.yaml:39  questions[2].pairs[0].quote  quotation «the truth of the Juche ideas» not found in segment s01_phase: the text matches «the truth of the Juche idea», then reads «, and the trend among them to » where the quotation has «s» — copy the words exactly from the text of segment s01_phase',
    "segments/01-phase.yaml:50  questions[3].key[0]  quotation «Let us all live and struggle like heroes!» is not in segment s01_phase but in segment s02_slogan — quote only the text of segment s01_phase: a question's quotations lie in its own segment",
    'segments/02-slogan.yaml:15  questions[0].key[0]  quotation «live and struggle like heroes» occurs 2 times in segment s02_slogan (paragraphs 1 and 2) — add a prefix or suffix (the words just before or after it) so it matches once: { exact: "live and struggle like heroes", prefix: "…" }',
    // unknown device, misspelt field
    'segments/01-phase.yaml:40  questions[2].pairs[0].device  unknown device `loaded_langauge` — did you mean `loaded_language`? (a device id from taxonomy.yaml `devices`)',
    'segments/01-phase.yaml:44  questions[2].pairs[1].feedbak  unknown field `feedbak` in a pair — did you mean `feedback`?',
    'segments/01-phase.yaml:42  questions[2].pairs[1].feedback  missing — add `feedback:` (why this quotation carries the device, in the text\u2019s words)',
    // reflections
    'segments/02-slogan.yaml:21  questions[1].maxLength  missing — add `maxLength:` (the most characters a student may write; the build checks the total fits SCORM 1.2)',
    "segments/02-slogan.yaml:29  questions[2].maxLength  reflections' maxLength adds up to more than the budget of 2500 characters at this question (3200 in all: 3200 on segments, 0 in the synthesis); saved answers must fit SCORM 1.2's 4096-character suspend_data — lower maxLength here or on other reflections (a split that fits: at most 5 segment reflections of 300, and 1000 for the synthesis)",
    // placeholders
    'segments/02-slogan.yaml:3  orientation  placeholder «TODO one line» left in — write the real text',
];

describe('YAML syntax errors', () => {
  it('give the line and stop validation of the file', () => {
    const { data, issues } = parseYaml('id: s01\ntitle: A: B\ntext: []\n', 'lessons/x/segments/01.yaml');
    expect(data).toBeUndefined();
    expect(issues.map(formatIssue)).toEqual([
      'lessons/x/segments/01.yaml:2  YAML: Nested mappings are not allowed in compact mappings — a value containing ": " needs quotes, or use `>-` and put the text on the next lines',
    ]);
  });

  it('catch a field written twice', () => {
    const { issues } = parseYaml('id: a\nid: b\n', 'f.yaml');
    expect(issues.map(formatIssue)).toEqual(['f.yaml:2  YAML: Map keys must be unique — remove one of the two fields with the same name']);
  });
});
