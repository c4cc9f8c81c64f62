// Writes the revisions as an Atom 1.0 feed (RFC 4287) in the reader's language, every text escaped for XML.
import { entityLabel } from '../../format/corrections';
import { m } from '../../paraglide/messages.js';
import { getLocale, type Locale } from '../../paraglide/runtime.js';
import { inLocale } from '../i18n/locale-scope';
import type { Revision, RevisionGroup } from './revisions';
import { localHref } from '../../i18n/addresses';

const escapeXml = (text: string) =>
	text
		.replace(/[<>&'"]/g, (character) => `&#${character.charCodeAt(0)};`)
		.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');

export interface FeedOptions {
	origin: string;
	/** The language of the feed's words; the page's by default. */
	locale?: Locale;
	title: string;
	/** The feed's `updated` when there is no revision yet (the dataset's own date, never the wall clock). */
	fallbackUpdated: string;
}

const changesOf = (revision: Revision) =>
	revision.fields.map((change) =>
		m.feed_field_change({ field: change.field, old: change.oldValue, new: change.newValue })
	);

const recordName = (revision: Revision) => `${entityLabel(revision.entity)} ${revision.recordId}`;

function entryText(group: RevisionGroup): string {
	const heading = m.feed_entry_heading({ action: group.action, maintainer: group.maintainer, reason: group.reason });
	if (group.parts.length === 1) return [heading, ...changesOf(group.parts[0] as Revision)].join('\n');
	// A package: every record it added (or a revert took away), each with its fields.
	return [heading, ...group.parts.flatMap((part) => ['', recordName(part), ...changesOf(part)])].join('\n');
}

function entryTitle(group: RevisionGroup): string {
	const [first] = group.parts;
	if (group.parts.length === 1 && first) {
		return m.feed_entry_title({
			action: group.action,
			id: String(group.id),
			correction: String(group.correctionId),
			record: recordName(first)
		});
	}
	return m.feed_entry_title_group({
		action: group.action,
		first: String(group.id),
		last: String(group.parts.at(-1)?.id),
		correction: String(group.correctionId),
		records: group.parts.map(recordName).join(m.list_separator())
	});
}

/** The feed's XML: one entry per decision (a package's records are one entry). Entry ids are permanent URLs. */
export function revisionsFeed(groups: readonly RevisionGroup[], options: FeedOptions): string {
	return inLocale(options.locale ?? getLocale(), () => feedXml(groups, options));
}

function feedXml(groups: readonly RevisionGroup[], options: FeedOptions): string {
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
