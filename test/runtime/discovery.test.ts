/**
 * Finding the API the way ADL's algorithm and Moodle do: up to 7 parents, then the opener's chain;
 * past frames from another origin; the package's own version first.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { findApi, MAX_PARENTS, searchChain } from '../../src/runtime/discovery.js';
import { FakeLms } from './support/lms.js';

type FakeWindow = Record<string, unknown> & { parent: FakeWindow; opener?: FakeWindow | null };

function apiOf(version: '1.2' | '2004') {
  return new FakeLms(version).launch().raw;
}

/** A top window and `depth` nested frames below it; returns [top, …, innermost]. */
function frames(depth: number): FakeWindow[] {
  const top = {} as FakeWindow;
  top.parent = top;
  const chain = [top];
  for (let i = 0; i < depth; i += 1) {
    const frame = { parent: chain[chain.length - 1]! } as FakeWindow;
    chain.push(frame);
  }
  return chain;
}

/** A window from another origin: reading anything but the cross-origin-safe properties throws. */
function crossOrigin(target: FakeWindow): FakeWindow {
  const allowed = new Set(['parent', 'top', 'opener', 'closed', 'length', 'frames', 'self', 'window']);
  return new Proxy(target, {
    get(object, property) {
      if (typeof property === 'string' && allowed.has(property)) return object[property];
      throw new DOMException(`Blocked a frame with origin "https://content.example" from accessing a cross-origin frame.`, 'SecurityError');
    },
    has() {
      throw new DOMException('Blocked', 'SecurityError');
    },
  });
}

const asWindow = (w: FakeWindow) => w as unknown as Window;

describe('API discovery', () => {
  it('finds the API in a parent several frames up', () => {
    const chain = frames(4);
    chain[1]!.API = apiOf('1.2');
    const found = findApi(asWindow(chain[4]!), '1.2');
    expect(found?.dialect.version).toBe('1.2');
    expect(found?.host).toBe(chain[1]);
  });

  it('walks past a frame from another origin whose every property throws', () => {
    const chain = frames(3);
    chain[0]!.API_1484_11 = apiOf('2004');
    chain[2] = crossOrigin(chain[2]!);
    chain[3]!.parent = chain[2]!;
    expect(() => chain[2]!.API_1484_11).toThrow(/cross-origin/);
    const found = findApi(asWindow(chain[3]!), '2004');
    expect(found?.dialect.version).toBe('2004');
    expect(found?.host).toBe(chain[0]);
  });

  it('goes on to the opener when even `parent` throws', () => {
    const chain = frames(1);
    const hostile = new Proxy({} as FakeWindow, {
      get(_, property) {
        if (property === 'opener') return popupOpener[2];
        throw new DOMException('Blocked', 'SecurityError');
      },
    });
    const popupOpener = frames(2);
    popupOpener[0]!.API = apiOf('1.2');
    const found = findApi(asWindow(hostile), '1.2');
    expect(found?.host).toBe(popupOpener[0]);
    expect(chain).toHaveLength(2);
  });

  it(`looks ${MAX_PARENTS} parents up and no further, like Moodle`, () => {
    const near = frames(MAX_PARENTS);
    near[0]!.API = apiOf('1.2');
    expect(findApi(asWindow(near[MAX_PARENTS]!), '1.2')).not.toBeNull();
    const far = frames(MAX_PARENTS + 1);
    far[0]!.API = apiOf('1.2');
    expect(findApi(asWindow(far[MAX_PARENTS + 1]!), '1.2')).toBeNull();
  });

  it("searches the opener's chain when its own has no API (a popup launch)", () => {
    const lms = frames(2);
    lms[0]!.API = apiOf('1.2');
    const popup = frames(0)[0]!;
    popup.opener = lms[2]!;
    expect(findApi(asWindow(popup), '1.2')?.host).toBe(lms[0]);
  });

  it('prefers the version the package was built for, wherever it is, and falls back to the other', () => {
    const chain = frames(2);
    chain[1]!.API = apiOf('1.2');
    chain[0]!.API_1484_11 = apiOf('2004');
    expect(findApi(asWindow(chain[2]!), '2004')?.dialect.version).toBe('2004');
    expect(findApi(asWindow(chain[2]!), '1.2')?.dialect.version).toBe('1.2');
    delete chain[0]!.API_1484_11;
    expect(findApi(asWindow(chain[2]!), '2004')?.dialect.version).toBe('1.2');
  });

  it('ignores an object named API that lacks the run-time functions', () => {
    const chain = frames(1);
    chain[1]!.API = { LMSInitialize: () => 'true' };
    chain[0]!.API = apiOf('1.2');
    expect(findApi(asWindow(chain[1]!), '1.2')?.host).toBe(chain[0]);
  });

  it('stops at a window that is its own parent and visits each window once', () => {
    const chain = frames(2);
    expect([...searchChain(asWindow(chain[2]!))]).toEqual([chain[2], chain[1], chain[0]]);
  });

  it('returns null when there is no LMS', () => {
    expect(findApi(asWindow(frames(3)[3]!), '1.2')).toBeNull();
  });
});

describe('API discovery through real (jsdom) frames', () => {
  it('finds the API of the top page from inside nested iframes', () => {
    const dom = new JSDOM('<!doctype html><html><body></body></html>');
    const top = dom.window;
    (top as unknown as Record<string, unknown>).API = apiOf('1.2');
    const outer = top.document.createElement('iframe');
    top.document.body.append(outer);
    const inner = outer.contentDocument!.createElement('iframe');
    outer.contentDocument!.body.append(inner);
    const found = findApi(inner.contentWindow as unknown as Window, '1.2');
    expect(found?.host).toBe(top);
    expect(found?.port.initialize()).toBe(true);
    dom.window.close();
  });
});
