import type { z } from 'astro/zod';
import type { Root as MdastRoot } from 'mdast';
import type { Root as NlcstRoot } from 'nlcst';
import type { Plugin } from 'unified';
import type { Position } from '../validation/problems.ts';
import type { YamlSource } from '../validation/source.ts';

/** How a problem counts: errors fail the check (and the build), warnings are reported only. */
export type Severity = 'error' | 'warning';

/** A rule's setting in `catalog/check.yaml`. */
export type RuleSetting = Severity | 'off';

/** What the check reads: a post-mortem, a reading list or a catalog YAML file. */
export type DocumentKind = 'incident' | 'reading-list' | 'catalog';

/** What every rule has: an id, one line saying what it checks, and docs for `--explain`. */
interface RuleInfo {
  /** Kebab-case, e.g. `blameless-language`; used in output, `catalog/check.yaml` and ignore comments. */
  id: string;
  /** One line: what the rule looks for. */
  summary: string;
  /** Why it matters and how to fix what it finds (plain text, shown by `--explain`). */
  docs: string;
  /** Text that breaks the rule and the same text fixed; a unit test runs each through the check. */
  examples?: readonly RuleExample[];
}

/**
 * Where an example's text goes in the example post-mortem (src/check/rules/examples.ts): the MDX
 * `body`; `frontmatter`, whole YAML lines that take the place of the lines of the same top-level keys
 * (or are added); or `{ field }`, the YAML value of one field, e.g. `action_items[0].title`.
 */
export type ExamplePlace = 'body' | 'frontmatter' | { field: string };

/** What the check reports on a bad example; line and column count from the start of the example's text. */
export interface ExampleFinding {
  line: number;
  column: number;
  /** The frontmatter field path, as in the report; absent in the body. */
  field?: string;
  message: string;
  found?: string;
}

/** A documented example of a rule: the bad text yields exactly `finding`, the good text nothing at all. */
export interface RuleExample {
  in: ExamplePlace;
  bad: string;
  good: string;
  finding: ExampleFinding;
}

/**
 * A rule that is always an error and can be neither configured nor ignored: the format rules that
 * src/validation applies for the build, and the check's own configuration file.
 */
export interface FixedRule extends RuleInfo {
  type: 'fixed';
  /** Who fails on it: the build (and the check), or the check alone. */
  enforcedBy: 'build' | 'check';
}

/** A rule of the check itself, about `hindsight-ignore` comments. */
export interface EngineRule extends RuleInfo {
  type: 'engine';
  defaultSeverity: RuleSetting;
}

/** Which text a prose rule is offered: the body (field `''`) or one free-text frontmatter field. */
export interface ProseTarget {
  kind: DocumentKind;
  /** `''` for the MDX body, else a field path such as `contributing_factors[0].description`. */
  field: string;
}

/**
 * A rule over natural-language text, written as a retext plugin: it reads the nlcst tree and reports
 * with `file.message(reason, { place, ruleId, source: 'hindsight' })`, setting `actual` (what was
 * found) and `note` (why and how to fix it) on the message.
 */
export interface ProseRule extends RuleInfo {
  type: 'prose';
  defaultSeverity: RuleSetting;
  /** Whether the rule reads this text. */
  appliesTo(target: ProseTarget): boolean;
  /** The retext plugin. */
  plugin: Plugin<[], NlcstRoot>;
}

/** One file as the document rules see it. */
export interface LintDocument {
  /** Path relative to the archive root. */
  file: string;
  /** Absolute path on disk. */
  absolutePath: string;
  kind: DocumentKind;
  /** The whole file. */
  text: string;
  /** The YAML (frontmatter, or the whole catalog file) with positions. */
  source: YamlSource;
  /** Offset in `text` where the YAML text of `source` starts. */
  yamlOffset: number;
  /** The MDX body, its first line in the file and its tree; absent for catalog files or when the body does not parse. */
  body?: { text: string; line: number; tree: MdastRoot };
  /** The position in the file of an offset in `text`. */
  positionAt(offset: number): Position;
}

/** What the document rules may need beyond the document. */
export interface RuleContext {
  /** The Hindsight project folder (where src/components lives), which may differ from the archive root. */
  projectRoot: string;
}

/** A problem a rule found, positioned in the file; the engine adds the file, rule and severity. */
export interface LintFinding {
  line: number;
  column: number;
  /** The frontmatter field path, e.g. `action_items[1].title`; empty in the body. */
  field?: string;
  message: string;
  found?: string;
  hint?: string;
}

/** A rule over a whole document: its text, its YAML or its MDX tree. */
export interface DocumentRule<Options extends Record<string, unknown> = Record<string, unknown>> extends RuleInfo {
  type: 'document';
  defaultSeverity: RuleSetting;
  /** The kinds of file it reads. */
  kinds: readonly DocumentKind[];
  /** Options it accepts next to `severity` in `catalog/check.yaml`, each with a default. */
  options?: { [K in keyof Options]: z.ZodType<Options[K]> };
  /** The options when `catalog/check.yaml` sets none. */
  defaults?: Options;
  check(doc: LintDocument, options: Options, context: RuleContext): LintFinding[] | Promise<LintFinding[]>;
}

// `any`: the registry holds rules with different option types; each rule validates its own options.
/** Any rule the check knows. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type Rule = FixedRule | EngineRule | ProseRule | DocumentRule<any>;

/** A rule that `catalog/check.yaml` may configure and a comment may ignore. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type ConfigurableRule = EngineRule | ProseRule | DocumentRule<any>;
