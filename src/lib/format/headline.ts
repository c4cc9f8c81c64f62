// The overview headline's sentences, one per direction, that a visitor can repeat without misleading anyone.
import type { DirectionHeadline } from '../domain/headline';
import { m } from '../paraglide/messages.js';
import { claimSpeaker, countedDetailOf } from './data-words';
import { countInputs, formatDate, formatFigure, formatNumber } from './figures';

/** Why nothing is confirmed in a direction, in words. */
export function noneConfirmedText(reason: NonNullable<DirectionHeadline['noneConfirmedBecause']>): string {
	return reason === 'no_other_side_figures' ? m.none_confirmed_one_side() : m.none_confirmed_no_match();
}

/**
 * "On 11 Mar 2026, Coordination Headquarters … gave 8,050 as the number of Ukrainians returned home … The rounds on
 * record add up to …": the latest official totals first, with what they count, then the sums of the record and the
 * part two sides agree on.
 */
export function headlineSentence(headline: DirectionHeadline): string {
	const direction = headline.direction === 'to_ukraine' ? m.headline_to_ukraine() : m.headline_to_russia();
	const officials = (['ukraine', 'russia'] as const).flatMap((party) => {
		const official = headline.official[party];
		return official
			? [
					m.headline_official({
						claimant: claimSpeaker(official),
						// What the total counts, in the words of the record: an official total often has its own scope.
						detail: countedDetailOf(official),
						figure: formatFigure(official.number, official.qualifier),
						date: formatDate(official.statedOn)
					})
				]
			: [];
	});
	const { byParty, confirmed } = headline.totals;
	const sums = m.headline_sums({
		kyiv: formatNumber(byParty.ukraine.sum),
		kyivRounds: m.headline_rounds(countInputs(byParty.ukraine.rounds)),
		moscow: formatNumber(byParty.russia.sum),
		moscowRounds: m.headline_rounds(countInputs(byParty.russia.rounds))
	});
	const agreed = headline.noneConfirmedBecause
		? m.headline_none_confirmed({ reason: noneConfirmedText(headline.noneConfirmedBecause) })
		: m.headline_confirmed({ confirmed: formatNumber(confirmed) });
	return [...(officials.length > 0 ? officials : [m.headline_no_official({ direction })]), `${sums}; ${agreed}`].join(
		' '
	);
}
