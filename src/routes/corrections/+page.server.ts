// All suggestions: those waiting for review, and those decided, with their status and the reviewer's reason.
import { correctionCounts, listClosedCorrections, listCorrections } from '$lib/server/corrections/store';
import { getState } from '$lib/server/db/state';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const state = getState();
	return {
		pending: listCorrections(state, 'pending'),
		closed: listClosedCorrections(state),
		counts: correctionCounts(state)
	};
};
