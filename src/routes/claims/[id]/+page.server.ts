// A statement's page: who said what, when, where it was published, its verdict and thread, what followed an offer, and its Claim structured data.
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { recordId } from '$lib/schemas/fields';
import { claimCitation } from '$lib/server/citing/citations';
import { todayIso } from '$lib/server/config/environment';
import { getDataset } from '$lib/server/db/dataset';
import { datasetInfo } from '$lib/server/db/queries/rounds';
import { statementContext } from '$lib/server/db/queries/statements';
import { revisionsOfRecords } from '$lib/server/corrections/revisions';
import { getState } from '$lib/server/db/state';
import { claimJsonLd } from '$lib/server/citing/structured-data';
import { missingRecord } from '$lib/server/http/permalinks';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url }) => {
	const id = recordId.safeParse(params.id);
	if (!id.success) error(404, m.not_found_claim({ id: params.id }));
	const db = getDataset();
	const context = statementContext(db, id.data);
	if (!context) missingRecord(db, 'claim', id.data, m.not_found_claim({ id: id.data }));
	const { round, delivery, verdict, ...rest } = context;
	return {
		revisions: revisionsOfRecords(getState(), [{ entity: 'claim', id: context.claim.id }]),
		...rest,
		verdict: { text: verdict.text, href: verdict.href, tone: verdict.tone },
		round: round && { id: round.id, date: round.date, kind: round.kind },
		// Only what the page shows of each linked round, so that the page does not carry their figures twice.
		delivery: delivery && {
			toUkraine: delivery.toUkraine,
			toRussia: delivery.toRussia,
			rounds: delivery.linked.map((link) => ({
				id: link.round.id,
				date: link.round.date,
				kind: link.round.kind,
				reason: link.reason
			}))
		},
		citation: claimCitation(context.claim, {
			origin: url.origin,
			datasetVersion: datasetInfo(db).version,
			today: todayIso()
		}),
		claimJsonLd: claimJsonLd(context.claim, url.origin)
	};
};
