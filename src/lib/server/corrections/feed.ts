// Writes the revisions as an Atom 1.0 feed (RFC 4287), every text escaped for XML.
import type { Revision, RevisionGroup } from './revisions';
import { localHref } from '../../i18n/addresses';

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

const changesOf = (revision: Revision) =>
	revision.fields.map((change) => `${change.field}: "${change.oldValue}" → "${change.newValue}"`);

function entryText(group: RevisionGroup): string {
	const heading = `${group.action === 'apply' ? 'Applied' : 'Reverted'} by ${group.maintainer}: ${group.reason}`;
	if (group.parts.length === 1) return [heading, ...changesOf(group.parts[0] as Revision)].join('\n');
	// A package: every record it added (or a revert took away), each with its fields.
	return [heading, ...group.parts.flatMap((part) => ['', `${part.entity} ${part.recordId}`, ...changesOf(part)])].join(
		'\n'
	);
}

function entryTitle(group: RevisionGroup): string {
	const what = group.action === 'apply' ? 'correction' : 'revert of correction';
	const [first] = group.parts;
	if (group.parts.length === 1 && first) {
		return `Revision ${group.id}: ${what} #${group.correctionId} to ${first.entity} ${first.recordId}`;
	}
	const records = group.parts.map((part) => `${part.entity} ${part.recordId}`).join(', ');
	return `Revisions ${group.id}–${group.parts.at(-1)?.id}: ${what} #${group.correctionId} to ${records}`;
}

/** The feed's XML: one entry per decision (a package's records are one entry). Entry ids are permanent URLs. */
export function revisionsFeed(groups: readonly RevisionGroup[], options: FeedOptions): string {
	const { origin } = options;
	const updated = groups[0]?.createdAt ?? options.fallbackUpdated;
	const entries = groups.map((group) => {
		const main = group.parts.find((part) => part.entity === 'round') ?? group.parts[0];
		return `  <entry>
    <id>${escapeXml(`${origin}${localHref(`/changes#revision-${group.id}`)}`)}</id>
    <title>${escapeXml(entryTitle(group))}</title>
    <updated>${escapeXml(group.createdAt)}</updated>
    <author><name>${escapeXml(group.maintainer)}</name></author>
    <link rel="alternate" href="${escapeXml(`${origin}${localHref(`/corrections/${group.correctionId}`)}`)}"/>
    <link rel="related" href="${escapeXml(`${origin}${localHref(`/${main?.entity}s/${main?.recordId}`)}`)}"/>
    <content type="text">${escapeXml(entryText(group))}</content>
  </entry>`;
	});
	return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escapeXml(`${origin}${localHref('/changes')}`)}</id>
  <title>${escapeXml(options.title)}</title>
  <updated>${escapeXml(updated)}</updated>
  <link rel="self" href="${escapeXml(`${origin}${localHref('/changes.atom')}`)}"/>
  <link rel="alternate" href="${escapeXml(`${origin}${localHref('/changes')}`)}"/>
${entries.join('\n')}
</feed>
`;
}
