import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { checkArchive } from '../../../src/validation/archive.ts';
import { deriveIncident, indexCatalog } from '../../../src/lib/incidents.ts';
import { archiveBudgets, archiveRecurrences, archiveRange, overviewOrders, type TrendsSource } from '../../../src/lib/trends/archive-trends.ts';
import { buildOverview } from '../../../src/lib/trends/overview.ts';
import { guideServices, resolveThresholds } from '../../../src/lib/trends/decision-guide.ts';

// The demo archive is written to tell a story; these are the figures the trends pages show for it on 2026-11-26.
const TODAY = '2026-11-26';
const archive = checkArchive(join(import.meta.dirname, '../../..'));
const catalog = indexCatalog(archive.catalog.services);
const source: TrendsSource = {
  organisation: archive.catalog.organisation,
  incidents: archive.incidents.filter((i) => i.data.status !== 'draft').map((i) => deriveIncident(i.id, i.data, catalog, TODAY)),
  services: archive.catalog.services,
  teams: archive.catalog.teams,
  severities: archive.catalog.taxonomy.severities,
  categories: archive.catalog.taxonomy.categories,
  today: TODAY,
};

describe('the story the demo archive tells', () => {
  const overview = buildOverview(source.incidents, archiveRange(source), overviewOrders(source), source.organisation.time_zone);

  it('covers January 2025 to November 2026 with 24 incidents and 2 near-misses (drafts left out)', () => {
    expect(archiveRange(source)).toEqual({ from: '2025-01', to: '2026-11' });
    expect([overview.incidents, overview.nearMisses]).toEqual([24, 2]);
  });

  it('stops seeing release size after the first quarter of 2025, when the daily release train began', () => {
    const releaseSize = overview.categories.find((c) => c.key === 'release-size')!;
    expect([releaseSize.total, releaseSize.first, releaseSize.last]).toEqual([4, '2025-Q1', '2025-Q1']);
    expect(overview.dormantCategories.map((c) => c.key)).toContain('release-size');
    const large = overview.releases.bands.find((b) => b.key === 'large')!;
    // 6,200, 3,100 and 4,800 lines, the last on 25 February 2025.
    expect([large.count, large.latest]).toEqual([3, '2025-02-25T12:07:00Z']);
  });

  it('flags the February 2026 flag incident and the July 2026 supplier-feed incident as recurrences', () => {
    expect(archiveRecurrences(source).map((r) => [r.incident.id, r.earlier.id, r.services[0], r.categories[0]])).toEqual([
      ['2026-07-30-duplicate-skus-in-inventory-feed', '2025-07-08-inventory-sync-marked-everything-out-of-stock', 'inventory-sync', 'dependency'],
      ['2026-02-10-flag-targeting-rule-inverted', '2025-03-18-flag-bundle-pushed-to-all-regions', 'feature-flags', 'configuration'],
    ]);
  });

  it('has four SLO-months over budget from incidents alone', () => {
    const over = archiveBudgets(source).flatMap((s) => s.slos).flatMap((b) => b.monthly.filter((m) => m.consumed > 1).map((m) => [b.slo.id, m.month, Math.round(m.consumed * 100)]));
    // 52 / (0.05% × 44,640) = 233%; 1,865 / (1% × 44,640) = 418%; 272 / (0.5% × 43,200) = 126%; 31 / (0.05% × 43,200) = 144%.
    // In catalog order of the SLOs' services.
    expect(over).toEqual([
      ['payment-authorisation-success', '2025-05', 233],
      ['search-availability', '2025-11', 126],
      ['notification-delivery', '2025-08', 418],
      ['edge-availability', '2026-09', 144],
    ]);
  });

  it('leaves every service its whole budget on 26 November 2026: no published incident in the last 30 days hit an SLO', () => {
    const guides = guideServices(archiveBudgets(source), resolveThresholds(source.organisation.decision_guide));
    expect(new Set(guides.map((g) => g.stance.key))).toEqual(new Set(['investigate']));
  });
});
