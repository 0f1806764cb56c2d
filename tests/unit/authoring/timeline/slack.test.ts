import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSlackExport } from '../../../../src/authoring/timeline/slack.ts';
import { TimelineError, TimelineUsageError } from '../../../../src/authoring/timeline/errors.ts';

const SLACK = join(import.meta.dirname, '../../../fixtures/timeline/slack');
const show = (path: string) => path.replace(`${SLACK}`, 'slack');

function failure(run: () => unknown): { type: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof TimelineError || error instanceof TimelineUsageError) return { type: error.name, message: error.message };
    throw error;
  }
  throw new Error('expected the export to be refused');
}

/** A copy of the fixture workspace to break. */
function copy(): string {
  const root = mkdtempSync(join(tmpdir(), 'hindsight-slack-'));
  cpSync(SLACK, root, { recursive: true });
  return root;
}

describe('a Slack export', () => {
  it('reads the channel with edits applied, deletions gone, threads, bots, joins, pins and reactions', () => {
    const log = readSlackExport(SLACK, { channel: '#inc-2026-10-13-card-declines', show });
    expect(log.label).toBe('slack (#inc-2026-10-13-card-declines)');
    const rows = log.messages.map((m) =>
      [
        new Date(m.at).toISOString().slice(11, 19),
        m.author ?? `bot:${m.bot}`,
        m.event,
        m.reply ? 'reply' : '',
        m.pinned ? 'pinned' : '',
        m.reactions.join(','),
        m.edited ? 'edited' : '',
      ]
        .join(' ')
        .trim()
        .replace(/\s+/g, ' '),
    );
    expect(rows).toEqual([
      '12:59:02 U06PBX1SOK join',
      '12:59:40 bot:PagerDuty message timeline',
      '13:00:15 U06PBX1SOK message timeline,eyes',
      '13:03:30 U06PBX2PNT join',
      '13:04:10 U06PBX1SOK message pinned',
      '13:06:55 U06PBX2PNT message reply timeline',
      '13:08:20 U06PBX1SOK message reply',
      '13:09:45 U06PBX2PNT message reply',
      '13:10:20 U06PBX2PNT message reply',
      '13:12:30 U06PBX2PNT message timeline edited',
      '13:15:10 U06PBX3MKW join',
      '13:16:02 U06PBX3MKW message pinned',
      '13:18:40 U06PBX2PNT message timeline',
      '13:21:00 bot:Grafana message',
      '13:24:30 U06PBX4TFE join',
      '13:25:10 U06PBX4TFE message',
      '13:27:15 U06PBX2PNT message timeline edited',
      '13:36:20 U06PBX1SOK message timeline',
      '13:41:05 U06PBX1SOK message pinned',
      '13:41:30 U06PBX1SOK notice',
      '14:20:10 U06PBX2PNT message timeline,white_check_mark',
      '14:22:40 U06PBX1SOK message pinned',
      '14:35:00 U06PBX3MKW leave',
      '08:12:44 U06PBX1SOK message',
    ]);
    const edited = log.messages.find((m) => new Date(m.at).toISOString().startsWith('2026-10-13T13:27:15'))!;
    expect(edited.parts).toEqual([{ text: 'Error rate back to normal in eu-west-1. Applying to us-east-1 now.' }]);
    expect(log.people.get('U06PBX2PNT')).toEqual({
      key: 'U06PBX2PNT',
      handle: 'pnatarajan',
      names: ['Priya Natarajan', 'Priya'],
      title: 'Senior Engineer, Payments',
      bot: false,
    });
  });

  it('reads a channel folder on its own, finding users.json beside it', () => {
    const log = readSlackExport(join(SLACK, 'inc-2026-10-25-slot-search'), { show });
    expect(log.label).toBe('slack/inc-2026-10-25-slot-search (#inc-2026-10-25-slot-search)');
    expect(log.messages).toHaveLength(13);
    expect(log.people.get('U06PBX6LFI')?.handle).toBe('lfischer');
  });

  it('asks which channel when the export holds several, and suggests a name close to a wrong one', () => {
    expect(failure(() => readSlackExport(SLACK, { show, hint: '2026-10-25' }))).toEqual({
      type: 'TimelineUsageError',
      message:
        "slack holds 3 channels (#general, #inc-2026-10-13-card-declines, #inc-2026-10-25-slot-search); pass --channel with the incident's channel, e.g. --channel inc-2026-10-25-slot-search.",
    });
    expect(failure(() => readSlackExport(SLACK, { show, channel: 'inc-2026-10-13-card-decline' }))).toEqual({
      type: 'TimelineUsageError',
      message:
        '--channel: no channel #inc-2026-10-13-card-decline in slack. Did you mean #inc-2026-10-13-card-declines? It holds #general, #inc-2026-10-13-card-declines, #inc-2026-10-25-slot-search.',
    });
  });

  it('reports JSON that cannot be read with its line and column', () => {
    const root = copy();
    writeFileSync(
      join(root, 'inc-2026-10-25-slot-search/2026-10-25.json'),
      '[\n    {"type": "message", "ts": "1792888880.000880", "text": "hi",}\n]\n',
    );
    expect(
      failure(() => readSlackExport(join(root, 'inc-2026-10-25-slot-search'), { show: (p) => p.replace(root, 'export') })).message,
    ).toBe(
      [
        'export/inc-2026-10-25-slot-search/2026-10-25.json:2:65 expected JSON, but it could not be read: Expected double-quoted property name',
        'Found 1 problem in 1 file. Export the channel from Slack again (docs/timeline.md says how), or correct the file by hand.',
      ].join('\n'),
    );
  });

  it('reports every record that is not as Slack writes it, in every file, by line and field', () => {
    const root = mkdtempSync(join(tmpdir(), 'hindsight-slack-'));
    mkdirSync(join(root, 'inc-x'));
    writeFileSync(join(root, 'users.json'), '{"users": []}\n');
    writeFileSync(
      join(root, 'inc-x/2026-10-13.json'),
      [
        '[',
        '    {"type": "message", "user": "U06PBX1SOK", "text": "rolled back"},',
        '    {"type": "message", "ts": 1791896415.0077, "text": "watching"},',
        '    {"type": "message", "ts": "1791896416.000100", "reactions": [{"count": 1}]}',
        ']',
      ].join('\n'),
    );
    expect(failure(() => readSlackExport(root, { show: (p) => p.replace(root, 'export') })).message).toBe(
      [
        'export/users.json:1:1 expected a list of users ([...]), as Slack writes users.json, found {"users":[]}',
        'export/inc-x/2026-10-13.json:2:5 [0].ts: required field is missing: expected Slack\'s timestamp: epoch seconds as a string, e.g. "1791900120.000200"',
        'export/inc-x/2026-10-13.json:3:25 [1].ts: expected Slack\'s timestamp: epoch seconds as a string, e.g. "1791900120.000200", found 1791896415.0077',
        'export/inc-x/2026-10-13.json:4:66 [2].reactions[0].name: required field is missing: expected text',
        'Found 4 problems in 2 files. Export the channel from Slack again (docs/timeline.md says how), or correct the file by hand.',
      ].join('\n'),
    );
  });
});
