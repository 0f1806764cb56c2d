import { DECISIONS, DETECTIONS, TRIGGERS } from '../../../schema/incident.ts';
import { slugify } from '../../new-postmortem.ts';
import { guessDecision, guessDetection, guessTrigger, mapDetection, mapTrigger } from '../vocabulary.ts';
import { comment, keep, note, sectionOf, sectionText, show, take, type ImportContext } from '../context.ts';

/** The first guess any of the texts gives, trying them in order. */
function firstGuess<T>(texts: readonly string[], guess: (text: string) => T | undefined): T | undefined {
  for (const text of texts) {
    const found = text.trim() === '' ? undefined : guess(text);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** `trigger`, `detection` and `response.decision`: a value written as one of the format's, else guessed from the sections that describe them and the timeline. */
export function mapResponse(ctx: ImportContext): void {
  const { out } = ctx;
  const events = out.events;
  const guessed: string[] = [];
  const missing: string[] = [];
  const writtenTrigger = take(ctx, 'trigger');
  // A value written as one of the format's ("deploy") is taken as it is; free text ("The nightly backup ...") is a guess.
  let trigger: (typeof TRIGGERS)[number] | undefined = writtenTrigger ? mapTrigger(show(writtenTrigger.value)) : undefined;
  const triggerExact = trigger !== undefined && slugify(show(writtenTrigger!.value)) === trigger;
  // Free text in the frontmatter leaves the document once read, so what it said is kept unless it was exact.
  if (ctx.fields.get('trigger') && !triggerExact)
    keep(ctx, writtenTrigger!, trigger ? `read as trigger ${trigger}` : 'not a trigger of the format');
  if (trigger && !triggerExact) guessed.push(`trigger '${trigger}'`);
  if (!trigger) {
    trigger = firstGuess(
      [sectionText(ctx, sectionOf(ctx, 'trigger')), ctx.prose.get('trigger') ?? '', events[0]?.text ?? '', out.factorTexts.join('\n')],
      guessTrigger,
    );
    if (trigger) guessed.push(`trigger '${trigger}'`);
  }
  const writtenDetection = take(ctx, 'detection');
  let detection: (typeof DETECTIONS)[number] | undefined = writtenDetection ? mapDetection(show(writtenDetection.value)) : undefined;
  const detectionExact = detection !== undefined && slugify(show(writtenDetection!.value)) === detection;
  if (ctx.fields.get('detection') && !detectionExact)
    keep(ctx, writtenDetection!, detection ? `read as detection ${detection}` : 'not a detection of the format');
  if (detection && !detectionExact) guessed.push(`detection '${detection}'`);
  if (!detection) {
    const detectEvent = events.find((e) => e.kind === 'detect');
    detection = firstGuess(
      [sectionText(ctx, sectionOf(ctx, 'detection')), ctx.prose.get('detection') ?? '', detectEvent?.text ?? ''],
      guessDetection,
    );
    if (detection) guessed.push(`detection '${detection}'`);
  }
  const decision = firstGuess(
    [
      sectionText(ctx, sectionOf(ctx, 'response')),
      ctx.prose.get('response') ?? '',
      events
        .filter((e) => e.kind === 'mitigate' || e.kind === 'action')
        .map((e) => e.text)
        .join('\n'),
    ],
    guessDecision,
  );
  if (decision) guessed.push(`response.decision '${decision}'`);
  if (!trigger) missing.push('trigger');
  if (!detection) missing.push('detection');
  if (!decision) missing.push('response.decision');
  if (guessed.length > 0) note(ctx, 55, `${guessed.join(', ')} guessed from the text: check ${guessed.length === 1 ? 'it' : 'them'}`);
  if (missing.length > 0) note(ctx, 55, `${missing.join(', ')}: not in the source; left as TODO`);
  Object.assign(out, {
    triggerExact,
    detectionExact,
    ...(trigger ? { trigger } : {}),
    ...(detection ? { detection } : {}),
    ...(decision ? { decision } : {}),
  });
  comment(
    ctx,
    ['detection'],
    detection
      ? detectionExact
        ? undefined
        : ' TODO: guessed from the text; check it'
      : ` TODO: not in the source; one of ${DETECTIONS.join(', ')}`,
  );
  comment(
    ctx,
    ['trigger'],
    trigger
      ? triggerExact
        ? undefined
        : ' TODO: guessed from the text; check it'
      : ` TODO: not in the source; one of ${TRIGGERS.join(', ')}`,
  );
  comment(
    ctx,
    ['response', 'decision'],
    decision ? ' TODO: guessed from the text; check it' : ` TODO: not in the source; one of ${DECISIONS.join(', ')}`,
  );
}
