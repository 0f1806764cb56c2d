import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createContext, type ImportContext } from '../../../src/authoring/import/context.ts';
import { convertPostmortem, MAPPERS, moveDraft, renderDraft } from '../../../src/authoring/import/convert.ts';
import { isLegend, parseActionLine, parseActionSection } from '../../../src/authoring/import/action-items.ts';
import { findDates } from '../../../src/authoring/import/dates.ts';
import { mapActionItems } from '../../../src/authoring/import/fields/actions.ts';
import { buildBody } from '../../../src/authoring/import/fields/body.ts';
import { mapFactors } from '../../../src/authoring/import/fields/factors.ts';
import { mapPeopleAndTags, mapStatus, mapTypeAndVisibility } from '../../../src/authoring/import/fields/labels.ts';
import { mapKeyMoments, readDuration } from '../../../src/authoring/import/fields/moments.ts';
import { mapResponse } from '../../../src/authoring/import/fields/response.ts';
import { mapServices } from '../../../src/authoring/import/fields/services.ts';
import { leadingWords, mapSeverityField } from '../../../src/authoring/import/fields/severity.ts';
import { mapStartDate } from '../../../src/authoring/import/fields/start-date.ts';
import { mapSummary } from '../../../src/authoring/import/fields/summary.ts';
import { mapTimeline } from '../../../src/authoring/import/fields/timeline.ts';
import { cleanTitle, mapTitle } from '../../../src/authoring/import/fields/title.ts';
import { mapImages } from '../../../src/authoring/import/images.ts';
import { looksLikePostmortem } from '../../../src/authoring/import/shape.ts';
import { parseTimeline } from '../../../src/authoring/import/timeline.ts';
import { loadCatalog, type Catalog } from '../../../src/validation/sources.ts';

// Velora's catalog (Europe/Amsterdam, image_hosts: https://status-images.velora.example).
const CATALOG = loadCatalog(join(import.meta.dirname, '../../fixtures/import')) as Catalog;

/** A source read into a context, with every mapper up to and including `last` run over it. */
function mappedUpTo(last: (ctx: ImportContext) => void, text: string, fileName = 'notes.md'): ImportContext {
  const ctx = createContext(fileName, fileName, text, CATALOG);
  for (const map of MAPPERS) {
    map(ctx);
    if (map === last) return ctx;
  }
  throw new Error('not a mapper');
}

/** The notes a context has collected, in the order they were made. */
function notes(ctx: ImportContext): string[] {
  return ctx.ranked.map((n) => n.text);
}

/** The YAML comment a mapper left on a field, without its leading space. */
function commentOn(ctx: ImportContext, ...path: (string | number)[]): string | undefined {
  return ctx.comments.get(path.join('.'))?.text.trim();
}

describe('mapTitle', () => {
  it('takes the title heading, dropping "Post-mortem:" and the date in brackets or at the end', () => {
    expect(mappedUpTo(mapTitle, '# Post-Mortem: Login loop after Android app 2.41 (9 March 2022)\n\nText.\n').out.title).toBe(
      'Login loop after Android app 2.41',
    );
    expect(cleanTitle('Card captures failed on 30 January 2023', 'dmy')).toBe('Card captures failed');
    expect(cleanTitle('Unlock failures in Ghent (24-10-2024)', 'dmy')).toBe('Unlock failures in Ghent');
    // A date that is most of the title stays: "Outage on 3 May 2024" would leave one word.
    expect(cleanTitle('Outage on 3 May 2024', 'dmy')).toBe('Outage on 3 May 2024');
  });

  it('makes a title from the file name when the source has none, and says so', () => {
    const ctx = mappedUpTo(mapTitle, 'Some text.\n', '2024-02-01-tile-cache-purge.md');
    expect([ctx.out.title, notes(ctx)]).toEqual(['Tile cache purge', ['title: none in the source; made from the file name: check it']]);
  });
});

describe('mapStartDate', () => {
  it('reads ranges, day-first dates with dashes and dates only in the prose', () => {
    expect(mappedUpTo(mapStartDate, '# Refunds stuck\n\n**Date:** January 14-19, 2026\n').out.day).toBe('2026-01-14');
    expect(mappedUpTo(mapStartDate, '# Map empty\n\n**Date:** May 12-13, 2025\n').out.day).toBe('2025-05-12');
    expect(mappedUpTo(mapStartDate, '# Top-ups declined\n\n**08-01-2026** – prepared by Billing\n').out.day).toBe('2026-01-08');
    expect(
      mappedUpTo(mapStartDate, '# Gateway outage\n\nThe outage on the afternoon of July 21st, 2021 lasted half an hour.\n').out.day,
    ).toBe('2021-07-21');
    expect(findDates('14–19 May 2025 and 30 Jan - 2 Feb, 2026', 'dmy').map((d) => d.date)).toEqual(['2025-05-14', '2026-01-30']);
  });

  it('weighs the title against the file name and reports the disagreement with a TODO', () => {
    const ctx = mappedUpTo(mapStartDate, '# Unlock failures in Ghent (24-10-2024)\n\nBikes failed to unlock.\n', '2024-10-25-ghent.md');
    expect(ctx.out.day).toBe('2024-10-24');
    expect(notes(ctx)).toEqual([
      'date: the sources disagree (the title says 2024-10-24, the file name says 2024-10-25); took 2024-10-24, from the title: check it',
    ]);
    expect(commentOn(ctx, 'started')).toBe('TODO: the sources disagree on the day (2024-10-25 elsewhere); check it');
  });

  it('trusts a frontmatter date less when the frontmatter says it is an export, and keeps the outvoted date', () => {
    const ctx = mappedUpTo(
      mapStartDate,
      '---\ntitle: Card captures failed on 30 January 2023\ndate: 2023-02-06\nexported_from: wiki\n---\n\nCaptures failed.\n',
    );
    expect(ctx.out.day).toBe('2023-01-30');
    expect(ctx.unmapped).toEqual([
      { key: 'exported_from', value: 'wiki' },
      { key: 'date', value: '2023-02-06', why: 'not the day the import took; the title says 2023-01-30' },
    ]);
  });

  it('ignores an export note in the opening text', () => {
    const ctx = mappedUpTo(mapStartDate, '<!-- Exported from the wiki on 2024-01-10 -->\n\n# Failover\n\nDate: 2023-11-28\n');
    expect([ctx.out.day, notes(ctx)]).toEqual(['2023-11-28', []]);
  });

  it('says how to fix a source with no date at all', () => {
    expect(() => mappedUpTo(mapStartDate, '# Notes\n\nBikes could not be locked.\n', 'notes.md')).toThrow(
      'notes.md: no date found. Add a line such as "Date: 2024-03-14" under the title (or "date: 2024-03-14" in its frontmatter), then run the import again.',
    );
  });
});

describe('parseTimeline', () => {
  const read = (text: string, startDate = '2025-05-12', heading = 'Timeline') =>
    parseTimeline(text, heading, startDate, 'dmy').map((e) => [e.date, e.time, e.offset ?? '', e.text]);

  it('reads time headings with the paragraphs under them, under day headings without a year', () => {
    expect(
      read('## May 12\n\n### 11:12 PM\n\nVehicles show again.\n\nSo do zones.\n\n## May 13\n\n### 12:40 AM\n\nCache rebuilt.\n'),
    ).toEqual([
      ['2025-05-12', '23:12', '', 'Vehicles show again. So do zones.'],
      ['2025-05-13', '00:40', '', 'Cache rebuilt.'],
    ]);
  });

  it('reads bold, approximate times with their zone, and dated paragraphs with am/pm', () => {
    expect(read('**± 17:20 UTC:** Rollout starts.\n\n**17:58 UTC:** Alert fires.\n')).toEqual([
      ['2025-05-12', '17:20', 'Z', 'Rollout starts.'],
      ['2025-05-12', '17:58', 'Z', 'Alert fires.'],
    ]);
    expect(read('2018-08-22, 03:26pm: Replication stops.\n\n2018-08-22, 04:05pm: (added later) Tickets arrived.\n', '2018-08-22')).toEqual([
      ['2018-08-22', '15:26', '', 'Replication stops.'],
      ['2018-08-22', '16:05', '', '(added later) Tickets arrived.'],
    ]);
  });

  it('reads table rows with a yearless date in the time column, and rows holding only a date', () => {
    const table =
      '| Time (UTC) | Event |\n|---|---|\n| Jan 14, 04:40 PM | Support escalates. |\n| Jan 15 | Provider confirms. |\n| 09:30 AM | Parser deployed. |\n';
    expect(read(table, '2026-01-14')).toEqual([
      ['2026-01-14', '16:40', 'Z', 'Support escalates.'],
      ['2026-01-15', '09:30', 'Z', 'Parser deployed.'],
    ]);
  });

  it('joins list items that wrap onto the next line, and takes the section zone from emphasised prose', () => {
    expect(
      read(
        '_All times in EEST_\n\n- 15:02 The job uploads the certificate\n  without its chain.\n- 15:09 Alert pages on-call.\n',
        '2021-07-21',
      ),
    ).toEqual([
      ['2021-07-21', '15:02', '+03:00', 'The job uploads the certificate without its chain.'],
      ['2021-07-21', '15:09', '+03:00', 'Alert pages on-call.'],
    ]);
  });

  it('reads a flattened table: a time alone on a line, the event on the next', () => {
    expect(read('Time\nEvent\n08:58\nCaptures fail.\n09:06\nAlert pages billing.\n', '2023-01-30')).toEqual([
      ['2023-01-30', '08:58', '', 'Captures fail.'],
      ['2023-01-30', '09:06', '', 'Alert pages billing.'],
    ]);
  });

  it('moves to the next day after a backward jump of hours, but keeps an entry a few minutes out of order on its day', () => {
    expect(read('- 23:50 Deploy.\n- 00:20 Rolled back.\n- 00:10 (added later) Alert.\n').map((e) => e.slice(0, 2))).toEqual([
      ['2025-05-12', '23:50'],
      ['2025-05-13', '00:20'],
      ['2025-05-13', '00:10'],
    ]);
    // Zones named per line are compared as instants: 01:25 CET is after 00:14 UTC.
    expect(read('- 00:14 UTC Queue passes 5,000.\n- 01:25 CET Alert pages on-call.\n', '2025-11-08').map((e) => e.slice(0, 3))).toEqual([
      ['2025-11-08', '00:14', 'Z'],
      ['2025-11-08', '01:25', '+01:00'],
    ]);
  });
});

describe('mapTimeline', () => {
  it('takes the day sections beside the Timeline heading into the timeline, sorted by time, and moves them under it in the body', () => {
    const text =
      '# Map empty\n\nDate: 2025-05-12\n\n## Timeline\n\n## May 12\n\n### 09:31 PM\n\nRolled back.\n\n### 09:07 PM\n\nSupport reports it.\n\n## Contributing factors\n\nThe build.\n';
    const ctx = mappedUpTo(mapTimeline, text);
    expect(ctx.out.events.map((e) => [e.at, e.text])).toEqual([
      ['2025-05-12T21:07:00+02:00', 'Support reports it.'],
      ['2025-05-12T21:31:00+02:00', 'Rolled back.'],
    ]);
    const body = convertPostmortem('x.md', 'x.md', text, CATALOG).body;
    expect(body.split('\n').filter((l) => l.startsWith('#'))).toEqual([
      '## Timeline',
      '### May 12',
      '#### 09:31 PM',
      '#### 09:07 PM',
      '## Contributing factors',
    ]);
  });

  it('finds a timeline under another heading when its lines start with times', () => {
    const ctx = mappedUpTo(
      mapTimeline,
      '# Slow starts\n\nDate: 2025-07-04\n\n## What happened\n\n- `16:14` p95 climbs.\n- `16:20` Alert fires.\n- `16:45` p95 back.\n',
    );
    expect(ctx.out.events.map((e) => e.at)).toEqual([
      '2025-07-04T16:14:00+02:00',
      '2025-07-04T16:20:00+02:00',
      '2025-07-04T16:45:00+02:00',
    ]);
  });
});

describe('mapKeyMoments', () => {
  const text = (extra: string) =>
    `# Gateway outage\n\nDate: 2021-07-21\n${extra}\n\n## Timeline\n\n- 14:02 Certificate uploaded.\n- 14:09 Alert pages on-call.\n- 14:24 Previous certificate restored.\n- 15:10 Renewed certificate uploaded. Incident resolved.\n- 15:40 Clean-up finished.\n`;

  it('marks every moment read from the timeline with a TODO naming the event', () => {
    const ctx = mappedUpTo(mapKeyMoments, text(''));
    expect([ctx.out.started, ctx.out.detected, ctx.out.mitigated, ctx.out.resolved]).toEqual([
      '2021-07-21T14:02:00+02:00',
      '2021-07-21T14:09:00+02:00',
      '2021-07-21T14:24:00+02:00',
      '2021-07-21T15:40:00+02:00',
    ]);
    expect(['started', 'detected', 'mitigated', 'resolved'].map((m) => commentOn(ctx, m))).toEqual([
      "TODO: the first timeline event ('Certificate uploaded.'); check it is when the impact began",
      "TODO: guessed from the timeline ('Alert pages on-call.'); check it",
      "TODO: guessed from the timeline ('Previous certificate restored.'); check it",
      // Events after the first "resolved" are part of the incident: the last one ends it, as a guess.
      "TODO: the last timeline event ('Clean-up finished.'); check it is when the problem was fixed",
    ]);
  });

  it('prefers a written duration to a guess from the timeline, with a TODO', () => {
    const ctx = mappedUpTo(mapKeyMoments, text('\nTime to recovery: 31 minutes'));
    expect([ctx.out.mitigated, commentOn(ctx, 'mitigated')]).toEqual([
      '2021-07-21T14:33:00+02:00',
      'TODO: started plus the duration in the source; check it',
    ]);
  });

  it('reads durations as people write them', () => {
    expect(
      ['35 min', '~24h40m', '31 minutes', 'about 2 hours and 5 minutes', '1.5 h', '2 days', 'a while', '3 apples'].map(readDuration),
    ).toEqual([35, 1480, 31, 125, 90, 2880, undefined, undefined]);
  });

  it('takes written moments from camelCase keys without a TODO', () => {
    const ctx = mappedUpTo(
      mapKeyMoments,
      '---\ntitle: Lag\nstartedWhen: 2026-03-03T07:40:00+01:00\nresolvedWhen: 2026-03-03T09:10:00+01:00\n---\n\nLag.\n',
    );
    expect([ctx.out.started, ctx.out.resolved, commentOn(ctx, 'started'), commentOn(ctx, 'resolved')]).toEqual([
      '2026-03-03T07:40:00+01:00',
      '2026-03-03T09:10:00+01:00',
      undefined,
      undefined,
    ]);
  });
});

describe('mapSeverityField', () => {
  const severity = (text: string) => {
    const ctx = mappedUpTo(mapSeverityField, text);
    return [ctx.out.severity, commentOn(ctx, 'severity')];
  };

  it('maps a written level, a status-page word and a level with a word in brackets, always quoting the source', () => {
    expect(severity('# A\n\nDate: 2025-01-01\nSeverity: SEV3\n')).toEqual(['SEV3', undefined]);
    expect(severity('# A\n\nDate: 2025-01-01\n**Status page:** Major outage\n')).toEqual([
      'SEV1',
      "TODO: check it; the source said 'Major outage'",
    ]);
    expect(severity('---\ntitle: A\ndate: 2025-01-01\nseverity: disrupted\n---\n\nText.\n')).toEqual([
      'SEV2',
      "TODO: check it; the source said 'disrupted'",
    ]);
    expect(severity('# A\n\nDate: 2025-01-01\nSeverity: Sev-3 (minor)\n')).toEqual([
      'SEV3',
      "TODO: check it; the source said 'Sev-3 (minor)'",
    ]);
  });

  it('reads a Severity section and a severity named in the timeline', () => {
    expect(severity('# A\n\nDate: 2025-01-01\n\n## Severity\n\n**Critical** - every rider was affected.\n')).toEqual([
      'SEV1',
      "TODO: check it; the source said 'Critical' in the Severity section",
    ]);
    expect(severity('# A\n\nDate: 2025-01-01\n\n## Timeline\n\n- 10:00 Errors start.\n- 10:10 Incident declared Sev1.\n')).toEqual([
      'SEV1',
      "TODO: check it; the source said 'Sev1' in the timeline",
    ]);
    expect(leadingWords('SEV2 - riders in Belgium could not top up')).toBe('SEV2');
  });

  it('never sets the lowest level silently: a word it cannot map is quoted, and no severity at all is said', () => {
    expect(severity('# A\n\nDate: 2025-01-01\nSeverity: purple\n')).toEqual([
      'SEV4',
      "TODO: the source said 'purple'; choose one of SEV1, SEV2, SEV3, SEV4",
    ]);
    expect(severity('# A\n\nDate: 2025-01-01\n')).toEqual(['SEV4', 'TODO: not in the source; choose one of SEV1, SEV2, SEV3, SEV4']);
  });
});

describe('mapSummary, mapServices and the labels', () => {
  it('takes the Summary section, passing over a paragraph that only names a day', () => {
    expect(
      mappedUpTo(mapSummary, '# A\n\nDate: 2025-07-04\n\n## Summary\n\n**Friday, 4 July 2025**\n\nRide starts were slow.\n').out.summary,
    ).toBe('Ride starts were slow.');
  });

  it('matches named services to the catalog, and finds a service by its name without the suffix in the title', () => {
    expect(mappedUpTo(mapServices, '# A\n\nDate: 2025-01-01\nServices: Maps Service, payments-api\n').out.services).toEqual([
      'maps-service',
    ]);
    const ctx = mappedUpTo(mapServices, '# Night-time unlock queue overflow\n\nDate: 2025-11-08\n');
    expect([ctx.out.services, ctx.out.teams, commentOn(ctx, 'services')]).toEqual([
      ['unlock-service'],
      ['fleet'],
      'TODO: found in the title or summary',
    ]);
  });

  it('reads authors, tags, status, type and visibility as written', () => {
    const text =
      '---\ntitle: A\ndate: 2025-01-01\nauthors: "@ana and Ben"\ntags: [Time, "#billing"]\nstatus: Final\ntype: near miss\nvisibility: external\n---\n\nText.\n';
    const ctx = createContext('a.md', 'a.md', text, CATALOG);
    mapPeopleAndTags(ctx);
    mapStatus(ctx);
    mapTypeAndVisibility(ctx);
    expect([ctx.out.authors, ctx.out.tags, ctx.out.type, ctx.out.visibility, notes(ctx)]).toEqual([
      ['ana', 'Ben'],
      ['time', 'billing'],
      'near-miss',
      'public',
      ["status 'Final' in the source: imported as a draft"],
    ]);
  });
});

describe('mapFactors and mapResponse', () => {
  it('takes the root-cause list items as factors and guesses the trigger, detection and decision from the text', () => {
    const text =
      '# A\n\nDate: 2025-01-01\n\n## Timeline\n\n- 10:00 Deploy 41 rolled out.\n- 10:05 Alert fires.\n- 10:20 Rolled back.\n\n## Root cause\n\n- The config flag was wrong.\n- No alert on the queue.\n';
    const ctx = mappedUpTo(mapResponse, text);
    expect(ctx.out.factors).toEqual([
      { category: 'configuration', description: 'The config flag was wrong.' },
      { category: 'monitoring-gap', description: 'No alert on the queue.' },
    ]);
    expect([ctx.out.trigger, ctx.out.detection, ctx.out.decision]).toEqual(['deploy', 'alert', 'rollback']);
    expect(mappedUpTo(mapFactors, text).comments.get('contributing_factors.0.category')?.text).toBe(
      ' TODO: guessed from the text; check it',
    );
  });
});

describe('mapActionItems', () => {
  const items = (text: string) =>
    mappedUpTo(mapActionItems, text).out.actionItems.map((a) => [a.title, a.owner, a.status, a.priority, a.ticket ?? '']);

  it('leaves lists that explain kinds or priorities out, and reads the kind, owner and status in brackets', () => {
    const text =
      '# A\n\nDate: 2025-05-12\n\n## Corrective and Preventative Measures\n\nEvery measure below has a type:\n\n- **Prevent** - stops it\n- **Detect** - tells us sooner\n\n' +
      '1. Fail the build on an empty tile set (Prevent, owner: rides) (Completed)\n2. Alert on empty tiles (Detect, owner: rides)\n';
    expect(items(text)).toEqual([
      ['Fail the build on an empty tile set', 'rides', 'done', 'P2', ''],
      ['Alert on empty tiles', 'rides', 'open', 'P2', ''],
    ]);
    expect([
      isLegend(['P0 - this week', 'P1 - this quarter'], undefined),
      isLegend(['P0: Make retries idempotent per ride so a replay never charges twice', 'P1: Fail over'], undefined),
    ]).toEqual([true, false]);
  });

  it('finds items after a plain "Action Items" line, with leading status marks and the item as its own ticket link', () => {
    const text =
      '# A\n\nDate: 2024-10-24\n\n## Conclusion\n\nIt will not happen again.\n\nAction Items\n\n- ✅ Pin firmware 4.11\n- DONE Add a handover test\n' +
      '- [Roll out per city](https://tracker.velora.example/FLT-512)\n- [Read the rollout guide](https://wiki.velora.example/rollouts) before the next release\n';
    expect(items(text)).toEqual([
      ['Pin firmware 4.11', 'TODO', 'done', 'P2', ''],
      ['Add a handover test', 'TODO', 'done', 'P2', ''],
      ['Roll out per city', 'TODO', 'open', 'P2', 'https://tracker.velora.example/FLT-512'],
      // A link to a page that is no tracker is no ticket.
      ['Read the rollout guide before the next release', 'TODO', 'open', 'P2', ''],
    ]);
  });

  it('gives items under a team sub-heading to that team, and reads leading priorities and trailing owners and dates', () => {
    const text =
      '# A\n\nDate: 2021-07-21\n\n## Follow-ups\n\n### Platform\n\n- [x] Refuse a certificate without its chain ([PLT-2210](https://tracker.velora.example/PLT-2210))\n\n### Rides\n\n' +
      '- P1: Show a clearer error @mbos by 2021-08-20\n';
    expect(items(text)).toEqual([
      ['Refuse a certificate without its chain', 'platform', 'done', 'P2', 'https://tracker.velora.example/PLT-2210'],
      ['Show a clearer error', 'mbos', 'open', 'P1', ''],
    ]);
  });

  it('reads fields separated by commas inside one segment, and statuses written in capitals or as emoji', () => {
    expect(parseActionLine('Check depot coordinates — owner: rides — done, closed 2020-11-30', [], 'dmy')).toEqual({
      title: 'Check depot coordinates',
      ticketKeys: [],
      owner: 'rides',
      status: 'done',
      closed: '2020-11-30',
    });
    expect(
      ['Treat a timeout as a retry — ✅', 'Show the reason — WONTFIX', '🚧 Split the queue'].map(
        (l) => parseActionLine(l, [], 'dmy').status,
      ),
    ).toEqual(['done', 'wont-do', 'in-progress']);
    // "by SMS" is no due date.
    expect(parseActionLine('Page the on-call by SMS', [], 'dmy')).toEqual({ title: 'Page the on-call by SMS', ticketKeys: [] });
  });

  it('reads a table with a status column of emoji and a ticket column of links', () => {
    const table =
      '| Action | Owner | Status | Ticket |\n|---|---|---|---|\n| Accept unknown fields | billing | ✅ | [BIL-1201](https://tracker.velora.example/BIL-1201) |\n';
    const [item] = parseActionSection(table, createContext('t.md', 't.md', table, CATALOG).tree.children, 'dmy');
    expect(item).toEqual({
      title: 'Accept unknown fields',
      ticketKeys: [],
      owner: 'billing',
      status: 'done',
      ticket: 'https://tracker.velora.example/BIL-1201',
    });
  });
});

describe('mapImages and buildBody', () => {
  const text =
    '# A\n\nDate: 2026-03-03\n\n<img src="../media/lag.png" alt="Lag per city" width="640">\n\n![Queue](https://status-images.velora.example/q.png)\n\n' +
    '![CPU](https://i.imgshare.example/x.png)\n\n![Flow](./diagrams/flow.png)\n\n![x](javascript:alert(1))\n';

  it('copies local images next to the site, keeps allowed hosts, links other hosts with a TODO and drops unsafe URLs', () => {
    const ctx = mappedUpTo(mapActionItems, text);
    const assets = mapImages(ctx, '2026-03-03-a', (url) => (url === '../media/lag.png' ? '/exports/media/lag.png' : undefined));
    expect(assets).toEqual([{ from: '/exports/media/lag.png', to: 'public/incidents/2026-03-03-a/lag.png' }]);
    expect(buildBody(ctx)).toBe(
      [
        '![Lag per city](/incidents/2026-03-03-a/lag.png)',
        '',
        '![Queue](https://status-images.velora.example/q.png)',
        '',
        '[CPU](https://i.imgshare.example/x.png) {/* TODO: an image from https://i.imgshare.example, which image_hosts does not allow; add the host or copy the image to public/incidents/2026-03-03-a/ */}',
        '',
        '![Flow](/incidents/2026-03-03-a/flow.png) {/* TODO: copy ./diagrams/flow.png to public/incidents/2026-03-03-a/flow.png */}',
        '',
        '(image: x)',
        '',
      ].join('\n'),
    );
    expect(notes(ctx).filter((n) => n.startsWith('image'))).toEqual([
      'image from https://i.imgshare.example kept as a link: add https://i.imgshare.example to image_hosts in catalog/organisation.yaml to show it, then write it as an image again',
      "image './diagrams/flow.png' not found next to the source (or not PNG, JPEG, GIF, WebP or AVIF): copy it to public/incidents/2026-03-03-a/flow.png",
      "image 'javascript:alert(1)' has a URL a post-mortem may not use: only its description is kept",
    ]);
  });

  it('moves the images with a draft that gets another name', () => {
    const draft = convertPostmortem('a.md', 'a.md', text, CATALOG, {
      findFile: (url) => (url === '../media/lag.png' ? '/exports/media/lag.png' : undefined),
    });
    moveDraft(draft, 'incidents/2026/2026-03-03-a-2.mdx');
    expect(draft.assets).toEqual([{ from: '/exports/media/lag.png', to: 'public/incidents/2026-03-03-a-2/lag.png' }]);
    expect(renderDraft(draft)).toContain('![Lag per city](/incidents/2026-03-03-a-2/lag.png)');
    expect(renderDraft(draft)).not.toContain('2026-03-03-a/');
  });
});

describe('looksLikePostmortem', () => {
  const looks = (text: string) => looksLikePostmortem(createContext('x.md', 'x.md', text, CATALOG));

  it('tells post-mortems from READMEs and lists of sources by their shape', () => {
    expect(looks('# Velora post-mortems\n\nOne file per incident. Images live in media/.\n')).toBe(false);
    expect(
      looks(
        '# Where these came from\n\nExported on 2026-03-10.\n\n- Rotterdam map: https://wiki.example.com/1\n- Ghent: https://wiki.example.com/2\n',
      ),
    ).toBe(false);
    expect(looks('# Notes from the outage\n\nBikes could not be locked for half an hour.\n\n## Actions\n\n- Add a contract test\n')).toBe(
      true,
    );
    expect(looks('# Map tiles\n\n- 09:10 Tile errors start.\n- 09:25 Alert.\n- 09:40 Tiles load again.\n')).toBe(true);
  });
});
