import { describe, expect, it } from 'vitest';
import {
  EXPORT_COLUMNS,
  exportActionItem,
  listActionItems,
  openActionItems,
  summariseItems,
  tallyActionItems,
  toCsv,
  urgentFollowThrough,
} from '../../../src/lib/trends/follow-through.ts';
import { PRIORITIES } from '../../../src/schema/incident.ts';
import { incident, TEAMS } from './fixtures.ts';

const TEAM_IDS = new Set(TEAMS.map((t) => t.id));
const incidents = [
  incident('2025-01-10-x', {
    teams: ['payments'],
    action_items: [
      {
        title: 'Canary every release',
        kind: 'prevent',
        owner: 'platform',
        priority: 'P1',
        due: '2025-02-01',
        status: 'done',
        closed: '2025-01-31',
      },
      { title: 'Write the runbook', kind: 'process', owner: 'akrishnan', priority: 'P2', due: '2026-12-01', status: 'open' },
      {
        title: 'Rewrite checkout',
        kind: 'prevent',
        owner: 'payments',
        priority: 'P0',
        due: '2025-03-01',
        status: 'wont-do',
        closed: '2025-02-01',
      },
    ],
  }),
  incident('2025-06-01-y', {
    // 23:30 UTC on 1 June is 00:30 BST on 2 June in London, but the incident's day as written (its id's) is 1 June.
    started: '2025-06-01T23:30:00Z',
    detected: '2025-06-01T23:40:00Z',
    mitigated: '2025-06-02T00:10:00Z',
    resolved: '2025-06-02T02:00:00Z',
    teams: ['storefront', 'platform'],
    action_items: [
      {
        title: 'Alert on "stale" bundles, per region',
        kind: 'detect',
        owner: 'rsato',
        priority: 'P1',
        due: '2026-11-01',
        status: 'in-progress',
      },
      {
        title: 'Add a price-age panel',
        kind: 'detect',
        owner: 'storefront',
        priority: 'P3',
        due: '2025-06-30',
        status: 'done',
        closed: '2025-06-12',
      },
    ],
  }),
  incident('2025-07-01-z', {
    teams: [],
    action_items: [
      { title: 'Page the on-call', kind: 'detect', owner: 'someone', priority: 'P2', due: '2026-11-25', status: 'open' },
      // A public build strips owners.
      { title: 'Retry with backoff', kind: 'mitigate', priority: 'P1', due: '2025-07-10', status: 'done', closed: '2025-07-05' },
    ],
  }),
  incident('2025-08-01-w', {
    action_items: [{ title: 'Tidy the dashboard', kind: 'learn', owner: 'payments', priority: 'P3', due: '2025-09-01', status: 'open' }],
  }),
];
const rows = listActionItems(incidents.slice(0, 3), TEAM_IDS);

describe('action items across the archive', () => {
  it('counts an item for its owner when that is a team, else for the incident’s first team', () => {
    expect(rows.map((r) => [r.title, r.team])).toEqual([
      ['Canary every release', 'platform'],
      ['Write the runbook', 'payments'],
      ['Rewrite checkout', 'payments'],
      ['Alert on "stale" bundles, per region', 'storefront'],
      ['Add a price-age panel', 'storefront'],
      ['Page the on-call', undefined],
      ['Retry with backoff', undefined],
    ]);
  });

  it('counts days to close from the day the incident started as written, for done items only', () => {
    // 10 Jan → 31 Jan = 21; 1 Jun → 12 Jun = 11 (the check rejects a closed date before 1 Jun, so never negative); 1 Jul → 5 Jul = 4.
    expect(rows.map((r) => r.daysToClose)).toEqual([21, undefined, undefined, undefined, 11, undefined, 4]);
  });

  it('marks items overdue against the reference day 2026-11-26', () => {
    expect(rows.filter((r) => r.overdue).map((r) => r.due)).toEqual(['2026-11-01', '2026-11-25']);
  });
});

describe('tallies by team and by priority', () => {
  const sample = (values: number[]) => ({
    n: values.length,
    values,
    median: values.length === 0 ? undefined : values.reduce((a, b) => a + b) / values.length,
    p90: undefined,
    min: values[0],
    max: values.at(-1),
  });

  it('counts open (overdue included), done and dropped items, each as a share of all items, and the days to close of done items', () => {
    expect(
      tallyActionItems(
        rows,
        (r) => r.team ?? 'no team',
        TEAMS.map((t) => t.id),
      ),
    ).toEqual([
      {
        key: 'payments',
        total: 2,
        open: 1,
        overdue: 0,
        done: 0,
        wontDo: 1,
        shares: { done: 0, wontDo: 0.5, open: 0.5 },
        daysToClose: sample([]),
      },
      {
        key: 'storefront',
        total: 2,
        open: 1,
        overdue: 1,
        done: 1,
        wontDo: 0,
        shares: { done: 0.5, wontDo: 0, open: 0.5 },
        daysToClose: sample([11]),
      },
      {
        key: 'platform',
        total: 1,
        open: 0,
        overdue: 0,
        done: 1,
        wontDo: 0,
        shares: { done: 1, wontDo: 0, open: 0 },
        daysToClose: sample([21]),
      },
      {
        key: 'no team',
        total: 2,
        open: 1,
        overdue: 1,
        done: 1,
        wontDo: 0,
        shares: { done: 0.5, wontDo: 0, open: 0.5 },
        daysToClose: sample([4]),
      },
    ]);
  });

  it('counts an item dropped as won’t do in the shares: a group of dropped items is 0% done, not undefined', () => {
    const byPriority = tallyActionItems(rows, (r) => r.priority, PRIORITIES);
    expect(byPriority.map((t) => t.key)).toEqual(['P0', 'P1', 'P2', 'P3']);
    expect(byPriority[0]).toMatchObject({ total: 1, wontDo: 1, shares: { done: 0, wontDo: 1, open: 0 } });
    // P1: done in 21 and 4 days → median 12.5 of n = 2, too few for a 90th percentile; 2 done of 3 items.
    expect(byPriority[1]).toMatchObject({
      total: 3,
      done: 2,
      open: 1,
      overdue: 1,
      daysToClose: { n: 2, values: [4, 21], median: 12.5, p90: undefined },
    });
    expect(byPriority[1]!.shares!.done).toBeCloseTo(2 / 3, 12);
  });

  it('tallies nothing to zeros for an empty slice', () => {
    expect(summariseItems('all', [])).toEqual({
      key: 'all',
      total: 0,
      open: 0,
      overdue: 0,
      done: 0,
      wontDo: 0,
      shares: undefined,
      daysToClose: sample([]),
    });
    expect(tallyActionItems([], (r) => r.priority)).toEqual([]);
  });
});

describe('incidents whose P0 and P1 items are all done', () => {
  it('counts only incidents with P0 or P1 items, and a dropped item as not done', () => {
    // x: a P1 done but a P0 dropped; y: a P1 in progress; z: its P1 done; w: no P0 or P1.
    expect(urgentFollowThrough(incidents)).toEqual({ incidents: 3, allDone: 1, share: 1 / 3, notDone: ['2025-01-10-x', '2025-06-01-y'] });
  });

  it('has no share when no incident has P0 or P1 items', () => {
    expect(urgentFollowThrough([incidents[3]!])).toEqual({ incidents: 0, allDone: 0, share: undefined, notDone: [] });
  });
});

describe('the open action-item list and its downloads', () => {
  const open = openActionItems(rows);

  it('lists open and in-progress items, soonest due first', () => {
    expect(open.map((r) => [r.due, r.priority, r.title])).toEqual([
      ['2026-11-01', 'P1', 'Alert on "stale" bundles, per region'],
      ['2026-11-25', 'P2', 'Page the on-call'],
      ['2026-12-01', 'P2', 'Write the runbook'],
    ]);
  });

  it('breaks ties on the due date by priority', () => {
    const tied = openActionItems(
      listActionItems(
        [
          incident('2025-09-01-t', {
            action_items: [
              { title: 'Second', kind: 'learn', owner: 'payments', priority: 'P3', due: '2026-12-01', status: 'open' },
              { title: 'First', kind: 'prevent', owner: 'payments', priority: 'P0', due: '2026-12-01', status: 'open' },
            ],
          }),
        ],
        TEAM_IDS,
      ),
    );
    expect(tied.map((r) => r.title)).toEqual(['First', 'Second']);
  });

  it('exports an item with absolute incident address and nulls for missing values', () => {
    expect(exportActionItem(open[1]!, 'https://postmortems.example.com/')).toEqual({
      due: '2026-11-25',
      overdue: true,
      priority: 'P2',
      status: 'open',
      title: 'Page the on-call',
      kind: 'detect',
      owner: 'someone',
      team: null,
      ticket: null,
      incident: '2025-07-01-z',
      incident_title: 'Incident 2025-07-01-z',
      incident_url: 'https://postmortems.example.com/incidents/2025-07-01-z/',
    });
  });

  it('writes RFC 4180 CSV: a header, CRLF line ends, quotes doubled and fields with commas quoted', () => {
    const csv = toCsv(open.slice(0, 1).map((r) => exportActionItem(r, 'https://postmortems.example.com/')));
    expect(csv).toBe(
      `${EXPORT_COLUMNS.join(',')}\r\n` +
        '2026-11-01,true,P1,in-progress,"Alert on ""stale"" bundles, per region",detect,rsato,storefront,,2025-06-01-y,Incident 2025-06-01-y,https://postmortems.example.com/incidents/2025-06-01-y/\r\n',
    );
    expect(EXPORT_COLUMNS.join(',')).toBe('due,overdue,priority,status,title,kind,owner,team,ticket,incident,incident_title,incident_url');
  });

  it('writes only the header for no items', () => {
    expect(toCsv([])).toBe('due,overdue,priority,status,title,kind,owner,team,ticket,incident,incident_title,incident_url\r\n');
  });
});
