/** The part of jsdom's API the runtime tests use (the package ships no types, and @types/jsdom is
 * not a dependency). */
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string, options?: { url?: string; runScripts?: 'dangerously' | 'outside-only' });
    readonly window: Window & typeof globalThis;
  }
}
