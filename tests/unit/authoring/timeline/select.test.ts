import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../../src/authoring/timeline/chat.ts';
import { describeSelection, inWindow, parseMoment, selectMessages } from '../../../../src/authoring/timeline/select.ts';
import { TimelineUsageError } from '../../../../src/authoring/timeline/errors.ts';

function message(time: string, extra: Partial<ChatMessage> = {}): ChatMessage {
  return {
    at: Date.parse(`2026-10-13T${time}Z`),
    where: 'inc/2026-10-13.json',
    author: 'U06PBX1SOK',
    bot: undefined,
    event: 'message',
    parts: [{ text: `said at ${time}` }],
    reply: false,
    pinned: false,
    reactions: [],
    edited: false,
    ...extra,
  };
}

const MESSAGES = [
  message('12:40:00', { pinned: true, parts: [{ text: 'before the window' }] }),
  message('12:59:02', { event: 'join', parts: [{ person: 'U06PBX1SOK' }, { text: ' has joined the channel' }] }),
  message('12:59:40', { author: undefined, bot: 'PagerDuty', reactions: ['timeline'] }),
  message('13:00:15', { reactions: ['timeline', 'eyes'] }),
  message('13:04:10', { pinned: true }),
  message('13:08:20', { reply: true }),
  message('13:16:02', { reactions: ['eyes'] }),
  message('13:41:30', { event: 'notice', notice: 'pinned_item', pinned: false }),
  message('13:50:00', { pinned: true, parts: [] }),
  message('14:20:59', { reactions: ['timeline'] }),
  message('14:21:00', { pinned: true }),
];
const WINDOW = { from: Date.parse('2026-10-13T12:52:00Z'), to: Date.parse('2026-10-13T14:20:00Z') };
const times = (messages: readonly ChatMessage[]) => messages.map((m) => new Date(m.at).toISOString().slice(11, 19));

describe('choosing the messages of a timeline', () => {
  it('takes pinned and :timeline: messages in the window, to the minute, and says why it skips the rest', () => {
    const picked = selectMessages(MESSAGES, { pinned: true, reactions: ['timeline'], all: false }, WINDOW, false);
    expect(times(picked.taken)).toEqual(['13:00:15', '13:04:10', '14:20:59']);
    expect(picked.skipped.map((s) => [times([s.message])[0], s.why])).toEqual([
      ['12:59:40', 'a bot message; pass --bots to take bot messages'],
      ['13:50:00', 'no text (a file, an emoji or a reaction only)'],
    ]);
    expect([picked.notTaken, picked.outside]).toEqual([4, 2]);
  });

  it("takes every message with --all, bots too with --bots, but never joins or Slack's notices", () => {
    const picked = selectMessages(MESSAGES, { pinned: false, reactions: [], all: true }, WINDOW, true);
    expect(times(picked.taken)).toEqual(['12:59:40', '13:00:15', '13:04:10', '13:08:20', '13:16:02', '14:20:59']);
    expect(picked.skipped.map((s) => s.why)).toEqual([
      'joins and leaves are never taken',
      'a notice Slack wrote (pinned_item), not something someone said',
      'no text (a file, an emoji or a reaction only)',
    ]);
  });

  it('takes any of several reactions, and an open window takes everything', () => {
    expect(
      times(selectMessages(MESSAGES, { pinned: false, reactions: ['eyes'], all: false }, { from: undefined, to: undefined }, false).taken),
    ).toEqual(['13:00:15', '13:16:02']);
    expect(inWindow(Date.parse('2026-10-13T14:20:59Z'), WINDOW)).toBe(true);
    expect(inWindow(Date.parse('2026-10-13T12:51:59Z'), WINDOW)).toBe(false);
  });

  it('says what it takes in words', () => {
    expect(describeSelection({ pinned: true, reactions: ['timeline'], all: false })).toBe(
      'pinned messages and messages with a :timeline: reaction',
    );
    expect(describeSelection({ pinned: false, reactions: ['timeline', 'pushpin'], all: false })).toBe(
      'messages with a :timeline: or :pushpin: reaction',
    );
    expect(describeSelection({ pinned: false, reactions: [], all: true })).toBe('every message');
  });
});

describe('--from and --to', () => {
  const LONDON = 'Europe/London';
  const iso = (ms: number) => new Date(ms).toISOString();

  it('reads a timestamp with an offset, or a wall-clock time in the archive zone', () => {
    expect(iso(parseMoment('2026-10-13T14:00:00+01:00', '--from', LONDON))).toBe('2026-10-13T13:00:00.000Z');
    expect(iso(parseMoment('2026-10-13T14:00', '--from', LONDON))).toBe('2026-10-13T13:00:00.000Z');
    expect(iso(parseMoment('2026-10-13 14:00', '--to', LONDON))).toBe('2026-10-13T13:00:00.000Z');
    expect(iso(parseMoment('2026-10-13', '--from', LONDON))).toBe('2026-10-12T23:00:00.000Z');
    expect(iso(parseMoment('2026-10-13', '--to', LONDON))).toBe('2026-10-13T22:59:00.000Z');
  });

  it('widens the window in the repeated hour: --from takes the first 01:30, --to the second', () => {
    expect(iso(parseMoment('2026-10-25T01:30', '--from', LONDON))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(parseMoment('2026-10-25T01:30', '--to', LONDON))).toBe('2026-10-25T01:30:00.000Z');
  });

  it('refuses what it cannot read as a usage error with an example', () => {
    const usage = (value: string) => {
      try {
        parseMoment(value, '--from', LONDON);
      } catch (error) {
        if (error instanceof TimelineUsageError) return error.message;
        throw error;
      }
      return 'accepted';
    };
    expect(usage('13:55')).toBe(
      '--from: expected a date and time, e.g. --from 2026-10-13T14:00 (in Europe/London) or --from 2026-10-13T14:00:00+01:00; found "13:55".',
    );
    expect(usage('2026-03-29T01:30')).toBe(
      '--from: "2026-03-29T01:30" is not a time that exists in Europe/London, e.g. --from 2026-10-13T14:00 (in Europe/London) or --from 2026-10-13T14:00:00+01:00.',
    );
    expect(usage('2026-02-30T10:00')).toBe(
      '--from: "2026-02-30T10:00" is not a time that exists in Europe/London, e.g. --from 2026-10-13T14:00 (in Europe/London) or --from 2026-10-13T14:00:00+01:00.',
    );
  });
});
