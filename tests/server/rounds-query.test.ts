// Rounds and totals read from a SQLite dataset built from fixtures by the real build code.
import { describe, expect, it } from 'vitest';
import { openDataset } from '../../src/lib/server/db/dataset';
import { matchRounds } from '../../src/lib/domain/round-filters';
import { totalsByDirection } from '../../src/lib/domain/round-figures';
import { totalsByYear } from '../../src/lib/domain/year-totals';
import {
	allRoundTotals,
	datasetInfo,
	isFiltered,
	listRounds,
	yearTotals
} from '../../src/lib/server/db/queries/rounds';
import { FIXED_TODAY, buildInto, fixtureDir } from '../helpers/dataset';

const db = openDataset(buildInto(fixtureDir('valid-data')));
const rounds = listRounds(db);
const byId = new Map(rounds.map((round) => [round.id, round]));

describe('listRounds', () => {
	it('lists every round newest first, with mediators and parent', () => {
		expect(rounds.map((round) => round.id)).toEqual([
			'2025-06-11-bodies',
			'2025-05-24-exchange',
			'2025-05-23-exchange',
			'2025-05-16-agreement',
			'2024-12-30-exchange'
		]);
		expect(byId.get('2025-05-23-exchange')).toMatchObject({ parentId: '2025-05-16-agreement', mediators: ['Turkey'] });
		expect(byId.get('2024-12-30-exchange')).toMatchObject({ kyivExchangeNumber: 59, mediators: ['UAE'] });
	});

	it.each([
		{
			round: '2024-12-30-exchange',
			direction: 'to_ukraine',
			status: 'disputed',
			explanation:
				'Kyiv reported 189, Moscow reported 150 and UAE Ministry of Foreign Affairs reported 150: the figures differ by 39.'
		},
		{
			round: '2024-12-30-exchange',
			direction: 'to_russia',
			status: 'third_party_confirmed',
			explanation: "UAE Ministry of Foreign Affairs reported 150, matching Moscow's figure."
		},
		{
			round: '2025-05-23-exchange',
			direction: 'to_ukraine',
			status: 'corroborated',
			explanation: 'Kyiv and Moscow both reported 390.'
		},
		{
			round: '2025-05-24-exchange',
			direction: 'to_ukraine',
			status: 'third_party_confirmed',
			explanation: "UAE Ministry of Foreign Affairs reported 307, matching Kyiv's figure."
		},
		{
			round: '2025-05-24-exchange',
			direction: 'to_russia',
			status: 'no_figure',
			explanation: 'No figure is on record for this direction.'
		},
		{
			round: '2025-05-16-agreement',
			direction: 'to_ukraine',
			status: 'no_figure',
			explanation:
				'No report of what happened gives a figure; only statements made before or about it do: Kyiv reported 1,000.'
		}
	] as const)('$round $direction is $status', ({ round, direction, status, explanation }) => {
		const confirmation = byId.get(round)?.figures.people[direction].confirmation;
		expect(confirmation?.status).toBe(status);
		expect(confirmation?.explanation).toBe(explanation);
	});

	it('keeps bodies apart from people', () => {
		const bodies = byId.get('2025-06-11-bodies')?.figures;
		expect(bodies?.bodies.to_ukraine.confirmation.status).toBe('announced');
		expect(bodies?.people.to_ukraine.confirmation.status).toBe('no_figure');
	});
});

describe('allRoundTotals', () => {
	it("sums confirmed figures and each party's own exact figures, skipping agreements", () => {
		const totals = allRoundTotals(db);
		expect(totals.people.to_ukraine).toEqual({
			confirmed: 390 + 307,
			confirmedRounds: 2,
			partlyConfirmedRounds: 0,
			byParty: { ukraine: { sum: 189 + 390 + 307, rounds: 3 }, russia: { sum: 150 + 390, rounds: 2 } },
			roundsWithFigures: 3,
			rounds: 3,
			roundsWithoutFigure: 0,
			roundsCombinedOnly: 0
		});
		expect(totals.people.to_russia).toEqual({
			confirmed: 150,
			confirmedRounds: 1,
			partlyConfirmedRounds: 0,
			byParty: { ukraine: { sum: 0, rounds: 0 }, russia: { sum: 150 + 390, rounds: 2 } },
			roundsWithFigures: 2,
			rounds: 3,
			roundsWithoutFigure: 1,
			roundsCombinedOnly: 0
		});
		expect(totals.bodies.to_ukraine.byParty.ukraine).toEqual({ sum: 1212, rounds: 1 });
	});
});

describe('the totals kept per dataset', () => {
	it('are the totals of every event, computed once, and /years is the year totals of every round', () => {
		const events = matchRounds(rounds, { sort: 'gap_desc' });
		expect(allRoundTotals(db)).toEqual(totalsByDirection(events));
		expect(allRoundTotals(db)).toBe(allRoundTotals(db));
		expect(yearTotals(db)).toEqual(totalsByYear(rounds));
	});

	it.each([
		[{}, false],
		[{ year: 2025 }, true],
		[{ kind: 'exchange' }, true],
		[{ status: 'disputed' }, true],
		[{ mediator: 'UAE' }, true]
	])('a selection %j leaves rounds out: %s', (filters, filtered) => {
		expect(isFiltered(filters)).toBe(filtered);
	});
});

describe('datasetInfo', () => {
	it('gives the version, the build date and the dates covered', () => {
		const info = datasetInfo(db);
		expect(info.version).toMatch(/^[0-9a-f]{12}$/);
		expect(info.contentHash.startsWith(info.version)).toBe(true);
		expect(info.builtOn).toBe(FIXED_TODAY);
		expect(info.earliestDate).toBe('2024-12-30');
		expect(info.latestDate).toBe('2025-08-06');
	});
});
