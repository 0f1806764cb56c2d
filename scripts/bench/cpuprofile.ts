/**
 * Reads a V8 `.cpuprofile` (Node's --cpu-prof) and says where the time went: the functions with the
 * most self time, self time by area (a folder of src/, a package, Node itself, the garbage collector)
 * and the project's own functions by inclusive time (themselves and everything they called).
 *
 *   npx tsx scripts/bench/cpuprofile.ts <file.cpuprofile> [--top 25]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface Row {
  name: string;
  where: string;
  ms: number;
  share: number;
}
export interface ProfileSummary {
  file: string;
  totalMs: number;
  self: Row[];
  areas: Row[];
  /** Functions of the project (src/, scripts/) by inclusive time. */
  inclusive: Row[];
}

/** `file:///tmp/x/hindsight/src/lib/a.ts` → `src/lib/a.ts`; packages as `node_modules/<name>/…`. */
export function shortPath(url: string): string {
  const path = url.replace(/^file:\/\//, '').replace(/\?.*$/, '');
  const modules = path.lastIndexOf('/node_modules/');
  if (modules >= 0) return path.slice(modules + 1);
  const own = /\/((?:src|scripts)\/.*)$/.exec(path);
  return own ? own[1]! : path;
}

/** The area a frame belongs to: `src/<folder>`, a package name, `node` (internals) or a V8 pseudo-frame. */
export function areaOf(frame: CallFrame): string {
  if (frame.url === '') return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  if (frame.url.startsWith('node:')) return 'node';
  const path = shortPath(frame.url);
  const pkg = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return pkg[1]!;
  const own = /^(src\/[^/]+|scripts)/.exec(path);
  return own ? own[1]! : path.startsWith('/') && path.includes('/.astro/') ? '.astro' : 'other';
}

function top(map: Map<string, { name: string; where: string; ms: number }>, total: number, count: number): Row[] {
  return [...map.values()]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count)
    .map((r) => ({ ...r, ms: Math.round(r.ms), share: Math.round((r.ms / total) * 1000) / 10 }));
}

export function summariseProfile(file: string, count = 30): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const key = (f: CallFrame) => `${f.functionName || '(anonymous)'}|${f.url}|${f.lineNumber}`;
  const row = (f: CallFrame) => ({
    name: f.functionName || '(anonymous)',
    where: f.url ? `${shortPath(f.url)}:${f.lineNumber + 1}` : '',
    ms: 0,
  });

  const self = new Map<string, ReturnType<typeof row>>();
  const areas = new Map<string, ReturnType<typeof row>>();
  const inclusive = new Map<string, ReturnType<typeof row>>();
  let totalMs = 0;
  // Each sample's time is the delta to the next sample.
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    totalMs += ms;
    const node = byId.get(profile.samples[i]!)!;
    const frame = node.callFrame;
    const k = key(frame);
    (self.get(k) ?? self.set(k, row(frame)).get(k)!).ms += ms;
    const area = areaOf(frame);
    (areas.get(area) ?? areas.set(area, { name: area, where: '', ms: 0 }).get(area)!).ms += ms;
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id)!.callFrame;
      if (!/\/(src|scripts)\//.test(f.url) || f.url.includes('/node_modules/')) continue;
      const fk = key(f);
      if (seen.has(fk)) continue;
      seen.add(fk);
      (inclusive.get(fk) ?? inclusive.set(fk, row(f)).get(fk)!).ms += ms;
    }
  }
  return {
    file,
    totalMs: Math.round(totalMs),
    self: top(self, totalMs, count),
    areas: top(areas, totalMs, count),
    inclusive: top(inclusive, totalMs, count),
  };
}

/** The summary as Markdown tables. */
export function profileMarkdown(summary: ProfileSummary, count = 20): string {
  const table = (title: string, rows: Row[], withWhere: boolean) =>
    [
      `**${title}**`,
      '',
      withWhere ? '| ms | % | function | where |' : '| ms | % | area |',
      withWhere ? '| ---: | ---: | --- | --- |' : '| ---: | ---: | --- |',
      ...rows
        .slice(0, count)
        .map((r) => (withWhere ? `| ${r.ms} | ${r.share} | ${r.name} | ${r.where} |` : `| ${r.ms} | ${r.share} | ${r.name} |`)),
      '',
    ].join('\n');
  return [
    `Profile of ${summary.totalMs} ms sampled.`,
    '',
    table('Self time by area', summary.areas, false),
    table('Self time by function', summary.self, true),
    table("The project's functions by inclusive time", summary.inclusive, true),
  ].join('\n');
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' } } });
  if (positionals.length === 0) throw new Error('Usage: npx tsx scripts/bench/cpuprofile.ts <file.cpuprofile> [--top 25]');
  for (const file of positionals) console.log(profileMarkdown(summariseProfile(file, Number(values.top)), Number(values.top)));
}
