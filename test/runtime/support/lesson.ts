/**
 * A small lesson with every question type, for the runtime tests: a pre check, two segments
 * (single, multiple, highlight, reflection, match), a synthesis reflection and a post check.
 */
import type { Lesson, Question, TextSpan } from '../../../src/model/lesson.js';

const P1 = 'Comrades, let us all live and struggle like heroes!';
const P2 = 'The enemy is frantic; we must be vigilant, vigilant and again vigilant.';
const Q1 = 'Every official must serve the people with devotion.';
const Q2 = 'Heroes are not born; they are made in struggle.';

function span(segment: string, paragraph: number, text: string, exact: string): TextSpan {
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`fixture: "${exact}" not in paragraph`);
  return { segment, paragraph, start, end: start + exact.length, exact };
}

const base = {
  prompt: '<p>Prompt</p>',
  explanation: '<p>Because.</p>',
  tries: 1,
  weight: 1,
  scored: true,
  devices: [] as string[],
};

const option = (id: string, correct: boolean) => ({ id, text: `<p>${id}</p>`, correct, feedback: '<p>f</p>' });

export const QUESTIONS: Question[] = [
  {
    ...base,
    id: 'pre_q1_loaded',
    type: 'single',
    page: 'pre',
    scored: false,
    weight: 0,
    devices: ['loaded_language'],
    summary: 'Pre check: which device?',
    options: [option('a', true), option('b', false)],
  },
  {
    ...base,
    id: 's01_q1_loaded_language',
    type: 'single',
    page: 's01_opening',
    tries: 2,
    devices: ['loaded_language'],
    summary: 'Which word carries the loaded language in the opening?',
    options: [option('a', false), option('b', true), option('c', false)],
  },
  {
    ...base,
    id: 's01_q2_repetition',
    type: 'multiple',
    page: 's01_opening',
    weight: 2,
    devices: ['repetition', 'anaphora'],
    summary: 'Select every device of form in the second paragraph.',
    options: [option('a', true), option('b', false), option('c', true), option('d', false)],
  },
  {
    ...base,
    id: 's01_q3_highlight_repetition',
    type: 'highlight',
    page: 's01_opening',
    tries: 2,
    devices: ['repetition'],
    device: 'repetition',
    key: [span('s01_opening', 1, P2, 'vigilant, vigilant and again vigilant')],
    threshold: 0.8,
    feedback: { correct: '<p>c</p>', partial: '<p>p</p>', wrong: '<p>w</p>' },
    summary: 'Mark the words that repeat.',
  },
  {
    ...base,
    id: 's01_q4_reflection',
    type: 'reflection',
    page: 's01_opening',
    scored: false,
    weight: 0,
    summary: 'Why does the talk\nopen with "heroes"?',
    rubric: ['Names the device'],
    minLength: 10,
    maxLength: 300,
  },
  {
    ...base,
    id: 's02_q1_match_devices',
    type: 'match',
    page: 's02_duty',
    devices: ['appeal_to_values', 'slogans'],
    pairs: [
      { id: '1', quote: span('s02_duty', 0, Q1, 'serve the people with devotion'), device: 'appeal_to_values', feedback: '<p>f</p>' },
      { id: '2', quote: span('s02_duty', 1, Q2, 'Heroes are not born'), device: 'slogans', feedback: '<p>f</p>' },
    ],
    choices: ['flag_waving', 'appeal_to_values', 'slogans'],
    summary: 'Match each quotation with its device.',
  },
  {
    ...base,
    id: 'syn_q1_reflection',
    type: 'reflection',
    page: 'synthesis',
    scored: false,
    weight: 0,
    summary: 'Synthesis',
    rubric: ['Uses evidence'],
    minLength: 10,
    maxLength: 1000,
  },
  {
    ...base,
    id: 'post_q1_loaded',
    type: 'single',
    page: 'post',
    scored: false,
    weight: 0,
    devices: ['loaded_language'],
    summary: 'Post check: which device?',
    options: [option('a', true), option('b', false)],
  },
];

export const LESSON: Lesson = {
  modelVersion: 1,
  schemaVersion: 1,
  id: 'test-lesson',
  version: '1.0.0',
  title: 'Test lesson',
  description: 'A lesson for tests.',
  language: 'en',
  estimatedMinutes: 10,
  passingScore: 70,
  source: { author: 'A', title: 'T', date: '1988-05-15', translation: 'x', published: 'y' },
  contentNote: '',
  introduction: '',
  heading: ['Heading'],
  segments: [
    { id: 's01_opening', number: 1, title: 'Opening', orientation: 'o', paragraphs: [P1, P2] },
    { id: 's02_duty', number: 2, title: 'Duty', orientation: 'o', paragraphs: [Q1, Q2] },
  ],
  editorsNotes: [],
  glossary: [],
  categories: [
    { id: 'manipulative_wording', name: 'Manipulative wording', description: 'd' },
    { id: 'justification', name: 'Justification', description: 'd' },
    { id: 'call', name: 'Call', description: 'd' },
    { id: 'figures_of_form', name: 'Figures', description: 'd' },
  ],
  devices: [
    { id: 'loaded_language', name: 'Loaded language', category: 'manipulative_wording', kind: 'technique', definition: 'd', sources: [] },
    { id: 'repetition', name: 'Repetition', category: 'manipulative_wording', kind: 'technique', definition: 'd', sources: [] },
    { id: 'appeal_to_values', name: 'Appeal to values', category: 'justification', kind: 'technique', definition: 'd', sources: [] },
    { id: 'flag_waving', name: 'Flag waving', category: 'justification', kind: 'technique', definition: 'd', sources: [] },
    { id: 'slogans', name: 'Slogans', category: 'call', kind: 'technique', definition: 'd', sources: [] },
    { id: 'anaphora', name: 'Anaphora', category: 'figures_of_form', kind: 'figure', definition: 'd', sources: [] },
  ],
  history: [],
  questions: QUESTIONS,
  references: [],
  objectives: ['Name the devices'],
};
