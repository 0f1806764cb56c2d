import { BlockList, isIPv4, isIPv6 } from 'node:net';
import { z } from 'astro/zod';
import { describeValue } from '../../validation/problems.ts';
import { fieldAtOffset } from '../document.ts';
import type { DocumentRule, LintDocument, LintFinding } from '../types.ts';

const EMAIL =
  /(?<![\w.%+:/-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}(?![\w@:-])/g;
const IPV4 = /(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w]|\.\d)/g;
const IPV6 = /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])/g;

// Domains reserved for documentation and testing (RFC 2606, RFC 6761): no address there is anyone's.
const RESERVED_DOMAIN = /(?:^|\.)(?:example\.(?:com|net|org)|example|test|invalid|localhost)$/i;

// Addresses that identify no person: private, loopback, link-local, shared, documentation, multicast and reserved ranges.
const NOT_PERSONAL = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NOT_PERSONAL.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['2001:db8::', 32],
  ['ff00::', 8],
] as const) {
  NOT_PERSONAL.addSubnet(network, prefix, 'ipv6');
}

type Options = { allow: string[] };

const ADDRESS = 'expected an address or a domain such as "@pantrybox.example"';
const AllowSchema = z.array(z.string({ error: ADDRESS }).trim().min(1, { error: ADDRESS }), {
  error: 'expected a list of addresses or domains, e.g. ["@pantrybox.example"]',
});

function allowed(value: string, allow: readonly string[]): boolean {
  const lower = value.toLowerCase();
  return allow.some((entry) => {
    const e = entry.toLowerCase();
    return e === lower || (e.startsWith('@') && lower.endsWith(e));
  });
}

/** E-mail addresses and public IP addresses in a post-mortem are warnings. */
export const personalData: DocumentRule<Options> = {
  id: 'personal-data',
  type: 'document',
  defaultSeverity: 'warning',
  kinds: ['incident', 'reading-list'],
  options: { allow: AllowSchema },
  defaults: { allow: [] },
  summary: 'Personal data: e-mail addresses and public IP addresses, in prose, frontmatter and log excerpts.',
  docs: `Post-mortems are shared widely and kept for years; a customer's e-mail or IP address in a log
excerpt is personal data that should not travel with them.

Flags e-mail addresses and IP addresses (v4 and v6) anywhere in a post-mortem or reading list. Never
flagged, because they identify nobody: addresses at domains reserved for documentation (example.com,
*.example, *.test, *.invalid) and private, loopback, link-local, shared, multicast and documentation
IP ranges (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 192.0.2.0/24, 198.51.100.0/24,
203.0.113.0/24, 2001:db8::/32, fc00::/7 and the like).

Options in catalog/check.yaml:
  personal-data:
    severity: warning
    allow: ["@pantrybox.example", oncall@pantrybox.com]   # shared mailboxes or whole domains

A warning by default: a shared team mailbox is not personal data. Allow it, or keep one occurrence
with a reason:  {/* hindsight-ignore personal-data: the supplier's published support address */}`,
  examples: [
    {
      in: 'body',
      bad: 'Customer jane.doe@gmail.com reported the double charge.',
      good: 'A customer reported the double charge.',
      finding: { line: 1, column: 10, message: 'expected no personal data such as an e-mail address', found: '"jane.doe@gmail.com"' },
    },
    {
      in: 'body',
      bad: 'The duplicate requests came from 81.2.69.160.',
      good: 'The duplicate requests came from one residential address.',
      finding: { line: 1, column: 34, message: 'expected no personal data such as an IP address', found: '"81.2.69.160"' },
    },
  ],
  check(doc: LintDocument, options: Options): LintFinding[] {
    const findings: LintFinding[] = [];
    const report = (offset: number, value: string, what: string, hint: string) =>
      findings.push({
        ...doc.positionAt(offset),
        field: fieldAtOffset(doc, offset),
        message: `expected no personal data such as ${what}`,
        found: describeValue(value),
        hint,
      });
    for (const match of doc.text.matchAll(EMAIL)) {
      const domain = match[0].slice(match[0].indexOf('@') + 1);
      if (RESERVED_DOMAIN.test(domain) || allowed(match[0], options.allow)) continue;
      report(
        match.index,
        match[0],
        'an e-mail address',
        'Refer to people by role ("a customer", "the on-call engineer"); a shared mailbox can be allowed under personal-data.allow in catalog/check.yaml.',
      );
    }
    for (const pattern of [IPV4, IPV6]) {
      for (const match of doc.text.matchAll(pattern)) {
        const ip = match[0];
        const v4 = isIPv4(ip);
        // An IPv6 candidate needs a digit and three groups: dead:beef::cafe and 1:: are more likely words or code.
        if (!v4 && !(isIPv6(ip) && /\d/.test(ip) && ip.split(':').filter(Boolean).length >= 3)) continue;
        if (NOT_PERSONAL.check(ip, v4 ? 'ipv4' : 'ipv6') || allowed(ip, options.allow)) continue;
        report(
          match.index,
          ip,
          'an IP address',
          'Replace it with "<customer IP>" or a documentation address (192.0.2.10, 2001:db8::10); private and documentation ranges are never flagged.',
        );
      }
    }
    return findings.sort((a, b) => a.line - b.line || a.column - b.column);
  },
};
