/**
 * A synthetic lesson for the scale benchmark: `segments` segments holding `perSegment` questions
 * each (single, multiple, match, highlight, single), made from the real lesson's text and metadata
 * so that every quotation resolves and the text-fidelity check passes. Written as an author would
 * write it (YAML files in a lesson folder), so the build does all its real work on it.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

export const SYNTHETIC_ID = 'synthetic-scale';

const pad = (n, width) => String(n).padStart(width, '0');

/** Phrases of 4 words that occur exactly once in the segment and do not overlap each other. */
function uniquePhrases(paragraphs, wanted) {
  const all = paragraphs.join('\n\n');
  const phrases = [];
  const used = [];
  for (const text of paragraphs) {
    const words = [...text.matchAll(/[A-Za-z][A-Za-z'’-]*/g)];
    for (let i = 0; i + 4 <= words.length && phrases.length < wanted; i += 5) {
      const start = words[i].index;
      const last = words[i + 3];
      const phrase = text.slice(start, last.index + last[0].length);
      if (/\n/.test(phrase)) continue;
      const at = all.indexOf(phrase);
      if (at < 0 || all.indexOf(phrase, at + 1) >= 0) continue;
      if (used.some(([a, b]) => at < b && at + phrase.length > a)) continue;
      used.push([at, at + phrase.length]);
      phrases.push(phrase);
    }
  }
  return phrases;
}

function questionsFor(id, phrases) {
  const [p1, p2, p3] = phrases;
  const quote = (p) => `"${p}"`;
  return [
    {
      id: `${id}_q1_single`,
      type: 'single',
      prompt: `Which device carries the words ${quote(p1)}?`,
      devices: ['loaded_language'],
      options: [
        { text: 'Loaded language', correct: true, feedback: `Yes: ${quote(p1)} colours the facts with feeling.` },
        { text: 'Whataboutism', feedback: `No criticism is answered in ${quote(p1)}.` },
        { text: 'Appeal to popularity', feedback: `Nobody is said to agree in ${quote(p1)}.` },
      ],
      explanation: `The words ${quote(p1)} judge rather than describe.`,
    },
    {
      id: `${id}_q2_multiple`,
      type: 'multiple',
      prompt: `Which devices are at work in ${quote(p2)}? Select all that apply.`,
      devices: ['loaded_language', 'repetition'],
      options: [
        { text: 'Loaded language', correct: true, feedback: `${quote(p2)} carries feeling.` },
        { text: 'Repetition', correct: true, feedback: `${quote(p2)} repeats what the talk says elsewhere.` },
        { text: 'Whataboutism', feedback: `${quote(p2)} answers no criticism.` },
        { text: 'Straw man', feedback: `${quote(p2)} misstates no opponent.` },
      ],
      explanation: `Read ${quote(p2)} again: two devices work together.`,
    },
    {
      id: `${id}_q3_match`,
      type: 'match',
      prompt: 'Match each quotation to the device it uses.',
      devices: ['loaded_language', 'repetition'],
      pairs: [
        { quote: p1, device: 'loaded_language', feedback: `${quote(p1)} judges with feeling.` },
        { quote: p3, device: 'repetition', feedback: `${quote(p3)} repeats an earlier line.` },
      ],
      distractors: ['whataboutism'],
      explanation: `${quote(p1)} and ${quote(p3)} work differently.`,
    },
    {
      id: `${id}_q4_highlight`,
      type: 'highlight',
      device: 'loaded_language',
      devices: ['loaded_language'],
      prompt: 'Mark the words that judge instead of describing.',
      key: [p2],
      feedback: {
        correct: `Yes: ${quote(p2)}.`,
        partial: `Part of it: the judging words are ${quote(p2)}.`,
        wrong: `The judging words are ${quote(p2)}.`,
      },
      explanation: `${quote(p2)} could give way to neutral words.`,
    },
    {
      id: `${id}_q5_single`,
      type: 'single',
      prompt: `Is ${quote(p3)} an appeal to fear?`,
      devices: ['appeal_to_fear_prejudice'],
      options: [
        { text: 'No', correct: true, feedback: `${quote(p3)} frightens nobody.` },
        { text: 'Yes', feedback: `Read ${quote(p3)} again: no danger is named.` },
      ],
      explanation: `${quote(p3)} asks for effort, not fear.`,
    },
  ];
}

/**
 * Writes the synthetic lesson folder into `lessonsDir` and returns what it holds.
 * @param {{ root: string, lessonsDir: string, segments?: number, from?: string }} options
 */
export function writeSyntheticLesson({ root, lessonsDir, segments = 200, from = 'heroes-1988' }) {
  const source = join(root, 'lessons', from);
  const dir = join(lessonsDir, SYNTHETIC_ID);
  mkdirSync(join(dir, 'segments'), { recursive: true });
  const read = (name) => parse(readFileSync(join(source, name), 'utf8'));

  const lesson = read('lesson.yaml');
  lesson.id = SYNTHETIC_ID;
  lesson.title = `Synthetic scale lesson: ${segments} segments (benchmark only)`;
  // The real lesson's editor's notes correct its source file; here the source is written from the
  // corrected text itself, so there is nothing to correct.
  delete lesson.editorsNotes;
  for (const name of ['taxonomy.yaml', 'references.yaml', 'glossary.yaml']) {
    if (existsSync(join(source, name))) writeFileSync(join(dir, name), readFileSync(join(source, name)));
  }

  const base = readdirSync(join(source, 'segments'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => parse(readFileSync(join(source, 'segments', f), 'utf8')));
  const paragraphs = [];
  let questions = 0;
  for (let i = 0; i < segments; i++) {
    const b = base[i % base.length];
    const id = `s${pad(i + 1, 3)}_part`;
    const phrases = uniquePhrases(b.text, 3);
    if (phrases.length < 3) throw new Error(`synthetic lesson: segment ${b.id} has too few unique phrases`);
    const qs = questionsFor(`s${pad(i + 1, 3)}`, phrases);
    questions += qs.length;
    writeFileSync(
      join(dir, 'segments', `${pad(i + 1, 3)}-part.yaml`),
      stringify({ id, title: `${b.title} (copy ${Math.floor(i / base.length) + 1})`, orientation: b.orientation, text: b.text, questions: qs }, { lineWidth: 0 }),
    );
    paragraphs.push(...b.text);
  }
  writeFileSync(join(dir, 'lesson.yaml'), stringify(lesson, { lineWidth: 0 }));
  const heading = Array.isArray(lesson.heading) ? lesson.heading : [];
  const appendix = Array.isArray(lesson.appendix?.text) ? lesson.appendix.text : [];
  writeFileSync(join(dir, 'source.txt'), `${[...heading, ...paragraphs, ...appendix].join('\n\n')}\n`);
  return { dir, segments, questions };
}
