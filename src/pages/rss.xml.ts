import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getArchive } from '../data/archive.ts';

/** RSS 2.0 feed of published post-mortems, newest first, dated by when the incident started. */
export const GET: APIRoute = async (context) => {
  const { incidents, organisation, severities } = await getArchive();
  const names = new Map(severities.map((s) => [s.id, s.name]));
  // Absolute addresses under the site's base path (a site served from /<repository>/ keeps its feed
  // there too): the feed lives at <base>rss.xml, so its folder is the site's home.
  const home = new URL('./', new URL(context.url.pathname, context.site!)).href;
  return rss({
    title: organisation.title,
    description: organisation.tagline ?? `Post-mortems of ${organisation.name}.`,
    site: home,
    items: incidents
      .filter((i) => i.status === 'published')
      .slice(0, 50)
      .map((i) => ({
        title: i.title,
        link: new URL(`incidents/${i.id}/`, home).href,
        pubDate: new Date(i.started),
        description: i.summary,
        categories: [i.severity, names.get(i.severity) ?? i.severity, ...i.services],
      })),
    customData: '<language>en-gb</language>',
  });
};
