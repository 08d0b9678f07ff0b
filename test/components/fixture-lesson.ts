/**
 * A small compiled lesson for the component tests: three segments of the talk, one question of
 * each type on segment pages, a pre and a post item with passages, and a synthesis reflection.
 * Spans are computed from the text (as the packager would), so offsets are always right.
 */
import type { Lesson, Segment, TextSpan } from '../../src/model/lesson.js';

const segments: Segment[] = [
  {
    id: 's01_occasion',
    number: 1,
    title: 'A national meeting of heroes',
    orientation: 'The talk opens by tying a coming meeting to two anniversaries.',
    context: '<p>The talk was given in May 1988, four months before the 40th anniversary.</p>',
    paragraphs: [
      'This year is an eventful year which marks the 40th anniversary of the foundation of the Republic and the 35th anniversary of victory in the Fatherland Liberation War.',
      'The aim of this national meeting of heroes is to advance the revolutionary cause of Juche victoriously by carrying forward the heroic fighting traditions of our people.',
    ],
  },
  {
    id: 's02_enemy',
    number: 2,
    title: 'The enemy',
    orientation: 'The enemy is named and the people are called to vigilance.',
    paragraphs: [
      'The US imperialists and their stooges are making frantic efforts to stifle our Republic.',
      'We must be fully prepared to smash the enemy at a single blow.',
    ],
  },
  {
    id: 's03_slogan',
    number: 3,
    title: 'The slogan',
    orientation: 'The talk ends on its slogan.',
    paragraphs: ['"Let us all live and struggle like heroes!"—this is our Party\'s requirement.'],
  },
];

/** A resolved span of `exact` in a segment paragraph (first occurrence). */
export function span(segmentId: string, paragraph: number, exact: string): TextSpan {
  const seg = segments.find((s) => s.id === segmentId)!;
  const start = seg.paragraphs[paragraph]!.indexOf(exact);
  if (start < 0) throw new Error(`fixture: "${exact}" not in ${segmentId}[${paragraph}]`);
  return { segment: segmentId, paragraph, start, end: start + exact.length, exact };
}

export function fixtureLesson(): Lesson {
  return {
    modelVersion: 1,
    schemaVersion: 1,
    id: 'fixture',
    version: '1.0.0',
    title: 'Heroes: a test lesson',
    description: 'A fixture.',
    language: 'en',
    estimatedMinutes: 20,
    passingScore: 70,
    source: {
      author: 'Kim Jong Il',
      title: 'Let us all live and struggle like heroes!',
      date: '1988-05-15',
      translation: 'English, Foreign Languages Publishing House',
      published: 'Pyongyang, 1990',
    },
    contentNote: '<p>The talk praises sacrifice in war.</p>',
    introduction: '<p>You will read a talk of 1988.</p>',
    heading: ['Talk to the Senior Officials', 'May 15, 1988'],
    segments,
    editorsNotes: [
      {
        number: 1,
        id: 'juche_spelling',
        source: 'Juche',
        lesson: 'Juche',
        why: 'Spelling kept as printed.',
        span: span('s01_occasion', 1, 'Juche'),
      },
      { number: 2, id: 'heading_date', source: 'May l5', lesson: 'May 15', why: 'A misprint.', span: null },
    ],
    glossary: [
      {
        id: 'juche',
        term: 'Juche',
        matches: ['Juche'],
        definition: '<p>The official ideology of the DPRK.</p>',
        sources: ['myers2015'],
      },
    ],
    categories: [
      { id: 'justification', name: 'Justification', description: 'Appeals that justify.' },
      { id: 'manipulative_wording', name: 'Manipulative wording', description: 'Wording that sways.' },
      { id: 'call', name: 'Call', description: 'Calls to act.' },
      { id: 'attack_on_reputation', name: 'Attack on reputation', description: 'Attacks on a person.' },
    ],
    devices: [
      { id: 'flag_waving', name: 'Flag waving', category: 'justification', kind: 'technique', definition: 'Appeal to the nation.', sources: [] },
      { id: 'loaded_language', name: 'Loaded language', category: 'manipulative_wording', kind: 'technique', definition: 'Words with strong connotations.', sources: [] },
      { id: 'name_calling', name: 'Name calling', category: 'attack_on_reputation', kind: 'technique', definition: 'Labels.', sources: [] },
      { id: 'slogans', name: 'Slogans', category: 'call', kind: 'technique', definition: 'Short striking phrases.', sources: [] },
      { id: 'exaggeration_minimisation', name: 'Exaggeration or minimisation', category: 'manipulative_wording', kind: 'technique', definition: 'Overstating.', sources: [] },
    ],
    history: [
      {
        id: 'anniversaries',
        title: 'The anniversaries',
        body: '<p>The DPRK was founded on 9 September 1948.</p>',
        segment: 's01_occasion',
        span: span('s01_occasion', 0, 'the 40th anniversary'),
        sources: ['cumings1997'],
      },
    ],
    questions: [
      {
        id: 'pre_q1_loaded_language',
        type: 'single',
        page: 'pre',
        prompt: '<p>Which device does the passage use?</p>',
        tries: 1,
        weight: 0,
        scored: false,
        devices: ['loaded_language'],
        explanation: '<p>“frantic efforts” is loaded.</p>',
        passage: span('s02_enemy', 0, 'making frantic efforts to stifle our Republic'),
        summary: 'Pre check: loaded language',
        options: [
          { id: 'a', text: 'Loaded language', correct: true, feedback: '<p>Yes: “frantic”.</p>' },
          { id: 'b', text: 'Whataboutism', correct: false, feedback: '<p>No comparison is made.</p>' },
        ],
      },
      {
        id: 's01_q1_occasion',
        type: 'single',
        page: 's01_occasion',
        prompt: '<p>What does the opening appeal to?</p>',
        tries: 2,
        weight: 1,
        scored: true,
        devices: ['flag_waving'],
        explanation: '<p>“the foundation of the Republic” appeals to the nation.</p>',
        summary: 'Opening appeal',
        options: [
          { id: 'a', text: '<p>The nation and its anniversaries</p>', correct: true, feedback: '<p>Right: “the foundation of the Republic”.</p>' },
          { id: 'b', text: '<p>The weather</p>', correct: false, feedback: '<p>The text says nothing of weather.</p>' },
          { id: 'c', text: '<p>Foreign allies</p>', correct: false, feedback: '<p>No ally is named.</p>' },
        ],
      },
      {
        id: 's02_q1_enemy',
        type: 'multiple',
        page: 's02_enemy',
        prompt: '<p>Which words name the enemy with loaded terms?</p>',
        tries: 2,
        weight: 1,
        scored: true,
        devices: ['name_calling', 'loaded_language'],
        explanation: '<p>“imperialists” and “stooges” are labels.</p>',
        summary: 'Enemy labels',
        options: [
          { id: 'a', text: 'imperialists', correct: true, feedback: '<p>A label.</p>' },
          { id: 'b', text: 'stooges', correct: true, feedback: '<p>A label.</p>' },
          { id: 'c', text: 'Republic', correct: false, feedback: '<p>The speaker’s own state.</p>' },
        ],
      },
      {
        id: 's02_q2_match',
        type: 'match',
        page: 's02_enemy',
        prompt: '<p>Match each quotation to its device.</p>',
        tries: 2,
        weight: 1,
        scored: true,
        devices: ['name_calling', 'exaggeration_minimisation'],
        explanation: '<p>“stooges” labels; “at a single blow” overstates.</p>',
        summary: 'Match quotations',
        pairs: [
          { id: '1', quote: span('s02_enemy', 0, 'their stooges'), device: 'name_calling', feedback: '<p>A label for allies.</p>' },
          { id: '2', quote: span('s02_enemy', 1, 'at a single blow'), device: 'exaggeration_minimisation', feedback: '<p>An overstatement.</p>' },
        ],
        choices: ['name_calling', 'exaggeration_minimisation', 'flag_waving'],
      },
      {
        id: 's03_q1_slogan',
        type: 'highlight',
        page: 's03_slogan',
        prompt: '<p>Mark the slogan.</p>',
        tries: 2,
        weight: 1,
        scored: true,
        devices: ['slogans'],
        explanation: '<p>“Let us all live and struggle like heroes!” is the slogan.</p>',
        summary: 'Mark the slogan',
        device: 'slogans',
        key: [span('s03_slogan', 0, 'Let us all live and struggle like heroes!')],
        threshold: 0.6,
        feedback: {
          correct: '<p>That is the slogan.</p>',
          partial: '<p>Part of the slogan.</p>',
          wrong: '<p>The slogan is in quotation marks.</p>',
        },
      },
      {
        id: 's03_q2_reflect',
        type: 'reflection',
        page: 's03_slogan',
        prompt: '<p>Why end on a slogan?</p>',
        tries: 1,
        weight: 0,
        scored: false,
        devices: ['slogans'],
        explanation: '<p>A slogan is easy to repeat.</p>',
        summary: 'Reflect on the slogan',
        rubric: ['Quotes the text', 'Names the device'],
        steps: ['Find the slogan', 'Say what it asks'],
        minLength: 20,
        maxLength: 120,
      },
      {
        id: 'post_q1_loaded_language',
        type: 'single',
        page: 'post',
        prompt: '<p>Which device does the passage use?</p>',
        tries: 1,
        weight: 0,
        scored: false,
        devices: ['loaded_language'],
        explanation: '<p>“smash” is loaded.</p>',
        passage: span('s02_enemy', 1, 'smash the enemy'),
        summary: 'Post check: loaded language',
        options: [
          { id: 'a', text: 'Loaded language', correct: true, feedback: '<p>Yes: “smash”.</p>' },
          { id: 'b', text: 'Flag waving', correct: false, feedback: '<p>No flag here.</p>' },
        ],
      },
      {
        id: 'syn_q1_whole',
        type: 'reflection',
        page: 'synthesis',
        prompt: '<p>What does the talk ask of its listeners?</p>',
        tries: 1,
        weight: 0,
        scored: false,
        devices: [],
        explanation: '<p>It asks for heroic labour.</p>',
        summary: 'Synthesis',
        rubric: ['Uses evidence'],
        minLength: 20,
        maxLength: 300,
      },
    ],
    references: [
      { id: 'myers2015', citation: 'Myers, B. R. (2015). North Korea’s Juche Myth.' },
      { id: 'cumings1997', citation: 'Cumings, B. (1997). Korea’s Place in the Sun.' },
    ],
    objectives: ['Name the devices the talk uses', 'Quote the words that carry them'],
  };
}
