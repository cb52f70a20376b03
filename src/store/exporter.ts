// Exports of the open plan: Word (plan and template), PowerPoint, JSON, the fan as SVG/PNG, and
// paper. The heavy code (docx, pptxgenjs, JSZip) loads only when the user exports.
import type { PlanDoc } from '../domain/types';
import { downloadBlob, safeFileName } from '../export/download';
import { downloadPlanJson } from '../export/json';
import { planPicture, REPORT_PICTURE_SIZE } from '../export/picture';
import { pictureToPng, type FanPicture } from '../export/png';
import { loadSwedishHyphenator } from '../fan/hyphenate';
import { browserMeasure } from '../fan/measure';
import { notify, useEditor } from './editor';
import { useUi } from './ui';
import { followedPeriod } from './followedPeriod';
import { periodLabel } from '../domain/followup';

const FALLBACK_WIDTH = 1600;
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PPTX_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/** What is exported: the version open read-only, if one is, else the plan being edited. */
function openDoc(): PlanDoc | null {
  return useUi.getState().viewingVersion?.doc ?? useEditor.getState().doc;
}

const versionName = () => useUi.getState().viewingVersion?.name;

/** The follow-up that goes with what is exported: the plan being edited has one, a saved version none. */
const followUpOf = (doc: PlanDoc) => (useUi.getState().viewingVersion?.doc === doc ? undefined : useEditor.getState().followUp);

/** The plan's fan as a picture, made from the plan (whatever is on screen), with Swedish hyphenation. */
async function fanPicture(doc: PlanDoc): Promise<FanPicture> {
  return planPicture(doc, browserMeasure(), await loadSwedishHyphenator());
}

/** Run an export; a failure is told in Swedish and changes nothing. */
async function run(what: string, task: (doc: PlanDoc) => Promise<void> | void): Promise<boolean> {
  const doc = openDoc();
  if (!doc) return false;
  useUi.setState({ exporting: what });
  try {
    await task(doc);
    return true;
  } catch (error) {
    const reason = error instanceof Error && /[åäöÅÄÖ]/.test(error.message) ? ` ${error.message}` : '';
    notify('error', `Det gick inte att skapa ${what}.${reason} Planen är oförändrad; försök igen.`);
    return false;
  } finally {
    useUi.setState({ exporting: null });
  }
}

export const exportJson = () => run('JSON-filen', (doc) => downloadPlanJson(doc, followUpOf(doc)));

export const exportSvg = () =>
  run('bilden', async (doc) => downloadBlob(new Blob([(await fanPicture(doc)).svg], { type: 'image/svg+xml' }), safeFileName(doc.plan.name, 'svg')));

export const exportPng = () =>
  run('bilden', async (doc) => downloadBlob(await pictureToPng(await fanPicture(doc), 2), safeFileName(doc.plan.name, 'png')));

export const exportWord = () =>
  run('Word-filen', async (doc) => {
    const picture = await fanPicture(doc);
    // Word shows the SVG; the PNG is the fallback for versions that cannot. About 1,600 px
    // wide is 150 dpi across the page, and encodes in a quarter of the time of 2×.
    const scale = Math.min(2, Math.max(1, FALLBACK_WIDTH / picture.width));
    const [png, { buildHandlingsplan }] = await Promise.all([pictureToPng(picture, scale), import('../export/docx')]);
    const bytes = await buildHandlingsplan(doc, { ...picture, png: new Uint8Array(await png.arrayBuffer()) }, { version: versionName(), followUp: followUpOf(doc) });
    downloadBlob(new Blob([bytes as BlobPart], { type: DOCX_TYPE }), safeFileName(`${doc.plan.name} – handlingsplan`, 'docx'));
  });

/** "PowerPoint (.pptx)": the plan as 16:9 slides — title, the fan, a slide per fokusområde, Inspel. */
export const exportSlides = () =>
  run('PowerPoint-filen', async (doc) => {
    const { buildSlides, SLIDE_PICTURE_SIZE } = await import('../export/pptx');
    const picture = planPicture(doc, browserMeasure(), await loadSwedishHyphenator(), SLIDE_PICTURE_SIZE);
    const bytes = await buildSlides(doc, picture);
    downloadBlob(new Blob([bytes as BlobPart], { type: PPTX_TYPE }), safeFileName(`${doc.plan.name} – handlingsplan`, 'pptx'));
  });

export const exportMall = () =>
  run('mallen', async (doc) => {
    const { buildMall } = await import('../export/docx');
    const bytes = await buildMall(doc, { version: versionName() });
    downloadBlob(new Blob([bytes as BlobPart], { type: DOCX_TYPE }), safeFileName(`${doc.plan.name} – mall att fylla i`, 'docx'));
  });

/**
 * "Uppföljningsrapport": the yearly report of the period followed up (the one chosen in
 * Uppföljning, else the latest), of the plan being edited — a saved version has no follow-up.
 */
export const exportFollowUpReport = () =>
  run('uppföljningsrapporten', async () => {
    const { doc, followUp } = useEditor.getState();
    const period = doc && followedPeriod(followUp, useUi.getState().followUpPeriod);
    if (!doc || !period) throw new Error('Lägg först till en period att följa upp under Uppföljning.');
    const picture = planPicture(doc, browserMeasure(), await loadSwedishHyphenator(), REPORT_PICTURE_SIZE, { followUp, period });
    const [png, { buildFollowUpReport }, { followUpReport }] = await Promise.all([pictureToPng(picture, 2), import('../export/docx'), import('../domain/followUpReport')]);
    const bytes = await buildFollowUpReport(doc, followUpReport(doc, followUp, period.id), { ...picture, png: new Uint8Array(await png.arrayBuffer()) });
    downloadBlob(new Blob([bytes as BlobPart], { type: DOCX_TYPE }), safeFileName(`${doc.plan.name} – uppföljning ${periodLabel(period)}`, 'docx'));
  });

/** Paper: the print view (fan, then tables) is drawn, then the browser's print dialog opens. */
export function printPlan(): void {
  useUi.setState({ printing: true });
  // Let React draw the tables before the browser lays out the page for print.
  requestAnimationFrame(() => setTimeout(() => window.print(), 0));
}

/** A notice's way out when the plan cannot be stored here: download it as JSON. */
export const exportAction = {
  label: 'Exportera JSON',
  run: () => {
    const { doc, followUp } = useEditor.getState();
    if (doc) downloadPlanJson(doc, followUp);
  },
};
