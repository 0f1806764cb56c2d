import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/check/cli.ts';
import { isCalendarDate, isTimestamp } from '../../../src/schema/common.ts';
import { checkArchive } from '../../../src/validation/archive.ts';
import { firstInvalidUtf8Byte, listArchiveFolder, readArchiveText } from '../../../src/validation/files.ts';
import { checkDateRanges, checkTextCharacters, LIMITS, tomorrowOf } from '../../../src/validation/limits.ts';
import { formatProblem, sortProblems } from '../../../src/validation/problems.ts';
import { parseMdxBody } from '../../../src/validation/mdx-syntax.ts';
import { parseFrontmatterSource, parseYamlSource } from '../../../src/validation/source.ts';

const PROJECT = join(import.meta.dirname, '../../..');
const HOSTILE = join(PROJECT, 'tests/fixtures/hostile');
/** The clock every test reads: noon on 1 December 2026, so "tomorrow" is 2026-12-02. */
const NOW = () => new Date('2026-12-01T12:00:00Z');
const VALID = 'incidents/2025/2025-04-08-search-index-lagged.mdx';

/** A fresh copy of the hostile corpus, and a folder outside it for links to point at. */
function copyHostile(): { root: string; outside: string } {
  const base = mkdtempSync(join(tmpdir(), 'hindsight-hostile-'));
  const root = join(base, 'archive');
  cpSync(HOSTILE, root, { recursive: true });
  const outside = join(base, 'elsewhere');
  mkdirSync(outside);
  return { root, outside };
}

/** The corpus with only the two valid post-mortems and the catalog: one attack at a time. */
function cleanArchive(): { root: string; outside: string } {
  const { root, outside } = copyHostile();
  rmSync(join(root, 'reading-lists'), { recursive: true });
  mkdirSync(join(root, 'reading-lists'));
  rmSync(join(root, 'incidents/2025'), { recursive: true });
  mkdirSync(join(root, 'incidents/2025'));
  for (const file of [VALID, 'incidents/2025/2025-04-22-autocomplete-slow.mdx']) cpSync(join(HOSTILE, file), join(root, file));
  return { root, outside };
}

const problemsOf = (root: string) => sortProblems(checkArchive(root, { now: NOW }).problems).map(formatProblem);

const TOMORROW = 'Key moments and timeline events record when the incident happened; check the year.';
const OUTSIDE = 'Copy the file into the archive instead of linking to it: the check and the build read nothing outside the archive.';

describe('the hostile corpus', () => {
  it('gets one problem in the usual format for every attack, and none for the valid files', () => {
    expect(problemsOf(HOSTILE)).toEqual([
      `incidents/2025/2025-05-06-clock-far-ahead.mdx:14:1 started: expected a time between 1970-01-01 and tomorrow (2026-12-02), found "9999-05-06T09:00:00Z". ${TOMORROW}`,
      `incidents/2025/2025-05-06-clock-far-ahead.mdx:15:1 detected: expected a time between 1970-01-01 and tomorrow (2026-12-02), found "9999-05-06T09:05:00Z". ${TOMORROW}`,
      'incidents/2025/2025-05-06-clock-far-ahead.mdx:21:5 action_items[0].due: expected a date between 1970-01-01 and 2100-12-31, found "2300-01-01". Check the year.',
      'incidents/2025/2025-05-13-anchors-that-multiply.mdx:17:10 expected YAML aliases (*name) to repeat at most 100 values in all, found more. Write the values out instead of repeating an anchor (&name) through aliases.',
      'incidents/2025/2025-05-20-tag-that-runs-code.mdx:2:8 expected plain YAML values without tags, found "!!js/function". Remove the tag; quote the value if it is meant as text.',
      'incidents/2025/2025-05-27-escape-codes-in-title.mdx:2:1 title: expected text without control characters, found U+0007 at character 18 of "Search went quiet\\u0007\\u001b[2J\\u001b[31m and the screen cleared". Delete it (a tab or a line break is fine); it is invisible in most editors and breaks the pages and feeds it reaches.',
      'incidents/2025/2025-06-03-saved-as-latin-1.mdx:18:29 expected UTF-8 text, found the byte 0xE9. Save the file with the UTF-8 encoding (most editors offer it under "Save with encoding").',
      'incidents/2025/2025-06-17-nested-past-reason.mdx:138:1 expected lists, quotes and elements nested at most 100 levels deep, found 122 levels. Flatten the nesting; a post-mortem reads best with a level or two of lists and quotes.',
      'incidents/2025/call-notes.md:1:1 expected a post-mortem file ending in .mdx, found "call-notes.md". Rename it to .mdx, or start its name with _ so the archive ignores it.',
      'reading-lists/..mdx:1:1 expected the file name to be <slug>.mdx with a lower-case, hyphenated slug, found "..mdx". Rename it, e.g. to reading-list.mdx: the name is the reading list\'s id and address.',
      'reading-lists/Start Here.mdx:1:1 expected the file name to be <slug>.mdx with a lower-case, hyphenated slug, found "Start Here.mdx". Rename it, e.g. to start-here.mdx: the name is the reading list\'s id and address.',
    ]);
  });

  it('keeps the valid post-mortems and the reading list with an <Internal> block', () => {
    const archive = checkArchive(HOSTILE, { now: NOW });
    expect(archive.incidents.map((i) => i.id)).toEqual(['2025-04-08-search-index-lagged', '2025-04-22-autocomplete-slow']);
    expect(archive.readingLists.map((l) => l.id)).toEqual(['staff-only-notes']);
  });

  it('is reported the same by npm run check, with the rules named and no stack trace', async () => {
    let stdout = '';
    let stderr = '';
    const status = await runCli(['--root', 'tests/fixtures/hostile', '--format', 'json'], {
      cwd: PROJECT,
      env: {},
      isTTY: false,
      now: NOW,
      stdout: (t) => {
        stdout += t;
      },
      stderr: (t) => {
        stderr += t;
      },
    });
    expect(status).toBe(1);
    expect(stderr).toBe('');
    const { problems } = JSON.parse(stdout) as { problems: { file: string; line: number; rule: string; field: string }[] };
    expect(problems.map((p) => `${p.file}:${p.line} ${p.rule}${p.field ? ` ${p.field}` : ''}`)).toEqual([
      'tests/fixtures/hostile/incidents/2025/2025-05-06-clock-far-ahead.mdx:14 schema started',
      'tests/fixtures/hostile/incidents/2025/2025-05-06-clock-far-ahead.mdx:15 schema detected',
      'tests/fixtures/hostile/incidents/2025/2025-05-06-clock-far-ahead.mdx:21 schema action_items[0].due',
      'tests/fixtures/hostile/incidents/2025/2025-05-13-anchors-that-multiply.mdx:17 yaml',
      'tests/fixtures/hostile/incidents/2025/2025-05-20-tag-that-runs-code.mdx:2 yaml',
      'tests/fixtures/hostile/incidents/2025/2025-05-27-escape-codes-in-title.mdx:2 schema title',
      'tests/fixtures/hostile/incidents/2025/2025-06-03-saved-as-latin-1.mdx:18 yaml',
      'tests/fixtures/hostile/incidents/2025/2025-06-17-nested-past-reason.mdx:138 mdx-syntax',
      'tests/fixtures/hostile/incidents/2025/call-notes.md:1 consistency',
      'tests/fixtures/hostile/reading-lists/..mdx:1 consistency',
      'tests/fixtures/hostile/reading-lists/Start Here.mdx:1 consistency',
    ]);
  });

  it('prints no control character of the file to the terminal', async () => {
    let stdout = '';
    await runCli(['--root', 'tests/fixtures/hostile'], {
      cwd: PROJECT,
      env: {},
      isTTY: false,
      now: NOW,
      stdout: (t) => {
        stdout += t;
      },
      stderr: () => {},
    });
    // eslint-disable-next-line no-control-regex -- what must not be printed
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F]/);
    expect(stdout).toContain('incidents/2025/2025-05-27-escape-codes-in-title.mdx:2:1 title: expected text without control characters');
  });
});

describe('dates', () => {
  const dated = (
    fields: Partial<Record<'started' | 'detected' | 'mitigated' | 'resolved', string>>,
    extra: { at?: string; due?: string; closed?: string } = {},
  ) => ({
    started: '2025-04-08T07:10:00Z',
    detected: '2025-04-08T08:05:00Z',
    ...fields,
    timeline: extra.at ? [{ at: extra.at, kind: 'note' as const, text: 'x' }] : [],
    action_items: [
      {
        title: 'x',
        kind: 'learn' as const,
        owner: 'x',
        priority: 'P2' as const,
        due: extra.due ?? '2025-05-01',
        status: 'done' as const,
        closed: extra.closed ?? '2025-05-01',
      },
    ],
  });
  const fields = (data: ReturnType<typeof dated>) => checkDateRanges(data, NOW()).map((f) => `${f.path.join('.')} ${f.found}`);

  it('allows key moments up to tomorrow by the clock given, and none after', () => {
    expect(tomorrowOf(NOW())).toBe('2026-12-02');
    expect(fields(dated({ started: '2026-12-02T23:59:00+14:00', detected: '2026-12-02T23:59:00-12:00' }))).toEqual([]);
    expect(fields(dated({ detected: '2026-12-03T00:00:00Z' }, { at: '2027-01-01T00:00:00Z' }))).toEqual([
      'detected "2026-12-03T00:00:00Z"',
      'timeline.0.at "2027-01-01T00:00:00Z"',
    ]);
  });

  it('allows nothing before 1970, and due and closed dates only up to 2100', () => {
    expect(fields(dated({ started: '1969-12-31T23:59:00Z' }, { due: '2101-01-01', closed: '1970-01-01' }))).toEqual([
      'started "1969-12-31T23:59:00Z"',
      'action_items.0.due "2101-01-01"',
    ]);
    expect(fields(dated({}, { due: '2100-12-31' }))).toEqual([]);
  });

  it('reads the years 0000 to 0099 as written, not as 1900 to 1999', () => {
    expect(isTimestamp('0050-03-02T09:00:00Z')).toBe(true);
    expect(isCalendarDate('0000-02-29')).toBe(true);
    expect(isCalendarDate('0001-02-29')).toBe(false);
    expect(isCalendarDate('0099-12-31')).toBe(true);
  });

  it('says the year is out of range, and not that a written date is no date', () => {
    const { root } = cleanArchive();
    const text = readFileSync(join(root, VALID), 'utf8')
      .replace('due: 2025-05-15', 'due: 0025-05-15')
      .replace('started: 2025-04-08T07:10:00Z', 'started: 0025-04-08T07:10:00Z');
    writeFileSync(join(root, VALID), text);
    expect(problemsOf(root)).toEqual([
      `incidents/2025/2025-04-08-search-index-lagged.mdx:10:1 started: expected a time between 1970-01-01 and tomorrow (2026-12-02), found "0025-04-08T07:10:00Z". ${TOMORROW}`,
      'incidents/2025/2025-04-08-search-index-lagged.mdx:25:5 action_items[0].due: expected a date between 1970-01-01 and 2100-12-31, found "0025-05-15". Check the year.',
    ]);
  });
});

describe('YAML', () => {
  it('allows a few aliases', () => {
    const source = parseYamlSource('catalog/x.yaml', 'base: &slo { objective: 99.9 }\na: *slo\nb: *slo\n');
    expect(source.problems).toEqual([]);
    expect(source.data).toEqual({ base: { objective: 99.9 }, a: { objective: 99.9 }, b: { objective: 99.9 } });
  });

  it('refuses every explicit tag, at the tag', () => {
    const source = parseYamlSource('catalog/x.yaml', 'a: !!binary aGk=\nb: !custom x\nc: !!str 12\n');
    expect(source.problems.map(formatProblem)).toEqual([
      'catalog/x.yaml:1:4 expected plain YAML values without tags, found "!!binary". Remove the tag; quote the value if it is meant as text.',
      'catalog/x.yaml:2:4 expected plain YAML values without tags, found "!custom". Remove the tag; quote the value if it is meant as text.',
      'catalog/x.yaml:3:4 expected plain YAML values without tags, found "!!str". Remove the tag; quote the value if it is meant as text.',
    ]);
    expect(source.data).toBeUndefined();
  });

  it('reads a frontmatter block without gray-matter: a ---js block is no frontmatter', () => {
    const source = parseFrontmatterSource('incidents/2025/x.mdx', '---js\n{ title: require("fs") }\n---\nBody.\n');
    expect(source.problems.map(formatProblem)).toEqual([
      'incidents/2025/x.mdx:1:1 expected the file to start with a frontmatter block between two --- lines. Copy the opening block from templates/postmortem.mdx.',
    ]);
  });

  it(`caps the frontmatter at ${LIMITS.frontmatterBytes / 1024} KB, and says when the closing line is missing`, () => {
    const long = `---\ntitle: x\nnotes: ${'a'.repeat(LIMITS.frontmatterBytes)}\n`;
    expect(parseFrontmatterSource('incidents/2025/x.mdx', `${long}---\nBody.\n`).problems.map(formatProblem)).toEqual([
      'incidents/2025/x.mdx:2:1 expected a frontmatter block of at most 256 KB, found 257 KB. Keep long text in the body: the frontmatter holds short fields.',
    ]);
    expect(parseFrontmatterSource('incidents/2025/x.mdx', `${long}Body.\n`).problems.map(formatProblem)).toEqual([
      'incidents/2025/x.mdx:2:1 expected a frontmatter block of at most 256 KB, found 257 KB. The closing --- line is missing, so the whole file was read as frontmatter; add it after the last field.',
    ]);
  });

  it('splits the frontmatter exactly where it did before, CRLF included', () => {
    const source = parseFrontmatterSource('incidents/2025/x.mdx', '\uFEFF---\r\ntitle: a\r\n---\r\n\r\nBody.\r\n');
    expect([source.data, source.body, source.bodyLine]).toEqual([{ title: 'a' }, '\r\nBody.\r\n', 4]);
  });
});

describe('text', () => {
  it('reports control characters in any string and key, and escapes them in the field path', () => {
    const findings = checkTextCharacters({
      title: 'ok\ttab\nline',
      services: ['a\u0000b'],
      'x\u001b[2Jy': 1,
      nested: { text: 'half \uD800 pair' },
    });
    expect(findings.map((f) => `${f.path.join('.')} ${f.found}`)).toEqual([
      'services.0 U+0000 at character 2 of "a\\u0000b"',
      'x\u001b[2Jy U+001B at character 2 of "x\\u001b[2Jy"',
      'nested.text U+D800 at character 6 of "half \\ud800 pair"',
    ]);
    const source = parseYamlSource('catalog/teams.yaml', '"x\\e[2Jy": 1\n');
    expect(source.toProblems(checkTextCharacters(source.data)).map(formatProblem)).toEqual([
      'catalog/teams.yaml:1:1 x\\u001b[2Jy: expected a key without control characters, found U+001B at character 2 of "x\\u001b[2Jy". Delete it (a tab or a line break is fine); it is invisible in most editors and breaks the pages and feeds it reaches.',
    ]);
  });

  it('finds the first byte that is not UTF-8', () => {
    const at = (...bytes: number[]) => firstInvalidUtf8Byte(Uint8Array.from(bytes));
    expect(at(0x61, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x9a, 0x80)).toBe(-1);
    expect(at(0x61, 0xe9, 0x62)).toBe(1);
    expect(at(0xc0, 0xaf)).toBe(0);
    expect(at(0xed, 0xa0, 0x80)).toBe(0);
    expect(at(0x61, 0xe2, 0x82)).toBe(1);
    expect(at(0xf4, 0x90, 0x80, 0x80)).toBe(0);
  });
});

describe('bodies', () => {
  it('nested past what any tool can walk are one problem, whatever part of the parser gives up', () => {
    const quotes = parseMdxBody('incidents/2025/x.mdx', `${'> '.repeat(10_000)}deep`, 20);
    expect([quotes.tree, quotes.problems.map(formatProblem)]).toEqual([
      undefined,
      [
        'incidents/2025/x.mdx:20:1 expected lists, quotes and elements nested at most 100 levels deep, found more levels. Flatten the nesting; a post-mortem reads best with a level or two of lists and quotes.',
      ],
    ]);
    const inline = parseMdxBody('incidents/2025/x.mdx', `${'<Internal>'.repeat(3000)}x${'</Internal>'.repeat(3000)}`, 20);
    expect(inline.problems.map((p) => `${p.line}:${p.column} ${p.found}`)).toEqual(['20:30001 3002 levels']);
  }, 60_000);

  it('nested a little are fine', () => {
    expect(parseMdxBody('incidents/2025/x.mdx', '- a\n  - b\n    > c\n    >\n    > <Internal>d</Internal>\n', 20).problems).toEqual([]);
  });
});

describe('files', () => {
  it(`refuses a file over ${LIMITS.fileBytes / (1024 * 1024)} MB without reading it into the validation`, () => {
    const { root } = cleanArchive();
    writeFileSync(join(root, VALID), `${readFileSync(join(root, VALID), 'utf8')}\n${'Search stayed up. '.repeat(130_000)}\n`);
    expect(problemsOf(root)).toEqual([
      'incidents/2025/2025-04-08-search-index-lagged.mdx:1:1 expected a file of at most 2 MB, found 2.2 MB. Keep the post-mortem to what a reader needs: link large logs and dumps from a ticket or dashboard, and quote only the lines that matter.',
    ]);
  });

  it('names a catalog file that links out of the archive, and never prints what it points to', () => {
    const { root, outside } = cleanArchive();
    writeFileSync(join(outside, 'teams.yaml'), 'root:x:0:0:the text of a file outside the archive\n');
    rmSync(join(root, 'catalog/teams.yaml'));
    symlinkSync(join(outside, 'teams.yaml'), join(root, 'catalog/teams.yaml'));
    const problems = problemsOf(root);
    expect(problems[0]).toBe(
      `catalog/teams.yaml:1:1 expected a file inside the archive, found a symbolic link to a place outside it. ${OUTSIDE}`,
    );
    expect(problems.join('\n')).not.toContain('root:x');
  });

  it('names a catalog folder that links out of the archive', () => {
    const { root, outside } = cleanArchive();
    cpSync(join(root, 'catalog'), join(outside, 'catalog'), { recursive: true });
    rmSync(join(root, 'catalog'), { recursive: true });
    symlinkSync(join(outside, 'catalog'), join(root, 'catalog'));
    expect(problemsOf(root)).toContain(
      `catalog/services.yaml:1:1 expected a file inside the archive, found catalog/, a symbolic link to a place outside it. ${OUTSIDE}`,
    );
  });

  it('reports a year folder and a post-mortem that link out of the archive, by the names of the links', () => {
    const { root, outside } = cleanArchive();
    mkdirSync(join(outside, '2024'));
    writeFileSync(join(outside, '2024/2024-01-01-elsewhere.mdx'), 'TOKEN=outside-text\n');
    symlinkSync(join(outside, '2024'), join(root, 'incidents/2024'));
    symlinkSync(join(outside, '2024/2024-01-01-elsewhere.mdx'), join(root, 'incidents/2025/2025-04-09-linked.mdx'));
    const problems = problemsOf(root);
    expect(problems).toEqual([
      `incidents/2024:1:1 expected a file or folder inside the archive, found a symbolic link to a place outside it. ${OUTSIDE}`,
      `incidents/2025/2025-04-09-linked.mdx:1:1 expected a file or folder inside the archive, found a symbolic link to a place outside it. ${OUTSIDE}`,
    ]);
    expect(problems.join('\n')).not.toContain('outside-text');
  });

  it('follows a link inside the archive, reports a broken one, and ends a loop', () => {
    const { root } = cleanArchive();
    symlinkSync('2025-04-08-search-index-lagged.mdx', join(root, 'incidents/2025/2025-04-08-search-index-copy.mdx'));
    symlinkSync('nowhere.mdx', join(root, 'incidents/2025/2025-04-10-broken.mdx'));
    symlinkSync('..', join(root, 'incidents/2025/loop'));
    expect(listArchiveFolder(root, 'incidents').files).toEqual([
      'incidents/2025/2025-04-08-search-index-copy.mdx',
      'incidents/2025/2025-04-08-search-index-lagged.mdx',
      'incidents/2025/2025-04-22-autocomplete-slow.mdx',
    ]);
    expect(problemsOf(root)).toEqual([
      'incidents/2025/2025-04-10-broken.mdx:1:1 expected a post-mortem file or a folder, found a symbolic link to nothing. Point the link at a file in the archive, or replace it with the file itself.',
    ]);
  });

  it('ignores names starting with _ and hidden files, but not a hidden .mdx file', () => {
    const { root } = cleanArchive();
    writeFileSync(join(root, 'incidents/2025/_draft-notes.md'), 'x');
    writeFileSync(join(root, 'incidents/2025/.gitkeep'), '');
    mkdirSync(join(root, 'incidents/_attic'));
    writeFileSync(join(root, 'incidents/_attic/old.md'), 'x');
    writeFileSync(join(root, 'incidents/2025/.mdx'), 'x');
    expect(listArchiveFolder(root, 'incidents').files).toContain('incidents/2025/.mdx');
    expect(listArchiveFolder(root, 'incidents').problems).toEqual([]);
  });

  it('reads a file only through readArchiveText, which refuses what is not a regular file', () => {
    const { root } = cleanArchive();
    expect(readArchiveText(root, 'incidents/2025').problems.map(formatProblem)).toEqual([
      'incidents/2025:1:1 expected a regular file, found something else. Replace it with the file itself.',
    ]);
  });
});

describe('bodies the Markdown parser would take far too long on', () => {
  it('refuses thousands of emphasis or bracket characters in one paragraph, but not in fenced code', () => {
    expect(parseMdxBody('incidents/2026/x.mdx', `Intro.\n\n${'*a_ '.repeat(300)}\n`, 20).problems.map(formatProblem)).toEqual([
      'incidents/2026/x.mdx:22:1 expected at most 500 emphasis and bracket characters (* _ [ ]) in one paragraph, found more than 500. Put long runs of symbols (a log, a data dump) in a fenced code block, or split the paragraph.',
    ]);
    expect(parseMdxBody('incidents/2026/x.mdx', `\`\`\`text\n${'*a_ '.repeat(300)}\n\`\`\`\n`, 20).problems).toEqual([]);
  });

  it('refuses a line indented past any real list', () => {
    expect(parseMdxBody('incidents/2026/x.mdx', `- a\n${' '.repeat(130)}- b\n`, 20).problems.map(formatProblem)).toEqual([
      'incidents/2026/x.mdx:21:1 expected lines indented at most 120 columns, found 130 columns. Flatten the nesting; put indented material such as a log or a config in a fenced code block.',
    ]);
  });
});
