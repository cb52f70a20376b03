// Dates as the follow-up shows them ("6 dec. 2026"); '' for a time that cannot be read.
export function shortDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleDateString('sv-SE', { dateStyle: 'medium' });
}
