import { TextSchema } from '../../../schema/common.ts';
import { asRecord, asText } from '../ids.ts';
import { displayName, entityId, isBackstageEntity } from './backstage-entity.ts';
import { emptyMapped, originOf, type Mapper } from './types.ts';

/** Annotations that name a team's Slack channel, most specific first. */
const SLACK_ANNOTATIONS = ['slack.com/channel', 'slack.com/bot-notify'];

/** A channel name without its `#` (`payments-oncall`) gets one; ids, addresses and `#names` stay as written. */
function asChannel(value: string): string {
  return /^[a-z0-9][a-z0-9._-]*$/.test(value) ? `#${value}` : value;
}

/**
 * A Backstage `Group` becomes a team: `metadata.name` its id, `spec.profile.displayName` (else
 * `metadata.title`, else the name) its name, and its contact from a Slack annotation or
 * `spec.profile.email`. Groups of a type other than `team` are kept only when they own a Component.
 */
export const backstageGroupMapper: Mapper = {
  id: 'backstage-group',
  summary:
    'A Backstage Group becomes a team: metadata.name the id, spec.profile.displayName the name, the contact from a slack.com/channel or slack.com/bot-notify annotation, else spec.profile.email.',
  accepts: (data) => isBackstageEntity(data, 'Group'),
  map(doc, data) {
    const out = emptyMapped();
    const named = entityId(doc, data, out.findings);
    if (!named) return out;
    const metadata = asRecord(data.metadata) ?? {};
    const spec = asRecord(data.spec) ?? {};
    const name = displayName(
      doc,
      data,
      [
        ['spec', 'profile', 'displayName'],
        ['metadata', 'title'],
      ],
      (metadata.name as string).trim(),
      out.findings,
    );
    const annotations = asRecord(metadata.annotations) ?? {};
    const slack = SLACK_ANNOTATIONS.map((key) => asText(annotations[key])).find((v) => v !== undefined);
    const email = asText(asRecord(spec.profile)?.email);
    const contact = slack !== undefined ? asChannel(slack) : email;
    const checkedContact = contact === undefined ? undefined : TextSchema.safeParse(contact);
    out.teams.push({
      team: { id: named.id, name, ...(checkedContact?.success ? { contact: checkedContact.data } : {}) },
      origin: originOf(doc, 'Group'),
      ...(typeof spec.type === 'string' ? { groupType: { type: spec.type, at: doc.at(['spec', 'type']) } } : {}),
      ...(named.writtenAs === undefined ? {} : { writtenAs: named.writtenAs }),
    });
    return out;
  },
};
