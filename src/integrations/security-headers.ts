import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildContentSecurityPolicy, buildHeadersFile, findInlineCode, type InlineCode } from '../lib/csp.ts';
import type { Audience } from '../config/settings.ts';

/**
 * Writes `_headers` next to the built site: a Content-Security-Policy that hashes every inline script
 * and style the pages contain, plus the usual hardening headers. The internal site also asks search
 * engines not to index it.
 */
export default function securityHeaders({ audience }: { audience: Audience }): AstroIntegration {
  return {
    name: 'hindsight-security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const inline: InlineCode = { scripts: [], styles: [], styleAttributes: [] };
        const files = readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
        for (const file of files) {
          const found = findInlineCode(readFileSync(join(site, file), 'utf8'));
          inline.scripts.push(...found.scripts);
          inline.styles.push(...found.styles);
          inline.styleAttributes.push(...found.styleAttributes);
        }
        const policy = buildContentSecurityPolicy(inline);
        writeFileSync(join(site, '_headers'), buildHeadersFile(policy, { noindex: audience === 'internal' }));
        logger.info(`Wrote _headers (${new Set(inline.scripts).size} inline scripts and ${new Set([...inline.styles, ...inline.styleAttributes]).size} inline styles hashed).`);
      },
    },
  };
}
