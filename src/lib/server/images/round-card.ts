// A round's social card: its date and kind, and per direction the headline figure, the status and who reported what, as SVG and PNG.
import { render } from 'svelte/server';
import { directionMark, speakerOf } from '../../charts/inputs';
import { layoutRoundCard, type CardDirection, type CardSpeaker, type RoundCardInput } from '../../charts/image-layout';
import { directionLabel, markKind } from '../../charts/timeline';
import type { DirectionMark } from '../../charts/types';
import RoundCard from '../../components/RoundCard.svelte';
import { partyOfSide } from '../../design/tokens';
import { formatStatedFigure, type Confirmation } from '../../domain/confirmation';
import { directions, type Direction } from '../../domain/round-figures';
import { mediatorNames } from '../../format/data-words';
import { formatDate, formatFigure, formatNumber, roundHeading, statusLabel } from '../../format/figures';
import { m } from '../../paraglide/messages.js';
import { getLocale, type Locale } from '../../paraglide/runtime.js';
import type { DatasetInfo, RoundListItem } from '../db/queries/rounds';
import { inLocale } from '../i18n/locale-scope';
import { memoisedPng, svgDocument } from './render';

/**
 * The figure a card shows large: the confirmed figure, the disputed range, or the figure announced, with its
 * qualifier when it is a bound (the same figure the timeline draws for the direction).
 */
function headlineFigure(confirmation: Confirmation, mark: DirectionMark | null): string | null {
	if (!mark) return null;
	const [combined] = confirmation.combined;
	if (confirmation.status === 'combined_only' && combined?.number != null && combined.qualifier) {
		return m.card_combined_figure({ figure: formatFigure(combined.number, combined.qualifier) });
	}
	if (mark.low !== mark.high)
		return m.chart_figure_range({ low: formatNumber(mark.low), high: formatNumber(mark.high) });
	const bound = mark.bound
		? confirmation.figures.find((figure) => figure.number === mark.value && figure.qualifier !== 'exact')
		: undefined;
	return bound?.qualifier ? formatFigure(mark.value, bound.qualifier) : formatNumber(mark.value);
}

function cardDirection(round: RoundListItem, direction: Direction): CardDirection {
	const figures = round.figures[round.population][direction];
	const { confirmation } = figures;
	const mark = directionMark(figures);
	// Each speaker's words led by their party's marker, hollow for a bound, as the charts draw a bound.
	const speakers: CardSpeaker[] = [
		...confirmation.figures.flatMap((figure) =>
			figure.number === null || figure.qualifier === null
				? []
				: [
						{
							text: m.chart_speaker_figure({
								speaker: speakerOf(figure),
								figure: formatStatedFigure({ ...figure, number: figure.number, qualifier: figure.qualifier })
							}),
							parties: [partyOfSide(figure.side)],
							bound: figure.qualifier !== 'exact'
						}
					]
		),
		...(confirmation.status === 'combined_only'
			? confirmation.combined.map((figure) => ({
					text: m.chart_speaker_figure({
						speaker: speakerOf(figure),
						figure: m.combined_figure_words({ figure: formatFigure(figure.number ?? 0, figure.qualifier ?? 'exact') })
					}),
					parties: [partyOfSide(figure.side)],
					bound: (figure.qualifier ?? 'exact') !== 'exact'
				}))
			: [])
	];
	return {
		key: direction,
		heading: m.round_status_direction({
			direction: directionLabel(direction),
			population: round.population === 'bodies' ? m.population_bodies() : m.population_people()
		}),
		figure: headlineFigure(confirmation, mark),
		status: statusLabel(confirmation.status),
		statusParty: null,
		tone: markKind(confirmation.status) ?? 'none',
		// A claimant who repeated the same figure is named once.
		speakers: speakers.filter((speaker, index) => speakers.findIndex((other) => other.text === speaker.text) === index)
	};
}

/** What a round's card says, every word from the catalog and every figure from the derived data. */
export function roundCardInput(round: RoundListItem, dataset: DatasetInfo): RoundCardInput {
	const facts = [
		round.kyivExchangeNumber ? m.round_exchange_number({ number: String(round.kyivExchangeNumber) }) : null,
		round.mediators.length > 0 ? m.round_mediators({ names: mediatorNames(round).join(', ') }) : null
	].filter((fact) => fact !== null);
	return {
		site: m.site_name(),
		heading: roundHeading(round.kind, round.date, round.endDate ?? null),
		facts: facts.length > 0 ? facts.join(' · ') : null,
		directions: directions.map((direction) => cardDirection(round, direction)),
		footer: m.footer_dataset({ version: dataset.version, date: formatDate(dataset.latestDate) })
	};
}

/** The card as a standalone SVG document, every word in `locale`. */
export function roundCardSvg(round: RoundListItem, dataset: DatasetInfo, locale: Locale = getLocale()): string {
	return inLocale(locale, () => {
		const input = roundCardInput(round, dataset);
		return svgDocument(render(RoundCard, { props: { title: input.heading, layout: layoutRoundCard(input) } }).body);
	});
}

/** The card as a PNG, rendered once for as long as the round's figures and the card's language stay the same. */
export function roundCardPng(
	round: RoundListItem,
	dataset: DatasetInfo,
	locale: Locale = getLocale()
): Uint8Array<ArrayBuffer> {
	return memoisedPng(roundCardSvg(round, dataset, locale));
}
