import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite } from '../support/build-site.ts';

// Quillmark Books (tests/fixtures/figures): 7 post-mortems on the site (one in review, one a near-miss)
// and a draft, built for 15 September 2026 in London. Its README works out every figure below by hand.
const ARCHIVE = join(import.meta.dirname, '../fixtures/figures');
const TODAY = '2026-09-15';
let dist: string;

/** The text of a built page, tags removed, the entities the pages use decoded and spaces collapsed. */
function text(path: string): string {
  return readFileSync(join(dist, path, path.endsWith('/') ? 'index.html' : ''), 'utf8')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

function json<T>(path: string): T {
  return JSON.parse(readFileSync(join(dist, path), 'utf8')) as T;
}

interface Figures {
  today: string;
  counted_statuses: string[];
  post_mortems: number;
  last_12_months: {
    first_day: string;
    last_day: string;
    incidents: number;
    near_misses: number;
    time_to_mitigate_minutes: { n: number; median: number | null; p90: number | null };
  };
  the_12_months_before: { incidents: number; time_to_mitigate_minutes: { n: number; median: number | null } };
  medians_comparable: boolean;
  open_action_items: number;
  overdue_action_items: number;
  action_item_shares: { done: number; wontDo: number; open: number };
  days_to_close: { n: number; median: number };
  severe: { severities: string[]; incidents: number };
  recurrences: number;
  slos: { id: string; service: string; budget_minutes: number; bad_minutes_now: number; left_now: number; decides_stance: boolean }[];
}

interface IncidentRecord {
  id: string;
  status: string;
  type: string;
  severity: string;
  started: string;
  timeToMitigate: number;
}

beforeAll(() => {
  dist = buildSite({ archive: ARCHIVE, today: TODAY });
});

describe('one figure, one number, on every page', () => {
  it('counts in-review and published post-mortems, never the draft', () => {
    const figures = json<Figures>('trends/figures.json');
    expect([figures.today, figures.counted_statuses, figures.post_mortems]).toEqual([TODAY, ['in-review', 'published'], 7]);
    expect(json<{ count: number }>('api/incidents.json').count).toBe(7);
  });

  it('gives the incidents of the last 12 months the same on the home page, the trends overview and in JSON', () => {
    // 16 Sep 2025 to 15 Sep 2026: the stale search, checkout timeouts, emptied baskets, the in-review order
    // confirmations and the failover; the certificate near-miss apart. The 12 before hold the bank holiday weekend.
    expect(text('/')).toContain('5 incidents in the last 12 months, and 1 near-miss');
    expect(text('/trends/')).toContain('5 incidents in the last 12 months, against 1 in the 12 before');
    const figures = json<Figures>('trends/figures.json');
    expect(figures.last_12_months).toMatchObject({ first_day: '2025-09-16', last_day: '2026-09-15', incidents: 5, near_misses: 1 });
    expect(figures.the_12_months_before.incidents).toBe(1);
    expect(text('/')).toContain('the last 12 months are 16 Sept 2025 to 15 Sept 2026 in Europe/London time');
    expect(text('/trends/')).toContain('The last 12 months are 16 Sept 2025 to 15 Sept 2026, the 12 before 16 Sept 2024 to 15 Sept 2025');
  });

  it('gives the median time to mitigate with its n, the same everywhere, and does not compare it with one incident', () => {
    // Incidents only: 45, 60, 90, 120 and 120 minutes; the near-miss's 30 minutes are left out. Median 90 of 5.
    expect(text('/')).toContain('1 h 30 min (n = 5) median time to mitigate over the last 12 months');
    expect(text('/trends/')).toContain(
      '1 h 30 min (n = 5) median time to mitigate in the last 12 months, not compared with the 12 before: medians are compared only when both periods have at least 5 incidents',
    );
    expect(json<Figures>('trends/figures.json')).toMatchObject({
      last_12_months: { time_to_mitigate_minutes: { n: 5, median: 90, p90: 120 } },
      medians_comparable: false,
    });
    // Worked out again from the JSON API, as a script would.
    const from = Date.parse('2025-09-15T23:00:00Z');
    const to = Date.parse('2026-09-15T23:00:00Z');
    const minutes = json<{ incidents: IncidentRecord[] }>('api/incidents.json')
      .incidents.filter((i) => i.type === 'incident' && Date.parse(i.started) >= from && Date.parse(i.started) < to)
      .map((i) => i.timeToMitigate)
      .sort((a, b) => a - b);
    expect(minutes).toEqual([45, 60, 90, 120, 120]);
  });

  it('gives open and overdue action items the same on the home page, the trends, follow-through, the list, the CSV and the JSON', () => {
    // Open: the runbook (in progress, due Dec 2026), the authorisation alert (Oct 2026), the basket test (Apr 2026,
    // overdue), the replica reports (Aug 2026, overdue) and the failover check (Sep 2026, overdue). The draft's item never counts.
    expect(text('/')).toContain('5 open action items, 3 overdue');
    expect(text('/trends/')).toContain('5 open action items , 3 overdue');
    expect(text('/trends/follow-through/')).toContain('5 open , 3 overdue');
    expect(text('/trends/action-items/')).toContain(
      '5 action items are open or in progress across the archive, 3 of them overdue on 15 Sept 2026',
    );
    const csv = readFileSync(join(dist, 'trends/action-items.csv'), 'utf8').trimEnd().split('\r\n').slice(1);
    expect([csv.length, csv.filter((row) => row.split(',')[1] === 'true').length]).toEqual([5, 3]);
    const list = json<{ count: number; items: { overdue: boolean }[] }>('trends/action-items.json');
    expect([list.count, list.items.filter((i) => i.overdue).length]).toEqual([5, 3]);
    expect(json<Figures>('trends/figures.json')).toMatchObject({ open_action_items: 5, overdue_action_items: 3 });
  });

  it('gives done, won’t-do and open shares of all items, and days to close from done items, on the page, in the chart and in JSON', () => {
    // 11 items: 5 done, 1 won't do, 5 open. Done in 20, 13, 39, 12 and 4 days: median 13 of 5.
    const page = text('/trends/follow-through/');
    expect(page).toContain('45% done, 9.1% won’t do, 45% open: shares of all 11 items');
    expect(page).toContain('13 days (n = 5) median from the day of the incident to closing a done item');
    expect(page).toContain('11 action items: 5 done (45%), 1 won’t do (9.1%), 5 open (45%), 3 of them overdue.');
    expect(json<Figures>('trends/figures.json')).toMatchObject({
      action_item_shares: { done: 5 / 11, wontDo: 1 / 11, open: 5 / 11 },
      days_to_close: { n: 5, median: 13 },
    });
  });

  it('counts severe incidents by the taxonomy’s top two levels, near-misses left out', () => {
    // SEV2 bank holiday weekend, SEV2 checkout timeouts, SEV1 failover; the SEV2 certificate near-miss is not an incident.
    expect(text('/')).toContain('3 SEV1 and SEV2 incidents in the archive');
    expect(json<Figures>('trends/figures.json').severe).toEqual({ severities: ['SEV1', 'SEV2'], incidents: 3 });
    const fromApi = json<{ incidents: IncidentRecord[] }>('api/incidents.json').incidents.filter(
      (i) => i.type === 'incident' && ['SEV1', 'SEV2'].includes(i.severity),
    );
    expect(fromApi).toHaveLength(3);
  });

  it('gives the budget left now the same on the error-budget page, the decision guide, its chart and in JSON', () => {
    // The failover ran 22:00-00:00 UTC on 16-17 August; the 30-day window ending 23:00 UTC on 15 September opens at
    // 23:00 UTC on 16 August, half-way through: 10 of its 20 bad minutes count. 33.2 of 43.2 minutes are left, 77%.
    expect(text('/trends/error-budgets/')).toContain(
      'Shop pages served without error shop-availability 99.9% / 30 d 43.2 min 3 1 10 min 77%',
    );
    expect(text('/trends/error-budgets/')).toContain('Left now: 77%.');
    const guide = text('/trends/decision-guide/');
    expect(guide).toContain(
      'Shop Web Hot-fix or investigate Shop pages served without error shop-availability of 2 SLOs 43.2 min 99.9% over 30 d 77% 33.2 min left, 10 min bad',
    );
    expect(guide).toContain('Shop Web shop-availability 10 min 77% Hot-fix or investigate');
    const slo = json<Figures>('trends/figures.json').slos.find((s) => s.id === 'shop-availability')!;
    expect([slo.bad_minutes_now, slo.budget_minutes, slo.decides_stance]).toEqual([10, 43.2, true]);
    expect(slo.left_now).toBeCloseTo(33.2 / 43.2, 12);
  });

  it('names the SLO that decides and gives its own minutes of full impact, and another SLO that hardens the stance sooner', () => {
    // shop-availability decides (77% left against shop-latency's 17.6 of 21.6, 81%): (33.2 - 21.6) = 11.6 minutes until
    // below 50%, 33.2 - 10.8 = 22.4 until below 25%. shop-latency gets there first: 17.6 - 10.8 = 6.8 and 17.6 - 5.4 = 12.2.
    const guide = text('/trends/decision-guide/');
    expect(guide).toContain('11.6 min shop-latency sooner: 6.8 min 22.4 min shop-latency sooner: 12.2 min');
    expect(guide).toContain('when two have the same share left, the one with fewer minutes left decides');
    expect(guide).toContain('Budget left counts only written post-mortems');
  });

  it('gives each month’s share of a long incident the same in the monthly grid and in the SLO’s own chart', () => {
    // 12:00 BST on 31 August to 00:00 BST on 2 September, 180 bad minutes: 60 in August (of 44.64, 134%), 120 in
    // September (of 43.2, 278%). The in-review incident of 23:30 BST on 30 June to 00:30 BST on 1 July splits 20 and 20.
    const page = text('/trends/error-budgets/');
    for (const row of [
      'Aug 2025 60 min 44.64 min 134%',
      'Sep 2025 120 min 43.2 min 278%',
      'Jun 2026 20 min 43.2 min 46%',
      'Jul 2026 20 min 44.64 min 45%',
    ]) {
      expect(page).toContain(`orders-availability ${row}`);
      expect(page.split('orders-availability: budget consumed per calendar month')[1]).toContain(row);
    }
    expect(text('/trends/')).toContain('2 SLO-months over budget from incidents alone, across 1 SLO');
  });

  it('gives recurrences the same on the overview and the recurrences page, and lists the weaker overlaps', () => {
    // Emptied baskets repeat the checkout timeouts (shop-web, testing); the June confirmations repeat the bank holiday
    // weekend (orders-api, capacity). The failover shares shop-web and testing with the checkout timeouts.
    expect(text('/trends/')).toContain('2 incidents repeat an earlier one whose prevention was done');
    const page = text('/trends/recurrences/');
    expect(page.match(/ again\. /g)).toHaveLength(2);
    expect(page).toContain('except the pairs above: 1 pair.');
    expect(json<Figures>('trends/figures.json').recurrences).toBe(2);
  });

  it('marks the month, quarter, half-year and year in progress on 15 September as partial', () => {
    expect(text('/trends/')).toContain('Sep 2026, Q3 2026, H2 2026 and 2026 are in progress');
    expect(text('/trends/')).toContain('Sep 2026 (partial)');
  });

  it('shows how many people each incident pulled in, per quarter and per severity, every incident listed', () => {
    const page = text('/trends/coordination/');
    // SEV1: the failover's 9; SEV2: 6 and 5, median 5.5; SEV3: 2 and 3, median 2.5; SEV4: 2.
    expect(page).toContain(
      'the median was 9 people (n = 1) in SEV1, 5.5 people (n = 2) in SEV2, 2.5 people (n = 2) in SEV3 and 2 people (n = 1) in SEV4.',
    );
    // The six incidents in the list, the near-miss left out (the charts' points link to them too).
    const list = readFileSync(join(dist, 'trends/coordination/index.html'), 'utf8').split('id="every-incident"')[1]!;
    expect(list.match(/<a href="\/incidents\/20/g)).toHaveLength(6);
  });
});
