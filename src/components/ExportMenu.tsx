// "Exportera": every way the plan leaves the app, as one menu button.
import { exportFollowUpReport, exportJson, exportMall, exportPng, exportSlides, exportSvg, exportWord, printPlan } from '../store/exporter';
import { useUi } from '../store/ui';
import { MenuButton } from './MenuButton';

const ENTRIES: { label: string; run: () => unknown }[] = [
  { label: 'Word (.docx)', run: exportWord },
  { label: 'PowerPoint (.pptx)', run: exportSlides },
  { label: 'Mall att fylla i (.docx)', run: exportMall },
  { label: 'Uppföljningsrapport (.docx)', run: exportFollowUpReport },
  { label: 'JSON', run: exportJson },
  { label: 'Bild (SVG)', run: exportSvg },
  { label: 'Bild (PNG)', run: exportPng },
  { label: 'Skriv ut', run: printPlan },
];

export function ExportMenu() {
  const exporting = useUi((s) => s.exporting);
  return (
    <MenuButton
      id="export"
      label={exporting ? 'Exporterar…' : 'Exportera'}
      busy={exporting !== null}
      entries={ENTRIES.map((e) => ({ ...e, disabled: exporting !== null }))}
    />
  );
}
