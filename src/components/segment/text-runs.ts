/**
 * Splits a paragraph of the talk into what the segment page renders: plain text, glossary terms
 * (buttons) and editor's-note markers. Pure, so it is tested without a DOM. This is display
 * markup only; words for questions come from the core's tokenizer.
 */
import type { GlossaryEntry, Id } from '../../model/lesson.js';

export interface TermHit {
  paragraph: number;
  start: number;
  end: number;
  entry: Id;
}

export type Run =
  | { kind: 'text'; text: string }
  | { kind: 'term'; text: string; entry: Id }
  | { kind: 'note'; number: number };

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether text[start, end) stands as a whole word (no letter or digit glued to either side). */
function wholeWord(text: string, start: number, end: number): boolean {
  const before = start > 0 ? text[start - 1]! : '';
  const after = end < text.length ? text[end]! : '';
  return !(before && WORD_CHAR.test(before)) && !(after && WORD_CHAR.test(after));
}

/**
 * The first occurrence in the segment of each glossary entry (any of its `matches`, exact and
 * case-sensitive, as whole words). Marking only the first keeps the text readable; overlapping
 * hits keep the earlier (then the longer) one.
 */
export function findTerms(paragraphs: readonly string[], glossary: readonly GlossaryEntry[]): TermHit[] {
  const hits: TermHit[] = [];
  for (const entry of glossary) {
    const forms = entry.matches.length ? entry.matches : [entry.term];
    let best: TermHit | null = null;
    paragraphs.forEach((text, paragraph) => {
      for (const form of forms) {
        if (!form) continue;
        for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
          if (!wholeWord(text, at, at + form.length)) continue;
          const hit = { paragraph, start: at, end: at + form.length, entry: entry.id };
          if (!best || before(hit, best)) best = hit;
          break;
        }
      }
    });
    if (best) hits.push(best);
  }
  hits.sort((a, b) => (before(a, b) ? -1 : 1));
  const kept: TermHit[] = [];
  for (const h of hits) {
    const last = kept[kept.length - 1];
    if (last && last.paragraph === h.paragraph && h.start < last.end) continue;
    kept.push(h);
  }
  return kept;
}

function before(a: TermHit, b: TermHit): boolean {
  if (a.paragraph !== b.paragraph) return a.paragraph < b.paragraph;
  if (a.start !== b.start) return a.start < b.start;
  return a.end > b.end;
}

/**
 * The runs of one paragraph. `notes` are markers placed after character offset `at`; a marker
 * that would fall inside a term moves to the term's end so the button stays whole.
 */
export function textRuns(
  text: string,
  terms: readonly Pick<TermHit, 'start' | 'end' | 'entry'>[],
  notes: readonly { at: number; number: number }[],
): Run[] {
  const sortedTerms = [...terms].sort((a, b) => a.start - b.start);
  const markers = notes
    .map((n) => {
      const inside = sortedTerms.find((t) => n.at > t.start && n.at < t.end);
      return { at: Math.min(text.length, Math.max(0, inside ? inside.end : n.at)), number: n.number };
    })
    .sort((a, b) => a.at - b.at || a.number - b.number);

  const runs: Run[] = [];
  let pos = 0;
  const pushText = (to: number) => {
    if (to > pos) runs.push({ kind: 'text', text: text.slice(pos, to) });
    pos = Math.max(pos, to);
  };
  let m = 0;
  for (const t of sortedTerms) {
    while (m < markers.length && markers[m]!.at <= t.start) {
      pushText(markers[m]!.at);
      runs.push({ kind: 'note', number: markers[m]!.number });
      m++;
    }
    pushText(t.start);
    runs.push({ kind: 'term', text: text.slice(t.start, t.end), entry: t.entry });
    pos = t.end;
  }
  while (m < markers.length) {
    pushText(markers[m]!.at);
    runs.push({ kind: 'note', number: markers[m]!.number });
    m++;
  }
  pushText(text.length);
  return runs;
}
