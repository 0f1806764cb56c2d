import type { SkippedMessage, TimelineResult } from './build.ts';
import { formatInstant } from './zone.ts';

const SHORT = 70;

function short(text: string): string {
  return text.length > SHORT ? `${text.slice(0, SHORT - 3).trimEnd()}...` : text;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function skippedLine(s: SkippedMessage, timeZone: string): string {
  if (s.at === undefined) return `  - ${s.where}: ${s.why}`;
  return `  - ${formatInstant(s.at, timeZone)}  ${short(s.text)}: ${s.why}`;
}

/**
 * The report of a run: what was read and asked for, every event added (with the words its kind was
 * guessed from), every message skipped and why, what was left out, and what to do next.
 */
export function formatTimelineReport(result: TimelineResult): string {
  const at = (ms: number) => formatInstant(ms, result.timeZone);
  const w = result.window;
  const from = w.from !== undefined ? `from ${at(w.from)} (${w.fromSays})` : `from ${w.fromSays}`;
  const to = w.to !== undefined ? `to ${at(w.to)} (${w.toSays})` : `to ${w.toSays}`;
  const lines = [
    `Read ${result.source}: ${plural(result.messages, 'message')}.`,
    `Took ${result.selection} ${from} ${to}; times in ${result.timeZone}.`,
    `Named people ${result.people}${result.onCallFrom ? `; the on-call engineer is the person ${result.onCallFrom.bot} paged at ${at(result.onCallFrom.at)} (--on-call names someone else)` : ''}.`,
    ...result.notes.map((n) => `Note: ${n}`),
    '',
  ];
  const verb = result.dryRun ? 'Would add' : 'Added';
  if (result.added.length === 0) lines.push(`No events to add to ${result.incident}.`);
  else {
    lines.push(`${verb} ${plural(result.added.length, 'event')} to the timeline of ${result.incident}:`);
    const kindWidth = Math.max(...result.added.map((e) => e.kind.length));
    const atWidth = Math.max(...result.added.map((e) => e.atText.length));
    for (const e of result.added) {
      const why = e.guess.because ? `  [${e.guess.because}]` : e.guess.question ? '  [a question]' : '';
      lines.push(`  + ${e.atText.padEnd(atWidth)}  ${e.kind.padEnd(kindWidth)}  ${e.text}${why}`);
    }
  }
  if (result.outsideKeyMoments.length > 0) {
    const n = result.outsideKeyMoments.length;
    lines.push(
      `${n === 1 ? 'One event lies' : `${n === 2 ? 'Two' : n} events lie`} outside the incident's key moments (${result.outsideKeyMoments.map((e) => e.atText).join(', ')}), which npm run check refuses: correct started, mitigated or resolved if they are wrong, else remove ${n === 1 ? 'it' : 'them'}.`,
    );
  }
  if (result.wording.length > 0) {
    lines.push('Wording that npm run check reports in the added events (reword it in the file):');
    for (const w of result.wording)
      lines.push(`  ! ${w.atText}  ${w.rule} (${w.severity}): ${w.message}${w.found ? `, found ${w.found}` : ''}`);
    lines.push('  npm run check -- --explain <rule> says why the rule asks for it and how to reword.');
  }
  if (result.skipped.length > 0) {
    lines.push(`Skipped ${result.skipped.length}:`);
    lines.push(...result.skipped.map((s) => skippedLine(s, result.timeZone)));
  }
  const left = [
    ...(result.notTaken > 0 ? [`${plural(result.notTaken, 'other message')} in the window`] : []),
    ...(result.outside > 0 ? [`${plural(result.outside, 'message')} outside ${result.notTaken > 0 ? 'it' : 'the window'}`] : []),
  ];
  if (left.length > 0) lines.push(`Left out ${left.join(' and ')}.`);
  if (result.taken === 0 && result.notTaken > 0) {
    lines.push(
      `No ${result.selection.replace(' and ', ' or ')} in the window: --all takes every message in it, --reaction <name> those with another reaction.`,
    );
  }
  if (result.taken === 0 && result.notTaken === 0 && result.outside > 0) {
    lines.push("No message lies in the window: check --from and --to, or the incident's started and resolved.");
  }
  lines.push('');
  if (result.dryRun) lines.push('Dry run: nothing was written.');
  else if (result.added.length > 0)
    lines.push(
      `Next: check each kind (guessed from the words in brackets) and the wording${result.hasTrigger ? '' : ', add the trigger event (what set the incident off)'}, then run npm run check.`,
    );
  return `${lines.join('\n')}\n`;
}
