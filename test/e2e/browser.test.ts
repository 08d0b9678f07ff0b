/**
 * Finding the browser: an explicit CHROMIUM_PATH wins, a path that is not an executable is passed
 * over, and a machine without Chromium gets null (the e2e files then skip, loudly).
 */
import { describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium, SKIP_BANNER } from './browser.js';

describe('findChromium', () => {
  it('prefers an executable CHROMIUM_PATH, passes over one that is not executable, and says null when there is none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pr-e2e-find-'));
    try {
      const browser = join(dir, 'my-chromium');
      writeFileSync(browser, '#!/bin/sh\n');
      chmodSync(browser, 0o755);
      const plain = join(dir, 'not-executable');
      writeFileSync(plain, '');
      chmodSync(plain, 0o644);
      expect(findChromium({ CHROMIUM_PATH: browser }, 'no-such-command-pr-e2e', join(dir, 'none'))).toBe(browser);
      expect(findChromium({ CHROMIUM_PATH: plain }, 'no-such-command-pr-e2e', browser)).toBe(browser);
      expect(findChromium({ CHROMIUM_PATH: join(dir, 'missing') }, 'no-such-command-pr-e2e', join(dir, 'none'))).toBeNull();
      expect(findChromium({}, 'no-such-command-pr-e2e', join(dir, 'none'))).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the skip warning says what happened and how to fix it', () => {
    expect(SKIP_BANNER).toContain('BROWSER TESTS SKIPPED: no Chromium found — apt-get install chromium');
  });
});
