/**
 * The preview host (dist/preview/): the package in an iframe, scorm-again as the LMS in the
 * parent window (window.API or window.API_1484_11), the LMS's data kept in the host's
 * localStorage so a closed tab comes back as a resumed session. `window.previewHost` exposes the
 * running LMS to tests.
 */
import { expect } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { TIMEOUT } from './browser.js';
import { LESSON_ID } from './dist.js';
import { ready } from './lesson.js';

export type ScormVersion = '1.2' | '2004';
type Tree = { [key: string]: string | Tree };

interface HostGlobal {
  previewHost?: {
    lms: () => { version: string; entry: string; mode: string; state: string; current: () => Tree } | null;
    launched: () => number;
  };
}

export function hostUrl(origin: string, version: ScormVersion): string {
  return `${origin}/preview/?lesson=${LESSON_ID}&version=${version}&server=normal`;
}

export async function launches(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as HostGlobal).previewHost?.launched() ?? 0);
}

/** The package's frame, once its app has started. */
export async function packageFrame(page: Page): Promise<Frame> {
  const handle = await page.locator('#frame').elementHandle({ timeout: TIMEOUT.load });
  const frame = await handle!.contentFrame();
  if (!frame) throw new Error('the preview host has no package frame');
  await expect.poll(() => frame.url(), { timeout: TIMEOUT.load }).toContain(`/${LESSON_ID}`);
  await ready(frame);
  return frame;
}

/** Open the host on a lesson and version; it launches the package by itself. */
export async function openHost(page: Page, origin: string, version: ScormVersion): Promise<Frame> {
  await page.goto(hostUrl(origin, version), { timeout: TIMEOUT.load });
  await expect.poll(() => launches(page), { timeout: TIMEOUT.load }).toBeGreaterThan(0);
  return packageFrame(page);
}

/** Press one of the host's relaunch buttons and wait for the new session's package. */
export async function relaunch(page: Page, button: 'resume' | 'review' | 'reset'): Promise<Frame> {
  const before = await launches(page);
  await page.locator(`#${button}`).click({ timeout: TIMEOUT.action });
  await expect.poll(() => launches(page), { timeout: TIMEOUT.load }).toBe(before + 1);
  return packageFrame(page);
}

/** Every element the LMS holds now (scorm-again's CMI, without the "cmi." prefix). */
export async function lmsCmi(page: Page): Promise<Tree> {
  const cmi = await page.evaluate(() => (window as unknown as HostGlobal).previewHost?.lms()?.current() ?? null);
  if (!cmi) throw new Error('the preview host has no LMS session');
  return cmi;
}

export async function lmsInfo(page: Page): Promise<{ version: string; entry: string; mode: string; state: string }> {
  const info = await page.evaluate(() => {
    const lms = (window as unknown as HostGlobal).previewHost?.lms();
    return lms ? { version: lms.version, entry: lms.entry, mode: lms.mode, state: lms.state } : null;
  });
  if (!info) throw new Error('the preview host has no LMS session');
  return info;
}

/** What the host keeps in localStorage for the lesson and version (null when nothing). */
export async function storedAttempt(page: Page, version: ScormVersion): Promise<{ cmi: Tree; exit: string } | null> {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), `pr-preview:${LESSON_ID}:${version}`);
}

/** A CMI element by dotted path ("core.lesson_status"), '' when absent. */
export function at(tree: Tree, path: string): string {
  let node: string | Tree | undefined = tree;
  for (const key of path.split('.')) node = typeof node === 'object' ? node[key] : undefined;
  return typeof node === 'string' ? node : '';
}

/** Interactions as scorm-again renders them: { childArray: [...] } or an object keyed "0", "1", … */
export function interactions(tree: Tree): Tree[] {
  const node = tree.interactions as unknown;
  if (!node || typeof node !== 'object') return [];
  const list = (node as { childArray?: Tree[] }).childArray ?? Object.entries(node as Tree).filter(([k]) => /^\d+$/.test(k)).map(([, v]) => v as Tree);
  return list.filter((x) => typeof x === 'object');
}
