// Writes the revisions as an Atom 1.0 feed (RFC 4287), every text escaped for XML.
import type { Revision } from './revisions';

const escapeXml = (text: string) =>
	text
		.replace(/[<>&'"]/g, (character) => `&#${character.charCodeAt(0)};`)
		.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');

export interface FeedOptions {
	origin: string;
	title: string;
	/** The feed's `updated` when there is no revision yet (the dataset's own date, never the wall clock). */
	fallbackUpdated: string;
}

function entryText(revision: Revision): string {
	const changes = revision.fields.map((change) => `${change.field}: "${change.oldValue}" → "${change.newValue}"`);
	return [
		`${revision.action === 'apply' ? 'Applied' : 'Reverted'} by ${revision.maintainer}: ${revision.reason}`,
		...changes
	].join('\n');
}

/** The feed's XML. Entry ids are the revisions' permanent URLs on this site. */
export function revisionsFeed(revisions: readonly Revision[], options: FeedOptions): string {
	const { origin } = options;
	const updated = revisions[0]?.createdAt ?? options.fallbackUpdated;
	const entries = revisions.map((revision) => {
		const title = `Revision ${revision.id}: ${revision.action === 'apply' ? 'correction' : 'revert of correction'} #${revision.correctionId} to ${revision.entity} ${revision.recordId}`;
		return `  <entry>
    <id>${escapeXml(`${origin}/changes#revision-${revision.id}`)}</id>
    <title>${escapeXml(title)}</title>
    <updated>${escapeXml(revision.createdAt)}</updated>
    <author><name>${escapeXml(revision.maintainer)}</name></author>
    <link rel="alternate" href="${escapeXml(`${origin}/corrections/${revision.correctionId}`)}"/>
    <link rel="related" href="${escapeXml(`${origin}/${revision.entity}s/${revision.recordId}`)}"/>
    <content type="text">${escapeXml(entryText(revision))}</content>
  </entry>`;
	});
	return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escapeXml(`${origin}/changes`)}</id>
  <title>${escapeXml(options.title)}</title>
  <updated>${escapeXml(updated)}</updated>
  <link rel="self" href="${escapeXml(`${origin}/changes.atom`)}"/>
  <link rel="alternate" href="${escapeXml(`${origin}/changes`)}"/>
${entries.join('\n')}
</feed>
`;
}
