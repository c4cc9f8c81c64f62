// Builds the citation, BibTeX entry and fact box of a round or a claim page from its data.
import { citeClaim, citeRound, roundFactBox, type CitedRoundStatement } from '../../domain/citation';
import { combinedCounted, countedFor, directions } from '../../domain/round-figures';
import { claimSpeaker, mediatorNames } from '../../format/data-words';
import {
	countedLabel,
	formatDate,
	formatFigure,
	roundKindLabel,
	statementLabel,
	statusLabel
} from '../../format/figures';
import { m } from '../../paraglide/messages.js';
import type { ClaimView } from '../db/queries/claims';
import type { RoundListItem } from '../db/queries/rounds';
import { localHref } from '../../i18n/addresses';

/** What a page's citation needs besides the record: where it is, which dataset version, and the day it is read. */
export interface CitationContext {
	origin: string;
	datasetVersion: string;
	/** YYYY-MM-DD. */
	today: string;
}

function firstSource(claim: ClaimView) {
	const source = claim.sources[0];
	return {
		outlet: source?.outlet ?? '',
		url: source?.url ?? '',
		published: source?.publishedOn ? formatDate(source.publishedOn) : null
	};
}

function partyOf(claim: ClaimView): string {
	if (claim.side === 'ukraine') return m.party_ukraine();
	if (claim.side === 'russia') return m.party_russia();
	return claimSpeaker(claim);
}

/** The citation of a claim page. */
export function claimCitation(claim: ClaimView, context: CitationContext) {
	return citeClaim(
		{
			id: claim.id,
			claimant: claimSpeaker(claim),
			statedOn: claim.statedOn,
			statedOnText: formatDate(claim.statedOn),
			figure: claim.number !== null && claim.qualifier !== null ? formatFigure(claim.number, claim.qualifier) : null,
			counted: countedLabel(claim.counted),
			statement: statementLabel(claim.statement).toLowerCase(),
			source: firstSource(claim)
		},
		{
			url: `${context.origin}${localHref(`/claims/${claim.id}`)}`,
			title: claimSpeaker(claim),
			datasetVersion: context.datasetVersion,
			accessed: formatDate(context.today)
		}
	);
}

/**
 * The citation and fact box of a round page: each party's figures once (per figure and thing counted),
 * with the first source the data lists for it.
 */
export function roundCitation(round: RoundListItem, claims: readonly ClaimView[], context: CitationContext) {
	// Every figure of the round's population: for everyone, servicemen or civilians, each way or both together.
	const headline = new Set<string>([
		...countedFor(round.population, 'to_ukraine'),
		...countedFor(round.population, 'to_russia'),
		...combinedCounted[round.population]
	]);
	const seen = new Set<string>();
	const statements: CitedRoundStatement[] = [];
	// Kyiv first, then Moscow, then mediators and international bodies: the parties speak before third parties.
	// Media are cited only when nobody else gave a figure, so that a figure reported by media alone is still cited.
	const sideOrder = { ukraine: 0, russia: 1, mediator: 2, international: 3, independent: 4 };
	const figured = [...claims]
		.filter(
			(claim) =>
				claim.statement === 'report' && headline.has(claim.counted) && claim.number !== null && claim.qualifier !== null
		)
		.sort((a, b) => sideOrder[a.side] - sideOrder[b.side]);
	const accountable = figured.filter((claim) => claim.side !== 'independent');
	for (const claim of accountable.length > 0 ? accountable : figured) {
		if (claim.number === null || claim.qualifier === null) continue;
		const figure = formatFigure(claim.number, claim.qualifier);
		const key = `${partyOf(claim)}|${claim.counted}|${figure}`;
		if (seen.has(key)) continue;
		seen.add(key);
		statements.push({
			party: partyOf(claim),
			claimant: claimSpeaker(claim),
			figure,
			counted: countedLabel(claim.counted),
			source: firstSource(claim)
		});
	}
	const kind = roundKindLabel(round.kind);
	const title = `${kind}, ${formatDate(round.date)}`;
	const citation = citeRound(round.id, round.date.slice(0, 4), statements, {
		url: `${context.origin}${localHref(`/rounds/${round.id}`)}`,
		title,
		datasetVersion: context.datasetVersion,
		accessed: formatDate(context.today)
	});
	const populationLabel = round.population === 'bodies' ? m.population_bodies() : m.population_people();
	const directionLabels = { to_ukraine: m.factbox_to_ukraine(), to_russia: m.factbox_to_russia() };
	const factBox =
		round.kind === 'agreement'
			? null
			: roundFactBox({
					kind,
					date: formatDate(round.date),
					mediators: mediatorNames(round),
					exchangeNumber: round.kyivExchangeNumber,
					directions: directions.map((direction) => {
						const confirmation = round.figures[round.population][direction].confirmation;
						return {
							population: populationLabel,
							direction: directionLabels[direction],
							status: statusLabel(confirmation.status),
							explanation: confirmation.explanation
						};
					}),
					datasetVersion: context.datasetVersion
				});
	return { ...citation, factBox };
}
