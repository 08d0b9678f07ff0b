/**
 * Helpers for the packager tests: running xmllint against the XSDs shipped in a package, reading
 * zips, and hashing a folder tree.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { unzipSync } from 'fflate';

export const XMLLINT = '/usr/bin/xmllint';

/** Fails loudly when xmllint is missing: the manifest tests must never pass by skipping. */
export function requireXmllint(): string {
  const found = existsSync(XMLLINT) ? XMLLINT : (spawnSync('which', ['xmllint'], { encoding: 'utf8' }).stdout ?? '').trim();
  if (!found) {
    throw new Error(
      'xmllint is not installed: the manifests cannot be validated against the SCORM XSDs. ' +
        'Install it with `apt-get install libxml2-utils` (Debian/Ubuntu; .ci/run does this) and run the tests again.',
    );
  }
  return found;
}

/** Namespaces each SCORM version's manifest uses, with the XSD shipped for each. xmllint validates
 * against one schema, so a small driver schema imports them all (it is not part of any package). */
const NAMESPACES = {
  '1.2': [
    ['http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'imscp_rootv1p1p2.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_rootv1p2', 'adlcp_rootv1p2.xsd'],
    ['http://www.imsglobal.org/xsd/imsmd_rootv1p2p1', 'imsmd_rootv1p2p1.xsd'],
  ],
  '2004': [
    ['http://www.imsglobal.org/xsd/imscp_v1p1', 'imscp_v1p1.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_v1p3', 'adlcp_v1p3.xsd'],
    ['http://www.adlnet.org/xsd/adlseq_v1p3', 'adlseq_v1p3.xsd'],
    ['http://www.adlnet.org/xsd/adlnav_v1p3', 'adlnav_v1p3.xsd'],
    ['http://www.imsglobal.org/xsd/imsss', 'imsss_v1p0.xsd'],
  ],
} as const;

/** Validate `dir/imsmanifest.xml` against the XSDs in `dir` (as shipped in the package). */
export function validateManifest(dir: string, version: '1.2' | '2004'): { ok: boolean; output: string } {
  const xmllint = requireXmllint();
  const driver = join(dir, '.validate-all.xsd');
  writeFileSync(
    driver,
    `<?xml version="1.0"?>\n<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:propaganda-reader:test">\n${NAMESPACES[
      version
    ]
      .map(([ns, file]) => `  <xsd:import namespace="${ns}" schemaLocation="${file}"/>`)
      .join('\n')}\n</xsd:schema>\n`,
  );
  const run = spawnSync(xmllint, ['--noout', '--nonet', '--schema', driver, join(dir, 'imsmanifest.xml')], { encoding: 'utf8' });
  const output = `${run.stdout}${run.stderr}`;
  return { ok: run.status === 0 && /imsmanifest\.xml validates/.test(output), output };
}

export function unzipTo(zip: string, dir: string): Map<string, Uint8Array> {
  const files = new Map(Object.entries(unzipSync(readFileSync(zip))));
  for (const [name, data] of files) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), data);
  }
  return files;
}

export function listTree(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? listTree(path) : [path];
    });
}

/** One hash over every file's path and bytes. */
export function hashTree(dir: string): string {
  const hash = createHash('sha256');
  for (const file of listTree(dir)) {
    hash.update(`${relative(dir, file)}\0`);
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

/** The <file href> entries of a manifest. */
export function manifestFiles(xml: string): string[] {
  return [...xml.matchAll(/<file href="([^"]+)"\/>/g)].map((m) => m[1]!).sort();
}
