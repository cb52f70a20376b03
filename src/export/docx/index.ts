// The Word exports, loaded only when the user exports (docx and JSZip stay out of the first load).
export { buildHandlingsplan, type WordOptions, type WordPicture } from './handlingsplan';
export { buildMall, MALL_HEADERS } from './mall';
export { type PlanPart, type Provenance } from '../../files/planPart';
export { buildFollowUpReport, type ReportOptions } from './followUpReport';
export { buildFollowUpForm } from './followUpForm';
