// The overview's social card (1200 × 630): the headline of each direction, from the same figures as the page.
import { render } from 'svelte/server';
import { layoutRoundCard, type CardDirection, type RoundCardInput } from '../../charts/image-layout';
import RoundCard from '../../components/RoundCard.svelte';
import type { DirectionHeadline } from '../../domain/headline';
import { formatDate, formatFigure, formatNumber } from '../../format/figures';
import { noneConfirmedText } from '../../format/headline';
import { m } from '../../paraglide/messages.js';
import { getLocale, type Locale } from '../../paraglide/runtime.js';
import type { DatasetInfo } from '../db/queries/rounds';
import { inLocale } from '../i18n/locale-scope';
import { memoisedPng, svgDocument } from './render';

function cardDirection(headline: DirectionHeadline): CardDirection {
	const party = headline.direction === 'to_ukraine' ? 'ukraine' : 'russia';
	// The receiving side's total leads; the other side's is named when it is the only one.
	const official = headline.official[party] ?? headline.official[party === 'ukraine' ? 'russia' : 'ukraine'];
	const officialParty = official?.side === 'russia' ? m.party_russia() : m.party_ukraine();
	const officialMarker = official?.side === 'russia' ? 'moscow' : 'kyiv';
	const { byParty, confirmed } = headline.totals;
	return {
		key: headline.direction,
		heading: m.round_status_direction({
			direction: headline.direction === 'to_ukraine' ? m.direction_to_ukraine() : m.direction_to_russia(),
			population: m.population_people()
		}),
		figure: official ? formatFigure(official.number, official.qualifier) : null,
		status: official
			? m.card_official_total({ party: officialParty, date: formatDate(official.statedOn) })
			: m.card_no_official_total(),
		statusParty: official ? { party: officialMarker, bound: official.qualifier !== 'exact' } : null,
		tone: 'announced',
		speakers: [
			{
				// The sums of both parties' figures, led by both parties' markers in the order the sentence names them.
				text: m.card_sums({
					kyiv: formatNumber(byParty.ukraine.sum),
					moscow: formatNumber(byParty.russia.sum)
				}),
				parties: ['kyiv', 'moscow'],
				bound: false
			},
			{
				text: headline.noneConfirmedBecause
					? m.card_none_confirmed({ reason: noneConfirmedText(headline.noneConfirmedBecause) })
					: m.card_confirmed({ confirmed: formatNumber(confirmed) }),
				parties: [],
				bound: false
			}
		]
	};
}

/** What the overview's card says. */
export function overviewCardInput(headlines: readonly DirectionHeadline[], dataset: DatasetInfo): RoundCardInput {
	return {
		site: m.site_name(),
		heading: m.overview_headline_heading(),
		facts: null,
		directions: headlines.map(cardDirection),
		footer: m.footer_dataset({ version: dataset.version, date: formatDate(dataset.latestDate) })
	};
}

/** The overview's card as an SVG document, every word in `locale`. */
export function overviewCardSvg(
	headlines: readonly DirectionHeadline[],
	dataset: DatasetInfo,
	locale: Locale = getLocale()
): string {
	return inLocale(locale, () => {
		const input = overviewCardInput(headlines, dataset);
		return svgDocument(render(RoundCard, { props: { title: input.heading, layout: layoutRoundCard(input) } }).body);
	});
}

/** The overview's card as a PNG, drawn once for as long as its figures and language stay the same. */
export function overviewCardPng(
	headlines: readonly DirectionHeadline[],
	dataset: DatasetInfo,
	locale: Locale = getLocale()
): Uint8Array<ArrayBuffer> {
	return memoisedPng(overviewCardSvg(headlines, dataset, locale));
}
