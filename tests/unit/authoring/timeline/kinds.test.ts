import { describe, expect, it } from 'vitest';
import { guessKind, loadKindWords } from '../../../../src/authoring/timeline/kinds.ts';

describe('guessing an event kind from a message', () => {
  it('reads the word list, each kind with phrases, in the order they are tried', () => {
    const list = loadKindWords(new URL('../../../../src/authoring/timeline/words/kinds.yaml', import.meta.url));
    expect(list.map((e) => e.kind)).toEqual(['resolve', 'mitigate', 'escalate', 'detect', 'action']);
    expect(list.every((e) => e.phrases.length > 5)).toBe(true);
  });

  it.each([
    ['Triggered #48213: checkout-api card authorisation failures above 5%', 'detect', 'triggered'],
    ['Support is getting complaints about declined cards', 'detect', 'complaints'],
    ['Pulling in Priya, this looks like the timeout change', 'escalate', 'pulling in'],
    ['Escalating to the database team', 'escalate', 'escalating'],
    ['Setting gateway.acquirer_timeout_ms back to 8000 in eu-west-1', 'action', 'setting'],
    ['Killed the second rebuild (run 88412)', 'action', 'killed'],
    ['Error rate back to normal in eu-west-1. Applying to us-east-1 now.', 'mitigate', 'back to normal'],
    ['p95 back under 400ms, slot search working again.', 'mitigate', 'back under'],
    ['deploy-5131 is fully rolled out. Resolved from our side.', 'resolve', 'resolved'],
    ['All clear, standing down the bridge', 'resolve', 'all clear'],
  ])('%s → %s', (text, kind, because) => {
    expect(guessKind(text)).toEqual({ kind, because });
  });

  it('lets an unless word cancel a phrase in its own sentence only', () => {
    expect(guessKind('Not resolved yet, errors still at 2%')).toEqual({ kind: 'note' });
    expect(guessKind('Rolled back, error rate back to normal; not closing the incident yet')).toEqual({
      kind: 'mitigate',
      because: 'back to normal',
    });
    expect(guessKind('deploy-5127 cut the acquirer timeout from 8s to 2s')).toEqual({ kind: 'note' });
  });

  it('never counts the words of a question', () => {
    expect(guessKind('Should we roll back deploy-5127, or put the timeout back with the flag?')).toEqual({ kind: 'note', question: true });
    expect(guessKind('Makes sense. Should we roll back?')).toEqual({ kind: 'note' });
    expect(guessKind('Rolling back now. Anyone object?')).toEqual({ kind: 'action', because: 'rolling back' });
  });
});
