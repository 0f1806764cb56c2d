import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/validation/problems.ts';
import { checkPublicImages } from '../../../src/validation/public-images.ts';

describe('files next to a post-mortem, under public/incidents/', () => {
  it('may be images, and nothing else the site would serve as itself', () => {
    const root = mkdtempSync(join(tmpdir(), 'hindsight-public-'));
    const folder = join(root, 'public/incidents/2026-07-14-basket-errors');
    mkdirSync(folder, { recursive: true });
    for (const name of ['pool.png', 'latency.JPG', 'diagram.html', 'diagram.js', 'flow.svg']) writeFileSync(join(folder, name), '');
    symlinkSync('/etc/hostname', join(folder, 'host.png'));
    expect(checkPublicImages(root).map(formatProblem)).toEqual([
      'public/incidents/2026-07-14-basket-errors/diagram.html:1:1 expected only image files (.png, .jpg, .jpeg, .gif, .webp, .avif) under public/incidents/, found "diagram.html". Files there are served from the site\'s own address, where a page or script would run as the site: remove it; an SVG diagram can be exported as a PNG.',
      'public/incidents/2026-07-14-basket-errors/diagram.js:1:1 expected only image files (.png, .jpg, .jpeg, .gif, .webp, .avif) under public/incidents/, found "diagram.js". Files there are served from the site\'s own address, where a page or script would run as the site: remove it; an SVG diagram can be exported as a PNG.',
      'public/incidents/2026-07-14-basket-errors/flow.svg:1:1 expected only image files (.png, .jpg, .jpeg, .gif, .webp, .avif) under public/incidents/, found "flow.svg". Files there are served from the site\'s own address, where a page or script would run as the site: remove it; an SVG diagram can be exported as a PNG.',
      "public/incidents/2026-07-14-basket-errors/host.png:1:1 expected only image files (.png, .jpg, .jpeg, .gif, .webp, .avif) under public/incidents/, found a symbolic link. Files there are served from the site's own address, where a page or script would run as the site: remove it; an SVG diagram can be exported as a PNG.",
    ]);
  });

  it('are not required', () => {
    expect(checkPublicImages(mkdtempSync(join(tmpdir(), 'hindsight-public-')))).toEqual([]);
  });
});
