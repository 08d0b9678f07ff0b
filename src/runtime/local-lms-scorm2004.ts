/**
 * Entry of the SCORM 2004 package's `local-lms.js` (an IIFE bundle with scorm-again's SCORM 2004
 * API only). app.js loads it with a <script> element only when no LMS API is found; it defines
 * `window.PropagandaReaderLocalLms` (see defineLocalLms).
 */
// scorm-again's `scorm2004` entry point exports the class by name (`export { Scorm2004API }` in
// dist/esm/scorm2004.js, which is what Rollup and Vitest load), but its typings (dist/types/
// Scorm2004API.d.ts) declare only a default export. The namespace import plus the cast below follow
// the JavaScript and keep the rest typed; Rollup still keeps only Scorm2004API.
import * as scorm2004 from 'scorm-again/scorm2004';
import { defineLocalLms, type AgainApi, type AgainApiFactory } from './local-store-lms.js';

const { Scorm2004API } = scorm2004 as unknown as { Scorm2004API: new (settings: object) => AgainApi };

// Not exported: an IIFE bundle with exports would assign them to the global named like the bundle.
const createScorm2004Api: AgainApiFactory = (settings) => new Scorm2004API(settings);

defineLocalLms(window, { '2004': createScorm2004Api });
