import { describe, expect, it } from 'vitest';
import { readTranscript } from '../../../../src/authoring/timeline/transcript.ts';
import { TimelineError } from '../../../../src/authoring/timeline/errors.ts';

const LONDON = { shown: 'bridge.txt', timeZone: 'Europe/London', day: '2026-10-13' };

function read(text: string, options = LONDON) {
  const log = readTranscript(text, options);
  return log.messages.map((m) => [
    new Date(m.at).toISOString(),
    m.author ?? m.bot ?? '',
    m.event,
    m.parts.map((p) => ('text' in p ? p.text : `@${p.person}`)).join(''),
  ]);
}

function failure(text: string, options = LONDON): string {
  try {
    readTranscript(text, options);
  } catch (error) {
    if (error instanceof TimelineError) return error.message;
    throw error;
  }
  throw new Error('expected the transcript to be refused');
}

describe('a pasted transcript', () => {
  it('reads times with or without brackets, seconds, am/pm, dates and zones, and speakers written several ways', () => {
    expect(
      read(
        [
          '14:05 Sam: rolled back',
          '[14:06] Priya Natarajan: error rate dropping',
          '[2026-10-13 14:07:30] <sokafor> watching',
          '2:10 pm Marta K: support queue is calm',
          '14:20 still here, no speaker',
          '13:25 UTC PagerDuty APP: Resolved #48213',
        ].join('\n'),
      ),
    ).toEqual([
      ['2026-10-13T13:05:00.000Z', 'Sam', 'message', 'rolled back'],
      ['2026-10-13T13:06:00.000Z', 'Priya Natarajan', 'message', 'error rate dropping'],
      ['2026-10-13T13:07:30.000Z', 'sokafor', 'message', 'watching'],
      ['2026-10-13T13:10:00.000Z', 'Marta K', 'message', 'support queue is calm'],
      ['2026-10-13T13:20:00.000Z', '', 'message', 'still here, no speaker'],
      ['2026-10-13T13:25:00.000Z', 'PagerDuty', 'message', 'Resolved #48213'],
    ]);
  });

  it('joins a line without a time to the message before it and reads joins and leaves', () => {
    expect(
      read(
        '09:02 Dan Whitlock joined the space\n09:03 Dan Whitlock: Lists are back.\nit took 17 minutes\n\n09:40 Dan Whitlock has left the channel',
      ),
    ).toEqual([
      ['2026-10-13T08:02:00.000Z', 'Dan Whitlock', 'join', ''],
      ['2026-10-13T08:03:00.000Z', 'Dan Whitlock', 'message', 'Lists are back. it took 17 minutes'],
      ['2026-10-13T08:40:00.000Z', 'Dan Whitlock', 'leave', ''],
    ]);
  });

  it('takes a time earlier than the one before it as the repeated hour when the clocks go back, else the next day', () => {
    const night = { ...LONDON, day: '2026-10-25' };
    expect(
      read(
        '01:40 Kwame: rebuild slow\n01:58 Lena: looking\n01:31 Lena: second rebuild started\n02:20 Lena: resolved\n00:10 Kwame: quiet now',
        night,
      ),
    ).toEqual([
      ['2026-10-25T00:40:00.000Z', 'Kwame', 'message', 'rebuild slow'],
      ['2026-10-25T00:58:00.000Z', 'Lena', 'message', 'looking'],
      ['2026-10-25T01:31:00.000Z', 'Lena', 'message', 'second rebuild started'],
      ['2026-10-25T02:20:00.000Z', 'Lena', 'message', 'resolved'],
      ['2026-10-26T00:10:00.000Z', 'Kwame', 'message', 'quiet now'],
    ]);
  });

  it('sets the day from a line holding only a date, in any of the usual ways of writing one', () => {
    expect(read('Sunday 29 March 2026\n[05:07] Aisha Bello: no lists\n--- 30/03/2026 ---\n[05:01] Aisha Bello: lists fine today')).toEqual([
      ['2026-03-29T04:07:00.000Z', 'Aisha Bello', 'message', 'no lists'],
      ['2026-03-30T04:01:00.000Z', 'Aisha Bello', 'message', 'lists fine today'],
    ]);
  });

  it('lists the lines before the first message as not messages', () => {
    const log = readTranscript('Pasted from #ops-bridge\n\n05:07 Aisha: hello', LONDON);
    expect(log.ignored).toEqual([{ where: 'bridge.txt:1', why: 'not a message: no time at the start of the line' }]);
  });

  it('refuses a time that is not one, a time the clocks skipped, and a text without times, naming the line', () => {
    expect(failure('14:05 Sam: fine\n[25:10] Sam: rolled back')).toBe(
      'bridge.txt:2: "[25:10] Sam: rolled back" starts with a time that is not one (hours 00-23, minutes 00-59). Correct it, e.g. "14:05 Sam: rolled back".',
    );
    expect(failure('01:30 Dan: the job should run now', { ...LONDON, day: '2026-03-29' })).toBe(
      'bridge.txt:1: 01:30 on 2026-03-29 does not exist in Europe/London (the clocks went forward over it). Write the time the clock showed, or add the offset, e.g. "01:30 +00:00".',
    );
    expect(failure('Sam: rolled back\nPriya: thanks')).toBe(
      'bridge.txt: no line starts with a time. Expected lines such as "14:05 Sam: rolled back" or "[2026-10-25 01:40] Sam: rolled back"; docs/timeline.md lists the forms it reads.',
    );
  });
});
