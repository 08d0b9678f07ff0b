/**
 * SCORM 1.2 (the run-time environment of 2001, as Moodle and ADL's 1.2 test suite read it):
 * element names, CMITime/CMITimespan formats, vocabularies, the CMIString255/4096 limits and the
 * response syntax ("a,b" choices, "1.a,2.c" matching, single-character ids).
 *
 * Interactions are write-only in 1.2 (the SCO can never read them back) and hold 255 characters,
 * so a long reflection is written as consecutive fill-in interactions `<id>_p1`, `<id>_p2`… that an
 * instructor reads in order in Moodle's interactions report.
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
  chunk,
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
import { clipMarked, parseCredit, parseEntry, parseMode, rawText, readObjectiveIds } from './common.js';

const FUNCTIONS: ApiFunctionNames = {
  initialize: 'LMSInitialize',
  terminate: 'LMSFinish',
  getValue: 'LMSGetValue',
  setValue: 'LMSSetValue',
  commit: 'LMSCommit',
  getLastError: 'LMSGetLastError',
  getErrorString: 'LMSGetErrorString',
  getDiagnostic: 'LMSGetDiagnostic',
};

const LIMITS = {
  suspendData: 4096,
  location: 255,
  response: 255,
  longText: 255,
  identifier: 255,
  description: 0,
} as const;

/** 201 invalid argument, 202/203 no children/count, 401 "Not implemented error", 402 keyword,
 * 403 read-only, 404 write-only, 405 incorrect data type. */
const PERMANENT = new Set([201, 202, 203, 401, 402, 403, 404, 405]);

/** A single character 0-9 or a-z: the only thing 1.2 choice and matching responses hold. */
const CHARACTER = /^[0-9a-z]$/;

/** CMITimespan, HHHH:MM:SS.SS (hours 2-4 digits in the spec; we always write 4). */
export function timespan12(seconds: number): string {
  const centis = Math.round(clamp(seconds, 0, 9999 * 3600 + 3599.99) * 100);
  const hours = Math.floor(centis / 360000);
  const minutes = Math.floor((centis % 360000) / 6000);
  const secs = Math.floor((centis % 6000) / 100);
  return `${pad(hours, 4)}:${pad(minutes, 2)}:${pad(secs, 2)}.${pad(centis % 100, 2)}`;
}

/** CMITime, HH:MM:SS: the learner's local time of day (what the instructor's report shows). */
export function timeOfDay12(at: number): string {
  const date = new Date(Number.isFinite(at) ? at : 0);
  return `${pad(date.getHours(), 2)}:${pad(date.getMinutes(), 2)}:${pad(date.getSeconds(), 2)}`;
}

function statusValue(status: StatusReport): string {
  if (status.completion === 'incomplete') return 'incomplete';
  return status.success === 'unknown' ? 'completed' : status.success;
}

function objectiveStatus(objective: ObjectiveReport): string {
  if (objective.completion !== 'completed') return objective.completion;
  return objective.success === 'unknown' ? 'completed' : objective.success;
}

/** A response as 1.2 spells it: choice/matching when its ids are single characters, else fill-in. */
function pattern(value: ResponseValue): { type: 'choice' | 'matching' | 'fill-in'; text: string } {
  switch (value.kind) {
    case 'choice':
      return value.ids.every((id) => CHARACTER.test(id))
        ? { type: 'choice', text: value.ids.join(',') }
        : { type: 'fill-in', text: clipMarked(oneLine(value.ids.join(', ')), LIMITS.response) };
    case 'matching':
      return value.pairs.every(([source, target]) => CHARACTER.test(source) && CHARACTER.test(target))
        ? { type: 'matching', text: value.pairs.map(([source, target]) => `${source}.${target}`).join(',') }
        : {
            type: 'fill-in',
            text: clipMarked(oneLine(value.pairs.map((pair) => pair.join('.')).join(', ')), LIMITS.response),
          };
    case 'phrases':
      return { type: 'fill-in', text: clipMarked(oneLine(value.items.map(oneLine).join(' | ')), LIMITS.response) };
    case 'text':
      return { type: 'fill-in', text: clipMarked(oneLine(value.text), LIMITS.response) };
  }
}

function resultValue(result: InteractionReport['result']): string {
  return typeof result === 'number' ? decimal(clamp(result, 0, 1)) : result;
}

function interaction(firstIndex: number, report: InteractionReport): Write[][] {
  const common = (index: number): Write[] => [
    [`cmi.interactions.${index}.time`, timeOfDay12(report.at)],
  ];
  const tail = (index: number): Write[] => [
    [`cmi.interactions.${index}.result`, resultValue(report.result)],
    [`cmi.interactions.${index}.weighting`, decimal(report.weighting)],
    [`cmi.interactions.${index}.latency`, timespan12(report.latencySeconds)],
  ];

  if (report.response.kind === 'text') {
    // Free text: all of it, in 255-character pieces, each its own fill-in interaction.
    const pieces = chunk(oneLine(report.response.text), LIMITS.longText);
    const single = pieces.length === 1;
    return pieces.map((piece, part) => {
      const index = firstIndex + part;
      const suffix = single ? '' : `_p${part + 1}`;
      return [
        [`cmi.interactions.${index}.id`, safeId(report.id, LIMITS.identifier - suffix.length) + suffix],
        ...common(index),
        [`cmi.interactions.${index}.type`, 'fill-in'],
        [`cmi.interactions.${index}.student_response`, piece],
        ...tail(index),
      ];
    });
  }

  const index = firstIndex;
  let response = pattern(report.response);
  let correct = report.correct === null ? null : pattern(report.correct);
  if (report.correct !== null && correct !== null && correct.type !== response.type) {
    // Response and key must share one type; if either had to fall back to text, both do.
    response = pattern(toText(report.response));
    correct = pattern(toText(report.correct));
  }
  const writes: Write[] = [
    [`cmi.interactions.${index}.id`, safeId(report.id, LIMITS.identifier)],
    ...common(index),
    [`cmi.interactions.${index}.type`, response.type],
    [`cmi.interactions.${index}.student_response`, response.text],
  ];
  if (correct !== null && correct.text !== '') {
    writes.push([`cmi.interactions.${index}.correct_responses.0.pattern`, correct.text]);
  }
  return [[...writes, ...tail(index)]];
}

/** A response rendered as readable text (for the fill-in fallback). */
function toText(value: ResponseValue): ResponseValue {
  switch (value.kind) {
    case 'choice':
      return { kind: 'text', text: value.ids.join(', ') };
    case 'matching':
      return { kind: 'text', text: value.pairs.map((pair) => pair.join('.')).join(', ') };
    default:
      return value;
  }
}

function readSession(get: (element: string) => string | null): LmsSession {
  const mastery = parseDecimal(get('cmi.student_data.mastery_score'));
  const status = get('cmi.core.lesson_status')?.trim().toLowerCase() ?? '';
  return {
    entry: parseEntry(get('cmi.core.entry')),
    mode: parseMode(get('cmi.core.lesson_mode')),
    credit: parseCredit(get('cmi.core.credit')),
    learnerName: cleanLmsText(get('cmi.core.student_name'), 255),
    learnerId: cleanLmsText(get('cmi.core.student_id'), 255),
    masteryScore: mastery !== null && mastery >= 0 && mastery <= 100 ? round(mastery, 2) : null,
    location: rawText(get('cmi.core.lesson_location')),
    suspendData: rawText(get('cmi.suspend_data')),
    interactionCount: parseCount(get('cmi.interactions._count')) ?? 0,
    objectiveIds: readObjectiveIds(get, 'cmi.objectives._count', (n) => `cmi.objectives.${n}.id`),
    finished: status === 'passed' || status === 'completed' || status === 'failed',
  };
}

export const scorm12: ScormDialect = {
  version: '1.2',
  apiName: 'API',
  functions: FUNCTIONS,
  limits: LIMITS,
  bind: (api) => bindPort(api, FUNCTIONS),
  readSession,
  isPermanentError: (code) => PERMANENT.has(code),
  probeElement: 'cmi.core.lesson_mode',
  bookmarkElement: 'cmi.core.lesson_location',

  location: (page) => [['cmi.core.lesson_location', clip(page, LIMITS.location)]],
  suspendData: (data) => [['cmi.suspend_data', data]],
  status: (status) => [['cmi.core.lesson_status', statusValue(status)]],
  score: (score) => [
    ['cmi.core.score.min', '0'],
    ['cmi.core.score.max', '100'],
    ['cmi.core.score.raw', decimal(clamp(score.raw, 0, 100), 2)],
  ],
  objective(index, objective) {
    const writes: Write[] = [[`cmi.objectives.${index}.id`, safeId(objective.id, LIMITS.identifier)]];
    if (objective.score !== null) {
      writes.push(
        [`cmi.objectives.${index}.score.min`, '0'],
        [`cmi.objectives.${index}.score.max`, '100'],
        [`cmi.objectives.${index}.score.raw`, decimal(clamp(objective.score, 0, 1) * 100, 2)],
      );
    }
    writes.push([`cmi.objectives.${index}.status`, objectiveStatus(objective)]);
    return writes;
  },
  interaction,
  sessionTime: (seconds) => [['cmi.core.session_time', timespan12(seconds)]],
  exit: (complete) => [['cmi.core.exit', complete ? '' : 'suspend']],

  localLms: {
    seed: (learner) => ({
      core: { student_id: learner.id, student_name: learner.name, lesson_mode: 'normal', credit: 'credit' },
    }),
    relaunch(stored) {
      const core = { ...((stored.core as Record<string, unknown> | undefined) ?? {}) };
      // 1.2 keeps the attempt's data whatever the exit; entry says whether it was suspended.
      core.entry = core.exit === 'suspend' ? 'resume' : '';
      delete core.exit;
      delete core.session_time;
      return { ...stored, core };
    },
  },
};
