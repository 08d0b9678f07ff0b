/**
 * SCORM 2004 4th edition: element names, ISO 8601 timestamps and durations, vocabularies
 * (completion and success status, "incorrect"), limits (64000 suspend data, 1000 location, 250
 * description, 4000 long-fill-in) and response syntax ("a[,]b", "1[.]a[,]2[.]c", fill-in lists).
 *
 * Formats follow the strictest reader we know, Moodle's 2004 validator: timestamps carry two
 * fraction digits before the zone ("2024-05-01T09:30:00.00Z"), durations at most two decimals,
 * identifiers inside responses only letters, digits, "_" and ".".
 */
import type {
  InteractionReport,
  LmsSession,
  ObjectiveReport,
  ResponseValue,
  ScormDialect,
  StatusReport,
  Write,
} from '../dialect.js';
import { bindPort, type ApiFunctionNames } from '../port.js';
import {
  clamp,
  cleanLmsText,
  clip,
  decimal,
  oneLine,
  pad,
  parseCount,
  parseDecimal,
  round,
  safeId,
} from '../text.js';
import { parseCredit, parseEntry, parseMode, rawText, readObjectiveIds } from './common.js';

const FUNCTIONS: ApiFunctionNames = {
  initialize: 'Initialize',
  terminate: 'Terminate',
  getValue: 'GetValue',
  setValue: 'SetValue',
  commit: 'Commit',
  getLastError: 'GetLastError',
  getErrorString: 'GetErrorString',
  getDiagnostic: 'GetDiagnostic',
};

const LIMITS = {
  suspendData: 64000,
  location: 1000,
  /** One localized string of a fill-in response (SPM 250). */
  response: 250,
  longText: 4000,
  identifier: 4000,
  description: 250,
} as const;

/** A fill-in response holds at most 10 strings (SPM). */
const MAX_FILL_IN_ITEMS = 10;

/** 201 argument, 351 set failure (scorm-again's answer to rule violations), 401 undefined,
 * 402 unimplemented, 403 not initialized, 404 read-only, 405 write-only, 406 type mismatch,
 * 407 out of range, 408 dependency not established. */
const PERMANENT = new Set([201, 351, 401, 402, 403, 404, 405, 406, 407, 408]);

/** ISO 8601 duration (timeinterval (second, 10, 2)): PT1H2M3.5S, PT0S for nothing. */
export function duration2004(seconds: number): string {
  const centis = Math.round(clamp(seconds, 0, Number.MAX_SAFE_INTEGER / 1000) * 100);
  const hours = Math.floor(centis / 360000);
  const minutes = Math.floor((centis % 360000) / 6000);
  const secs = (centis % 6000) / 100;
  const parts = [
    hours > 0 ? `${hours}H` : '',
    minutes > 0 ? `${minutes}M` : '',
    secs > 0 || (hours === 0 && minutes === 0) ? `${decimal(secs, 2)}S` : '',
  ];
  return `PT${parts.join('')}`;
}

/** ISO 8601 timestamp in UTC with two fraction digits (Moodle accepts nothing else before "Z"). */
export function timestamp2004(at: number): string {
  const date = new Date(Number.isFinite(at) ? at : 0);
  return (
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}` +
    `T${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}` +
    `.${pad(Math.floor(date.getUTCMilliseconds() / 10), 2)}Z`
  );
}

/** Free text as one localized string: one line, no "[,]" list delimiter, and no leading "{" that a
 * reader would take for a {lang=…} or {case_matters=…} prefix. */
function localized(text: string, max: number): string {
  const line = oneLine(text).replace(/\[,\]/g, ',').replace(/^\{/, '(');
  return clip(line, max);
}

function spell(value: ResponseValue): string {
  switch (value.kind) {
    case 'choice':
      return value.ids.map((id) => safeId(id, 250)).join('[,]');
    case 'matching':
      return value.pairs.map(([source, target]) => `${safeId(source, 250)}[.]${safeId(target, 250)}`).join('[,]');
    case 'phrases':
      return value.items
        .slice(0, MAX_FILL_IN_ITEMS)
        .map((item) => localized(item, LIMITS.response))
        .join('[,]');
    case 'text':
      return localized(value.text, LIMITS.longText);
  }
}

function resultValue(result: InteractionReport['result']): string {
  if (typeof result === 'number') return decimal(clamp(result, 0, 1));
  return result === 'wrong' ? 'incorrect' : result;
}

function interaction(index: number, report: InteractionReport): Write[][] {
  const at = `cmi.interactions.${index}`;
  const writes: Write[] = [
    [`${at}.id`, safeId(report.id, LIMITS.identifier)],
    // The type goes before any response: the LMS checks responses against it.
    [`${at}.type`, report.kind],
    [`${at}.timestamp`, timestamp2004(report.at)],
    [`${at}.weighting`, decimal(report.weighting)],
  ];
  const response = spell(report.response);
  // An empty choice list is no valid learner_response (406): leave the element unset.
  if (response !== '') writes.push([`${at}.learner_response`, response]);
  const correct = report.correct === null ? '' : spell(report.correct);
  if (correct !== '') writes.push([`${at}.correct_responses.0.pattern`, correct]);
  writes.push([`${at}.result`, resultValue(report.result)], [`${at}.latency`, duration2004(report.latencySeconds)]);
  const description = localized(report.description, LIMITS.description);
  if (description !== '') writes.push([`${at}.description`, description]);
  return [writes];
}

function status(report: StatusReport): Write[] {
  const writes: Write[] = [
    ['cmi.completion_status', report.completion],
    ['cmi.progress_measure', decimal(clamp(report.progressMeasure, 0, 1))],
  ];
  if (report.success !== 'unknown') writes.push(['cmi.success_status', report.success]);
  return writes;
}

function objective(index: number, report: ObjectiveReport): Write[] {
  const at = `cmi.objectives.${index}`;
  const writes: Write[] = [[`${at}.id`, safeId(report.id, LIMITS.identifier)]];
  if (report.score !== null) {
    const scaled = clamp(report.score, 0, 1);
    writes.push(
      [`${at}.score.scaled`, decimal(scaled)],
      [`${at}.score.raw`, decimal(scaled * 100, 2)],
      [`${at}.score.min`, '0'],
      [`${at}.score.max`, '100'],
    );
  }
  writes.push(
    [`${at}.success_status`, report.success],
    [`${at}.completion_status`, report.completion],
    [`${at}.progress_measure`, decimal(clamp(report.progressMeasure, 0, 1))],
  );
  return writes;
}

function readSession(get: (element: string) => string | null): LmsSession {
  const scaled = parseDecimal(get('cmi.scaled_passing_score'));
  const completion = get('cmi.completion_status')?.trim().toLowerCase() ?? '';
  const success = get('cmi.success_status')?.trim().toLowerCase() ?? '';
  return {
    entry: parseEntry(get('cmi.entry')),
    mode: parseMode(get('cmi.mode')),
    credit: parseCredit(get('cmi.credit')),
    learnerName: cleanLmsText(get('cmi.learner_name'), 255),
    learnerId: cleanLmsText(get('cmi.learner_id'), 255),
    // scaled_passing_score may be -1..1; a pass mark below zero means nothing here.
    masteryScore: scaled !== null && scaled >= 0 && scaled <= 1 ? round(scaled * 100, 2) : null,
    location: rawText(get('cmi.location')),
    suspendData: rawText(get('cmi.suspend_data')),
    interactionCount: parseCount(get('cmi.interactions._count')) ?? 0,
    objectiveIds: readObjectiveIds(get, 'cmi.objectives._count', (n) => `cmi.objectives.${n}.id`),
    finished: completion === 'completed' || success === 'passed' || success === 'failed',
  };
}

export const scorm2004: ScormDialect = {
  version: '2004',
  apiName: 'API_1484_11',
  functions: FUNCTIONS,
  limits: LIMITS,
  bind: (api) => bindPort(api, FUNCTIONS),
  readSession,
  isPermanentError: (code) => PERMANENT.has(code),
  probeElement: 'cmi.mode',
  bookmarkElement: 'cmi.location',

  location: (page) => [['cmi.location', clip(page, LIMITS.location)]],
  suspendData: (data) => [['cmi.suspend_data', data]],
  status,
  score: (score) => {
    const raw = clamp(score.raw, 0, 100);
    return [
      ['cmi.score.scaled', decimal(raw / 100)],
      ['cmi.score.raw', decimal(raw, 2)],
      ['cmi.score.min', '0'],
      ['cmi.score.max', '100'],
    ];
  },
  objective,
  interaction,
  sessionTime: (seconds) => [['cmi.session_time', duration2004(seconds)]],
  exit: (complete) => [['cmi.exit', complete ? 'normal' : 'suspend']],

  localLms: {
    seed: (learner) => ({ learner_id: learner.id, learner_name: learner.name, mode: 'normal', credit: 'credit' }),
    relaunch(stored) {
      // 2004 offers stored data again only after exit=suspend; otherwise a new attempt begins.
      if (stored.exit !== 'suspend') {
        return {
          learner_id: stored.learner_id ?? '',
          learner_name: stored.learner_name ?? '',
          mode: 'normal',
          credit: 'credit',
          entry: 'ab-initio',
        };
      }
      const next: Record<string, unknown> = { ...stored, entry: 'resume' };
      delete next.exit;
      delete next.session_time;
      return next;
    },
  },
};
