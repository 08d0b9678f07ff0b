/**
 * Floors for the size budgets: what the lesson's own words weigh with no structure or code, and
 * the least a SCORM 1.2 zip of them could weigh. They show how much of a size is the product's
 * doing and how much is the lesson's (bench/run.mjs prints them under the sizes).
 */
import { existsSync, readFileSync } from 'node:fs';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { na } from './report.mjs';

/**
 * Everything a student can read in the lesson, once: every distinct string in the whole lesson
 * that holds a space (ids and keys hold none), joined and gzipped as one file. No structure, no
 * markup, no code: what the lesson's words weigh on their own, the least any package of them can.
 */
export function lessonWords(lesson) {
  const seen = new Set();
  const walk = (v) => {
    if (typeof v === 'string') {
      if (v.includes(' ')) seen.add(v);
    } else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  walk({ ...lesson, pageFiles: undefined });
  const text = Buffer.from([...seen].join('\n'));
  return { strings: seen.size, raw: text.length, gzip: gzipSync(text, { level: 6 }).length, deflate: deflateRawSync(text, { level: 9 }).length };
}

/** Each file in a zip (folders left out) with its compressed size, from the central directory. */
export function zipEntries(file) {
  const buf = readFileSync(file);
  const entries = [];
  for (let at = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])), n = buf.readUInt16LE(at + 10), p = buf.readUInt32LE(at + 16); n > 0; n--) {
    const nameLength = buf.readUInt16LE(p + 28);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    if (!name.endsWith('/')) entries.push({ name, compressed: buf.readUInt32LE(p + 20) });
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

/**
 * The least a SCORM 1.2 zip of this lesson could weigh with no app code at all: the lesson's
 * words deflated as one file, plus the zip's files that are neither app code nor lesson content
 * (manifest, schemas, local-lms.js, index.html, base.css) at their compressed sizes in it.
 */
export function zipFloor(file, lesson) {
  if (!existsSync(file)) return na(`${file} missing`);
  const rest = zipEntries(file).filter((e) => !/^(app[^/]*\.js|lesson\.js|pages\/.*)$/.test(e.name));
  const byName = Object.fromEntries(rest.map((e) => [e.name, e.compressed]));
  const words = lessonWords(lesson).deflate;
  return { bytes: words + rest.reduce((a, e) => a + e.compressed, 0), words, localLms: byName['local-lms.js'] ?? 0, other: rest.filter((e) => e.name !== 'local-lms.js').reduce((a, e) => a + e.compressed, 0) };
}
