/**
 * Entry of dist's `local-lms.js` (an IIFE bundle, with scorm-again inside). app.js loads it with a
 * <script> element only when no LMS API is found; it defines `window.PropagandaReaderLocalLms`.
 */
import { installLocalLms, type LocalLmsGlobal } from './local-store-lms.js';
import { parseVersion } from './vocabulary/index.js';

const localLms: LocalLmsGlobal = {
  install(version, storageKey) {
    const parsed = parseVersion(version);
    return parsed !== null && typeof storageKey === 'string' && installLocalLms(parsed, storageKey, window);
  },
};

window.PropagandaReaderLocalLms = localLms;
