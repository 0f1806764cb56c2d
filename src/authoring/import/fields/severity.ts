import { plainText, sourceOf } from '../markdown.ts';
import { mapSeverity, type SeverityMapping } from '../vocabulary.ts';
import { comment, keep, mapped, note, quote, sectionOf, sectionText, show, take, type ImportContext } from '../context.ts';

/** A severity named in running text: `Sev1`, `SEV-2`, `severity 3`, `declared a P1`. */
const SEVERITY_IN_TEXT = /\b(?:sev(?:erity)?[\s-]?[0-9]\b|SEV[0-9]\b|(?:declared (?:an? |as )?|an? )P[0-4](?= incident\b|\b))/i;

/** The words a Severity section opens with: its bold text (`**Critical** - ...`), else the words before a dash, colon or full stop. */
export function leadingWords(markdown: string): string | undefined {
  const bold = /^\s*(?:\*\*|__)([^*_]+?)(?:\*\*|__)/.exec(markdown)?.[1];
  const text = plainText(bold ?? markdown);
  const lead = bold ? text : /^(.{1,40}?)(?:\s+[-–—]\s+|[:.,;]\s|\s*$)/.exec(text)?.[1];
  return lead?.trim() || undefined;
}

/**
 * `severity`: the written value mapped to the taxonomy; else the opening words of a Severity section; else a
 * severity named in the timeline or the opening text ("Incident declared Sev1"). Whatever was read carries a
 * TODO quoting the source's word unless it was the taxonomy's own id; with nothing stated, the lowest level
 * with a TODO saying so.
 */
export function mapSeverityField(ctx: ImportContext): void {
  const severities = ctx.catalog.taxonomy.severities;
  const ids = severities.map((s) => s.id).join(', ');
  const lowest = severities[severities.length - 1]!.id;
  const written = take(ctx, 'severity');
  let said: { word: string; where: string; mapping?: SeverityMapping } | undefined;
  if (written) {
    said = { word: show(written.value), where: '' };
    said.mapping = mapSeverity(said.word, severities);
    if (said.mapping) mapped(ctx, written);
    else keep(ctx, written, `not a severity of ${ids}`);
  } else {
    const section = sectionOf(ctx, 'severity');
    const first = section?.nodes.find((n) => n.type === 'paragraph' || n.type === 'list');
    const word = first ? leadingWords(sourceOf(ctx.body, first).replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')) : undefined;
    if (word) said = { word, where: ' in the Severity section', mapping: mapSeverity(word, severities) };
  }
  if (!said) {
    // "Incident declared Sev1" in the timeline, or "a SEV2" in the opening text.
    const [start, end] = ctx.preamble;
    const places: [string, string][] = [
      ...ctx.out.events.map((e): [string, string] => [' in the timeline', e.text]),
      [' in the opening text', plainText(ctx.code.slice(start, end))],
      [' in the summary', plainText(sectionText(ctx, sectionOf(ctx, 'summary')))],
    ];
    for (const [where, text] of places) {
      const word = SEVERITY_IN_TEXT.exec(text)?.[0].replace(/^(?:declared (?:an? |as )?|an? )/i, '');
      const mapping = word ? mapSeverity(word, severities) : undefined;
      if (word && mapping) {
        said = { word, where, mapping };
        break;
      }
    }
  }
  const severity = said?.mapping?.id ?? lowest;
  if (said?.mapping) {
    if (!said.mapping.exact || said.where !== '') {
      note(ctx, 20, `severity ${quote(said.word)}${said.where} mapped to ${severity}: check it`);
      comment(ctx, ['severity'], ` TODO: check it; the source said ${quote(said.word)}${said.where}`);
    }
  } else if (said) {
    note(ctx, 20, `severity ${quote(said.word)}${said.where} matches none of ${ids}: set to ${severity} with a TODO`);
    comment(ctx, ['severity'], ` TODO: the source said ${quote(said.word)}${said.where}; choose one of ${ids}`);
  } else {
    note(ctx, 20, `severity: not in the source; set to ${severity} with a TODO`);
    comment(ctx, ['severity'], ` TODO: not in the source; choose one of ${ids}`);
  }
  ctx.out.severity = severity;
}
