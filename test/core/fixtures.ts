/**
 * Lessons for the core's tests, built in code so the tests do not depend on the lesson being
 * written under lessons/. `syntheticLesson()` has the planned shape of heroes-1988 (15 segments
 * of the talk's real word counts, 50 scored questions including 12 highlights on the 12 longest
 * segments, 6 + 6 pre/post items, 5 reflections at 300 and a synthesis at 1000); the small
 * builders make one-question lessons for readable specifications.
 */
import {
  LESSON_MODEL_VERSION,
  type ChoiceOption,
  type HighlightQuestion,
  type Lesson,
  type MatchQuestion,
  type MultipleChoiceQuestion,
  type Question,
  type ReflectionQuestion,
  type Segment,
  type SingleChoiceQuestion,
  type TextSpan,
} from '../../src/model/lesson.js';
import { paragraphWords } from '../../src/core/words.js';

/** Word counts of the 15 segments of heroes-1988 as written. */
export const SEGMENT_WORDS = [212, 191, 218, 156, 355, 171, 339, 302, 312, 223, 357, 322, 252, 494, 235];

const VOCAB = (
  'our people have the proud traditions of heroism and the Party’s revolutionary cause is advancing ' +
  'victoriously under the banner of Juche while the imperialists make frantic moves against socialism ' +
  'every official must become a hero of the times and work selflessly for the country’s reunification ' +
  'iron-willed ever-victorious Chollima riders 1,000 3.5 heroes’ deeds shine'
).split(' ');

/** A deterministic pseudo-random generator (xorshift32). */
export function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

/** Paragraphs of talk-like text with exactly `words` words, with curly quotes, em dashes,
 * apostrophes and hyphens in it. */
export function talkText(words: number, seed: number): string[] {
  const next = rng(seed);
  const paragraphs: string[] = [];
  let left = words;
  while (left > 0) {
    const n = Math.min(left, 30 + Math.floor(next() * 60));
    let p = '';
    for (let i = 0; i < n; i++) {
      const w = VOCAB[Math.floor(next() * VOCAB.length)]!;
      const r = next();
      const word = r < 0.05 ? `“${w}”` : r < 0.08 ? `‘${w}’` : w;
      const sep = i === 0 ? '' : r > 0.95 ? '—' : r > 0.9 ? ', ' : ' ';
      p += sep + word;
    }
    paragraphs.push(`${p[0]!.toUpperCase()}${p.slice(1)}.`);
    left -= n;
  }
  return paragraphs;
}

export function segment(id: string, number: number, paragraphs: string[]): Segment {
  return { id, number, title: `Segment ${number}`, orientation: 'What this part does.', paragraphs };
}

/** A span over words [first, last] of a paragraph. */
export function wordSpan(seg: Segment, paragraph: number, first: number, last: number): TextSpan {
  const words = paragraphWords(seg.paragraphs[paragraph]!, paragraph, 0);
  const start = words[first]!.start;
  const end = words[last]!.end;
  return { segment: seg.id, paragraph, start, end, exact: seg.paragraphs[paragraph]!.slice(start, end) };
}

const base = (id: string, page: string, scored: boolean) => ({
  id,
  page,
  prompt: `<p>Prompt of ${id}</p>`,
  tries: 2,
  weight: scored ? 1 : 0,
  scored,
  devices: ['loaded_language'],
  explanation: '<p>Why.</p>',
  summary: `Question ${id}`,
});

export function options(count: number, correct: number[], texts: string[] = []): ChoiceOption[] {
  return Array.from({ length: count }, (_, i) => ({
    id: String.fromCharCode(97 + i),
    text: texts[i] ?? `<p>Option ${i + 1}</p>`,
    correct: correct.includes(i),
    feedback: '<p>Because.</p>',
  }));
}

export function single(id: string, page: string, opts: Partial<SingleChoiceQuestion> = {}): SingleChoiceQuestion {
  return { ...base(id, page, true), type: 'single', options: options(4, [0]), ...opts };
}

export function multiple(id: string, page: string, opts: Partial<MultipleChoiceQuestion> = {}): MultipleChoiceQuestion {
  return { ...base(id, page, true), type: 'multiple', options: options(5, [0, 2]), ...opts };
}

export function match(id: string, seg: Segment, opts: Partial<MatchQuestion> = {}): MatchQuestion {
  return {
    ...base(id, seg.id, true),
    type: 'match',
    pairs: [
      { id: '1', quote: wordSpan(seg, 0, 0, 1), device: 'epithet', feedback: '' },
      { id: '2', quote: wordSpan(seg, 0, 2, 3), device: 'slogans', feedback: '' },
      { id: '3', quote: wordSpan(seg, 0, 4, 5), device: 'name_calling', feedback: '' },
      { id: '4', quote: wordSpan(seg, 0, 6, 7), device: 'flag_waving', feedback: '' },
    ],
    choices: ['epithet', 'slogans', 'name_calling', 'flag_waving', 'whataboutism', 'red_herring'],
    ...opts,
  };
}

export function highlight(id: string, seg: Segment, opts: Partial<HighlightQuestion> = {}): HighlightQuestion {
  return {
    ...base(id, seg.id, true),
    type: 'highlight',
    device: 'repetition',
    devices: ['repetition'],
    key: [wordSpan(seg, 0, 2, 4), wordSpan(seg, 1, 0, 1)],
    threshold: 0.6,
    feedback: { correct: 'Yes.', partial: 'Partly.', wrong: 'No.' },
    ...opts,
  };
}

export function reflection(id: string, page: string, opts: Partial<ReflectionQuestion> = {}): ReflectionQuestion {
  return { ...base(id, page, false), type: 'reflection', rubric: ['Quotes the text'], minLength: 50, maxLength: 300, ...opts };
}

/** A lesson around the given segments and questions, with the planned taxonomy's categories. */
export function lessonWith(segments: Segment[], questions: Question[], extra: Partial<Lesson> = {}): Lesson {
  return {
    modelVersion: LESSON_MODEL_VERSION,
    schemaVersion: 1,
    id: 'test-lesson',
    version: '1.0.0',
    title: 'Test lesson',
    description: 'A lesson for tests.',
    language: 'en',
    estimatedMinutes: 60,
    passingScore: 70,
    source: { author: 'A', title: 'T', date: '1988-05-15', translation: 'en', published: 'p' },
    contentNote: '',
    introduction: '',
    heading: [],
    segments,
    editorsNotes: [],
    glossary: [],
    categories: [
      { id: 'attack_on_reputation', name: 'Attack on reputation', description: '' },
      { id: 'justification', name: 'Justification', description: '' },
      { id: 'call', name: 'Call', description: '' },
      { id: 'manipulative_wording', name: 'Manipulative wording', description: '' },
      { id: 'figures_of_form', name: 'Figures of form', description: '' },
      { id: 'distraction', name: 'Distraction', description: '' },
    ],
    devices: [
      { id: 'name_calling', name: 'Name calling', category: 'attack_on_reputation', kind: 'technique', definition: '', sources: [] },
      { id: 'flag_waving', name: 'Flag-waving', category: 'justification', kind: 'technique', definition: '', sources: [] },
      { id: 'appeal_to_fear_prejudice', name: 'Appeal to fear', category: 'justification', kind: 'technique', definition: '', sources: [] },
      { id: 'slogans', name: 'Slogans', category: 'call', kind: 'technique', definition: '', sources: [] },
      { id: 'loaded_language', name: 'Loaded language', category: 'manipulative_wording', kind: 'technique', definition: '', sources: [] },
      { id: 'repetition', name: 'Repetition', category: 'manipulative_wording', kind: 'technique', definition: '', sources: [] },
      { id: 'epithet', name: 'Epithet', category: 'figures_of_form', kind: 'figure', definition: '', sources: [] },
      { id: 'whataboutism', name: 'Whataboutism', category: 'distraction', kind: 'technique', definition: '', sources: [] },
      { id: 'red_herring', name: 'Red herring', category: 'distraction', kind: 'technique', definition: '', sources: [] },
    ],
    history: [],
    questions,
    references: [],
    objectives: [],
    ...extra,
  };
}

export const NEUTRAL = '<p>No persuasion technique: the passage states facts plainly.</p>';

/** Pre or post check items: `neutral` of them have "no technique" as the right answer; every item
 * offers that option (last). */
export function checkItems(page: 'pre' | 'post', count: number, neutral: number): SingleChoiceQuestion[] {
  return Array.from({ length: count }, (_, i) => {
    const isNeutral = i >= count - neutral;
    const opts = options(4, [isNeutral ? 3 : 0], ['<p>Technique 1</p>', '<p>Technique 2</p>', '<p>Technique 3</p>', NEUTRAL]);
    return { ...single(`${page}_q${i + 1}_item`, page), scored: false, weight: 0, tries: 1, options: opts };
  });
}

export interface Shape {
  /** Words per segment (default: heroes-1988's). */
  words?: number[];
  /** Scored single-choice questions (default 20, which makes 50 scored questions). */
  singles?: number;
}

/** The planned shape of heroes-1988 (see the module comment): 68 questions. */
export function syntheticLesson(extra: Partial<Lesson> = {}, shape: Shape = {}): Lesson {
  const segments = (shape.words ?? SEGMENT_WORDS).map((n, i) => {
    const num = String(i + 1).padStart(2, '0');
    return segment(`s${num}_part`, i + 1, talkText(n, i + 7));
  });
  const longest = [...segments].sort((a, b) => b.paragraphs.join(' ').length - a.paragraphs.join(' ').length).slice(0, 12);
  const questions: Question[] = [...checkItems('pre', 6, 2)];
  // 50 scored: 12 highlights, 8 match, 10 multiple, 20 single
  const kinds = [...Array(12).fill('highlight'), ...Array(8).fill('match'), ...Array(10).fill('multiple'), ...Array(shape.singles ?? 20).fill('single')];
  const perSegment = new Map<string, Question[]>();
  let h = 0;
  kinds.forEach((kind, i) => {
    const seg = kind === 'highlight' ? longest[h++]! : segments[i % segments.length]!;
    const list = perSegment.get(seg.id) ?? [];
    const id = `${seg.id.slice(0, 3)}_q${list.length + 1}_${kind}`;
    const q =
      kind === 'highlight'
        ? highlight(id, seg)
        : kind === 'match'
          ? match(id, seg)
          : kind === 'multiple'
            ? multiple(id, seg.id, { options: options(6, [0, 3]) })
            : single(id, seg.id, { options: options(5, [1]), devices: ['appeal_to_fear_prejudice'] });
    list.push(q);
    perSegment.set(seg.id, list);
  });
  for (const seg of segments.slice(0, 5)) {
    const list = perSegment.get(seg.id) ?? [];
    list.push(reflection(`${seg.id.slice(0, 3)}_q${list.length + 1}_reflect`, seg.id, { maxLength: 300 }));
    perSegment.set(seg.id, list);
  }
  for (const seg of segments) questions.push(...(perSegment.get(seg.id) ?? []));
  questions.push(...checkItems('post', 6, 2));
  questions.push(reflection('syn_q1_analysis', 'synthesis', { maxLength: 1000, minLength: 200 }));
  return lessonWith(segments, questions, { id: 'heroes-1988', ...extra });
}

/** Student-like English about a speech, not taken from the compressor's primer. */
export const ENGLISH = [
  'The passage works mostly through contrast. On one side stand the heroes of the war and the Chollima movement; on the other, unnamed officials who are only “unassuming” in name. By praising humility while demanding total devotion, the talk makes any private ambition look like disloyalty.',
  'Honestly I found this segment hard to read because every sentence seems to say the same thing in a slightly different way. The repeated calls to “learn from” the heroes make it feel like a lesson rather than an argument, and I think an official in 1988 would have felt watched.',
  'What struck me most is how the enemy never gets a face. “They” are cunning, frantic and aggressive, but not one concrete act is described, so a listener cannot check anything. That vagueness is useful to the speaker: fear works better when its object has no outline.',
  'Compared with the 1953 speech, this talk is far more confident. It doesn’t admit any failure; the war becomes a victory and the hardships become proof of loyalty. I’d call this card stacking, since the facts that would complicate the story — the cost, the division of the country — are simply left out.',
  'My first reaction was that the slogan at the end is almost childish, but after reading the whole talk I see why it matters. It compresses pages of argument into six words that can be painted on a wall, chanted at a meeting, or quoted in a newspaper without any of the reasoning that came before.',
  'If I had to explain this text to a friend, I would say it is less a speech than a set of instructions wrapped in praise. Each paragraph names a duty, attaches it to a hero or to the leader, and then repeats the duty in stronger words, so that refusing it would mean rejecting the heroes themselves.',
];

/** Realistic English of about `length` characters (cut at a word boundary), from `ENGLISH`. */
export function englishText(length: number, seed: number): string {
  let out = '';
  for (let i = seed; out.length < length; i++) out += (out ? ' ' : '') + ENGLISH[i % ENGLISH.length];
  return out.slice(0, length);
}
