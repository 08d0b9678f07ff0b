/**
 * What the state means: progress, page status, mastery per device category, and the pre/post
 * checks. Pure functions of (lesson, state); nothing here changes state.
 *
 * "Finished" means locked: answered right, out of tries, or (a reflection) submitted.
 */
import type { ChoiceOption, Id, Lesson, PageId, Question } from '../model/lesson.js';
import { lessonIndex } from './lesson-index.js';
import type {
  AnswerState,
  CategoryMastery,
  CheckScores,
  CheckSetScore,
  LessonState,
  PageStatus,
  Progress,
  Response,
  SignalDetection,
} from './types.js';

const finished = (state: LessonState, q: Question): boolean => state.answers[q.id]?.locked === true;

/** Round to 2 decimals for reporting (SCORM score.raw), nudged so 0.125 → 0.13. */
export function round2(x: number): number {
  return Math.round((x + Number.EPSILON) * 100) / 100;
}

/** Σ weight × credit / Σ weight over the given questions, 0..1, or null when there are none (or
 * their weights sum to 0). */
function weightedCredit(state: LessonState, questions: readonly Question[]): number | null {
  let weights = 0;
  let sum = 0;
  for (const q of questions) {
    weights += q.weight;
    sum += q.weight * (state.answers[q.id]?.credit ?? 0);
  }
  return weights > 0 ? sum / weights : null;
}

/** A page is done once visited with every question on it finished; in progress once visited or
 * once any of its questions has been checked; otherwise not started. */
export function pageStatus(lesson: Lesson, state: LessonState, page: PageId): PageStatus {
  const questions = lessonIndex(lesson).byPage.get(page) ?? [];
  const visited = state.visited.includes(page);
  if (visited && questions.every((q) => finished(state, q))) return 'done';
  if (visited || questions.some((q) => state.answers[q.id])) return 'in-progress';
  return 'not-started';
}

/**
 * Progress for the LMS and the progress bar. `passingScore` is 0-100 (the lesson's, or the LMS's
 * mastery score when it sends one). The final `score` exists only once every scored question is
 * finished: SCORM 1.2 in Moodle turns any reported score into passed/failed at once.
 */
export function progress(lesson: Lesson, state: LessonState, passingScore: number): Progress {
  const { pages } = lessonIndex(lesson);
  const questions = lesson.questions;
  const scored = questions.filter((q) => q.scored);
  const done = questions.filter((q) => finished(state, q));
  const doneScored = scored.filter((q) => finished(state, q));
  const pagesDone = pages.filter((p) => pageStatus(lesson, state, p) === 'done').length;

  const soFar = weightedCredit(state, doneScored);
  const allScoredDone = scored.length > 0 && doneScored.length === scored.length;
  const final = allScoredDone ? weightedCredit(state, scored) : null;
  const score = final === null ? null : round2(final * 100);

  return {
    pagesDone,
    pagesTotal: pages.length,
    questionsAnswered: done.length,
    questionsTotal: questions.length,
    scoreSoFar: soFar === null ? null : round2(soFar * 100),
    measure: questions.length ? done.length / questions.length : pages.length ? pagesDone / pages.length : 1,
    complete: done.length === questions.length,
    score,
    passed: score === null ? null : score >= passingScore,
  };
}

/** Every device a question is about: its `devices`, plus a highlight question's `device`. */
function questionDevices(q: Question): Set<Id> {
  return new Set([...q.devices, ...(q.type === 'highlight' ? [q.device] : [])]);
}

/**
 * Mastery per device category: the weighted mean credit of the finished scored questions that name
 * a device of the category (0 while none is finished). Categories no scored question touches are
 * left out. In the lesson's category order.
 */
export function mastery(lesson: Lesson, state: LessonState): CategoryMastery[] {
  const categoryOf = new Map(lesson.devices.map((d) => [d.id, d.category]));
  const perCategory = new Map<Id, Question[]>();
  for (const q of lesson.questions.filter((x) => x.scored)) {
    const categories = new Set([...questionDevices(q)].map((d) => categoryOf.get(d)).filter((c): c is Id => !!c));
    for (const c of categories) perCategory.set(c, [...(perCategory.get(c) ?? []), q]);
  }
  const order = [...lesson.categories.map((c) => c.id), ...perCategory.keys()];
  return [...new Set(order)]
    .filter((c) => perCategory.has(c))
    .map((category) => {
      const qs = perCategory.get(category)!;
      const done = qs.filter((q) => finished(state, q));
      const mean = weightedCredit(state, done);
      const unweighted = done.length ? done.reduce((s, q) => s + (state.answers[q.id]?.credit ?? 0), 0) / done.length : 0;
      return { category, score: mean ?? unweighted, answered: done.length, total: qs.length };
    });
}

// ---------------------------------------------------------------------------------------------
// Pre/post checks

/** Whether an option says that no technique is used: flagged `neutral: true` (proposed field on
 * ChoiceOption), or its text begins "No persuasion technique" (the content writers' convention). */
export function isNeutralOption(option: ChoiceOption): boolean {
  if ((option as ChoiceOption & { neutral?: unknown }).neutral === true) return true;
  const text = option.text
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;|\u00a0/g, ' ')
    .trim();
  return /^no persuasion technique/i.test(text);
}

function checkSet(state: LessonState, questions: readonly Question[]): CheckSetScore {
  const done = questions.filter((q) => finished(state, q));
  const score =
    questions.length > 0 && done.length === questions.length
      ? done.reduce((s, q) => s + (state.answers[q.id]?.credit ?? 0), 0) / done.length
      : null;
  return { score, answered: done.length, total: questions.length };
}

function chosenIds(response: Response): string[] {
  return response.type === 'single' ? [response.choice] : response.type === 'multiple' ? response.choices : [];
}

/**
 * Inverse of the standard normal CDF (P. J. Acklam's rational approximation, relative error
 * < 1.2e-9), for 0 < p < 1.
 */
export function inverseNormal(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  const poly = (k: number[], x: number) => k.reduce((acc, v) => acc * x + v, 0);
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(c, q) / (poly(d, q) * q + 1);
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -poly(c, q) / (poly(d, q) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (poly(a, r) * q) / (poly(b, r) * r + 1);
}

/** Signal detection over the finished choice items of a set; null without both kinds of item. */
export function signalDetection(state: LessonState, questions: readonly Question[]): SignalDetection | null {
  let signal = 0;
  let noise = 0;
  let hits = 0;
  let falseAlarms = 0;
  for (const q of questions) {
    if (q.type !== 'single' && q.type !== 'multiple') continue;
    const answer: AnswerState | undefined = state.answers[q.id];
    if (!answer?.locked) continue;
    const neutral = new Set(q.options.filter(isNeutralOption).map((o) => o.id));
    if (neutral.size === 0) continue; // the student could not say "no technique": not a detection trial
    const correct = q.options.filter((o) => o.correct);
    const saysTechnique = chosenIds(answer.response).some((id) => !neutral.has(id));
    if (correct.length > 0 && correct.every((o) => neutral.has(o.id))) {
      noise++;
      if (saysTechnique) falseAlarms++;
    } else {
      signal++;
      if (saysTechnique) hits++;
    }
  }
  if (!signal || !noise) return null;
  const hitRate = (hits + 0.5) / (signal + 1);
  const falseAlarmRate = (falseAlarms + 0.5) / (noise + 1);
  return { signal, noise, hits, falseAlarms, hitRate, falseAlarmRate, dPrime: inverseNormal(hitRate) - inverseNormal(falseAlarmRate) };
}

/**
 * The pre and post checks: each set's score (0..1, once all its items are finished), the gain
 * post − pre, and discrimination (d′) so a gain from mere scepticism (calling everything
 * propaganda) is not mistaken for better judgement.
 */
export function checkScores(lesson: Lesson, state: LessonState): CheckScores {
  const { byPage } = lessonIndex(lesson);
  const preQs = byPage.get('pre') ?? [];
  const postQs = byPage.get('post') ?? [];
  const pre = checkSet(state, preQs);
  const post = checkSet(state, postQs);
  const dPre = signalDetection(state, preQs);
  const dPost = signalDetection(state, postQs);
  const bothDone = pre.score !== null && post.score !== null;
  return {
    pre,
    post,
    gain: bothDone ? post.score! - pre.score! : null,
    discrimination: {
      pre: dPre,
      post: dPost,
      change: bothDone && dPre && dPost ? dPost.dPrime - dPre.dPrime : null,
    },
  };
}
