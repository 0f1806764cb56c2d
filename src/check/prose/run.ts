import type { Root as NlcstRoot } from 'nlcst';
import remarkRetext from 'remark-retext';
import retextEnglish from 'retext-english';
import { unified, type Processor } from 'unified';
import type { VFile } from 'vfile';
import { describeValue } from '../../validation/problems.ts';
import type { LintDocument, LintFinding, ProseRule } from '../types.ts';
import { bodyPosition, proseChunks, textChunks } from './chunks.ts';
import { freeTextFields, positionsInValue } from './fields.ts';

/** A finding of one prose rule. */
export interface ProseFinding {
  rule: string;
  finding: LintFinding;
}

// Processors are built once per set of rules and reused for every text.
const retextProcessors = new Map<string, Processor<NlcstRoot, NlcstRoot, NlcstRoot>>();
const bridges = new Map<string, Processor>();

function retextFor(rules: readonly ProseRule[]): Processor<NlcstRoot, NlcstRoot, NlcstRoot> {
  const key = rules.map((r) => r.id).join(',');
  let processor = retextProcessors.get(key);
  if (!processor) {
    let built = unified().use(retextEnglish) as unknown as Processor<NlcstRoot, NlcstRoot, NlcstRoot>;
    for (const rule of rules) built = built.use(rule.plugin) as typeof built;
    processor = built.freeze();
    retextProcessors.set(key, processor);
  }
  return processor;
}

function bridgeFor(rules: readonly ProseRule[]): Processor {
  const key = rules.map((r) => r.id).join(',');
  let bridge = bridges.get(key);
  if (!bridge) {
    bridge = unified()
      .use(remarkRetext, retextFor(rules) as never)
      .freeze() as unknown as Processor;
    bridges.set(key, bridge);
  }
  return bridge;
}

// Runs a processor's plugins and hands back the file, whose messages are what the rules reported.
function runOn(processor: Processor<never, never, never>, tree: unknown, value: string, field: string, continued: boolean): Promise<VFile> {
  return new Promise((resolve, reject) => {
    processor.run(tree as never, { value, data: { field, continued } }, (error, _tree, file) => {
      if (error || !file) reject(error);
      else resolve(file);
    });
  });
}

function toFinding(message: VFile['messages'][number]): Omit<LintFinding, 'line' | 'column'> {
  return {
    message: message.reason,
    found: message.actual !== undefined ? describeValue(message.actual) : undefined,
    hint: message.note,
  };
}

/**
 * Runs the prose rules over the MDX body (through remark-retext) and over each free-text frontmatter
 * field (through retext), and positions every message in the file. Both are parsed in chunks of
 * bounded size (chunks.ts), so the time taken grows in proportion to the text, not to its square.
 */
export async function runProseRules(doc: LintDocument, rules: readonly ProseRule[]): Promise<ProseFinding[]> {
  const findings: ProseFinding[] = [];
  if (doc.kind === 'catalog' || rules.length === 0) return findings;

  const bodyRules = rules.filter((r) => r.appliesTo({ kind: doc.kind, field: '' }));
  if (doc.body && bodyRules.length > 0) {
    // Each chunk is a copy of part of the tree, with positions relative to its own text.
    const bridge = bridgeFor(bodyRules) as never;
    const chunks = proseChunks(doc.body.tree, doc.body.text);
    for (const [i, chunk] of chunks.entries()) {
      const file = await runOn(bridge, chunk.tree, chunk.text, '', i > 0);
      for (const message of file.messages) {
        if (!message.ruleId || message.line === undefined) continue;
        const { line, column } = bodyPosition(chunk, { line: message.line, column: message.column ?? 1 });
        findings.push({ rule: message.ruleId, finding: { line: line + doc.body.line - 1, column, field: '', ...toFinding(message) } });
      }
    }
  }

  for (const text of freeTextFields(doc.kind, doc.source.data)) {
    const fieldRules = rules.filter((r) => r.appliesTo({ kind: doc.kind, field: text.field }));
    if (fieldRules.length === 0) continue;
    const processor = retextFor(fieldRules);
    const messages: { rule: string; message: VFile['messages'][number]; offset: number }[] = [];
    for (const [start, end] of textChunks(text.value)) {
      const part = text.value.slice(start, end);
      const file = await runOn(processor as never, processor.parse(part), part, text.field, start > 0);
      for (const message of file.messages) {
        if (!message.ruleId) continue;
        const place = message.place && 'start' in message.place ? message.place.start : message.place;
        messages.push({ rule: message.ruleId, message, offset: start + (place?.offset ?? 0) });
      }
    }
    // Every message of the field is placed in one pass over its written text.
    const positions = positionsInValue(
      doc.source,
      text.path,
      messages.map((m) => m.offset),
    );
    messages.forEach(({ rule, message }, i) => {
      const { line, column } = positions[i]!;
      findings.push({ rule, finding: { line, column, field: text.field, ...toFinding(message) } });
    });
  }
  return findings;
}
