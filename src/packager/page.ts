/**
 * The package's entry page and lesson script. The page must work under a strict Content Security
 * Policy and from file://, so it holds no inline script or style and no module scripts: only
 * classic `<script src>` (deferred, so they run in order once the body exists) and a stylesheet.
 */
import type { Lesson } from '../model/lesson.js';
import { PAGES_GLOBAL, type PageContent } from '../model/pages.js';
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
 * fetching a JSON file is blocked. The lesson is a JSON text in a string literal handed to
 * JSON.parse: engines parse JSON several times faster than the same object as a JavaScript literal
 * (a quarter megabyte here, on the path to the first page). */
export function lessonScript(lesson: Lesson): string {
  return `window.${LESSON_GLOBAL} = JSON.parse('${jsStringBody(JSON.stringify(lesson))}');\n`;
}

/** A page's content script (src/model/pages.ts): registers the page on a global the app reads once
 * the script has loaded. A classic script for the same reason as lesson.js. */
export function pageScript(content: PageContent): string {
  const key = JSON.stringify(content.page);
  return `(window.${PAGES_GLOBAL} = window.${PAGES_GLOBAL} || {})[${key}] = JSON.parse('${jsStringBody(JSON.stringify(content))}');\n`;
}

/** `text` as the body of a single-quoted JavaScript string literal. Backslashes first (the others
 * add some); U+2028/2029 are line terminators in older engines' strings; "</script" and "<!--" so
 * that neither ever appears, should the script be inlined one day (the lesson holds HTML, so
 * escaping every "<" or "</" would cost kilobytes). */
export function jsStringBody(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
    .replace(/<\/(script)/gi, '<\\/$1')
    .replace(/<!--/g, '\\x3C!--');
}
