/**
 * imsmanifest.xml for SCORM 1.2 and SCORM 2004 4th edition (see /work/shared/notes/scorm-targets.md:
 * the literal `adlcp:` prefix, an exact `<schemaversion>`, scormtype/scormType "sco", a default
 * organization whose item points at the SCO resource, and every file of the package listed).
 *
 * One SCO resource lists the files the lesson needs; a second, asset resource lists the XSDs, which
 * ship in the zip for LMSs that validate the manifest but are not part of the lesson.
 */
import type { Lesson } from '../model/lesson.js';

export type ScormVersion = '1.2' | '2004';

export interface PackageFiles {
  /** Files the SCO needs (index.html, scripts, styles), relative to the package root. */
  content: string[];
  /** The XSD/DTD files shipped beside the manifest. */
  schemas: string[];
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

/** Identifiers are xsd:ID (NCName): the lesson id may contain "-", which NCName allows after the
 * first character; prefixes keep them distinct and starting with a letter. */
function identifiers(lesson: Lesson) {
  const id = lesson.id.replace(/[^A-Za-z0-9_.-]/g, '_');
  return {
    manifest: `propaganda_reader_${id}`,
    organization: `org_${id}`,
    item: `item_${id}`,
    resource: `res_${id}`,
    schemas: `res_${id}_schemas`,
  };
}

const sorted = (files: string[]) => [...files].sort();
const fileList = (files: string[], indent: string) =>
  sorted(files)
    .map((f) => `${indent}<file href="${escapeXml(f)}"/>`)
    .join('\n');

function masteryScore(passingScore: number): string {
  return String(Math.round(passingScore * 100) / 100);
}

export function scorm12Manifest(lesson: Lesson, files: PackageFiles): string {
  const ids = identifiers(lesson);
  const title = escapeXml(lesson.title);
  const lang = escapeXml(lesson.language);
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${ids.manifest}" version="${escapeXml(lesson.version)}"
          xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
    <lom xmlns="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1">
      <general>
        <title><langstring xml:lang="${lang}">${title}</langstring></title>
        <language>${lang}</language>
        <description><langstring xml:lang="${lang}">${escapeXml(lesson.description)}</langstring></description>
      </general>
    </lom>
  </metadata>
  <organizations default="${ids.organization}">
    <organization identifier="${ids.organization}">
      <title>${title}</title>
      <item identifier="${ids.item}" identifierref="${ids.resource}" isvisible="true">
        <title>${title}</title>
        <adlcp:masteryscore>${masteryScore(lesson.passingScore)}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${ids.resource}" type="webcontent" adlcp:scormtype="sco" href="index.html">
${fileList(files.content, '      ')}
    </resource>
    <resource identifier="${ids.schemas}" type="webcontent" adlcp:scormtype="asset">
${fileList(files.schemas, '      ')}
    </resource>
  </resources>
</manifest>
`;
}

/**
 * SCORM 2004 4th edition. The passing score is the primary objective's minNormalizedMeasure with
 * satisfiedByMeasure, because Moodle never applies cmi.scaled_passing_score on its own. The primary
 * objective has no objectiveID so the LMS does not pre-fill cmi.objectives (the runtime owns them).
 * No completionThreshold: with one, Moodle rewrites completion_status from progress_measure.
 * Delivery controls say the content sets completion and satisfaction itself.
 * The LOM metadata is inline and minimal; its schema (IEEE LOM) is not shipped and the IMS CP
 * schema validates metadata laxly.
 */
export function scorm2004Manifest(lesson: Lesson, files: PackageFiles): string {
  const ids = identifiers(lesson);
  const title = escapeXml(lesson.title);
  const lang = escapeXml(lesson.language);
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${ids.manifest}" version="${escapeXml(lesson.version)}"
          xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
          xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
          xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
          xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
    <lom xmlns="http://ltsc.ieee.org/xsd/LOM">
      <general>
        <title><string language="${lang}">${title}</string></title>
        <language>${lang}</language>
        <description><string language="${lang}">${escapeXml(lesson.description)}</string></description>
      </general>
    </lom>
  </metadata>
  <organizations default="${ids.organization}">
    <organization identifier="${ids.organization}">
      <title>${title}</title>
      <item identifier="${ids.item}" identifierref="${ids.resource}" isvisible="true">
        <title>${title}</title>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${(lesson.passingScore / 100).toFixed(4)}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${ids.resource}" type="webcontent" adlcp:scormType="sco" href="index.html">
${fileList(files.content, '      ')}
    </resource>
    <resource identifier="${ids.schemas}" type="webcontent" adlcp:scormType="asset">
${fileList(files.schemas, '      ')}
    </resource>
  </resources>
</manifest>
`;
}

export function manifestFor(version: ScormVersion, lesson: Lesson, files: PackageFiles): string {
  return version === '1.2' ? scorm12Manifest(lesson, files) : scorm2004Manifest(lesson, files);
}
