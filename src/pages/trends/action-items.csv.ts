import type { APIRoute } from 'astro';
import { getArchive } from '../../data/archive.ts';
import { archiveFollowThrough } from '../../lib/trends/archive-trends.ts';
import { exportActionItem, toCsv } from '../../lib/trends/follow-through.ts';

/** Every open action item as RFC 4180 CSV, soonest due first. */
export const GET: APIRoute = async ({ site }) => {
  const archive = await getArchive();
  const items = archiveFollowThrough(archive).open.map((row) => exportActionItem(row, site?.href ?? 'http://localhost:4321/'));
  return new Response(toCsv(items), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
