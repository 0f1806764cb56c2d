import type { APIRoute } from 'astro';
import { getArchive } from '../../data/archive.ts';
import { archiveFollowThrough } from '../../lib/trends/archive-trends.ts';
import { exportActionItem } from '../../lib/trends/follow-through.ts';

/** Every open action item as JSON, soonest due first, with the day overdue was judged against. */
export const GET: APIRoute = async ({ site, url }) => {
  const archive = await getArchive();
  // This file lives at <base>trends/, so the site's home (with its base path) is one folder up.
  const home = new URL('../', new URL(url.pathname, site ?? 'http://localhost:4321/')).href;
  const items = archiveFollowThrough(archive).open.map((row) => exportActionItem(row, home));
  return new Response(`${JSON.stringify({ today: archive.today, count: items.length, items }, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
