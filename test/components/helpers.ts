/**
 * Helpers for the component tests (jsdom): mount an element with properties, look inside its
 * shadow root, collect the events it emits, and apply a check through the real core.
 */
import type { LitElement } from 'lit';
import '../../src/components/elements.js';
import type { Id, Lesson } from '../../src/model/lesson.js';
import type { LessonState, Response } from '../../src/core/types.js';
import { checkAnswer, initialState } from '../../src/core/state.js';
import type { PrEventMap } from '../../src/components/events.js';

export async function mount<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]>,
): Promise<HTMLElementTagNameMap[K]> {
  const el = document.createElement(tag);
  Object.assign(el, props);
  document.body.append(el);
  await settle(el as Element);
  return el;
}

/** Wait until the element and every Lit element inside its shadow tree has rendered. */
export async function settle(el: Element): Promise<void> {
  for (let round = 0; round < 5; round++) {
    const pending: Promise<unknown>[] = [];
    const visit = (node: Element) => {
      if ('updateComplete' in node) pending.push((node as LitElement).updateComplete);
      node.shadowRoot?.querySelectorAll('*').forEach(visit);
    };
    visit(el);
    const results = await Promise.all(pending);
    if (results.every((r) => r === true)) return;
  }
}

/** querySelector through a chain of shadow roots: $(el, 'pr-segment', 'pr-highlight', '[data-testid=x]'). */
export function $<T extends Element = HTMLElement>(host: Element, ...selectors: string[]): T {
  let node: Element = host;
  for (const sel of selectors) {
    const next = (node.shadowRoot ?? node).querySelector(sel);
    if (!next) throw new Error(`no ${sel} in ${node.tagName.toLowerCase()} (${selectors.join(' › ')})`);
    node = next;
  }
  return node as T;
}

export function $$<T extends Element = HTMLElement>(host: Element, selector: string): T[] {
  return [...(host.shadowRoot ?? host).querySelectorAll<T>(selector as never)] as T[];
}

/** The visible text of an element's shadow tree (not styles, not [hidden]), whitespace collapsed. */
export function text(el: Element): string {
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n instanceof Element && (n.tagName === 'STYLE' || n.hasAttribute('hidden'))) return;
    if (n.nodeType === Node.TEXT_NODE) parts.push(n.textContent ?? '');
    if (n instanceof Element && n.shadowRoot) n.shadowRoot.childNodes.forEach(walk);
    n.childNodes.forEach(walk);
  };
  walk(el);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** The text a screen reader would read: like `text`, but skipping aria-hidden subtrees. */
export function spoken(el: Element): string {
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n instanceof Element && (n.getAttribute('aria-hidden') === 'true' || n.tagName === 'STYLE' || n.hasAttribute('hidden'))) return;
    if (n.nodeType === Node.TEXT_NODE) parts.push(n.textContent ?? '');
    if (n instanceof Element && n.shadowRoot) n.shadowRoot.childNodes.forEach(walk);
    n.childNodes.forEach(walk);
  };
  walk(el);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** Record every event of a kind that reaches `target` (the document by default). */
export function collect<K extends keyof PrEventMap>(name: K, target: EventTarget = document): PrEventMap[K]['detail'][] {
  const seen: PrEventMap[K]['detail'][] = [];
  target.addEventListener(name, (e) => seen.push((e as PrEventMap[K]).detail));
  return seen;
}

/** Apply a check through the real core, as the app does. */
export function check(lesson: Lesson, state: LessonState, questionId: Id, response: Response, now = 1_000): LessonState {
  return checkAnswer(lesson, state, questionId, response, { now, latency: 5 });
}

export function fresh(lesson: Lesson): LessonState {
  return initialState(lesson);
}

export function key(target: Element, k: string, init: KeyboardEventInit = {}): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true, ...init }));
}

export function click(target: Element): void {
  (target as HTMLElement).click();
}

/** The deepest focused element, through shadow roots. */
export function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}
