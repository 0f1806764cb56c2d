import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildHeadersFile, contentSecurityPolicy, findInlineCode } from '../lib/csp.ts';
import type { Audience } from '../config/settings.ts';

/** How many pieces of inline code a failed build lists before it gives a count. */
const LISTED = 20;

/**
 * Writes `_headers` next to the built site: the fixed Content-Security-Policy (src/lib/csp.ts), which
 * allows no inline code, plus the usual hardening headers; the internal site also asks search engines
 * not to index it. A page with inline code fails the build here, since the policy would block that
 * code in every browser: move scripts to files under public/ and styles to stylesheets.
 */
export default function securityHeaders({
  audience,
  imageHosts = [],
}: {
  audience: Audience;
  imageHosts?: readonly string[];
}): AstroIntegration {
  return {
    name: 'hindsight-security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const files = readdirSync(site, { recursive: true, encoding: 'utf8' })
          .filter((f) => f.endsWith('.html'))
          .sort();
        const inline = files.flatMap((file) => findInlineCode(file.split('\\').join('/'), readFileSync(join(site, file), 'utf8')));
        if (inline.length > 0) {
          const listed = inline.slice(0, LISTED).map((i) => `  ${i.file}: ${i.kind}`);
          if (inline.length > LISTED) listed.push(`  ... and ${inline.length - LISTED} more`);
          throw new Error(
            `The Content-Security-Policy allows no inline code, found ${inline.length} in the built site:\n${listed.join('\n')}\nMove scripts to files under public/ (loaded with <script is:inline src="/name.js">) and styles to src/styles; see docs/security.md.`,
          );
        }
        writeFileSync(join(site, '_headers'), buildHeadersFile(contentSecurityPolicy(imageHosts), { noindex: audience === 'internal' }));
        logger.info('Wrote _headers: no page has inline code, so the Content-Security-Policy allows none.');
      },
    },
  };
}
