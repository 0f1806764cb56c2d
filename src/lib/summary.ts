import { median } from './stats.ts';
import type { IncidentView } from './incidents.ts';

/** The headline numbers on the home page. */
export interface ArchiveSummary {
  lastYear: { count: number; nearMisses: number; medianTimeToMitigate: number | undefined };
  openActionItems: number;
  overdueActionItems: number;
  severe: number;
}

/** The 12 months ending on `today` (YYYY-MM-DD): incidents started after the same date a year earlier. */
export function summariseArchive(incidents: readonly IncidentView[], today: string): ArchiveSummary {
  const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  const lastYear = incidents.filter((i) => i.started.slice(0, 10) > yearAgo && i.started.slice(0, 10) <= today);
  const items = incidents.flatMap((i) => i.action_items);
  return {
    lastYear: {
      count: lastYear.length,
      nearMisses: lastYear.filter((i) => i.type === 'near-miss').length,
      medianTimeToMitigate: median(lastYear.flatMap((i) => (i.timeToMitigate === undefined ? [] : [i.timeToMitigate]))),
    },
    openActionItems: items.filter((a) => a.status === 'open' || a.status === 'in-progress').length,
    overdueActionItems: items.filter((a) => a.overdue).length,
    severe: incidents.filter((i) => i.severity === 'SEV1' || i.severity === 'SEV2').length,
  };
}
