import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTimelineCli } from '../../../../src/authoring/timeline/cli.ts';

const PROJECT = join(import.meta.dirname, '../../../..');
const FIXTURES = join(PROJECT, 'tests/fixtures/timeline');
const CHECKOUT = 'archive/incidents/2026/2026-10-13-checkout-card-payments-declined.mdx';
const SLOTS = 'archive/incidents/2026/2026-10-25-slot-search-slow-at-clock-change.mdx';
const LEEDS = 'archive/incidents/2026/2026-03-29-leeds-picking-lists-missing-after-clock-change.mdx';

/** A folder holding a copy of the fixtures (archive/, slack/, transcripts/, people.yaml) to run in. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hindsight-timeline-'));
  for (const entry of ['archive', 'slack', 'transcripts', 'people.yaml'])
    cpSync(join(FIXTURES, entry), join(dir, entry), { recursive: true });
  return dir;
}

/** Runs `npm run timeline` in-process in `cwd` with the archive at archive/. */
async function run(cwd: string, args: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await runTimelineCli(['--root', 'archive', ...args], {
    cwd,
    env: {},
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { status, stdout, stderr };
}

const read = (cwd: string, file: string) => readFileSync(join(cwd, file), 'utf8');
const expected = (file: string) => readFileSync(join(FIXTURES, 'expected', file.replace(/^archive\//, '')), 'utf8');

describe('npm run timeline', () => {
  it("adds the checkout channel's pinned and :timeline: messages to the draft in order, and says what it skipped", async () => {
    const cwd = workspace();
    const { status, stdout, stderr } = await run(cwd, [
      'slack',
      '--channel',
      'inc-2026-10-13-card-declines',
      '--incident',
      '2026-10-13-checkout-card-payments-declined',
    ]);
    expect([status, stderr]).toEqual([0, '']);
    expect(read(cwd, CHECKOUT)).toBe(expected(CHECKOUT));
    expect(stdout).toBe(`Read slack (#inc-2026-10-13-card-declines): 24 messages.
Took pinned messages and messages with a :timeline: reaction from 2026-10-13T13:50:00+01:00 (started) to 2026-10-13T15:20:00+01:00 (resolved); times in Europe/London.
Named people by role; the on-call engineer is the person PagerDuty paged at 2026-10-13T13:59:00+01:00 (--on-call names someone else).

Added 7 events to the timeline of ${CHECKOUT}:
  + 2026-10-13T14:00:00+01:00  detect    The on-call engineer: Ack Seeing card authorisations fail at 7% since about 13:52, all of them through payment-gateway.  [seeing]
  + 2026-10-13T14:06:00+01:00  note      An engineer from Payments: Yes: deploy-5127 cut the acquirer timeout from 8s to 2s at 13:50, and 3-D Secure challenges often take longer than 2s.
  + 2026-10-13T14:12:00+01:00  action    An engineer from Payments: Setting \`gateway.acquirer_timeout_ms\` back to 8000 in eu-west-1 first, then us-east-1  [setting]
  + 2026-10-13T14:18:00+01:00  action    An engineer from Payments: Flag applied in eu-west-1  [applied]
  + 2026-10-13T14:27:00+01:00  mitigate  An engineer from Payments: Error rate back to normal in eu-west-1. Applying to us-east-1 now.  [back to normal]
  + 2026-10-13T14:36:00+01:00  note      The on-call engineer: Live in us-east-1 too. A responder, can you let support know customers can retry their orders?
  + 2026-10-13T15:20:00+01:00  resolve   An engineer from Payments: deploy-5131 gives the 3-D Secure path its own 10s timeout and is fully rolled out. Resolved from our side.  [resolved]
Skipped 4:
  - 2026-10-13T13:59:00+01:00  PagerDuty: Triggered #48213: checkout-api card authorisation failur...: a bot message; pass --bots to take bot messages
  - 2026-10-13T14:04:00+01:00  The on-call engineer: An engineer from Payments pulling you in: thi...: already in the timeline at 2026-10-13T14:04:00+01:00
  - 2026-10-13T14:16:00+01:00  A responder: Support is getting complaints about declined cards, 40...: already in the timeline at 2026-10-13T14:16:00+01:00
  - 2026-10-13T14:41:00+01:00  The on-call engineer: Authorisation failures back under 0.5% in bot...: already in the timeline at 2026-10-13T14:41:00+01:00
Left out 10 other messages in the window and 3 messages outside it.

Next: check each kind (guessed from the words in brackets) and the wording, then run npm run check.
`);
  });

  it('writes both offsets for a channel across the clock change, read from the channel folder alone', async () => {
    const cwd = workspace();
    const { status, stdout } = await run(cwd, [
      'slack/inc-2026-10-25-slot-search',
      '--incident',
      '2026-10-25-slot-search-slow-at-clock-change',
    ]);
    expect(status).toBe(0);
    expect(read(cwd, SLOTS)).toBe(expected(SLOTS));
    expect(stdout).toBe(`Read slack/inc-2026-10-25-slot-search (#inc-2026-10-25-slot-search): 13 messages.
Took pinned messages and messages with a :timeline: reaction from 2026-10-25T01:35:00+01:00 (started) to 2026-10-25T02:20:00Z (resolved); times in Europe/London.
Named people by role; the on-call engineer is the person PagerDuty paged at 2026-10-25T01:41:00+01:00 (--on-call names someone else).

Added 7 events to the timeline of ${SLOTS}:
  + 2026-10-25T01:44:00+01:00  detect    The on-call engineer: Ack. Seeing slot search p95 at 4.8s, slots database CPU at 95%.  [seeing]
  + 2026-10-25T01:49:00+01:00  note      The on-call engineer: slot-cache rebuild has been going since 01:30 and is only half done, it normally takes 12 minutes
  + 2026-10-25T01:53:00+01:00  escalate  The on-call engineer: Pulling in an engineer from Fulfilment, the rebuild job belongs to fulfilment  [pulling in]
  + 2026-10-25T01:31:00Z       note      An engineer from Fulfilment: A second rebuild just started, at 01:30 again because the clocks went back. Two rebuilds are now competing for the database.
  + 2026-10-25T01:36:00Z       action    An engineer from Fulfilment: Killed the second rebuild (run 88412); the first one carries on  [killed]
  + 2026-10-25T01:50:00Z       mitigate  The on-call engineer: p95 back under 400ms, slot search working again.  [back under]
  + 2026-10-25T02:20:00Z       resolve   An engineer from Fulfilment: First rebuild finished at 02:14 and the cache is complete. Resolved; moving the job to UTC will be an action item.  [resolved]
Skipped 1:
  - 2026-10-25T01:41:00+01:00  PagerDuty: Triggered #48377: delivery-slots p95 latency above 2s. A...: a bot message; pass --bots to take bot messages
Left out 4 other messages in the window and 1 message outside it.

Next: check each kind (guessed from the words in brackets) and the wording, add the trigger event (what set the incident off), then run npm run check.
`);
  });

  it('reads a pasted transcript, naming people as a mapping file says', async () => {
    const cwd = workspace();
    const { status, stdout } = await run(cwd, [
      'transcripts/leeds-bridge.txt',
      '--people',
      'people.yaml',
      '--incident',
      '2026-03-29-leeds-picking-lists-missing-after-clock-change',
    ]);
    expect(status).toBe(0);
    expect(read(cwd, LEEDS)).toBe(expected(LEEDS));
    expect(stdout).toBe(`Read transcripts/leeds-bridge.txt: 12 messages.
Took every message from 2026-03-29T05:00:00+01:00 (started) to 2026-03-29T07:15:00+01:00 (resolved); times in Europe/London.
Named people as people.yaml says, by role otherwise.

Added 10 events to the timeline of ${LEEDS}:
  + 2026-03-29T05:07:00+01:00  detect    The Leeds shift manager: Leeds pickers are reporting no picking lists for the 07:00 vans, the screen says "no lists for today"  [reporting]
  + 2026-03-29T05:09:00+01:00  note      The Leeds shift manager: the other depots look fine
  + 2026-03-29T05:10:00+01:00  escalate  The Leeds shift manager: paging the on-call engineer  [paging]
  + 2026-03-29T05:14:00+01:00  note      The on-call engineer: on it. picking-lists job has no run for today at all, last run was yesterday 01:30
  + 2026-03-29T05:21:00+01:00  note      The on-call engineer: 01:30 didn't exist this morning, the clocks went forward at 01:00. The scheduler skipped it.
  + 2026-03-29T05:24:00+01:00  action    The on-call engineer: Running the job by hand for Leeds now  [running]
  + 2026-03-29T05:31:00+01:00  note      The Leeds shift manager: are the other depots going to be short too?  [a question]
  + 2026-03-29T05:33:00+01:00  note      The on-call engineer: no, theirs run at 02:30 and 03:30, which both happened
  + 2026-03-29T05:48:00+01:00  mitigate  The on-call engineer: Lists are back for Leeds, 1,240 orders. Pickers have started. it took 17 minutes, slower than usual because it was a full day  [are back]
  + 2026-03-29T07:15:00+01:00  resolve   The on-call engineer: all 07:00 vans left on time. Resolved, I'll add an action item to move the schedule to UTC.  [resolved]
Skipped 2:
  - transcripts/leeds-bridge.txt:1: not a message: no time at the start of the line
  - 2026-03-29T05:12:00+01:00  The on-call engineer joined the conversation: joins and leaves are never taken
Left out 1 message outside the window.

Next: check each kind (guessed from the words in brackets) and the wording, add the trigger event (what set the incident off), then run npm run check.
`);
  });

  it('adds nothing when run again, naming each event already there', async () => {
    const cwd = workspace();
    const args = ['slack/inc-2026-10-25-slot-search', '--incident', '2026-10-25-slot-search-slow-at-clock-change'];
    await run(cwd, args);
    const { status, stdout } = await run(cwd, args);
    expect(status).toBe(0);
    expect(read(cwd, SLOTS)).toBe(expected(SLOTS));
    expect(stdout.split('\n').slice(4)).toEqual([
      `No events to add to ${SLOTS}.`,
      'Skipped 8:',
      '  - 2026-10-25T01:41:00+01:00  PagerDuty: Triggered #48377: delivery-slots p95 latency above 2s. A...: a bot message; pass --bots to take bot messages',
      '  - 2026-10-25T01:44:00+01:00  The on-call engineer: Ack. Seeing slot search p95 at 4.8s, slots da...: already in the timeline at 2026-10-25T01:44:00+01:00',
      '  - 2026-10-25T01:49:00+01:00  The on-call engineer: slot-cache rebuild has been going since 01:30...: already in the timeline at 2026-10-25T01:49:00+01:00',
      '  - 2026-10-25T01:53:00+01:00  The on-call engineer: Pulling in an engineer from Fulfilment, the r...: already in the timeline at 2026-10-25T01:53:00+01:00',
      '  - 2026-10-25T01:31:00Z  An engineer from Fulfilment: A second rebuild just started, at 01:3...: already in the timeline at 2026-10-25T01:31:00Z',
      '  - 2026-10-25T01:36:00Z  An engineer from Fulfilment: Killed the second rebuild (run 88412);...: already in the timeline at 2026-10-25T01:36:00Z',
      '  - 2026-10-25T01:50:00Z  The on-call engineer: p95 back under 400ms, slot search working again.: already in the timeline at 2026-10-25T01:50:00Z',
      '  - 2026-10-25T02:20:00Z  An engineer from Fulfilment: First rebuild finished at 02:14 and th...: already in the timeline at 2026-10-25T02:20:00Z',
      'Left out 4 other messages in the window and 1 message outside it.',
      '',
      '',
    ]);
  });

  it('writes nothing with --dry-run, and says what it would add', async () => {
    const cwd = workspace();
    const { status, stdout } = await run(cwd, [
      'slack',
      '--channel',
      '#inc-2026-10-13-card-declines',
      '--incident',
      '2026-10-13-checkout-card-payments-declined',
      '--dry-run',
    ]);
    expect(status).toBe(0);
    expect(read(cwd, CHECKOUT)).toBe(readFileSync(join(FIXTURES, CHECKOUT), 'utf8'));
    expect(stdout).toContain(`\nWould add 7 events to the timeline of ${CHECKOUT}:\n`);
    expect(stdout.endsWith('\nDry run: nothing was written.\n')).toBe(true);
  });

  it('takes every message, bots too, in a window given in local time, and never writes a real name', async () => {
    const cwd = workspace();
    const { status, stdout } = await run(cwd, [
      'slack',
      '--channel',
      'inc-2026-10-13-card-declines',
      '--incident',
      '2026-10-13-checkout-card-payments-declined',
      '--all',
      '--bots',
      '--from',
      '2026-10-13T14:20',
      '--to',
      '2026-10-13T14:30',
    ]);
    expect(status).toBe(0);
    expect(stdout.split('\n').slice(1, 9)).toEqual([
      'Took every message from 2026-10-13T14:20:00+01:00 (--from) to 2026-10-13T14:30:00+01:00 (--to); times in Europe/London.',
      'Named people by role; the on-call engineer is the person PagerDuty paged at 2026-10-13T13:59:00+01:00 (--on-call names someone else).',
      '',
      `Added 3 events to the timeline of ${CHECKOUT}:`,
      '  + 2026-10-13T14:21:00+01:00  detect    Grafana: [FIRING:1] Checkout card authorisation failure rate above 5% (eu-west-1, us-east-1)  [firing]',
      '  + 2026-10-13T14:25:00+01:00  note      An engineer from Platform: Platform here, anything you need from us? Flag service itself is healthy.',
      '  + 2026-10-13T14:27:00+01:00  mitigate  An engineer from Payments: Error rate back to normal in eu-west-1. Applying to us-east-1 now.  [back to normal]',
      'Skipped 1:',
    ]);
    const everything = (
      await run(workspace(), [
        'slack',
        '--channel',
        'inc-2026-10-13-card-declines',
        '--incident',
        '2026-10-13-checkout-card-payments-declined',
        '--all',
        '--bots',
        '--from',
        '2026-10-13',
        '--to',
        '2026-10-14',
      ])
    ).stdout;
    // The file's own fields (authors: [sokafor]) are the author's; what the command wrote is the timeline and the report.
    const timeline = /\ntimeline:\n[\s\S]*?\n\n/.exec(read(cwd, CHECKOUT))![0];
    const written = `${timeline}${stdout}${everything}`;
    for (const name of ['Sam', 'Okafor', 'Priya', 'Natarajan', 'Marta', 'Kowalczyk', 'Tomás', 'Ferreira', 'sokafor', 'pnatarajan'])
      expect(written).not.toContain(name);
  });

  it('says which added words npm run check will report, and which events lie outside the key moments', async () => {
    const args = [
      'slack',
      '--channel',
      'inc-2026-10-13-card-declines',
      '--incident',
      '2026-10-13-checkout-card-payments-declined',
      '--all',
    ];
    const blame = await run(workspace(), [...args, '--from', '2026-10-13T14:10', '--to', '2026-10-13T14:11']);
    expect(blame.stdout.split('\n').slice(4, 9)).toEqual([
      `Added 1 event to the timeline of ${CHECKOUT}:`,
      '  + 2026-10-13T14:10:00+01:00  note  An engineer from Payments: Sorry, my fault: I skipped the 3-D Secure load test for deploy-5127',
      'Wording that npm run check reports in the added events (reword it in the file):',
      '  ! 2026-10-13T14:10:00+01:00  blameless-language (error): expected blameless language, found "my fault"',
      '  npm run check -- --explain <rule> says why the rule asks for it and how to reword.',
    ]);
    const late = await run(workspace(), [...args, '--from', '2026-10-13T15:21', '--to', '2026-10-14T10:00']);
    expect(late.stdout.split('\n').slice(4, 8)).toEqual([
      `Added 2 events to the timeline of ${CHECKOUT}:`,
      "  + 2026-10-13T15:22:00+01:00  note  The on-call engineer: Thanks all. I'll start the post-mortem from this channel.",
      '  + 2026-10-14T09:12:00+01:00  note  The on-call engineer: Draft post-mortem is up for review: postmortems#212 (https://github.example/pantrybox/postmortems/pull/212)',
      "Two events lie outside the incident's key moments (2026-10-13T15:22:00+01:00, 2026-10-14T09:12:00+01:00), which npm run check refuses: correct started, mitigated or resolved if they are wrong, else remove them.",
    ]);
  });

  it('says what to try when nothing in the window was asked for, or nothing lies in it', async () => {
    const args = [
      'slack',
      '--channel',
      'inc-2026-10-13-card-declines',
      '--incident',
      '2026-10-13-checkout-card-payments-declined',
      '--dry-run',
    ];
    const none = await run(workspace(), [...args, '--reaction', 'pushpin']);
    expect(none.stdout.split('\n').slice(4, 7)).toEqual([
      `No events to add to ${CHECKOUT}.`,
      'Left out 21 other messages in the window and 3 messages outside it.',
      'No messages with a :pushpin: reaction in the window: --all takes every message in it, --reaction <name> those with another reaction.',
    ]);
    const empty = await run(workspace(), [...args, '--all', '--from', '2026-10-12', '--to', '2026-10-12']);
    expect(empty.stdout.split('\n').slice(4, 7)).toEqual([
      `No events to add to ${CHECKOUT}.`,
      'Left out 24 messages outside the window.',
      "No message lies in the window: check --from and --to, or the incident's started and resolved.",
    ]);
  });

  it('keeps handles with --people handles', async () => {
    const cwd = workspace();
    const { stdout } = await run(cwd, [
      'slack',
      '--channel',
      'inc-2026-10-13-card-declines',
      '--incident',
      '2026-10-13-checkout-card-payments-declined',
      '--people',
      'handles',
      '--dry-run',
    ]);
    expect(stdout).toContain(
      '\n  + 2026-10-13T14:04:00+01:00  escalate  sokafor: @pnatarajan pulling you in: this looks like the acquirer timeout change that went out at 13:50  [pulling you in]\n',
    );
  });
});

describe('npm run timeline with something wrong', () => {
  const cases: [string, string[], number, string][] = [
    [
      'no export',
      ['--incident', '2026-10-13-checkout-card-payments-declined'],
      2,
      'npm run timeline: missing the Slack export folder or the transcript file to read.\nnpm run timeline -- --help lists the options.\n',
    ],
    [
      'no --incident',
      ['slack'],
      2,
      'npm run timeline: missing --incident: the id of the post-mortem to add the events to.\nnpm run timeline -- --help lists the options.\n',
    ],
    [
      'an unknown option',
      ['slack', '--incident', 'x', '--pinend'],
      2,
      'npm run timeline: --pinend: unknown option.\nnpm run timeline -- --help lists the options.\n',
    ],
    [
      'an unknown incident',
      ['slack', '--incident', '2026-10-13-checkout-card-declined'],
      2,
      'npm run timeline: --incident: no post-mortem "2026-10-13-checkout-card-declined" in <cwd>/archive/incidents. Did you mean 2026-10-13-checkout-card-payments-declined? Give the id (the file name without .mdx), or --root for another archive; npm run new starts a draft.\nnpm run timeline -- --help lists the options.\n',
    ],
    [
      'a --people that is neither',
      ['slack', '--incident', '2026-10-13-checkout-card-payments-declined', '--people', 'names'],
      2,
      'npm run timeline: --people: expected roles, handles or a mapping file (.yaml), found "names".\nnpm run timeline -- --help lists the options.\n',
    ],
    [
      '--pinned with a transcript',
      ['transcripts/leeds-bridge.txt', '--incident', '2026-03-29-leeds-picking-lists-missing-after-clock-change', '--pinned'],
      2,
      'npm run timeline: --pinned and --reaction need a Slack export: a pasted transcript has no pins or reactions. Leave them out to take every line between --from and --to.\nnpm run timeline -- --help lists the options.\n',
    ],
    [
      'a window the wrong way round',
      [
        'slack',
        '--channel',
        'inc-2026-10-13-card-declines',
        '--incident',
        '2026-10-13-checkout-card-payments-declined',
        '--from',
        '2026-10-13T16:00',
      ],
      2,
      'npm run timeline: The window ends before it starts: from 2026-10-13T16:00:00+01:00 (--from) to 2026-10-13T15:20:00+01:00 (resolved). Pass --from and --to in order.\nnpm run timeline -- --help lists the options.\n',
    ],
    [
      'an archive that is not there',
      ['slack', '--incident', 'x', '--root', 'archives'],
      2,
      'npm run timeline: --root: expected the archive\'s folder (holding catalog/ and incidents/), found "archives" (no such folder).\nnpm run timeline -- --help lists the options.\n',
    ],
    [
      'an export that is not there',
      ['exports/slack', '--incident', '2026-10-13-checkout-card-payments-declined'],
      1,
      'npm run timeline: exports/slack: no such file or folder. Pass the folder the Slack export was unzipped into, a channel folder inside it, or a text file holding a pasted transcript.\n',
    ],
    [
      'a zipped export',
      ['slack.zip', '--incident', '2026-10-13-checkout-card-payments-declined'],
      1,
      'npm run timeline: slack.zip: is a zip archive. Unzip it first (unzip "slack.zip" -d slack-export), then pass the folder.\n',
    ],
    [
      'a broken day file',
      ['slack/inc-2026-10-25-slot-search', '--incident', '2026-10-25-slot-search-slow-at-clock-change'],
      1,
      'npm run timeline: slack/inc-2026-10-25-slot-search/2026-10-25.json:1:1 expected a list of messages ([...]), as Slack writes each day of a channel, found {"ok":false}\nFound 1 problem in 1 file. Export the channel from Slack again (docs/timeline.md says how), or correct the file by hand.\n',
    ],
  ];

  it.each(cases)('%s', async (_, args, status, stderr) => {
    const cwd = workspace();
    writeFileSync(join(cwd, 'slack.zip'), 'PK\u0003\u0004');
    writeFileSync(join(cwd, 'slack/inc-2026-10-25-slot-search/2026-10-25.json'), '{"ok":false}\n');
    const result = await run(cwd, args);
    expect([result.status, result.stderr.replaceAll(cwd, '<cwd>'), result.stdout]).toEqual([status, stderr, '']);
  });

  it('prints its usage with --help', async () => {
    const { status, stdout } = await run(workspace(), ['--help']);
    expect(status).toBe(0);
    expect(stdout.startsWith('Usage: npm run timeline -- <export> --incident <id> [options]\n')).toBe(true);
  });
});

describe('scripts/timeline.ts', () => {
  it('runs as a command: a dry run prints the report and sets the exit status', async () => {
    const cwd = workspace();
    const ok = spawnSync(
      join(PROJECT, 'node_modules/.bin/tsx'),
      [
        join(PROJECT, 'scripts/timeline.ts'),
        'slack/inc-2026-10-25-slot-search',
        '--incident',
        '2026-10-25-slot-search-slow-at-clock-change',
        '--root',
        'archive',
        '--dry-run',
      ],
      { cwd, encoding: 'utf8', env: { PATH: process.env.PATH } },
    );
    expect([ok.status, ok.stderr]).toEqual([0, '']);
    expect(ok.stdout.startsWith('Read slack/inc-2026-10-25-slot-search (#inc-2026-10-25-slot-search): 13 messages.\n')).toBe(true);
    const bad = spawnSync(join(PROJECT, 'node_modules/.bin/tsx'), [join(PROJECT, 'scripts/timeline.ts'), 'slack', '--root', 'archive'], {
      cwd,
      encoding: 'utf8',
      env: { PATH: process.env.PATH },
    });
    expect([bad.status, bad.stdout]).toEqual([2, '']);
  });
});
