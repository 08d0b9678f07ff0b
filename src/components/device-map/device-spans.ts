/**
 * The data behind the device map: every key span of the lesson's highlight and match questions,
 * labelled by device, and the pieces a paragraph splits into where spans begin and end. Pure.
 */
import type { Id, Lesson } from '../../model/lesson.js';

export interface DeviceSpan {
  segment: Id;
  paragraph: number;
  start: number;
  end: number;
  device: Id;
}

/** A stretch of a paragraph and the devices whose spans cover it; `ends` lists the devices whose
 * span ends right after it (where their reference numbers go). */
export interface Piece {
  text: string;
  devices: Id[];
  ends: Id[];
}

/** Key spans of highlight questions and quotations of match pairs, de-duplicated. */
export function deviceSpans(lesson: Lesson): DeviceSpan[] {
  const out = new Map<string, DeviceSpan>();
  const add = (s: Omit<DeviceSpan, 'device'>, device: Id) => {
    const span = { segment: s.segment, paragraph: s.paragraph, start: s.start, end: s.end, device };
    out.set(`${span.segment}|${span.paragraph}|${span.start}|${span.end}|${device}`, span);
  };
  for (const q of lesson.questions) {
    if (q.type === 'highlight') for (const k of q.key) add(k, q.device);
    if (q.type === 'match') for (const p of q.pairs) add(p.quote, p.device);
  }
  return [...out.values()];
}

/** Devices that appear on the map, in the lesson's device order. */
export function mapDevices(lesson: Lesson, spans: readonly DeviceSpan[]): Id[] {
  const used = new Set(spans.map((s) => s.device));
  const known = lesson.devices.map((d) => d.id).filter((id) => used.has(id));
  return [...known, ...[...used].filter((id) => !known.includes(id))];
}

/** Split `text` at every start and end of the visible spans. */
export function pieces(text: string, spans: readonly Pick<DeviceSpan, 'start' | 'end' | 'device'>[]): Piece[] {
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(text.length, s.start)));
    cuts.add(Math.max(0, Math.min(text.length, s.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Piece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    if (to <= from) continue;
    const devices = [...new Set(spans.filter((s) => s.start <= from && s.end >= to).map((s) => s.device))];
    const ends = [...new Set(spans.filter((s) => s.end === to && s.start < to).map((s) => s.device))];
    out.push({ text: text.slice(from, to), devices, ends });
  }
  return out;
}
