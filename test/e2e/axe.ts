/**
 * axe-core in the page under test. The script is served by the test server from the package's
 * own origin (dist.ts TEST_FILES), so it loads under the same strict CSP as the package
 * (script-src 'self'): no bypassCSP, and axe itself is shown to need no eval or inline script.
 */
import type { Frame, Page } from 'playwright-core';
import { TIMEOUT } from './browser.js';

/** WCAG 2.0 and 2.1, levels A and AA, plus axe's best practices (landmarks, heading order, one
 * main, page heading, …), which a reading module for screen-reader users should meet too. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] as const;

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/**
 * Scroll each element whose rendering the browser skips while it is off screen
 * (`content-visibility: auto`: the question elements) into view, let it render, and go back to
 * where the page was. axe works out colour contrast from the boxes it measures: inside content
 * that has never been rendered, those are laid out on demand while the element itself still holds
 * the size it was given as an estimate (`contain-intrinsic-size`), so axe would see the content
 * overlap whatever follows. Once rendered, the element keeps its real size (the `auto` in
 * `contain-intrinsic-size`), as when a student scrolls down to it.
 */
async function renderSkippedContent(target: Page | Frame): Promise<void> {
  await target.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const skippable: Element[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        if (getComputedStyle(el).contentVisibility === 'auto') skippable.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    if (skippable.length === 0) return;
    const { scrollX, scrollY } = window;
    for (const el of skippable) {
      el.scrollIntoView({ block: 'center' });
      await frame();
    }
    window.scrollTo(scrollX, scrollY);
    await frame();
  });
}

/** Run axe on the document of `target` (a page, or the package's frame inside the host). */
export async function axeViolations(target: Page | Frame): Promise<AxeViolation[]> {
  const loaded = await target.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await target.addScriptTag({ url: '/__e2e__/axe.min.js', timeout: TIMEOUT.action } as Parameters<Page['addScriptTag']>[0]);
  await renderSkippedContent(target);
  return target.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 200), failureSummary: n.failureSummary })),
    }));
  }, [...AXE_TAGS]);
}

/** Violations as a readable list for an assertion message. */
export function describeViolations(where: string, violations: readonly AxeViolation[]): string {
  if (violations.length === 0) return `${where}: no violations`;
  return [
    `${where}: ${violations.length} axe violation(s)`,
    ...violations.flatMap((v) => [
      `- ${v.id} (${v.impact}): ${v.help} ${v.helpUrl}`,
      ...v.nodes.slice(0, 5).map((n) => `    ${JSON.stringify(n.target)} ${n.html}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`),
      ...(v.nodes.length > 5 ? [`    … and ${v.nodes.length - 5} more`] : []),
    ]),
  ].join('\n');
}
