/**
 * The package's entry page and lesson script. The page must work under a strict Content Security
 * Policy and from file://, so it holds no inline script or style and no module scripts: only
 * classic `<script src>` (deferred, so they run in order once the body exists) and a stylesheet.
 */
import type { Lesson } from '../model/lesson.js';
import type { ScormVersion } from './manifest.js';
import { escapeHtml } from './markdown.js';

/** The global the app reads the lesson from (see the dist layout in the brief). */
export const LESSON_GLOBAL = 'PropagandaReaderLesson';

export function indexHtml(lesson: Lesson, version: ScormVersion): string {
  return `<!doctype html>
<html lang="${escapeHtml(lesson.language)}" data-scorm-version="${version}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(lesson.title)}</title>
<link rel="stylesheet" href="base.css">
<script src="lesson.js" defer></script>
<script src="app.js" defer></script>
</head>
<body>
<pr-reader></pr-reader>
<noscript><p class="noscript">This lesson needs JavaScript. Turn JavaScript on in your browser, or ask your instructor for help.</p></noscript>
</body>
</html>
`;
}

/** `lesson.js`: the compiled (student) lesson as a classic script, so it loads from file:// where
 * fetching a JSON file is blocked. */
export function lessonScript(lesson: Lesson): string {
  // U+2028/2029 are valid in JSON strings and in modern JS, but escaping them costs nothing and
  // keeps older parsers safe; "</" cannot end a script here (this is a separate file), no escape needed.
  const json = JSON.stringify(lesson).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `window.${LESSON_GLOBAL} = ${json};\n`;
}
