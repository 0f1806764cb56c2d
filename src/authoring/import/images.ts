import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Nodes } from 'mdast';
import { isSafeUrl } from '../../validation/content-model.ts';
import { note, quote, type ImportContext } from './context.ts';

/** An image of the source copied next to the site: from the source's folder to `public/incidents/<id>/<name>`. */
export interface DraftAsset {
  /** The file as found, an absolute path. */
  from: string;
  /** Where it goes, relative to the archive root. */
  to: string;
}

/** Image files the import copies; SVG is left out on purpose, since an SVG opened on its own can run script. */
const RASTER = /\.(?:png|jpe?g|gif|webp|avif)$/i;
const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/** The folder the site serves an incident's images from, relative to the archive root. */
export function assetFolder(id: string): string {
  return `public/incidents/${id}`;
}

/** A local image a source links to (`../../media/graph.png`), resolved from the source's folder; undefined when there is no such image file. */
export function findLocalFile(folder: string, url: string): string | undefined {
  let path: string;
  try {
    path = decodeURI(url.replace(/[?#].*$/, ''));
  } catch {
    return undefined;
  }
  if (!RASTER.test(path)) return undefined;
  const absolute = resolve(folder, path);
  try {
    const stats = statSync(absolute);
    return stats.isFile() && stats.size <= MAX_IMAGE_BYTES ? absolute : undefined;
  } catch {
    return undefined;
  }
}

/** The attributes of an `<img>` tag, by lower-case name. */
function imgAttributes(tag: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g))
    attributes[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  return attributes;
}

function markdownAlt(alt: string): string {
  return alt
    .replace(/[[\]\\]/g, (c) => `\\${c}`)
    .replace(/\s+/g, ' ')
    .trim();
}

function markdownUrl(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/>/g, '%3E')}>` : url;
}

/** The origin of an absolute image URL (`https://images.example.com`); undefined for a relative one. */
function originOf(url: string): string | undefined {
  if (!/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(url)) return undefined;
  try {
    return new URL(url, 'https://relative.invalid').origin;
  } catch {
    return url;
  }
}

/**
 * Rewrites the source's images as Markdown images the draft may show: an `<img>` tag becomes `![alt](src)`;
 * a local image is copied to `public/incidents/<id>/` (listed in `assets`) and linked from there; an image
 * from a host in `image_hosts` stays as it is; one from any other host becomes a link with a TODO, since
 * the site's Content-Security-Policy would block it; any other URL keeps only its description.
 */
export function mapImages(ctx: ImportContext, id: string, findFile: (url: string) => string | undefined): DraftAsset[] {
  const assets: DraftAsset[] = [];
  const hosts = ctx.catalog.organisation.image_hosts;
  const folder = assetFolder(id);
  const targetFor = (from: string): string => {
    const same = assets.find((a) => a.from === from);
    if (same) return same.to;
    const name = basename(from);
    let to = `${folder}/${name}`;
    for (let n = 2; assets.some((a) => a.to === to); n++) to = `${folder}/${name.replace(/(\.[^.]+)$/, `-${n}$1`)}`;
    assets.push({ from, to });
    return to;
  };
  const rewrite = (url: string, alt: string, title: string | undefined): string => {
    const text = markdownAlt(alt);
    const titled = title ? ` "${title.replace(/"/g, "'")}"` : '';
    const origin = originOf(url);
    if (!isSafeUrl(url) || (origin !== undefined && !/^https?:/i.test(url) && !url.startsWith('//'))) {
      note(ctx, 80, `image ${quote(url)} has a URL a post-mortem may not use: only its description is kept`);
      return text ? `(image: ${text})` : '(image)';
    }
    if (origin !== undefined) {
      const https = url.replace(/^\/\//, 'https://');
      if (hosts.includes(origin) && /^https:/i.test(https)) return `![${text}](${markdownUrl(https)}${titled})`;
      note(
        ctx,
        80,
        `image from ${origin} kept as a link: add ${origin} to image_hosts in catalog/organisation.yaml to show it, then write it as an image again`,
      );
      return `[${text || 'Image'}](${markdownUrl(https)}${titled}) <!-- TODO: an image from ${origin}, which image_hosts does not allow; add the host or copy the image to ${folder}/ -->`;
    }
    const found = findFile(url);
    if (found) return `![${text}](/${targetFor(found).replace(/^public\//, '')}${titled})`;
    const name = basename(url.replace(/[?#].*$/, '')) || 'image';
    note(ctx, 80, `image ${quote(url)} not found next to the source (or not PNG, JPEG, GIF, WebP or AVIF): copy it to ${folder}/${name}`);
    return `![${text}](/${folder.replace(/^public\//, '')}/${markdownUrl(name)}${titled}) <!-- TODO: copy ${url} to ${folder}/${name} -->`;
  };
  const visit = (node: Nodes) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (node.type === 'image' && start !== undefined && end !== undefined) {
      ctx.edits.push({ start, end, text: rewrite(node.url, node.alt ?? '', node.title ?? undefined) });
      return;
    }
    if (node.type === 'html' && start !== undefined && end !== undefined && /<img\b/i.test(node.value)) {
      const raw = ctx.body.slice(start, end);
      const text = raw.replace(/<img\b[^>]*>/gi, (tag) => {
        const a = imgAttributes(tag);
        return a.src ? rewrite(a.src, a.alt ?? '', a.title) : '';
      });
      ctx.edits.push({ start, end, text });
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(ctx.tree);
  return assets;
}
