/** The Markdown table of a benchmark's results: one column per archive size, medians of the runs. */
import type { BenchResults, BuildRun, SizeResult } from './bench.ts';
import { profileMarkdown } from './cpuprofile.ts';

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const s = (x: number) => (Number.isNaN(x) ? '–' : x >= 100 ? `${x.toFixed(0)} s` : x >= 10 ? `${x.toFixed(1)} s` : `${x.toFixed(2)} s`);
const mib = (x: number) => (Number.isNaN(x) ? '–' : `${x.toFixed(0)} MiB`);
const kb = (bytes: number | undefined) =>
  bytes === undefined ? '–' : bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} KB`;
const ratio = (x: number) => (Number.isNaN(x) ? '' : ` (${x.toFixed(2)}×)`);

/** The values of a build measure for both sites, and the per-run Hindsight / bare ratios (runs pair up in order). */
function paired(h: BuildRun[], b: BuildRun[], get: (r: BuildRun) => number | undefined): { hv: number[]; bv: number[]; ratios: number[] } {
  const hv = h.map(get).filter((v): v is number => v !== undefined);
  const bv = b.map(get).filter((v): v is number => v !== undefined);
  const ratios = hv.map((v, i) => (bv[i] ? v / bv[i]! : NaN)).filter((v) => !Number.isNaN(v));
  return { hv, bv, ratios };
}

function cell(r: SizeResult, metric: (r: SizeResult) => string | undefined): string {
  return metric(r) ?? '–';
}

export function renderMarkdown(results: BenchResults): string {
  const rows: [string, (r: SizeResult) => string | undefined][] = [];
  const pair = (label: string, phase: 'cold' | 'warm' | 'edit', get: (r: BuildRun) => number | undefined, format: (x: number) => string) =>
    rows.push([
      label,
      (r) => {
        if (!r.build) return undefined;
        const { hv, bv, ratios } = paired(r.build.hindsight[phase], r.build.bare[phase], get);
        return `${format(median(hv))} / ${format(median(bv))}${ratio(median(ratios))}`;
      },
    ]);
  pair('Cold build, Hindsight / bare', 'cold', (b) => b.seconds, s);
  pair('Cold build, CPU time (user + system)', 'cold', (b) => b.cpuSeconds, s);
  pair('Warm build (caches kept, no change)', 'warm', (b) => b.seconds, s);
  pair('Warm build, CPU time', 'warm', (b) => b.cpuSeconds, s);
  pair('One-file edit rebuild', 'edit', (b) => b.seconds, s);
  pair('One-file edit rebuild, CPU time', 'edit', (b) => b.cpuSeconds, s);
  rows.push([
    'Edit rebuild as a share of the cold build (Hindsight)',
    (r) =>
      r.build &&
      `${((median(r.build.hindsight.edit.map((b) => b.seconds)) / median(r.build.hindsight.cold.map((b) => b.seconds))) * 100).toFixed(0)}%`,
  ]);
  pair('Peak memory, cold (process tree)', 'cold', (b) => b.treePeakMiB, mib);
  pair('Peak memory, cold (largest process)', 'cold', (b) => b.processPeakMiB, mib);
  pair('Peak memory, warm (process tree)', 'warm', (b) => b.treePeakMiB, mib);
  pair('Content sync (cold; log)', 'cold', (b) => b.phases.contentSync, s);
  pair('Vite bundling (cold; log)', 'cold', (b) => b.phases.vite, s);
  pair('Page generation (cold; log)', 'cold', (b) => b.phases.generate, s);
  pair('After generation: sitemap, Pagefind, headers (cold; log)', 'cold', (b) => b.phases.afterGenerate, s);
  pair('Pagefind (cold; log, whole seconds)', 'cold', (b) => b.phases.pagefind, s);
  pair('Page generation (edit rebuild; log)', 'edit', (b) => b.phases.generate, s);
  rows.push([
    'Pages (HTML files), Hindsight / bare',
    (r) => r.build && `${r.build.output.hindsight.htmlFiles} / ${r.build.output.bare.htmlFiles}`,
  ]);
  rows.push([
    'Output size, Hindsight / bare',
    (r) => r.build && `${kb(r.build.output.hindsight.outputBytes)} / ${kb(r.build.output.bare.outputBytes)}`,
  ]);
  rows.push([
    'Pagefind index, Hindsight / bare',
    (r) =>
      r.build &&
      `${kb(r.build.output.hindsight.pagefindBytes)} in ${r.build.output.hindsight.pagefindFiles} files / ${kb(r.build.output.bare.pagefindBytes)} in ${r.build.output.bare.pagefindFiles}`,
  ]);
  rows.push([
    'Incident page HTML, median / largest, + its CSS',
    (r) =>
      r.build &&
      `${kb(r.build.output.hindsight.incidentHtmlMedian)} / ${kb(r.build.output.hindsight.incidentHtmlMax)} + ${kb(r.build.output.hindsight.incidentCss)}`,
  ]);
  rows.push([
    '`npm run check`, whole archive',
    (r) =>
      r.check &&
      `${s(median(r.check.full.map((c) => c.seconds)))}${r.build ? `, ${((median(r.check.full.map((c) => c.seconds)) / median(r.build.hindsight.cold.map((b) => b.seconds))) * 100).toFixed(0)}% of the cold build` : ''}`,
  ]);
  rows.push(['`npm run check`, whole archive, CPU time', (r) => r.check && s(median(r.check.full.map((c) => c.cpuSeconds ?? NaN)))]);
  rows.push(['`npm run check`, peak memory', (r) => r.check && mib(median(r.check.full.map((c) => c.treePeakMiB)))]);
  rows.push(['`npm run check -- --changed`, one file', (r) => r.check && s(median(r.check.changed.map((c) => c.seconds)))]);
  rows.push([
    '`npm run dev`, first page: no cache / cache kept',
    (r) => r.dev && `${s(r.dev.cold.firstPageSeconds)} / ${s(r.dev.warm.firstPageSeconds)}`,
  ]);
  rows.push([
    '`npm run dev`, "ready" logged: no cache / cache kept',
    (r) => r.dev && `${s(r.dev.cold.readySeconds ?? NaN)} / ${s(r.dev.warm.readySeconds ?? NaN)}`,
  ]);
  rows.push([
    '`npm run dev`, saved edit visible (median of 6 edits; each edit, saves repeated)',
    (r) => {
      if (!r.dev) return undefined;
      const edits = [...r.dev.cold.editSeconds, ...r.dev.warm.editSeconds];
      const resaves = [...(r.dev.cold.resaves ?? []), ...(r.dev.warm.resaves ?? [])];
      const shown = edits.filter((x) => !Number.isNaN(x));
      const each = edits
        .map((x, i) => `${Number.isNaN(x) ? 'not shown' : x.toFixed(2)}${resaves[i] ? ` (+${resaves[i]})` : ''}`)
        .join(', ');
      return `${s(median(shown))} (${each})`;
    },
  ]);
  rows.push(['`npm run dev`, peak memory', (r) => r.dev && mib(Math.max(r.dev.cold.treePeakMiB, r.dev.warm.treePeakMiB))]);
  rows.push([
    'First search, search page: from navigation / from pagefind.js (median of terms)',
    (r) =>
      r.search &&
      `${median(r.search.page.map((x) => x.pageToResultsMs)).toFixed(0)} ms / ${median(r.search.page.map((x) => x.pagefindToResultsMs)).toFixed(0)} ms`,
  ]);
  rows.push([
    'First search, search page: Pagefind bytes / whole page (largest of terms)',
    (r) =>
      r.search &&
      `${kb(Math.max(...r.search.page.map((x) => x.pagefindBytes)))} / ${kb(Math.max(...r.search.page.map((x) => x.totalBytes)))}`,
  ]);
  rows.push([
    'First search, Pagefind API: Hindsight / bare (median ms; largest bytes)',
    (r) =>
      r.search &&
      `${median(r.search.api.hindsight.map((x) => x.pagefindToResultsMs)).toFixed(0)} ms, ${kb(Math.max(...r.search.api.hindsight.map((x) => x.pagefindBytes)))} / ${median(r.search.api.bare.map((x) => x.pagefindToResultsMs)).toFixed(0)} ms, ${kb(Math.max(...r.search.api.bare.map((x) => x.pagefindBytes)))}`,
  ]);

  const sizes = results.results;
  const used = rows.filter(([, metric]) => sizes.some((r) => metric(r) !== undefined));
  const m = results.machine;
  const lines = [
    `# Benchmark ${results.date.slice(0, 10)}: ${sizes.map((r) => r.files.toLocaleString('en-GB')).join(', ')} post-mortems`,
    '',
    `${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}, ${m.os}. Hindsight ${results.source}${results.overlay.length > 0 ? ` + ${results.overlay.join(', ')}` : ''} at ${results.commit}; seed ${results.seed}; ${results.runs} run${results.runs === 1 ? '' : 's'} (medians; ratios are medians of the per-run ratios, the sites alternating); reference day ${results.today}.`,
    '',
  ];
  if (used.length > 0) {
    lines.push(
      `| | ${sizes.map((r) => `${r.files.toLocaleString('en-GB')} files`).join(' | ')} |`,
      `| --- | ${sizes.map(() => '---').join(' | ')} |`,
    );
    for (const [label, metric] of used) lines.push(`| ${label} | ${sizes.map((r) => cell(r, metric)).join(' | ')} |`);
    lines.push('');
  }
  for (const r of sizes) {
    const cold = r.build?.hindsight.cold.at(-1)?.phases.byType;
    if (cold) {
      const types = Object.entries(cold)
        .sort((a, b) => b[1].ms - a[1].ms)
        .slice(0, 10);
      lines.push(
        `Page rendering by page type, Hindsight cold build at ${r.files.toLocaleString('en-GB')} (last run; the log's per-page times):`,
        '',
        '| page type | pages | ms | ms per page |',
        '| --- | ---: | ---: | ---: |',
      );
      for (const [type, { pages, ms }] of types) lines.push(`| ${type} | ${pages} | ${ms.toFixed(0)} | ${(ms / pages).toFixed(1)} |`);
      lines.push('');
    }
    if (r.profile) {
      lines.push(
        `## Profile at ${r.files.toLocaleString('en-GB')} files`,
        '',
        `Cold build ${s(r.profile.buildSeconds)} (content sync ${s(r.profile.buildPhases.contentSync ?? NaN)}, Vite ${s(r.profile.buildPhases.vite ?? NaN)}, generation ${s(r.profile.buildPhases.generate ?? NaN)}, after generation ${s(r.profile.buildPhases.afterGenerate ?? NaN)}); check ${s(r.profile.checkSeconds)}.`,
        '',
      );
      const types = Object.entries(r.profile.buildPhases.byType)
        .sort((a, b) => b[1].ms - a[1].ms)
        .slice(0, 10);
      lines.push(
        '| page type | pages | ms | ms per page |',
        '| --- | ---: | ---: | ---: |',
        ...types.map(([type, { pages, ms }]) => `| ${type} | ${pages} | ${ms.toFixed(0)} | ${(ms / pages).toFixed(1)} |`),
        '',
      );
      lines.push('### Build', '', profileMarkdown(r.profile.build), '### Check', '', profileMarkdown(r.profile.check));
    }
  }
  return `${lines.join('\n')}\n`;
}
