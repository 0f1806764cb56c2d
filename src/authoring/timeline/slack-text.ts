import type { TextPart } from './chat.ts';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

function decode(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);
}

// :emoji: and ::skin-tone-2:, but not the minutes of 14:05:30.
const EMOJI = String.raw`(?<![\d:]):[a-z0-9_+'-]*[a-z][a-z0-9_+'-]*:(?::skin-tone-\d:)?(?!\d)`;

/** Slack's mrkdwn emphasis and emoji, taken out of plain words; code spans are left as written. */
function plain(text: string): string {
  return decode(text)
    .replace(/```/g, '`')
    .replace(/(?<![\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])/g, '$1')
    .replace(/(?<![\w_])_(?=\S)([^_\n]*?\S)_(?![\w_])/g, '$1')
    .replace(/(?<![\w~])~(?=\S)([^~\n]*?\S)~(?![\w~])/g, '$1')
    .replace(new RegExp(`\\s*${EMOJI}(?=[,.;:!?])`, 'g'), '')
    .replace(new RegExp(EMOJI, 'g'), '')
    .replace(/[•◦▪]\s*/g, '');
}

/** What one `<...>` element of Slack's text shows. */
function element(inner: string, channelName: (id: string) => string | undefined): TextPart {
  const [target, label] = inner.split('|', 2) as [string, string | undefined];
  if (target.startsWith('@')) return { person: target.slice(1) };
  if (target.startsWith('#')) return { text: `#${label ?? channelName(target.slice(1)) ?? 'channel'}` };
  if (target.startsWith('!')) {
    const name = target.slice(1);
    if (label) return { text: label.startsWith('@') || name.startsWith('date') ? label : `@${label}` };
    return { text: `@${name.split('^')[0]}` };
  }
  if (target.startsWith('mailto:')) return { text: label ?? target.slice('mailto:'.length) };
  return { text: label && label !== target ? `${label} (${target})` : target };
}

/**
 * Slack's message text as parts: mentions (`<@U07SOKAFOR>`) as people, channels, links, special
 * mentions and dates as the words they show, HTML entities decoded, bold, italics, strike-through and
 * emoji taken out, and everything on one line.
 */
export function parseSlackText(text: string, channelName: (id: string) => string | undefined = () => undefined): TextPart[] {
  const parts: TextPart[] = [];
  const push = (part: TextPart) => {
    const last = parts.at(-1);
    if ('text' in part && last && 'text' in last) last.text += part.text;
    else parts.push(part);
  };
  let at = 0;
  for (const m of text.matchAll(/<([^<>\s][^<>]*)>/g)) {
    push({ text: plain(text.slice(at, m.index)) });
    const part = element(m[1]!, channelName);
    push('text' in part ? { text: decode(part.text) } : part);
    at = m.index + m[0].length;
  }
  push({ text: plain(text.slice(at)) });
  return tidy(parts);
}

/** Whitespace collapsed to single spaces across the parts, the ends trimmed, empty pieces dropped. */
export function tidy(parts: readonly TextPart[]): TextPart[] {
  const out = parts.map((p) => ('text' in p ? { text: p.text.replace(/\s+/g, ' ') } : p));
  for (let i = 1; i < out.length; i++) {
    const before = out[i - 1]!;
    const current = out[i]!;
    if ('text' in before && 'text' in current && before.text.endsWith(' ') && current.text.startsWith(' '))
      current.text = current.text.slice(1);
  }
  const first = out[0];
  if (first && 'text' in first) first.text = first.text.trimStart();
  const last = out.at(-1);
  if (last && 'text' in last) last.text = last.text.trimEnd();
  return out.filter((p) => !('text' in p) || p.text !== '');
}
