/**
 * Loading code the lesson cannot go on without (the rest of the app after the first text, the
 * reader, a page's questions or the results). On a school network a request is sometimes dropped; that must not end the lesson, and
 * a reload inside an LMS frame would start a new launch. So a failed load is tried again by itself
 * after each of `delays`, and then, for as long as it takes, whenever the student asks (`ask`).
 * The LMS session stays open meanwhile and nothing the student did is lost: what waits for
 * this code cannot be answered before it arrives, and what was answered is saved.
 */

export interface PersistOptions {
  /** Pauses (ms) before the automatic tries after the first failure. */
  delays?: readonly number[];
  /** Resolves when the student asks to try again (see load-failure.ts). */
  ask: (error: unknown) => Promise<void>;
  wait?: (ms: number) => Promise<void>;
}

/** Two quiet tries (a dropped request often succeeds a second later) before the student is asked. */
export const RETRY_DELAYS: readonly number[] = [500, 2000];

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function loadPersistently<T>(load: () => Promise<T>, options: PersistOptions): Promise<T> {
  const { delays = RETRY_DELAYS, ask, wait = sleep } = options;
  for (let failures = 0; ; failures++) {
    try {
      return await load();
    } catch (error) {
      if (failures < delays.length) await wait(delays[failures]!);
      else await ask(error);
    }
  }
}
