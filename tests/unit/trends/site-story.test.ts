import { describe, expect, it } from 'vitest';
import { checkArchive } from '../../../src/validation/archive.ts';
import { deriveIncident, indexCatalog } from '../../../src/lib/incidents.ts';
import {
  archiveBudgets,
  archiveRecurrences,
  archiveRange,
  overviewOrders,
  type TrendsSource,
} from '../../../src/lib/trends/archive-trends.ts';
import { buildOverview } from '../../../src/lib/trends/overview.ts';
import { guideServices, resolveThresholds } from '../../../src/lib/trends/decision-guide.ts';
import { SITE_ARCHIVE, SITE_TODAY } from '../../support/site-archive.ts';

// The fixture site's archive (Kestrel Energy) is written to tell a story; these are the figures the
// trends pages show for it on 15 October 2026, worked out by hand from its post-mortems.
const archive = checkArchive(SITE_ARCHIVE);
const catalog = indexCatalog(archive.catalog.services);
const source: TrendsSource = {
  organisation: archive.catalog.organisation,
  incidents: archive.incidents.filter((i) => i.data.status !== 'draft').map((i) => deriveIncident(i.id, i.data, catalog, SITE_TODAY)),
  services: archive.catalog.services,
  teams: archive.catalog.teams,
  severities: archive.catalog.taxonomy.severities,
  categories: archive.catalog.taxonomy.categories,
  today: SITE_TODAY,
};

describe('the story the fixture archive tells', () => {
  const overview = buildOverview(source.incidents, archiveRange(source), overviewOrders(source), source.organisation.time_zone);

  it('covers February 2025 to October 2026 with 10 incidents and 1 near-miss (the two drafts left out)', () => {
    expect(archive.problems).toEqual([]);
    expect(archiveRange(source)).toEqual({ from: '2025-02', to: '2026-10' });
    expect([overview.incidents, overview.nearMisses]).toEqual([10, 1]);
  });

  it('stops seeing release size after the second quarter of 2025, when billing and metering moved to weekly releases', () => {
    const releaseSize = overview.categories.find((c) => c.key === 'release-size')!;
    expect([releaseSize.total, releaseSize.first, releaseSize.last]).toEqual([3, '2025-Q1', '2025-Q2']);
    // The last four quarters are 2026's; the runbook gap of April 2025 has not come back either.
    expect(overview.dormantCategories.map((c) => c.key)).toEqual(['release-size', 'runbook-gap']);
    const large = overview.releases.bands.find((b) => b.key === 'large')!;
    // 4,300, 2,150 and 1,640 lines, mitigated in 250, 42 and 35 minutes, the last on 20 May 2025.
    expect([large.count, large.timeToMitigate.median, large.latest]).toEqual([3, 42, '2025-05-20T10:05:00+02:00']);
  });

  it('flags the spring clock-change incident as a recurrence of the autumn one, whose prevent items were done in November', () => {
    expect(archiveRecurrences(source).map((r) => [r.incident.id, r.earlier.id, r.services[0], r.categories[0]])).toEqual([
      [
        '2026-03-29-last-readings-rejected-on-the-short-day',
        '2025-10-26-an-hour-of-readings-overwritten-when-the-clocks-went-back',
        'meter-ingest',
        'configuration',
      ],
    ]);
  });

  it('has three SLO-months over budget from incidents alone', () => {
    const over = archiveBudgets(source)
      .flatMap((s) => s.slos)
      .flatMap((b) => b.monthly.filter((m) => m.consumed > 1).map((m) => [b.slo.id, m.month, Math.round(m.consumed * 100)]));
    // 47 / (0.05% × 43,200) = 218%; 520 / (1% × 43,200) = 120%; 610 / (1% × 44,640) = 137%. In catalog order of the SLOs' services.
    expect(over).toEqual([
      ['payment-success', '2025-04', 218],
      ['portal-latency', '2026-06', 120],
      ['notification-delivery', '2025-08', 137],
    ]);
  });

  it('tells the on-call to roll back the portal and to prefer a roll-back of sign-in on 15 October 2026, after the incident of 6 October', () => {
    const guides = guideServices(archiveBudgets(source), resolveThresholds(source.organisation.decision_guide));
    // 33 of 43.2 minutes leaves 23.6% of portal-availability; 30 of 43.2 leaves 30.6% of login-success. The
    // draft of 13 October would take 15 of payment-success's 21.6 minutes, but drafts do not count.
    expect(Object.fromEntries(guides.map((g) => [g.service.id, g.stance.key]))).toEqual({
      'meter-ingest': 'investigate',
      'billing-engine': 'investigate',
      'payments-api': 'investigate',
      'customer-portal': 'roll-back',
      notifications: 'investigate',
      'account-login': 'prefer-roll-back',
      'tariff-catalogue': 'no-slo',
    });
    expect(guides.find((g) => g.service.id === 'customer-portal')!.governing!.now.left.toFixed(4)).toBe('0.2361');
  });
});
