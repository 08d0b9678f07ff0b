/**
 * The events the components emit, typed once. Each is named for what the student did, bubbles
 * and is composed (so it crosses shadow roots up to the app, which listens on `<pr-reader>`).
 * The components never act on them themselves: the app applies them through the core.
 */
import type { Id, PageId } from '../model/lesson.js';
import type { Response } from '../core/types.js';

/** The student asked for a question to be checked (or a reflection submitted). */
export interface AnswerCheckDetail {
  questionId: Id;
  response: Response;
}

/** The student typed in a reflection (debounced). A draft is kept, never committed as an answer. */
export interface DraftChangeDetail {
  questionId: Id;
  text: string;
}

/** The student asked to go to a page. */
export interface PageChangeDetail {
  page: PageId;
}

export interface PrEventMap {
  'pr-answer-check': CustomEvent<AnswerCheckDetail>;
  'pr-draft-change': CustomEvent<DraftChangeDetail>;
  'pr-page-change': CustomEvent<PageChangeDetail>;
}

export type PrEventName = keyof PrEventMap;
type DetailOf<K extends PrEventName> = PrEventMap[K] extends CustomEvent<infer D> ? D : never;

/** Dispatch one of our events from `target`: bubbling and composed, as every listener expects. */
export function emit<K extends PrEventName>(target: EventTarget, name: K, detail: DetailOf<K>): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap extends PrEventMap {}
}
