import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChatLog, ChatMessage, Person } from '../../../../src/authoring/timeline/chat.ts';
import { namePeople, readPeopleFile } from '../../../../src/authoring/timeline/people.ts';
import { readSlackExport } from '../../../../src/authoring/timeline/slack.ts';
import { TimelineError, TimelineUsageError } from '../../../../src/authoring/timeline/errors.ts';

const SLACK = join(import.meta.dirname, '../../../fixtures/timeline/slack');
const TEAMS = [
  { id: 'payments', name: 'Payments' },
  { id: 'fulfilment', name: 'Fulfilment' },
  { id: 'platform', name: 'Platform' },
].map((t) => ({ ...t, visibility: 'public' as const }));
const channel = () => readSlackExport(SLACK, { channel: 'inc-2026-10-13-card-declines', show: (p) => p.replace(SLACK, 'slack') });

/** Each message of the log as the timeline would write it. */
function written(log: ChatLog, naming: ReturnType<typeof namePeople>, at: string[]): string[] {
  return log.messages
    .filter((m) => at.some((t) => new Date(m.at).toISOString().includes(t)))
    .map((m) => `${naming.speaker(m)}: ${naming.render(m.parts)}`);
}

function person(key: string, names: string[], extra: Partial<Person> = {}): Person {
  return { key, handle: undefined, names, title: undefined, bot: false, ...extra };
}

function message(author: string, text: string): ChatMessage {
  return {
    at: 0,
    where: 'x',
    author,
    bot: undefined,
    event: 'message',
    parts: [{ text }],
    reply: false,
    pinned: false,
    reactions: [],
    edited: false,
  };
}

describe('naming people in the timeline', () => {
  it('uses roles by default: the person the page went to is on call, a job title gives the team, anyone else is a responder', () => {
    const log = channel();
    const naming = namePeople(log, { mode: 'roles', teams: TEAMS });
    expect(naming.onCallFrom?.bot).toBe('PagerDuty');
    expect(written(log, naming, ['13:04:10', '13:16:02', '13:25:10', '13:36:20'])).toEqual([
      'The on-call engineer: An engineer from Payments pulling you in: this looks like the acquirer timeout change that went out at 13:50',
      'A responder: Support is getting complaints about declined cards, 40+ chats so far, nearly all from 3-D Secure customers',
      'An engineer from Platform: Platform here, anything you need from us? Flag service itself is healthy.',
      'The on-call engineer: Live in us-east-1 too. A responder, can you let support know customers can retry their orders?',
    ]);
    expect(naming.notes).toEqual([]);
  });

  it('names the on-call engineer by --on-call, overriding the page', () => {
    const naming = namePeople(channel(), { mode: 'roles', teams: TEAMS, onCall: ['@pnatarajan'] });
    expect(naming.onCallFrom).toBeUndefined();
    expect([naming.name('U06PBX2PNT'), naming.name('U06PBX1SOK')]).toEqual(['the on-call engineer', 'an engineer from Payments']);
  });

  it('keeps handles when asked, in running text with an @', () => {
    const log = channel();
    const naming = namePeople(log, { mode: 'handles', teams: TEAMS });
    expect(written(log, naming, ['13:04:10', '13:36:20'])).toEqual([
      'sokafor: @pnatarajan pulling you in: this looks like the acquirer timeout change that went out at 13:50',
      'sokafor: Live in us-east-1 too. @mkowalczyk, can you let support know customers can retry their orders?',
    ]);
  });

  it('replaces names typed into messages, full or first, but not inside links or other words', () => {
    const log: ChatLog = {
      format: 'transcript',
      label: 'bridge.txt',
      messages: [],
      ignored: [],
      people: new Map([
        ['Dan Whitlock', person('Dan Whitlock', ['Dan Whitlock', 'Dan'])],
        ['Will Hart', person('Will Hart', ['Will Hart', 'Will'])],
      ]),
    };
    const naming = namePeople(log, { mode: 'roles', teams: TEAMS, onCall: ['dan whitlock'] });
    expect(naming.render([{ text: 'paging Dan. @Dan, dan whitlock and Will: see https://wiki.pantrybox.example/Dan and Danish' }])).toBe(
      'paging the on-call engineer. The on-call engineer, the on-call engineer and a responder: see https://wiki.pantrybox.example/Dan and Danish',
    );
    expect(naming.render([{ text: 'we will roll back' }])).toBe('we will roll back');
    expect(naming.speaker(message('Will Hart', 'x'))).toBe('A responder');
  });

  it('takes names from a mapping file by handle, user id or name, and notes lines that match nobody', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hindsight-people-'));
    writeFileSync(
      join(dir, 'people.yaml'),
      '# who is who\n"@sokafor": the incident commander\nU06PBX3MKW: the support lead\nPriya Natarajan: an engineer from Payments\nJo Bloggs: nobody\n',
    );
    const mapping = readPeopleFile(join(dir, 'people.yaml'), 'people.yaml');
    const naming = namePeople(channel(), { mode: 'roles', teams: TEAMS, mapping, mappingFile: 'people.yaml' });
    expect(['U06PBX1SOK', 'U06PBX3MKW', 'U06PBX2PNT', 'U06PBX4TFE'].map(naming.name)).toEqual([
      'the incident commander',
      'the support lead',
      'an engineer from Payments',
      'an engineer from Platform',
    ]);
    expect(naming.onCallFrom).toBeUndefined();
    expect(naming.notes).toEqual([
      'people.yaml: nobody in slack (#inc-2026-10-13-card-declines) is called "jo bloggs"; that line was not used.',
    ]);
  });

  it('refuses a mapping file that is not a mapping, and an --on-call that names nobody', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hindsight-people-'));
    writeFileSync(join(dir, 'people.yaml'), '- sokafor\n- pnatarajan\n');
    expect(() => readPeopleFile(join(dir, 'people.yaml'), 'people.yaml')).toThrow(
      new TimelineError(
        [
          'people.yaml:1:1 expected a mapping of who to what they are called, e.g. "sokafor: the on-call engineer", found ["sokafor","pnatarajan"]',
          'Write one line per person, e.g. "sokafor: the on-call engineer" (docs/timeline.md).',
        ].join('\n'),
      ),
    );
    expect(() => namePeople(channel(), { mode: 'roles', teams: TEAMS, onCall: ['sokafr'] })).toThrow(
      new TimelineUsageError(
        '--on-call: nobody in slack (#inc-2026-10-13-card-declines) is called "sokafr". Did you mean sokafor? Give a handle or a user id from the export, or a name as the transcript writes it.',
      ),
    );
  });
});
