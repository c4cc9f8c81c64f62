// Walks every round of the real dataset: wherever a number is on record for a direction, nothing says there is none.
import { render } from 'svelte/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Component } from 'svelte';
import { combinedCounted, countedFor, directions, type Direction } from '../../src/lib/domain/round-figures';
import { formatDate, statusLabel } from '../../src/lib/format/figures';
import { m } from '../../src/lib/paraglide/messages.js';
import { RoundDetailResponse } from '../../src/lib/schemas/exports';
import { buildInto, realDataDir } from '../helpers/dataset';

vi.mock('$app/state', () => ({ page: { route: { id: '/rounds/[id]' }, url: new URL('https://example.org/') } }));

type Load = (event: unknown) => Record<string, unknown>;
let roundLoad: Load;
let RoundPage: Component<{ data: Record<string, unknown> }>;
let modules: {
	dataset: typeof import('../../src/lib/server/db/dataset');
	rounds: typeof import('../../src/lib/server/db/queries/rounds');
	claims: typeof import('../../src/lib/server/db/queries/claims');
	card: typeof import('../../src/lib/server/images/round-card');
	json: typeof import('../../src/lib/server/api/record-json');
};

beforeAll(async () => {
	process.env.DATASET_DB_PATH = buildInto(realDataDir);
	process.env.STATE_DB_PATH = `${process.env.DATASET_DB_PATH}.state.sqlite`;
	roundLoad = (await import('../../src/routes/rounds/[id]/+page.server')).load as unknown as Load;
	RoundPage = (await import('../../src/routes/rounds/[id]/+page.svelte')).default as unknown as typeof RoundPage;
	modules = {
		dataset: await import('../../src/lib/server/db/dataset'),
		rounds: await import('../../src/lib/server/db/queries/rounds'),
		claims: await import('../../src/lib/server/db/queries/claims'),
		card: await import('../../src/lib/server/images/round-card'),
		json: await import('../../src/lib/server/api/record-json')
	};
});

/** How often a text (or a pattern) occurs in another. */
const occurrences = (text: string, part: string | RegExp) =>
	typeof part === 'string' ? text.split(part).length - 1 : (text.match(new RegExp(part, 'g')) ?? []).length;
/** Svelte adds a scoping class to elements styled by their component. */
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('every round of the real dataset', () => {
	it('says "no figure" only for a direction with no number reported for it', async () => {
		const db = modules.dataset.getDataset();
		const info = modules.rounds.datasetInfo(db);
		const rounds = modules.rounds.listRounds(db).filter((round) => round.kind !== 'agreement');
		expect(rounds.length).toBeGreaterThan(100);
		// The status badge and the explanation under it, once per direction on the page.
		const badge = new RegExp(`class="badge no_figure[^"]*"[^>]*>${escape(statusLabel('no_figure'))}</span>`);
		const explanation = new RegExp(`class="explanation[^"]*">${escape(m.explain_no_figure())}</span>`);
		let directionsWithNumbers = 0;
		let explanationsOfNoFigure = 0;

		for (const round of rounds) {
			const claims = modules.claims.claimsOfRound(db, round.id);
			const reported = (direction: Direction) =>
				claims.some(
					(claim) =>
						claim.statement === 'report' &&
						claim.number !== null &&
						[...countedFor(round.population, direction), ...combinedCounted[round.population]].includes(claim.counted)
				);
			const withNumbers = directions.filter(reported);
			const without = directions.length - withNumbers.length;
			directionsWithNumbers += withNumbers.length;
			const where = `${round.id}`;

			// The derived status, the card and the export, direction by direction.
			const card = modules.card.roundCardInput(round, info);
			const response = modules.json.recordJsonResponse(db, 'round', round.id, 'https://example.org');
			const body = RoundDetailResponse.parse(await response.json());
			for (const direction of withNumbers) {
				const { confirmation } = round.figures[round.population][direction];
				expect(confirmation.status, `${where} ${direction}`).not.toBe('no_figure');
				expect(card.directions.find((entry) => entry.key === direction)?.figure, `${where} card`).not.toBeNull();
				expect(body.round[`status_${direction}`], `${where} API`).not.toBe('no_figure');
			}

			// The page and its fact box and citation, which hold both directions.
			const data = roundLoad({ params: { id: round.id }, url: new URL(`https://example.org/rounds/${round.id}`) });
			const html = render(RoundPage, { props: { data } }).body;
			const citation = data.citation as { text: string; factBox: string | null };
			// Exactly: the badge is there for every direction without a number, so the pattern is known to match.
			expect(occurrences(html, badge), `${where} page badge`).toBe(without);
			expect(occurrences(html, explanation), `${where} page explanation`).toBeLessThanOrEqual(without);
			explanationsOfNoFigure += occurrences(html, explanation);
			for (const [party, side] of [
				[m.party_ukraine(), 'ukraine'],
				[m.party_russia(), 'russia']
			] as const) {
				const silent = directions.filter(
					(direction) =>
						!claims.some(
							(claim) =>
								claim.side === side &&
								claim.statement === 'report' &&
								claim.number !== null &&
								countedFor(round.population, direction).includes(claim.counted)
						)
				).length;
				expect(occurrences(html, m.round_party_figure_none({ party })), `${where} ${party}`).toBeLessThanOrEqual(
					silent
				);
			}
			expect(occurrences(citation.factBox ?? '', m.explain_no_figure()), `${where} fact box`).toBeLessThanOrEqual(
				without
			);
			if (withNumbers.length > 0) {
				expect(citation.text, `${where} citation`).not.toContain('No figure is on record for this round');
			}
		}
		expect(directionsWithNumbers).toBeGreaterThan(150);
		// The explanation's pattern matches the page as rendered, where a direction truly has no figure.
		expect(explanationsOfNoFigure).toBeGreaterThan(0);
	});

	it("names the statements behind each side's figure by who made them and when, never by a record id", () => {
		const db = modules.dataset.getDataset();
		const rounds = modules.rounds.listRounds(db).filter((round) => round.kind !== 'agreement');
		let links = 0;
		for (const round of rounds) {
			const claims = new Map(modules.claims.claimsOfRound(db, round.id).map((claim) => [claim.id, claim]));
			const data = roundLoad({ params: { id: round.id }, url: new URL(`https://example.org/rounds/${round.id}`) });
			const html = render(RoundPage, { props: { data } }).body;
			const spans = html.match(/<span class="claim-ids[^"]*">.*?<\/span>/gs) ?? [];
			for (const span of spans) {
				const texts: string[] = [];
				for (const [, id = '', text = ''] of span.matchAll(/<a href="#claim-([^"]+)"[^>]*>([^<]*)<\/a>/g)) {
					const claim = claims.get(id);
					expect(claim, `${round.id}: ${id} is one of the round's statements`).toBeDefined();
					// The speaker and the date, and the outlet when that speaker made two statements that day.
					const name = `${claim!.claimant}, ${formatDate(claim!.statedOn)}`;
					expect([name, `${name}, ${claim!.sources[0]?.outlet}`], round.id).toContain(text);
					expect(text, round.id).not.toMatch(/\bc\d{3,}\b/);
					texts.push(text);
					links += 1;
				}
				// Two statements behind one figure are never named alike.
				expect(new Set(texts).size, `${round.id}: ${texts.join(' | ')}`).toBe(texts.length);
			}
		}
		// Every round with a side's figure has such links: hundreds on the real dataset.
		expect(links).toBeGreaterThan(200);
	});
});
