// /rounds/<id>/card.png: the round's social card (1200 × 630), named by the round page's og:image.
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { recordId } from '$lib/schemas/fields';
import { getDataset } from '$lib/server/db/dataset';
import { datasetInfo, getRound } from '$lib/server/db/queries/rounds';
import { imageResponse } from '$lib/server/images/render';
import { roundCardPng } from '$lib/server/images/round-card';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params }) => {
	const id = recordId.safeParse(params.id);
	if (!id.success) error(404, m.not_found_round({ id: params.id }));
	const db = getDataset();
	const round = getRound(db, id.data);
	if (!round) error(404, m.not_found_round({ id: id.data }));
	const dataset = datasetInfo(db);
	return imageResponse('png', roundCardPng(round, dataset), `prisoner-exchange-monitor-${round.id}-${dataset.version}`);
};
