import { describe, expect, it } from 'vitest';
import { parseSlackText } from '../../../../src/authoring/timeline/slack-text.ts';

describe('Slack message text', () => {
  it('keeps mentions as people and shows channels, links and special mentions as words', () => {
    const channels = (id: string) => ({ C06PBXCHK1: 'inc-2026-10-13-card-declines' })[id];
    expect(
      parseSlackText('<@U06PBX2PNT> see <#C06PBXCHK1> and <https://grafana.pantrybox.example/d/gw|the gateway board>, <!here>', channels),
    ).toEqual([
      { person: 'U06PBX2PNT' },
      { text: ' see #inc-2026-10-13-card-declines and the gateway board (https://grafana.pantrybox.example/d/gw), @here' },
    ]);
    expect(parseSlackText('ping <!subteam^S06PBXPAY|@payments-oncall> <https://pantrybox.example/status>')).toEqual([
      { text: 'ping @payments-oncall https://pantrybox.example/status' },
    ]);
  });

  it('decodes entities and drops emphasis and emoji but not code, snake_case or clock times', () => {
    expect(
      parseSlackText('*p95 &gt; 2s* since 14:05:30 :rotating_light: in `slot_cache`, _not_ fixed ~yet~ :thumbsup::skin-tone-3:'),
    ).toEqual([{ text: 'p95 > 2s since 14:05:30 in `slot_cache`, not fixed yet' }]);
    expect(parseSlackText('Flag applied :crossed_fingers:. Watching\n\n• eu-west-1\n• us-east-1')).toEqual([
      { text: 'Flag applied. Watching eu-west-1 us-east-1' },
    ]);
  });

  it('leaves nothing of a message that was only an emoji', () => {
    expect(parseSlackText(':white_check_mark:')).toEqual([]);
  });
});
