import { ServiceLinkSchema } from '../../../schema/catalog.ts';
import { TextSchema } from '../../../schema/common.ts';
import { asRecord, asText, parseEntityRef, toId } from '../ids.ts';
import { displayName, entityId, isBackstageEntity } from './backstage-entity.ts';
import { emptyMapped, findingAt, originOf, type Mapper } from './types.ts';

/**
 * A Backstage `Component` becomes a service: `metadata.name` its id, `metadata.title` (else the name)
 * its name, `metadata.description`, `metadata.links[]` ({ url, title }) its links, and `spec.owner`
 * (`group:default/payments` or `payments`) its team.
 */
export const backstageComponentMapper: Mapper = {
  id: 'backstage-component',
  summary:
    'A Backstage Component becomes a service: metadata.name the id, metadata.title (else the name) the name, metadata.description, metadata.links[] the links, spec.owner the team.',
  accepts: (data) => isBackstageEntity(data, 'Component'),
  map(doc, data) {
    const out = emptyMapped();
    const named = entityId(doc, data, out.findings);
    if (!named) return out;
    const metadata = asRecord(data.metadata) ?? {};
    const name = displayName(doc, data, [['metadata', 'title']], (metadata.name as string).trim(), out.findings);

    const description = asText(metadata.description);
    const checkedDescription = description === undefined ? undefined : TextSchema.safeParse(description);

    const links: { label: string; url: string }[] = [];
    const written = Array.isArray(metadata.links) ? metadata.links : [];
    written.forEach((raw, i) => {
      const link = asRecord(raw) ?? {};
      const url = typeof link.url === 'string' ? link.url.trim() : '';
      const checkedUrl = ServiceLinkSchema.shape.url.safeParse(url);
      if (!checkedUrl.success) {
        out.findings.push(
          findingAt(
            doc,
            ['metadata', 'links', i, 'url'],
            `expected an http(s) address, found ${url === '' ? 'nothing' : JSON.stringify(url)}`,
            'The link was left out: the site and the portal open http(s) links only.',
          ),
        );
        return;
      }
      const title = asText(link.title);
      const label = title ?? new URL(url).host;
      const checkedLabel = ServiceLinkSchema.shape.label.safeParse(label);
      if (!checkedLabel.success) {
        out.findings.push(
          findingAt(
            doc,
            ['metadata', 'links', i, 'title'],
            `${checkedLabel.error.issues[0]!.message}, found ${JSON.stringify(label)}`,
            'The link was left out; give it a plain title.',
          ),
        );
        return;
      }
      links.push({ label: checkedLabel.data, url });
    });

    const ownerRef = asRecord(data.spec)?.owner;
    const ref = typeof ownerRef === 'string' ? parseEntityRef(ownerRef, 'group') : undefined;
    const owner = ref?.kind === 'group' ? toId(ref.name) : '';
    if (owner === '') {
      const found =
        typeof ownerRef === 'string' && ownerRef.trim() !== '' ? `${JSON.stringify(ownerRef)}${ref ? `, a ${ref.kind}` : ''}` : 'nothing';
      out.findings.push(
        findingAt(
          doc,
          ['spec', 'owner'],
          `expected the group that owns ${named.id}, found ${found}`,
          "A service needs an owning team, so it was left out: set spec.owner to its team's group (group:default/<team>), or add it to catalog/services.yaml by hand.",
        ),
      );
      return out;
    }
    out.services.push({
      service: {
        id: named.id,
        name,
        ...(checkedDescription?.success ? { description: checkedDescription.data } : {}),
        ...(links.length > 0 ? { links } : {}),
      },
      owner,
      origin: originOf(doc, 'Component'),
      ...(named.writtenAs === undefined ? {} : { writtenAs: named.writtenAs }),
    });
    return out;
  },
};
