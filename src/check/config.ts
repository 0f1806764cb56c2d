import { z } from 'astro/zod';
import { archivePathExists, readArchiveText } from '../validation/files.ts';
import { closestMatch, describeValue, type Finding, type Problem } from '../validation/problems.ts';
import { parseYamlSource } from '../validation/source.ts';
import { zodIssuesToFindings } from '../validation/zod-findings.ts';
import { CONFIGURABLE_RULES, FIXED_RULES } from './rules/index.ts';
import type { ConfigurableRule, RuleSetting } from './types.ts';

/** Where the check's configuration lives, relative to the archive root. */
export const CHECK_CONFIG_FILE = 'catalog/check.yaml';

/** `error`, `warning` or `off`. */
export const RuleSettingSchema = z.enum(['error', 'warning', 'off'], { error: 'expected error, warning or off' });

/** The long form of a rule's setting: a severity and the rule's options, all optional. */
function ruleObjectSchema(rule: ConfigurableRule) {
  const options = rule.type === 'document' && rule.options ? rule.options : {};
  const shape: Record<string, z.ZodType> = { severity: RuleSettingSchema.optional() };
  for (const [key, schema] of Object.entries(options)) shape[key] = (schema as z.ZodType).optional();
  return z.strictObject(shape);
}

/** The schema of `catalog/check.yaml`, for editors: each rule is a severity or a mapping with severity and options. */
export function createCheckConfigSchema() {
  const rules: Record<string, z.ZodType> = {};
  for (const rule of CONFIGURABLE_RULES)
    rules[rule.id] = z
      .union([RuleSettingSchema, ruleObjectSchema(rule)])
      .describe(`${rule.summary} Default: ${rule.defaultSeverity}.`)
      .optional();
  return z.strictObject({
    /** How each rule is treated; rules left out keep their default. */
    rules: z.strictObject(rules).optional(),
    /** An address with {rule} in it, e.g. `https://wiki.example.com/hindsight/{rule}`; problems link to it. */
    docs_url: z
      .string({ error: 'expected an address with {rule} in it, e.g. https://wiki.example.com/hindsight/{rule}' })
      .regex(/\{rule\}/, { error: 'expected an address with {rule} in it, e.g. https://wiki.example.com/hindsight/{rule}' })
      .optional(),
  });
}

/** A rule's effective setting. */
export interface RuleConfig {
  severity: RuleSetting;
  options: Record<string, unknown>;
}

/** The check's configuration, with defaults filled in, and what is wrong with the file. */
export interface CheckConfig {
  rules: Map<string, RuleConfig>;
  docsUrl: string | undefined;
  problems: Problem[];
}

const TopLevelSchema = z.strictObject({
  rules: z.record(z.string(), z.unknown(), { error: 'expected a mapping of rule ids to settings' }).optional(),
  docs_url: createCheckConfigSchema().shape.docs_url,
});

/** The defaults: every configurable rule at its default severity with its default options. */
export function defaultRuleConfigs(): Map<string, RuleConfig> {
  return new Map(
    CONFIGURABLE_RULES.map((rule) => [
      rule.id,
      { severity: rule.defaultSeverity, options: { ...(rule.type === 'document' ? rule.defaults : undefined) } },
    ]),
  );
}

/** Reads `catalog/check.yaml` under `root` (optional) and validates every setting, reporting each problem at its line. */
export function loadCheckConfig(root: string): CheckConfig {
  const rules = defaultRuleConfigs();
  if (!archivePathExists(root, CHECK_CONFIG_FILE)) return { rules, docsUrl: undefined, problems: [] };
  const asConfig = (problems: Problem[]) => problems.map((p) => ({ ...p, rule: 'config' }));
  const read = readArchiveText(root, CHECK_CONFIG_FILE);
  if (read.text === undefined || read.problems.length > 0) return { rules, docsUrl: undefined, problems: asConfig(read.problems) };
  const source = parseYamlSource(CHECK_CONFIG_FILE, read.text);
  if (source.problems.length > 0) return { rules, docsUrl: undefined, problems: asConfig(source.problems) };

  const raw = source.data ?? {};
  const top = TopLevelSchema.safeParse(raw);
  const findings: Finding[] = top.success
    ? []
    : zodIssuesToFindings(top.error.issues, raw, TopLevelSchema).map((f) => ({ ...f, rule: 'config' }));
  const written = (raw as { rules?: unknown }).rules;
  const settings = written !== null && typeof written === 'object' && !Array.isArray(written) ? (written as Record<string, unknown>) : {};
  const ids = CONFIGURABLE_RULES.map((r) => r.id);
  for (const [id, value] of Object.entries(settings)) {
    const path = ['rules', id];
    const rule = CONFIGURABLE_RULES.find((r) => r.id === id);
    const fixed = FIXED_RULES.find((r) => r.id === id);
    if (fixed) {
      findings.push({
        path,
        rule: 'config',
        message: `expected no setting for ${id}: it is enforced by the ${fixed.enforcedBy} and is always an error`,
        hint: 'Remove it.',
      });
      continue;
    }
    if (!rule) {
      const suggestion = closestMatch(id, ids);
      findings.push({
        path,
        rule: 'config',
        message: 'expected the id of a rule',
        found: describeValue(id),
        hint: suggestion ? `Did you mean "${suggestion}"?` : `The rules are ${ids.join(', ')}.`,
      });
      continue;
    }
    const schema = typeof value === 'string' ? RuleSettingSchema : ruleObjectSchema(rule);
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      for (const f of zodIssuesToFindings(parsed.error.issues, value, schema))
        findings.push({ ...f, path: [...path, ...f.path], rule: 'config' });
      continue;
    }
    const current = rules.get(id)!;
    if (typeof parsed.data === 'string') rules.set(id, { ...current, severity: parsed.data });
    else {
      const { severity, ...options } = parsed.data as { severity?: RuleSetting } & Record<string, unknown>;
      const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
      rules.set(id, { severity: severity ?? current.severity, options: { ...current.options, ...given } });
    }
  }
  return { rules, docsUrl: top.success ? top.data.docs_url : undefined, problems: asConfig(source.toProblems(findings)) };
}
