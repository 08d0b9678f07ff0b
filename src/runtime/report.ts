/**
 * What to tell the LMS, decided once for both SCORM versions: pure functions from the lesson and
 * a snapshot (or one checked answer) to the version-neutral reports of ./dialect.ts.
 */
import type { Lesson, Question, Segment, TextSpan } from '../model/lesson.js';
import { segmentWords, spanToWordIndices, type Word } from '../core/words.js';
import type { AnswerState, CategoryMastery } from '../core/types.js';
import type { AnswerRecord, ObjectiveRecord, Snapshot } from './tracker.js';
import type { InteractionReport, LessonReport, ObjectiveReport, ResponseValue, StatusReport } from './dialect.js';
import { clamp, round } from './text.js';

/** The pass mark in force: the LMS's mastery score overrides the lesson's. */
export function effectivePassingScore(lesson: Pick<Lesson, 'passingScore'>, masteryScore: number | null): number {
  return masteryScore ?? lesson.passingScore;
}

export function statusReport(snapshot: Snapshot, passingScore: number): StatusReport {
  const { complete, score, measure } = snapshot.progress;
  return {
    completion: complete ? 'completed' : 'incomplete',
    success: complete && score !== null ? (score >= passingScore ? 'passed' : 'failed') : 'unknown',
    // Below 1 until complete: an LMS with a completion threshold derives status from it.
    progressMeasure: complete ? 1 : Math.min(clamp(measure, 0, 1), 0.99),
  };
}

function categoryObjective(mastery: CategoryMastery, passingScore: number): ObjectiveReport {
  const total = Math.max(mastery.total, 0);
  const answered = clamp(mastery.answered, 0, total);
  const completion = answered === 0 ? 'not attempted' : answered >= total ? 'completed' : 'incomplete';
  const score = answered === 0 ? null : clamp(mastery.score, 0, 1);
  return {
    id: `cat_${mastery.category}`,
    score,
    completion,
    success: completion === 'completed' && score !== null ? (score * 100 >= passingScore ? 'passed' : 'failed') : 'unknown',
    progressMeasure: total === 0 ? 0 : answered / total,
  };
}

function extraObjective(record: ObjectiveRecord): ObjectiveReport {
  const { status } = record;
  const done = status === 'passed' || status === 'failed';
  return {
    id: record.id,
    score: status === 'not attempted' ? null : clamp(record.score, 0, 1),
    completion: status === 'passed' || status === 'failed' ? 'completed' : status,
    success: status === 'passed' || status === 'failed' ? status : 'unknown',
    progressMeasure: done ? 1 : 0,
  };
}

export function objectiveReports(snapshot: Snapshot, passingScore: number): ObjectiveReport[] {
  return [
    ...snapshot.mastery.map((mastery) => categoryObjective(mastery, passingScore)),
    ...snapshot.objectives.map(extraObjective),
  ];
}

export function lessonReport(snapshot: Snapshot, passingScore: number): LessonReport {
  const { score } = snapshot.progress;
  return {
    location: snapshot.state.location,
    suspendData: snapshot.suspendData,
    status: statusReport(snapshot, passingScore),
    // Only once every scored question is finished (Moodle turns any raw score into a final status).
    score: score === null ? null : { raw: round(clamp(score, 0, 100), 2) },
    objectives: objectiveReports(snapshot, passingScore),
    complete: snapshot.progress.complete,
  };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function resultOf(answer: AnswerState): InteractionReport['result'] {
  switch (answer.result) {
    case 'correct':
      return 'correct';
    case 'wrong':
      return 'wrong';
    case 'submitted':
      return 'neutral';
    case 'partial':
      // Partial credit as a number strictly between 0 and 1, so it never reads as right or wrong.
      return clamp(round(answer.credit, 2), 0.01, 0.99);
  }
}

/**
 * Word indices as the phrases they form: runs of adjacent words in one paragraph, each written as
 * its words joined by single spaces. Words are what a highlight is scored on (punctuation is never
 * part of a word), and a phrase without punctuation reads the same in every LMS (a comma inside a
 * 2004 fill-in string is taken for a list delimiter by lenient readers such as scorm-again).
 */
export function phrases(segment: Segment | undefined, indices: readonly number[]): string[] {
  const words = segment === undefined ? [] : segmentWords(segment);
  const byIndex = new Map(words.map((word) => [word.index, word]));
  const sorted = [...new Set(indices)].filter(Number.isInteger).sort((a, b) => a - b);
  const result: string[] = [];
  const unknown: number[] = [];
  let run: Word[] = [];
  const close = () => {
    if (run.length > 0) result.push(run.map((word) => word.text).join(' '));
    run = [];
  };
  for (const index of sorted) {
    const word = byIndex.get(index);
    if (word === undefined) {
      unknown.push(index);
      continue;
    }
    const previous = run[run.length - 1];
    if (previous !== undefined && (previous.index !== index - 1 || previous.paragraph !== word.paragraph)) close();
    run.push(word);
  }
  close();
  // Indices the segment doesn't have (a hostile or outdated state) are still shown, as numbers.
  if (unknown.length > 0) result.push(`words ${unknown.join(' ')}`);
  return result;
}

/** The key of a highlight question as phrases (each key span's words). */
export function keyPhrases(segment: Segment | undefined, spans: readonly TextSpan[]): string[] {
  const words = segment === undefined ? [] : segmentWords(segment);
  return spans.flatMap((span) => phrases(segment, spanToWordIndices(words, span)));
}

function responses(
  lesson: Lesson,
  question: Question,
  answer: AnswerState,
): Pick<InteractionReport, 'kind' | 'response' | 'correct'> | null {
  const response = answer.response;
  if (question.type === 'single' && response.type === 'single') {
    return {
      kind: 'choice',
      response: { kind: 'choice', ids: [response.choice] },
      correct: { kind: 'choice', ids: question.options.filter((o) => o.correct).map((o) => o.id) },
    };
  }
  if (question.type === 'multiple' && response.type === 'multiple') {
    const order = question.options.map((o) => o.id);
    const chosen = [...new Set(response.choices)].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    return {
      kind: 'choice',
      response: { kind: 'choice', ids: chosen },
      correct: { kind: 'choice', ids: question.options.filter((o) => o.correct).map((o) => o.id) },
    };
  }
  if (question.type === 'match' && response.type === 'match') {
    const letter = (device: string): string | undefined => LETTERS[question.choices.indexOf(device)];
    const pairs = (entries: Array<[string, string]>): ResponseValue => ({
      kind: 'matching',
      pairs: entries.flatMap(([source, device]) => {
        const target = letter(device);
        return target === undefined ? [] : [[source, target] as const];
      }),
    });
    const order = question.pairs.map((p) => p.id);
    const given = Object.entries(response.pairs).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
    return {
      kind: 'matching',
      response: pairs(given),
      correct: pairs(question.pairs.map((p) => [p.id, p.device])),
    };
  }
  if (question.type === 'highlight' && response.type === 'highlight') {
    const segment = lesson.segments.find((s) => s.id === question.page);
    return {
      kind: 'fill-in',
      response: { kind: 'phrases', items: phrases(segment, response.words) },
      correct: { kind: 'phrases', items: keyPhrases(segment, question.key) },
    };
  }
  if (question.type === 'reflection' && response.type === 'reflection') {
    return { kind: 'long-fill-in', response: { kind: 'text', text: response.text }, correct: null };
  }
  return null;
}

/** The interaction for one checked answer, or null when the record names no question of the lesson
 * or its response doesn't fit the question's type. */
export function interactionReport(lesson: Lesson, record: AnswerRecord): InteractionReport | null {
  const question = lesson.questions.find((q) => q.id === record.questionId);
  if (question === undefined) return null;
  const answer = record.answer;
  const shape = responses(lesson, question, answer);
  if (shape === null) return null;
  return {
    id: question.id,
    ...shape,
    result: resultOf(answer),
    weighting: question.scored ? Math.max(question.weight, 0) : 0,
    latencySeconds: Number.isFinite(answer.latency) ? Math.max(answer.latency, 0) : 0,
    at: Number.isFinite(answer.at) ? answer.at : 0,
    description: question.summary,
  };
}
