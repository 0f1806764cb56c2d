import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPostmortem } from '../../../src/authoring/new-postmortem.ts';
import { parseMdxBody } from '../../../src/validation/mdx-syntax.ts';
import { formatProblem } from '../../../src/validation/problems.ts';
import { parseFrontmatterSource } from '../../../src/validation/source.ts';
import { loadCatalog, loadPlaceholders } from '../../../src/validation/sources.ts';
import { checkUnfinished, mergePlaceholders, templatePlaceholders } from '../../../src/validation/unfinished.ts';

const PROJECT = join(import.meta.dirname, '../../..');
const TEMPLATE = readFileSync(join(PROJECT, 'templates/postmortem.mdx'), 'utf8');
const LIGHT = readFileSync(join(PROJECT, 'templates/postmortem-light.mdx'), 'utf8');
const parse = (body: string) => parseMdxBody('templates/postmortem.mdx', body, 1).tree;
const PLACEHOLDERS_FULL = templatePlaceholders(TEMPLATE, parse);
// What npm run check uses: the examples and guidance of both templates.
const PLACEHOLDERS = loadPlaceholders(PROJECT);
const catalog = loadCatalog(join(PROJECT, 'tests/fixtures/archive'));

const unfinished = (file: string, text: string) => {
  const source = parseFrontmatterSource(file, text);
  return checkUnfinished(file, text, source, parseMdxBody(file, source.body, source.bodyLine).tree, PLACEHOLDERS).map(formatProblem);
};

describe('what is unfinished', () => {
  it('finds every part of an untouched npm run new draft, with its line, field and what to write', () => {
    const { path, text } = renderPostmortem(
      TEMPLATE,
      { title: 'Flag evaluations served a stale bundle', date: '2026-11-20', severity: 'SEV3', services: ['feature-flags'] },
      catalog,
    );
    const f = path;
    expect(unfinished(f, text)).toEqual([
      `${f}:12:3 summary: expected finished text from in-review on, found "TODO: one to three sentences on what happened and what it...". Replace the TODO with what happened; only drafts may keep TODO markers.`,
      `${f}:19:11 authors[0]: expected this post-mortem's own text, not the template's example, found "your-handle". Write the handles of the people who wrote this document.`,
      `${f}:23:50 started: expected finished text from in-review on, found "TODO: the real time, with its offset". The comment marks a value npm run new guessed: write the real one (a time with its offset) and delete the TODO.`,
      `${f}:24:81 detected: expected finished text from in-review on, found "TODO: the real time, with its offset". The comment marks a value npm run new guessed: write the real one (a time with its offset) and delete the TODO.`,
      `${f}:38:15 response.rationale: expected finished text from in-review on, found "TODO: why this response, weighed against the error budget.". Replace the TODO with what happened; only drafts may keep TODO markers.`,
      `${f}:44:5 slo_impact[0].bad_minutes: expected the minutes that counted against flag-evaluation-availability, found 0. Write the bad minutes from the SLO's dashboard, or remove the entry if this SLO was not hit.`,
      `${f}:52:19 contributing_factors[0].description: expected finished text from in-review on, found "TODO: a system condition that made this possible.". Replace the TODO with what happened; only drafts may keep TODO markers.`,
      `${f}:55:13 action_items[0].title: expected finished text from in-review on, found "TODO: a specific, bounded follow-up". Replace the TODO with what happened; only drafts may keep TODO markers.`,
      `${f}:67:12 timeline[0].text: expected finished text from in-review on, found "TODO: what set it off.". Replace the TODO with what happened; only drafts may keep TODO markers.`,
      `${f}:75:1 expected this post-mortem's own text, not the template's guidance, found "Who was affected, for how long and how badly, in numbers:...". Replace the guidance with what happened, or remove the section if it does not apply.`,
      `${f}:80:1 expected this post-mortem's own text, not the template's guidance, found "The page already shows the events of timeline above as th...". Replace the guidance with what happened, or remove the section if it does not apply.`,
      `${f}:88:1 expected this post-mortem's own text, not the template's guidance, found "The story behind one factor of contributing_factors, unde...". Replace the guidance with what happened, or remove the section if it does not apply.`,
      `${f}:94:1 expected this post-mortem's own text, not the template's guidance, found "Why responders rolled back, fixed forward, failed over or...". Replace the guidance with what happened, or remove the section if it does not apply.`,
      `${f}:97:1 expected text under "## What went well", found an empty section. Write it, or remove the heading if it does not apply to this incident.`,
      `${f}:99:1 expected text under "## What went wrong", found an empty section. Write it, or remove the heading if it does not apply to this incident.`,
      `${f}:103:1 expected this post-mortem's own text, not the template's guidance, found "What would have made this worse, and why it did not happe...". Replace the guidance with what happened, or remove the section if it does not apply.`,
      `${f}:107:1 expected this post-mortem's own text, not the template's guidance, found "What a reader in a year's time should take away. Each les...". Replace the guidance with what happened, or remove the section if it does not apply.`,
      `${f}:112:1 expected this post-mortem's own text, not the template's guidance, found "Dashboards, log excerpts (in fenced code blocks, with sec...". Replace the guidance with what happened, or remove the section if it does not apply.`,
    ]);
  });

  it('finds every part of an untouched draft from the light template, its guidance included', () => {
    const { path, text } = renderPostmortem(
      LIGHT,
      {
        title: 'Flag evaluations served a stale bundle',
        date: '2026-11-20',
        severity: 'SEV4',
        services: ['feature-flags'],
        type: 'near-miss',
      },
      catalog,
      'templates/postmortem-light.mdx',
    );
    const f = path;
    expect(unfinished(f, text)).toEqual([
      `${f}:15:3 summary: expected finished text from in-review on, found "TODO: one to three sentences on what happened and what it...". Replace the TODO with what happened; only drafts may keep TODO markers.`,
      `${f}:22:11 authors[0]: expected this post-mortem's own text, not the template's example, found "your-handle". Write the handles of the people who wrote this document.`,
      `${f}:25:83 started: expected finished text from in-review on, found "TODO: the real time, with its offset". The comment marks a value npm run new guessed: write the real one (a time with its offset) and delete the TODO.`,
      `${f}:26:81 detected: expected finished text from in-review on, found "TODO: the real time, with its offset". The comment marks a value npm run new guessed: write the real one (a time with its offset) and delete the TODO.`,
      `${f}:34:15 response.rationale: expected finished text from in-review on, found "TODO: why this response, weighed against the error budget.". Replace the TODO with what happened; only drafts may keep TODO markers.`,
      `${f}:38:19 contributing_factors[0].description: expected finished text from in-review on, found "TODO: a system condition that made this possible.". Replace the TODO with what happened; only drafts may keep TODO markers.`,
      `${f}:41:13 action_items[0].title: expected finished text from in-review on, found "TODO: a specific, bounded follow-up". Replace the TODO with what happened; only drafts may keep TODO markers.`,
      `${f}:52:1 expected this post-mortem's own text, not the template's guidance, found "What happened and what it would have done, in a few sente...". Replace the guidance with what happened, or remove the section if it does not apply.`,
      `${f}:57:1 expected this post-mortem's own text, not the template's guidance, found "For a minor incident, who was affected, for how long and ...". Replace the guidance with what happened, or remove the section if it does not apply.`,
      `${f}:64:1 expected this post-mortem's own text, not the template's guidance, found "The story behind one factor of contributing_factors, unde...". Replace the guidance with what happened, or remove the section if it does not apply.`,
      `${f}:70:1 expected this post-mortem's own text, not the template's guidance, found "What is being done, matching the action_items above, or w...". Replace the guidance with what happened, or remove the section if it does not apply.`,
    ]);
  });

  it('counts the examples and guidance of both templates, and of neither when they are absent', () => {
    const light = templatePlaceholders(LIGHT, parse);
    const merged = mergePlaceholders([PLACEHOLDERS_FULL, light]);
    expect(merged.paragraphs.size).toBe(PLACEHOLDERS_FULL.paragraphs.size + light.paragraphs.size);
    expect([...merged.values.get('action_items[].title')!]).toEqual([
      'Push flag bundles to one canary region and hold for 15 minutes before the rest',
      'Make one region the default target of a new flag bundle',
    ]);
    expect(loadPlaceholders(join(PROJECT, 'tests/fixtures/archive'))).toEqual({ values: new Map(), paragraphs: new Set() });
  });

  it("finds the template's own example values, and a TODO in the body but not in a quoted log", () => {
    const text = readFileSync(join(PROJECT, 'tests/fixtures/archive/incidents/2025/2025-03-02-flag-cache-stale.mdx'), 'utf8')
      .replace(
        'title: Flag cache served a stale bundle for an hour',
        'title: Checkout returned 500s after a flag bundle reached every region',
      )
      .replace(
        'A near-miss with no components in its body.',
        'The cache kept v790. TODO: add the purge timings.\n\n```text\n09:12 TODO from the cache daemon: purge queued\n```',
      );
    expect(unfinished('incidents/2025/2025-03-02-flag-cache-stale.mdx', text)).toEqual([
      'incidents/2025/2025-03-02-flag-cache-stale.mdx:2:1 title: expected this post-mortem\'s own text, not the template\'s example, found "Checkout returned 500s after a flag bundle reached every ...". Replace the example with what happened in this incident.',
      'incidents/2025/2025-03-02-flag-cache-stale.mdx:21:22 expected finished text from in-review on, found "TODO: add the purge timings.". Replace the TODO with what happened; only drafts may keep TODO markers.',
    ]);
  });

  it('finds nothing in a finished post-mortem', () => {
    const text = readFileSync(join(PROJECT, 'tests/fixtures/archive/incidents/2025/2025-03-02-flag-cache-stale.mdx'), 'utf8');
    expect(unfinished('incidents/2025/2025-03-02-flag-cache-stale.mdx', text)).toEqual([]);
  });
});
