/**
 * The preview host (dist/preview/host.js, an IIFE loaded by dist/preview/index.html).
 *
 * Frames a package the way Moodle does: the LMS API lives in this (parent) window as window.API
 * (SCORM 1.2) or window.API_1484_11 (SCORM 2004), the package's index.html runs in an iframe and
 * finds it by walking up. The side panel shows every API call and the CMI data; the controls
 * relaunch the package as resume, in review mode or as a new attempt, switch the SCORM version,
 * and make the LMS server slow or failing. What the LMS stores is kept in localStorage, so a
 * closed tab comes back as a resumed session.
 */
import { parseStored, readManifest, type LaunchKind, type ManifestLaunchData, type ScormVersion, type StoredAttempt } from './cmi.js';
import { createPreviewLms, SERVER_BEHAVIOURS, type PreviewLms, type ServerBehaviour } from './lms.js';
import { CallLog, CmiTable, renderSession } from './view.js';

interface PackageEntry {
  lesson: string;
  version: ScormVersion;
  path: string;
  source: 'folder' | 'zip';
  file: string;
  title: string | null;
}

interface Settings {
  lesson: string | null;
  version: ScormVersion;
  server: ServerBehaviour;
}

const SETTINGS_KEY = 'pr-preview:settings';
const storageKey = (lesson: string, version: ScormVersion) => `pr-preview:${lesson}:${version}`;
const UNLOAD_TIMEOUT_MS = 5000;

declare global {
  interface Window {
    API?: unknown;
    API_1484_11?: unknown;
    /** The running session, for looking at from the browser console. */
    previewHost?: { lms: () => PreviewLms | null; launched: () => number };
  }
}

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`preview host: #${id} is missing from index.html`);
  return el as T;
}

function readSettings(): Settings {
  const fallback: Settings = { lesson: null, version: '1.2', server: 'normal' };
  let saved: Partial<Settings> = {};
  try {
    saved = JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}') as Partial<Settings>;
  } catch {
    saved = {};
  }
  const params = new URLSearchParams(location.search);
  const version = params.get('version') ?? saved.version;
  const server = params.get('server') ?? saved.server;
  return {
    lesson: params.get('lesson') ?? (typeof saved.lesson === 'string' ? saved.lesson : fallback.lesson),
    version: version === '2004' || version === '1.2' ? version : fallback.version,
    server: SERVER_BEHAVIOURS.includes(server as ServerBehaviour) ? (server as ServerBehaviour) : fallback.server,
  };
}

function writeSettings(settings: Settings): void {
  try {
    localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
  } catch {
    // Storage full or disabled: the preview still works, it just forgets the choice.
  }
  const params = new URLSearchParams(location.search);
  if (settings.lesson) params.set('lesson', settings.lesson);
  params.set('version', settings.version);
  params.set('server', settings.server);
  history.replaceState(null, '', `?${params.toString()}`);
}

async function loadPackages(): Promise<PackageEntry[]> {
  const response = await fetch('packages.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`packages.json: HTTP ${response.status}`);
  const body = (await response.json()) as { packages?: PackageEntry[] };
  return Array.isArray(body.packages) ? body.packages : [];
}

async function loadManifest(pkg: PackageEntry): Promise<ManifestLaunchData> {
  try {
    const response = await fetch(`${pkg.path}imsmanifest.xml`, { cache: 'no-store' });
    return readManifest(response.ok ? await response.text() : '', new DOMParser());
  } catch {
    return readManifest('', new DOMParser());
  }
}

function main(): void {
  const frame = byId<HTMLIFrameElement>('frame');
  const status = byId<HTMLParagraphElement>('status');
  const lessonSelect = byId<HTMLSelectElement>('lesson');
  const controls = byId<HTMLFormElement>('controls');
  const session = byId<HTMLDListElement>('session');
  const log = new CallLog(byId<HTMLTableSectionElement>('calls'));
  const cmi = new CmiTable(byId<HTMLTableSectionElement>('cmi'));
  const versionInputs = Array.from(controls.querySelectorAll<HTMLInputElement>('input[name="version"]'));
  const serverInputs = Array.from(controls.querySelectorAll<HTMLInputElement>('input[name="server"]'));
  const buttons = Array.from(controls.querySelectorAll<HTMLButtonElement>('button'));

  const settings = readSettings();
  let packages: PackageEntry[] = [];
  let lms: PreviewLms | null = null;
  let pkg: PackageEntry | null = null;
  let stored: StoredAttempt | null = null;
  let launching = false;
  let launches = 0;
  let refusedCommits = 0;

  window.previewHost = { lms: () => lms, launched: () => launches };

  const announce = (text: string, alert = false) => {
    status.textContent = text;
    status.classList.toggle('alert', alert);
  };

  const packageFor = (lesson: string | null, version: ScormVersion) => packages.find((p) => p.lesson === lesson && p.version === version) ?? null;

  const showSession = () => {
    if (!lms || !pkg) return;
    renderSession(session, {
      packagePath: pkg.path,
      packageSource: pkg.source === 'zip' ? `served from ${pkg.file}` : 'unpacked',
      version: lms.version,
      launch: `${lms.kind === 'fresh' ? 'new attempt' : lms.kind}: entry "${lms.entry}", mode "${lms.mode}"`,
      state: lms.state,
      stored,
      warnings: lms.warnings,
    });
  };

  /** Navigates the frame away so the package's pagehide handlers finish against the old API. */
  const unloadFrame = () =>
    new Promise<void>((done) => {
      if (frame.getAttribute('src') === 'about:blank') return done();
      const timer = setTimeout(done, UNLOAD_TIMEOUT_MS);
      frame.addEventListener(
        'load',
        () => {
          clearTimeout(timer);
          done();
        },
        { once: true },
      );
      frame.setAttribute('src', 'about:blank');
    });

  const setBusy = (busy: boolean) => {
    controls.setAttribute('aria-busy', String(busy));
    for (const b of buttons) b.disabled = busy || !pkg;
  };

  const syncControls = () => {
    for (const input of versionInputs) {
      const available = packageFor(settings.lesson, input.value as ScormVersion) !== null;
      input.disabled = !available;
      input.checked = input.value === settings.version;
      const label = input.parentElement;
      if (label) label.title = available ? '' : 'Not built: run npm run build';
    }
    for (const input of serverInputs) input.checked = input.value === settings.server;
  };

  async function launch(kind: LaunchKind | 'auto'): Promise<void> {
    if (launching) return;
    launching = true;
    setBusy(true);
    try {
      await unloadFrame();
      pkg = packageFor(settings.lesson, settings.version);
      if (!pkg) {
        announce(`No SCORM ${settings.version} build of ${settings.lesson ?? 'any lesson'} in dist/. Run npm run build.`, true);
        return;
      }
      const key = storageKey(pkg.lesson, settings.version);
      if (kind === 'fresh') localStorage.removeItem(key);
      stored = parseStored(localStorage.getItem(key), settings.version);
      const chosen: LaunchKind = kind === 'auto' ? (stored ? 'resume' : 'fresh') : kind;
      const manifest = await loadManifest(pkg);
      const next = createPreviewLms({ version: settings.version, kind: chosen, stored, manifest, behaviour: settings.server });
      next.onCall((call) => {
        log.add(call);
        cmi.refresh();
        if (call.note?.startsWith('simulated server failure')) {
          refusedCommits++;
          announce(`Simulated LMS failure: ${refusedCommits} ${refusedCommits === 1 ? 'commit' : 'commits'} refused. The package should tell the learner their work is kept.`, true);
        }
        if (call.method.endsWith('Initialize') || call.method === 'LMSFinish' || call.method === 'Terminate') showSession();
      });
      next.onStore((data) => {
        stored = data;
        try {
          localStorage.setItem(key, JSON.stringify(data));
        } catch {
          announce('Could not keep the LMS data in this browser (storage full or disabled).', true);
        }
        showSession();
      });
      delete window.API;
      delete window.API_1484_11;
      if (next.version === '1.2') window.API = next.api;
      else window.API_1484_11 = next.api;
      lms = next;
      launches++;
      refusedCommits = 0;
      const what = chosen === 'fresh' ? 'a new attempt' : chosen === 'resume' ? 'resume' : 'review';
      log.separator(`Launch ${launches}: SCORM ${next.version}, ${what} (entry "${next.entry}", mode "${next.mode}")`);
      for (const warning of next.warnings) log.separator(`Note: ${warning}`);
      cmi.watch(next.version, () => next.current());
      showSession();
      frame.title = `${pkg.title ?? pkg.lesson} (SCORM ${next.version} package)`;
      frame.setAttribute('src', `${pkg.path}index.html`);
      announce(`Launched ${pkg.title ?? pkg.lesson} as ${what}, SCORM ${next.version}.`);
    } finally {
      launching = false;
      setBusy(false);
    }
  }

  controls.addEventListener('submit', (e) => e.preventDefault());
  controls.addEventListener('change', (e) => {
    const input = e.target as HTMLInputElement | HTMLSelectElement;
    if (input.name === 'version') {
      settings.version = input.value as ScormVersion;
      writeSettings(settings);
      void launch('auto');
    } else if (input.name === 'lesson') {
      settings.lesson = input.value;
      writeSettings(settings);
      syncControls();
      if (!packageFor(settings.lesson, settings.version)) settings.version = settings.version === '1.2' ? '2004' : '1.2';
      syncControls();
      void launch('auto');
    } else if (input.name === 'server') {
      settings.server = input.value as ServerBehaviour;
      writeSettings(settings);
      if (lms) lms.behaviour = settings.server;
      announce(
        settings.server === 'normal'
          ? 'LMS server back to normal.'
          : settings.server === 'slow'
            ? 'LMS server slow: every commit and finish now blocks the page for 200 ms.'
            : 'LMS server failing: commit and finish now return "false".',
      );
    }
  });
  byId('resume').addEventListener('click', () => void launch('resume'));
  byId('review').addEventListener('click', () => void launch('review'));
  byId('reset').addEventListener('click', () => void launch('fresh'));
  byId('clear-log').addEventListener('click', () => log.clear());
  byId<HTMLInputElement>('hide-errors').addEventListener('change', (e) => log.setHideErrorQueries((e.target as HTMLInputElement).checked));

  setBusy(true);
  loadPackages()
    .then((found) => {
      packages = found;
      const lessons = [...new Set(found.map((p) => p.lesson))];
      if (lessons.length === 0) {
        announce('No SCORM package found in dist/. Run npm run build, then reload this page.', true);
        return;
      }
      if (!settings.lesson || !lessons.includes(settings.lesson)) settings.lesson = lessons[0]!;
      if (!packageFor(settings.lesson, settings.version)) settings.version = found.find((p) => p.lesson === settings.lesson)!.version;
      lessonSelect.replaceChildren(
        ...lessons.map((lesson) => {
          const option = document.createElement('option');
          option.value = lesson;
          option.textContent = found.find((p) => p.lesson === lesson)?.title ?? lesson;
          option.selected = lesson === settings.lesson;
          return option;
        }),
      );
      syncControls();
      writeSettings(settings);
      return launch('auto');
    })
    .catch((err: unknown) => {
      announce(`The preview host could not list the packages (${err instanceof Error ? err.message : String(err)}). Start it with npm start.`, true);
    });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', main, { once: true });
else main();
