/**
 * Pure helpers for the preview host: what a launch hands the LMS API, how stored CMI data is
 * flattened for display, and what the package's manifest tells the LMS. No DOM except where a
 * parser is passed in.
 */

export type ScormVersion = '1.2' | '2004';

/** Nested CMI data as scorm-again renders it (the `cmi` object of renderCommitCMI). */
export type CmiTree = { [key: string]: string | CmiTree };

/** What the LMS keeps between sessions for one learner and one package version. */
export interface StoredAttempt {
  version: ScormVersion;
  /** The CMI data as committed, total time already including the last session. */
  cmi: CmiTree;
  /** cmi.core.exit / cmi.exit of the last session ('' when none was set). */
  exit: string;
  /** ms since epoch of the last successful commit or finish. */
  savedAt: number;
}

export type LaunchKind = 'fresh' | 'resume' | 'review';

/** What the manifest says the LMS should hand the SCO. */
export interface ManifestLaunchData {
  title: string | null;
  /** 1.2 adlcp:masteryscore, 0-100. */
  masteryScore: number | null;
  /** 2004 primary objective minNormalizedMeasure (when satisfiedByMeasure), 0..1. */
  scaledPassingScore: number | null;
  /** 2004 adlcp:completionThreshold minProgressMeasure, 0..1. */
  completionThreshold: number | null;
}

export const LEARNER = { id: 'preview_learner', name: 'Learner, Preview' } as const;

/** SCORM limits on suspend data (1.2 is the binding one; scorm-again itself allows 64000). */
export const SUSPEND_DATA_LIMIT: Record<ScormVersion, number> = { '1.2': 4096, '2004': 64000 };

/** Per-session elements: never carried into the next launch. */
const SESSION_ONLY: Record<ScormVersion, string[][]> = {
  '1.2': [['core', 'exit'], ['core', 'session_time'], ['core', 'entry'], ['core', 'lesson_mode'], ['core', 'credit']],
  '2004': [['exit'], ['session_time'], ['entry'], ['mode'], ['credit']],
};

function isTree(v: unknown): v is CmiTree {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function clone(tree: CmiTree): CmiTree {
  return JSON.parse(JSON.stringify(tree)) as CmiTree;
}

function get(tree: CmiTree, path: string[]): string | undefined {
  let node: string | CmiTree | undefined = tree;
  for (const key of path) {
    if (!isTree(node)) return undefined;
    node = node[key];
  }
  return typeof node === 'string' ? node : undefined;
}

function set(tree: CmiTree, path: string[], value: string): void {
  let node = tree;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (!isTree(next)) node[key] = {};
    node = node[key] as CmiTree;
  }
  node[path[path.length - 1]!] = value;
}

function remove(tree: CmiTree, path: string[]): void {
  let node: string | CmiTree | undefined = tree;
  for (const key of path.slice(0, -1)) {
    if (!isTree(node)) return;
    node = node[key];
  }
  if (isTree(node)) delete node[path[path.length - 1]!];
}

/** Paths of the elements that differ between the versions. */
export const ELEMENTS = {
  '1.2': {
    entry: ['core', 'entry'],
    mode: ['core', 'lesson_mode'],
    credit: ['core', 'credit'],
    exit: ['core', 'exit'],
    location: ['core', 'lesson_location'],
    status: ['core', 'lesson_status'],
    learnerId: ['core', 'student_id'],
    learnerName: ['core', 'student_name'],
  },
  '2004': {
    entry: ['entry'],
    mode: ['mode'],
    credit: ['credit'],
    exit: ['exit'],
    location: ['location'],
    status: ['completion_status'],
    learnerId: ['learner_id'],
    learnerName: ['learner_name'],
  },
} as const satisfies Record<ScormVersion, Record<string, readonly string[]>>;

export interface LaunchData {
  /** JSON for scorm-again's loadFromJSON (the `cmi` object, without the "cmi." prefix). */
  json: CmiTree;
  entry: 'ab-initio' | 'resume';
  mode: 'normal' | 'review';
  /** Things an author should know about this launch (shown in the call log). */
  warnings: string[];
}

/**
 * The data the LMS loads before the SCO starts. A fresh launch gets only learner and manifest
 * data; resume and review carry every stored element except the per-session ones.
 */
export function launchData(version: ScormVersion, kind: LaunchKind, stored: StoredAttempt | null, manifest: ManifestLaunchData): LaunchData {
  const paths = ELEMENTS[version];
  const warnings: string[] = [];
  const useStored = kind !== 'fresh' && stored !== null && stored.version === version;
  const json: CmiTree = useStored ? clone(stored.cmi) : {};
  for (const path of SESSION_ONLY[version]) remove(json, path);
  const entry = useStored ? 'resume' : 'ab-initio';
  const mode = kind === 'review' ? 'review' : 'normal';
  set(json, [...paths.entry], entry);
  set(json, [...paths.mode], mode);
  set(json, [...paths.credit], mode === 'review' ? 'no-credit' : 'credit');
  set(json, [...paths.learnerId], LEARNER.id);
  set(json, [...paths.learnerName], LEARNER.name);
  if (version === '1.2' && manifest.masteryScore !== null) set(json, ['student_data', 'mastery_score'], String(manifest.masteryScore));
  if (version === '2004' && manifest.scaledPassingScore !== null) set(json, ['scaled_passing_score'], String(manifest.scaledPassingScore));
  if (version === '2004' && manifest.completionThreshold !== null) set(json, ['completion_threshold'], String(manifest.completionThreshold));
  if (useStored && stored.exit !== 'suspend') {
    warnings.push(
      version === '1.2'
        ? `The last session ended with cmi.core.exit "${stored.exit}", not "suspend": Moodle would launch this with cmi.core.entry "" instead of "resume".`
        : `The last session ended with cmi.exit "${stored.exit}", not "suspend": Moodle would not reload this data at all.`,
    );
  }
  if (kind !== 'fresh' && !useStored) warnings.push('No stored data for this version: launched as a new attempt.');
  return { json, entry, mode, warnings };
}

/** The stored form of a session's data: per-session elements moved out, exit remembered. */
export function toStored(version: ScormVersion, committed: CmiTree, savedAt: number): StoredAttempt {
  const cmi = clone(committed);
  const exit = get(cmi, [...ELEMENTS[version].exit]) ?? '';
  return { version, cmi, exit, savedAt };
}

/** Validates data read back from storage (anything could be there); null when unusable. */
export function parseStored(raw: string | null, version: ScormVersion): StoredAttempt | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<StoredAttempt>;
    if (value.version !== version || !isTree(value.cmi) || typeof value.exit !== 'string' || typeof value.savedAt !== 'number') return null;
    return value as StoredAttempt;
  } catch {
    return null;
  }
}

/** `cmi.x.y` → value rows, in the order scorm-again renders them; empty containers skipped. */
export function flattenCmi(tree: CmiTree, prefix = 'cmi'): [string, string][] {
  const rows: [string, string][] = [];
  for (const [key, value] of Object.entries(tree)) {
    const element = `${prefix}.${key}`;
    if (isTree(value)) rows.push(...flattenCmi(value, element));
    else rows.push([element, value]);
  }
  return rows;
}

export function suspendData(version: ScormVersion, tree: CmiTree): string {
  return get(tree, ['suspend_data']) ?? '';
}

export function element(version: ScormVersion, tree: CmiTree, name: keyof (typeof ELEMENTS)['1.2']): string {
  return get(tree, [...ELEMENTS[version][name]]) ?? '';
}

function numberOrNull(text: string | null | undefined, min: number, max: number): number | null {
  if (text == null || text.trim() === '') return null;
  const n = Number(text.trim());
  return Number.isFinite(n) && n >= min && n <= max ? n : null;
}

/** Reads the launch data an LMS takes from imsmanifest.xml. Never throws: unknown → null. */
export function readManifest(xml: string, parser: { parseFromString(text: string, type: 'application/xml'): Document }): ManifestLaunchData {
  const none: ManifestLaunchData = { title: null, masteryScore: null, scaledPassingScore: null, completionThreshold: null };
  const doc = parser.parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) return none;
  const first = (local: string) => doc.getElementsByTagNameNS('*', local)[0] ?? null;
  const organization = first('organization');
  const title = organization ? Array.from(organization.children).find((c) => c.localName === 'title')?.textContent?.trim() ?? null : null;
  let scaledPassingScore: number | null = null;
  const primary = first('primaryObjective');
  if (primary && primary.getAttribute('satisfiedByMeasure') === 'true') {
    const measure = primary.getElementsByTagNameNS('*', 'minNormalizedMeasure')[0];
    scaledPassingScore = numberOrNull(measure?.textContent, -1, 1);
  }
  return {
    title,
    masteryScore: numberOrNull(first('masteryscore')?.textContent, 0, 100),
    scaledPassingScore,
    completionThreshold: numberOrNull(first('completionThreshold')?.getAttribute('minProgressMeasure'), 0, 1),
  };
}

/** A long value shortened for the call log, saying how much was left out. */
export function abbreviate(value: string, max = 120): string {
  return value.length <= max ? value : `${value.slice(0, max)}… (+${value.length - max} characters)`;
}
