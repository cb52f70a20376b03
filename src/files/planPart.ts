// The plan travels inside every Word file the app makes, as a custom XML part (Word and
// LibreOffice keep such parts when the file is edited and saved). A later import reads it
// back to tell which plan, file version, document and recipient the file came from.
import JSZip from 'jszip';
import { openZip, type SafeZip } from './safeZip';

export const PLAN_PART_NS = 'urn:solfjadern:plan';
const CUSTOM_XML = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml';
const CUSTOM_XML_PROPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps';
const PROPS_TYPE = 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml';

export type WordDocumentKind = 'handlingsplan' | 'mall';

export interface Provenance {
  document: WordDocumentKind;
  planId: string;
  planName: string;
  fileVersion: number;
  /** Who the file was sent to (a förvaltning), empty when not sent to anyone in particular. */
  recipient: string;
  exportedAt: string;
}

export interface PlanPart extends Provenance {
  /** The plan file (docs/file-format.md) as JSON text; read it with readPlanFile. */
  planJson: string;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function partXml(part: PlanPart): string {
  const attrs = (['document', 'planId', 'planName', 'fileVersion', 'recipient', 'exportedAt'] as const)
    .map((key) => `${key}="${escapeXml(String(part[key]))}"`)
    .join(' ');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<solfjadern xmlns="${PLAN_PART_NS}" ${attrs}><plan>${escapeXml(part.planJson)}</plan></solfjadern>`;
}

function freePartName(zip: JSZip): number {
  let n = 1;
  while (zip.file(`customXml/item${n}.xml`)) n++;
  return n;
}

/** Add the plan part to a .docx package (bytes in, bytes out). */
export async function addPlanPart(docx: Uint8Array | ArrayBuffer, part: PlanPart): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(docx);
  const n = freePartName(zip);
  zip.file(`customXml/item${n}.xml`, partXml(part));
  zip.file(
    `customXml/itemProps${n}.xml`,
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="{${crypto.randomUUID().toUpperCase()}}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${PLAN_PART_NS}"/></ds:schemaRefs></ds:datastoreItem>`,
  );
  zip.file(
    `customXml/_rels/item${n}.xml.rels`,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${CUSTOM_XML_PROPS}" Target="itemProps${n}.xml"/></Relationships>`,
  );
  const relsPath = 'word/_rels/document.xml.rels';
  const rels = await zip.file(relsPath)!.async('string');
  zip.file(
    relsPath,
    rels.replace('</Relationships>', `<Relationship Id="rIdSolfjadernPlan${n}" Type="${CUSTOM_XML}" Target="../customXml/item${n}.xml"/></Relationships>`),
  );
  const types = await zip.file('[Content_Types].xml')!.async('string');
  let patched = types.replace('</Types>', `<Override PartName="/customXml/itemProps${n}.xml" ContentType="${PROPS_TYPE}"/></Types>`);
  if (!/Extension="xml"/.test(patched)) patched = patched.replace('</Types>', '<Default Extension="xml" ContentType="application/xml"/></Types>');
  zip.file('[Content_Types].xml', patched);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
}

/**
 * Find the plan part in a .docx package (bytes, or the package already opened); null when the
 * file was not made by this app. ZipTooLarge for a package that would expand past the caps.
 */
export async function readPlanPart(docx: Uint8Array | ArrayBuffer | Blob | SafeZip): Promise<PlanPart | null> {
  const zip = 'names' in docx ? docx : await openZip(docx);
  for (const name of zip.names.filter((n) => /^customXml\/item\d+\.xml$/.test(n))) {
    const xml = new DOMParser().parseFromString((await zip.text(name)) ?? '', 'application/xml');
    const root = xml.documentElement;
    if (root.namespaceURI !== PLAN_PART_NS || root.localName !== 'solfjadern') continue;
    const document = root.getAttribute('document');
    return {
      document: document === 'mall' ? 'mall' : 'handlingsplan',
      planId: root.getAttribute('planId') ?? '',
      planName: root.getAttribute('planName') ?? '',
      fileVersion: Number(root.getAttribute('fileVersion')),
      recipient: root.getAttribute('recipient') ?? '',
      exportedAt: root.getAttribute('exportedAt') ?? '',
      planJson: root.getElementsByTagNameNS(PLAN_PART_NS, 'plan')[0]?.textContent ?? '',
    };
  }
  return null;
}
