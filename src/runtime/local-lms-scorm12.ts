/**
 * Entry of the SCORM 1.2 package's `local-lms.js` (an IIFE bundle with scorm-again's SCORM 1.2
 * API only). app.js loads it with a <script> element only when no LMS API is found; it defines
 * `window.PropagandaReaderLocalLms` (see defineLocalLms).
 */
// scorm-again's `scorm12` entry point exports the class by name (`export { Scorm12API }` in
// dist/esm/scorm12.js, which is what Rollup and Vitest load), but its typings (dist/types/
// Scorm12API.d.ts) declare only a default export. The namespace import plus the cast below follow
// the JavaScript and keep the rest typed; Rollup still keeps only Scorm12API.
import * as scorm12 from 'scorm-again/scorm12';
import { defineLocalLms, type AgainApi, type AgainApiFactory } from './local-store-lms.js';

const { Scorm12API } = scorm12 as unknown as { Scorm12API: new (settings: object) => AgainApi };

// Not exported: an IIFE bundle with exports would assign them to the global named like the bundle.
const createScorm12Api: AgainApiFactory = (settings) => new Scorm12API(settings);

defineLocalLms(window, { '1.2': createScorm12Api });
