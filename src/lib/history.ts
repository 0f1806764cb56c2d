/** An ISO 8601 week: the week-year and week number (weeks start on Monday; week 1 holds the first Thursday). */
export interface IsoWeek {
  year: number;
  week: number;
}

/** The ISO week of a `YYYY-MM-DD` date. */
export function isoWeekOf(date: string): IsoWeek {
  const d = new Date(`${date}T00:00:00Z`);
  const day = d.getUTCDay() || 7;
  // The Thursday of this week decides the week-year.
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const year = d.getUTCFullYear();
  const week = Math.ceil(((d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return { year, week };
}

/** Number of ISO weeks in a week-year: 53 when 28 December falls in week 53, else 52. */
export function weeksInIsoYear(year: number): number {
  return isoWeekOf(`${year}-12-28`).week;
}

/**
 * Incidents that started in the same ISO week as `today` in earlier week-years, newest first. When
 * today is in week 53 and an earlier year has only 52 weeks, that year's week 52 stands in for it.
 * `startedOn` gives an incident's start date in the organisation's time zone.
 */
export function thisWeekInHistory<T>(incidents: readonly T[], today: string, startedOn: (incident: T) => string): T[] {
  const now = isoWeekOf(today);
  return incidents
    .map((incident) => ({ incident, date: startedOn(incident) }))
    .filter(({ date }) => {
      const w = isoWeekOf(date);
      if (w.year >= now.year) return false;
      return w.week === Math.min(now.week, weeksInIsoYear(w.year));
    })
    .sort((a, b) => b.date.localeCompare(a.date))
    .map(({ incident }) => incident);
}
