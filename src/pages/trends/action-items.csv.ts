import type { APIRoute } from 'astro';
import { getArchive } from '../../data/archive.ts';
import { archiveFollowThrough } from '../../lib/trends/archive-trends.ts';
import { exportActionItem, toCsv } from '../../lib/trends/follow-through.ts';

/** Every open action item as RFC 4180 CSV, soonest due first. */
export const GET: APIRoute = async ({ site, url }) => {
  const archive = await getArchive();
  // This file lives at <base>trends/, so the site's home (with its base path) is one folder up.
  const home = new URL('../', new URL(url.pathname, site ?? 'http://localhost:4321/')).href;
  const items = archiveFollowThrough(archive).open.map((row) => exportActionItem(row, home));
  return new Response(toCsv(items), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
