// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { boot } from '../../src/app/boot.js';
import { FakeLms } from '../runtime/support/lms.js';
import { fixtureLesson } from '../components/fixture-lesson.js';
import { $, settle } from '../components/helpers.js';

type Globals = Record<string, unknown>;

afterEach(() => {
  for (const k of ['API', 'PropagandaReaderLesson', 'PropagandaReaderApp']) delete (window as unknown as Globals)[k];
  document.body.replaceChildren();
  localStorage.clear();
});

describe('boot', () => {
  it('starts on the <pr-reader> in the body with the lesson from lesson.js, and exposes the app', async () => {
    (window as unknown as Globals).PropagandaReaderLesson = fixtureLesson();
    new FakeLms('1.2').launch().installOn(window);
    const reader = document.body.appendChild(document.createElement('pr-reader'));
    const app = await boot(window);
    await settle(reader);
    expect(app).not.toBeNull();
    expect(window.PropagandaReaderApp).toBe(app);
    expect(app!.session.lms).toBe('lms');
    expect($(reader, 'h1').textContent).toBe('Heroes: a test lesson');
    expect(document.querySelectorAll('pr-reader')).toHaveLength(1);
  });

  it('adds a <pr-reader> when the page has none', async () => {
    (window as unknown as Globals).PropagandaReaderLesson = fixtureLesson();
    new FakeLms('1.2').launch().installOn(window);
    await boot(window);
    expect(document.querySelectorAll('pr-reader')).toHaveLength(1);
  });

  it('says so on the page, and does not throw, when lesson.js is missing or damaged', async () => {
    (window as unknown as Globals).PropagandaReaderLesson = { title: 'half a lesson' };
    expect(await boot(window)).toBeNull();
    const alert = document.querySelector('[role=alert]');
    expect(alert?.textContent).toContain('The lesson could not be loaded');
  });
});
