// @vitest-environment node
/**
 * Compiling the fixture lesson (test/fixtures/lessons/good/fixture-mini) to the `Lesson` model:
 * ids, defaults, resolved quotations, Markdown, and the student copy without teacher material.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Lesson, Question, TextSpan } from '../../src/model/lesson';
import { studentCopy } from '../../src/model/student-copy';
import { prepareLesson } from '../../src/packager/build';
import { suspendDataIssue } from '../../src/packager/budget';
import { compile } from '../../src/packager/compile';
import { loadLesson } from '../../src/packager/load';
import { renderInline, renderMarkdown } from '../../src/packager/markdown';

const root = join(__dirname, '..', '..');
const dir = join(root, 'test/fixtures/lessons/good/fixture-mini');

function compiled(): Lesson {
  const { lesson, issues } = prepareLesson(dir, root);
  expect(issues).toEqual([]);
  return lesson!;
}
const lesson = compiled();
const question = <T extends Question['type']>(id: string) => lesson.questions.find((q) => q.id === id) as Extract<Question, { type: T }>;
const paragraph = (span: TextSpan) => lesson.segments.find((s) => s.id === span.segment)!.paragraphs[span.paragraph]!;

describe('compile', () => {
  it('orders questions pre, segments, post, synthesis, each knowing its page', () => {
    expect(lesson.questions.map((q) => `${q.page}:${q.id}`)).toEqual([
      'pre:pre_q1_loaded_language',
      's01_phase:s01_q1_phase',
      's01_phase:s01_q2_words',
      's01_phase:s01_q3_match',
      's01_phase:s01_q4_highlight',
      's02_slogan:s02_q1_slogan',
      's02_slogan:s02_q2_reflect',
      'post:post_q1_loaded_language',
      'synthesis:syn_q1_analysis',
    ]);
    expect(lesson.segments.map((s) => [s.id, s.number])).toEqual([
      ['s01_phase', 1],
      ['s02_slogan', 2],
    ]);
  });

  it('gives options the ids a, b, c … and match pairs 1, 2 …', () => {
    expect(question<'single'>('s01_q1_phase').options.map((o) => [o.id, o.correct])).toEqual([
      ['a', true],
      ['b', false],
      ['c', false],
    ]);
    const match = question<'match'>('s01_q3_match');
    expect(match.pairs.map((p) => [p.id, p.device])).toEqual([
      ['1', 'loaded_language'],
      ['2', 'epithet'],
    ]);
    // Devices offered: keys and distractors, by name (Epithet, Loaded language, Whataboutism).
    expect(match.choices).toEqual(['epithet', 'loaded_language', 'whataboutism']);
    expect(match.devices).toEqual(['loaded_language', 'epithet']);
  });

  it('applies the defaults: tries 2, weight 1 and scored on segments; weight 0 elsewhere', () => {
    const summary = (id: string) => {
      const q = lesson.questions.find((x) => x.id === id)!;
      return { tries: q.tries, weight: q.weight, scored: q.scored };
    };
    expect(summary('s01_q1_phase')).toEqual({ tries: 2, weight: 1, scored: true });
    expect(summary('s01_q2_words')).toEqual({ tries: 3, weight: 2, scored: true });
    expect(summary('s02_q2_reflect')).toEqual({ tries: 2, weight: 0, scored: false });
    expect(summary('pre_q1_loaded_language')).toEqual({ tries: 2, weight: 0, scored: false });
    expect(summary('syn_q1_analysis')).toEqual({ tries: 2, weight: 0, scored: false });
    expect(question<'highlight'>('s02_q1_slogan').threshold).toBe(0.6);
    expect(question<'highlight'>('s01_q4_highlight').threshold).toBe(0.5);
    expect(question<'reflection'>('s02_q2_reflect')).toMatchObject({ minLength: 50, maxLength: 300 });
    expect(question<'highlight'>('s01_q4_highlight').devices).toEqual(['loaded_language']);
  });

  it('takes the LMS summary from the prompt text unless one is given', () => {
    expect(question('s01_q1_phase').summary).toBe('What does "an important phase" do?');
    expect(question('s01_q2_words').summary).toBe('Which words in s01 are loaded');
    for (const q of lesson.questions) expect(q.summary.length).toBeLessThanOrEqual(250);
  });

  it('resolves every quotation to a span of its own segment', () => {
    const spans: TextSpan[] = [
      ...lesson.questions.flatMap((q) => [
        ...(q.passage ? [q.passage] : []),
        ...(q.type === 'match' ? q.pairs.map((p) => p.quote) : []),
        ...(q.type === 'highlight' ? q.key : []),
      ]),
      ...lesson.history.flatMap((h) => (h.span ? [h.span] : [])),
    ];
    expect(spans.length).toBe(7);
    for (const span of spans) expect(paragraph(span).slice(span.start, span.end)).toBe(span.exact);
    expect(question<'highlight'>('s02_q1_slogan').key[0]).toEqual({
      segment: 's02_slogan',
      paragraph: 0,
      start: 11,
      end: 40,
      exact: 'live and struggle like heroes',
    });
    expect(question('pre_q1_loaded_language').passage).toMatchObject({ segment: 's01_phase', paragraph: 1 });
  });

  it('locates editor\u2019s notes in the lesson text', () => {
    expect(lesson.editorsNotes).toEqual([
      {
        number: 1,
        id: 'students_and',
        source: 'student sand',
        lesson: 'students and',
        why: 'A misplaced space.',
        span: { segment: 's01_phase', paragraph: 1, start: 14, end: 26, exact: 'students and' },
      },
    ]);
  });

  it('defaults glossary matches to the term', () => {
    expect(lesson.glossary.map((g) => [g.id, g.matches])).toEqual([
      ['juche', ['Juche']],
      ['chollima_horse', ['Chollima']],
    ]);
  });

  it('renders Markdown and escapes the authors\u2019 raw HTML', () => {
    expect(lesson.introduction).toBe(
      '<h3>What you will do</h3>\n<p>Read two short parts of a talk and name the devices they use. &lt;script&gt;alert("no")&lt;/script&gt;</p>',
    );
    expect(lesson.contentNote).toBe('<p>This text is <strong>state propaganda</strong>; we read it to analyse it.</p>');
    expect(question<'single'>('s01_q1_phase').options[0]!.text).toBe('It charges the moment with <em>weight</em>.');
  });

  it('keeps teacher material for the guide and strips it from the student copy', () => {
    expect(lesson.teacher?.discussion).toEqual(['<p>Why does a talk to officials end with a <em>slogan</em>?</p>']);
    expect(question<'reflection'>('syn_q1_analysis').modelAnswer).toContain('<em>slogan</em>');
    const student = studentCopy(lesson);
    expect(student.teacher).toBeUndefined();
    expect(JSON.stringify(student)).not.toContain('modelAnswer');
    expect(student.questions.length).toBe(lesson.questions.length);
  });

  it('refuses a lesson whose worst-case saved state would not fit SCORM 1.2', () => {
    expect(suspendDataIssue(lesson, 'lesson.yaml')).toBeUndefined();
    const big = structuredClone(lesson);
    for (const q of big.questions) if (q.type === 'reflection') q.maxLength = 3000;
    expect(suspendDataIssue(big, 'lesson.yaml')?.message).toMatch(
      /^the saved state of this lesson can reach \d{4} characters; SCORM 1.2 keeps at most 4096 \(cmi.suspend_data\)$/,
    );
    expect(suspendDataIssue(big, 'lesson.yaml')?.fix).toContain('build the SCORM 2004 package alone: --scorm 2004');
  });

  it('asks a lesson built as SCORM 2004 alone to fit 2004\u2019s 64000 characters only', () => {
    const big = structuredClone(lesson);
    for (const q of big.questions) if (q.type === 'reflection') q.maxLength = 3000;
    expect(suspendDataIssue(big, 'lesson.yaml', ['2004'])).toBeUndefined();
    expect(suspendDataIssue(big, 'lesson.yaml', ['1.2'])?.message).toMatch(/SCORM 1.2 keeps at most 4096/);
  });

  it('refuses images and unsafe links in Markdown, with the field', () => {
    const loaded = loadLesson(dir, root);
    const data = loaded.raw.lesson!.data as Record<string, unknown>;
    data.introduction = 'See ![a map](https://example.org/map.png) and [this](javascript:alert(1)).';
    const { issues } = compile(loaded.raw);
    expect(issues.map((i) => `${i.path.join('.')}  ${i.message}`)).toEqual([
      'introduction  contains an image (https://example.org/map.png)',
      'introduction  link to «javascript:alert(1)» is not an http(s), mailto or #anchor address',
    ]);
  });
});

describe('Markdown', () => {
  it('opens links in a new window so the LMS frame keeps the lesson', () => {
    expect(renderInline('[SemEval](https://semeval.github.io)').html).toBe(
      '<a href="https://semeval.github.io" target="_blank" rel="noopener noreferrer">SemEval</a>',
    );
  });

  it('starts author headings at h3, below the page\u2019s own, without skipping levels', () => {
    expect(renderMarkdown('## A\n\n### B').html).toBe('<h3>A</h3>\n<h4>B</h4>');
    expect(renderMarkdown('# A').html).toBe('<h3>A</h3>');
  });

  it('renders lists and shows a raw HTML block as text', () => {
    expect(renderMarkdown('- one\n- two\n\n<div onclick="x()">hi</div>').html).toBe(
      '<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<p>&lt;div onclick=&quot;x()&quot;&gt;hi&lt;/div&gt;</p>',
    );
  });
});
