// node bench/report.mjs — puts the figures of bench/results.json into docs/performance.md
// (between the "bench:results" markers), so the document shows what the last run measured.
import { readFileSync, writeFileSync } from 'node:fs';

const r = JSON.parse(readFileSync('bench/results.json', 'utf8'));
const f = (v) => v.toFixed(1);
const pair = (s) => `${f(s.median)} / ${f(s.p95)}`;
const rows = r.results.map(
  (x) =>
    `| ${x.n.toLocaleString('en').replace(',', ' ')} | ${pair(x.coldLoad)} | ${f(x.blankLoad.median)} | ${f(x.coldLoadRatio.median)}× | ${pair(x.rerenderEdit)} | ${pair(x.rerenderMove)} | ${pair(x.dragFrame)} (${x.dragFrame.longTasks} long tasks) | ${pair(x.persistence)} | ${pair(x.reload)} |`,
);
/** One figure per plan size that has it, in a sentence: "N = 1,000: …; N = 5,000: …". */
const perSize = (key, say) =>
  r.results
    .filter((x) => x[key])
    .map((x) => `N = ${x.n.toLocaleString('en')}: ${say(x)}`)
    .join('; ');
const colleague = perSize('colleagueEdit', (x) => `${pair(x.colleagueEdit)} ms`);
const aged = r.results
  .filter((x) => x.agedReloadReady)
  .map((x) => `A plan of N = ${x.n.toLocaleString('en')} after ${x.agedUpdates.toLocaleString('en')} more stored changes opens (reload → fan drawn / document ready) in ${pair(x.agedReload)} / ${pair(x.agedReloadReady)} ms, against ${pair(x.agedFreshReload ?? x.reload)} / ${pair(x.agedFreshReloadReady ?? x.reloadReady)} ms for the same plan fresh${x.agedFreshReload ? ', the two opened in turns' : ''} (median / p95).`);
const exports = r.results
  .filter((x) => x.wordExport)
  .map((x) => `Exports at N = ${x.n.toLocaleString('en')}: Word ${pair(x.wordExport)} ms, JSON export + import ${pair(x.jsonRoundTrip)} ms${x.followUpReport ? `, the follow-up report (${x.reportPeriods} periods followed up) ${pair(x.followUpReport)} ms` : ''} (median / p95).`);
const layout = r.results
  .filter((x) => x.layoutFresh)
  .map((x) => `| ${x.n.toLocaleString('en')} | ${pair(x.layoutFresh)} | ${pair(x.layoutUpdate)} |`);
const ready = r.results
  .filter((x) => x.coldReady)
  .map((x) => `| ${x.n.toLocaleString('en')} | ${pair(x.coldLoad)} | ${pair(x.coldReady)} | ${pair(x.reload)} | ${pair(x.reloadReady)} |`);
const room = r.room
  ? `A room (\`bench/room.mjs\`): ${r.room.people} participants (Node clients through the real provider) each changing an item once a second for ${r.room.seconds} s against one relay (\`npm run relay\`), one browser page measuring: edit → visible in the page ${f(r.room.latency.median)} / ${f(r.room.latency.p95)} ms (median / p95, ${r.room.shown} of ${r.room.edits} edits seen), ${r.room.lost} lost; the relay's memory ${r.room.relayMemoryMb.before} → ${r.room.relayMemoryMb.after} MB.`
  : '';
const returning = perSize('returningLoad', (x) => `${pair(x.returningLoad)} ms against the blank page's ${pair(x.returningBlankLoad)} ms (${f(x.returningLoad.median / x.returningBlankLoad.median)}×)`);
const live = perSize('coldLive', (x) => `${pair(x.coldLive)} ms`);
const painted = perSize('coldPainted', (x) => `${pair(x.coldPainted)} ms against the blank page's ${pair(x.blankPainted)} ms`);
const collect = r.collect ? `Samla in, 50 files with 1,000 proposals through the panel: ${pair(r.collect)} ms (median / p95, ${r.collect.runs} runs).` : '';
const checks = r.checks.map((c) => `| ${c.name} | ${c.value} ${c.unit} | ≤ ${c.limit} ${c.unit} | ${c.ok ? 'met' : 'MISSED'} |`);
const block = `<!-- bench:results -->
Run of ${r.date.slice(0, 16).replace('T', ' ')} UTC: ${r.machine.cpus} cores, Node ${r.machine.node}, Chromium ${r.machine.chromium}, headless, 1920×1080;
${r.runs} loads and ${r.microRuns} samples per figure.

Times in ms, median / p95. "Blank" is an empty Vite + React page built the same way
(\`bench/blank/\`), loaded alternately with the app in the same run; both cold (no HTTP cache,
nothing of either open in the browser).

| N items | cold load | blank page | cold ÷ blank | re-render after edit | re-render after move | drag frame | persistence | reload |
|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

${live ? `The cold load shows the plan's kept screen first (src/screen/keptScreen.ts); the live fan, drawn by the app's code behind it (navigation → drawn, median / p95; no target): ${live}.` : ''}
${painted ? `The cold load to its first contentful paint (navigation → the frame shown, median / p95; no target): ${painted}.` : ''}
${returning ? `A returning visit (HTTP cache on, filled by three loads; navigation → plan shown, median / p95): ${returning}.` : ''}
${exports.join('\n')}
${aged.join('\n')}
${colleague ? `A colleague's edit of one item arriving from the room, applied to the document and shown in the plan (median / p95): ${colleague}.` : ''}
${collect}

${room}

The fan's layout (\`computeFanLayout\`, measured in the page, ms, median / p95): the first of a page
load (the geometry kept from the last visit, checked to still fit; every size tried when there is none)
and those after an edit or a move (the last geometry kept while it fits).

| N items | layout, first | layout, after edit/move |
|---|---|---|
${layout.join('\n')}

A plan opens from the view of it kept when it was last stored, and its document is decoded just
after the first paint (an edit before then decodes it at once). Navigation start → the document
ready (ms, median / p95):

| N items | cold load: plan shown | cold load: document ready | reload: fan drawn | reload: document ready |
|---|---|---|---|---|
${ready.join('\n')}

Initial JavaScript: ${(r.initialJsGzipBytes / 1024).toFixed(1)} KB gzip (the blank page: ${(r.blankJsGzipBytes / 1024).toFixed(1)} KB).

| target | measured | limit | |
|---|---|---|---|
${checks.join('\n')}
<!-- /bench:results -->`;

const doc = readFileSync('docs/performance.md', 'utf8');
writeFileSync('docs/performance.md', doc.replace(/<!-- bench:results -->[\s\S]*<!-- \/bench:results -->/, block));
console.log('updated docs/performance.md');
