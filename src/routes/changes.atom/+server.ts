// The Atom feed of the dataset's revisions (the newest 50 decisions): subscribe to follow every accepted correction and revert.
import { m } from '$lib/paraglide/messages.js';
import { revisionsFeed } from '$lib/server/corrections/feed';
import { listRevisionGroups } from '$lib/server/corrections/revisions';
import { getDataset } from '$lib/server/db/dataset';
import { datasetInfo } from '$lib/server/db/queries/rounds';
import { getState } from '$lib/server/db/state';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
	const xml = revisionsFeed(listRevisionGroups(getState(), 50), {
		origin: url.origin,
		title: m.changes_feed_title(),
		fallbackUpdated: `${datasetInfo(getDataset()).latestDate}T00:00:00Z`
	});
	return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
