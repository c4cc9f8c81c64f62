// data/decisions/figure-parts.csv through the real build: a figure marked as one part of a day's returns is never
// compared with a whole, and a bad marking fails the build.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/lib/server/db/build';
import { openDataset } from '../../src/lib/server/db/dataset';
import { deriveRounds } from '../../src/lib/server/db/queries/rounds';
import { FIXED_TODAY, buildInto, fixtureDir, realDataDir, temporaryDir } from '../helpers/dataset';

/** The fixture with data/decisions/figure-parts.csv holding `rows` (after its header). */
function withFigureParts(rows: string[]): string {
	const dataDir = temporaryDir();
	cpSync(fixtureDir('valid-data'), dataDir, { recursive: true });
	mkdirSync(join(dataDir, 'decisions'));
	writeFileSync(
		join(dataDir, 'decisions', 'figure-parts.csv'),
		['claim_id,direction,part,reason', ...rows].join('\n') + '\n'
	);
	return dataDir;
}

const toUkraine = (dataDir: string, roundId: string) => {
	const [round] = deriveRounds(openDataset(buildInto(dataDir)), [roundId]);
	return round?.figures.people.to_ukraine.confirmation;
};

describe('data/decisions/figure-parts.csv', () => {
	it('takes a part out of the comparison with a whole, in the direction marked only', () => {
		const before = toUkraine(withFigureParts([]), '2024-12-30-exchange');
		expect(before?.status).toBe('disputed');
		const dataDir = withFigureParts([
			'c2,to_ukraine,in_exchange,"Fixture: the page counts only the exchange."',
			'c3,to_ukraine,in_exchange,"Fixture: the page counts only the exchange."'
		]);
		const after = toUkraine(dataDir, '2024-12-30-exchange');
		expect(after?.status).toBe('announced');
		expect(after?.explanation).toContain('150 in the exchange');
		const [round] = deriveRounds(openDataset(buildInto(dataDir)), ['2024-12-30-exchange']);
		expect(round?.figures.people.to_russia.confirmation.figures.every((figure) => figure.part === undefined)).toBe(
			true
		);
	});

	it('fails the build on an unknown claim, a claim that is no report, a direction it does not count, a repeat or no reason', () => {
		const result = buildDataset({
			dataDir: withFigureParts([
				'c404,to_ukraine,in_exchange,unknown claim',
				'c11,to_ukraine,in_exchange,not a report',
				'c1,to_russia,in_exchange,a figure to Ukraine only',
				'c2,to_ukraine,in_exchange,first',
				'c2,to_ukraine,outside_exchange,again',
				'c3,to_ukraine,whole,a part that is no part',
				'c3,to_russia,in_exchange,'
			]),
			outPath: join(temporaryDir(), 'dataset.sqlite'),
			today: FIXED_TODAY
		});
		expect(result.ok ? [] : result.errors).toEqual([
			'decisions/figure-parts.csv:2: claim_id: unknown claim id "c404"',
			'decisions/figure-parts.csv:3: claim_id: claim "c11" is a allegation, not a report',
			'decisions/figure-parts.csv:4: direction: claim "c1" counts people_to_ukraine, which gives no figure of people to_russia',
			'decisions/figure-parts.csv:6: direction: "c2" is marked to_ukraine twice',
			expect.stringContaining('decisions/figure-parts.csv:7: part:'),
			"decisions/figure-parts.csv:8: reason: say which of the day's returns the figure counts, in the page's own words"
		]);
	});
});

describe('parts in the real dataset', () => {
	const rounds = deriveRounds(openDataset(buildInto(realDataDir)), [
		'2025-03-19-exchange',
		'2023-04-26-exchange',
		'2022-10-17-exchange',
		'2025-08-24-exchange',
		'2025-04-19-exchange'
	]);
	const figures = (id: string) => rounds.find((round) => round.id === id)?.figures.people;

	it.each([
		['2025-03-19-exchange', 'corroborated', 197],
		['2023-04-26-exchange', 'corroborated', 44]
	] as const)("%s: a voice whose parts add up to the other side's whole agrees with it", (id, status, number) => {
		const confirmation = figures(id)?.to_ukraine.confirmation;
		expect([confirmation?.status, confirmation?.confirmedNumber]).toEqual([status, number]);
		expect(figures(id)?.to_ukraine.byParty.russia).toMatchObject({ number, derivation: 'sum' });
	});

	it('17 Oct 2022: the "110 for 110" is not compared with the 108 returned to Ukraine', () => {
		expect(figures('2022-10-17-exchange')?.to_ukraine.confirmation.status).not.toBe('disputed');
	});

	it("24 Aug 2025: Moscow's 146 are servicemen, and its 8 civilians come on top of them", () => {
		expect(figures('2025-08-24-exchange')?.to_russia.byParty.russia).toMatchObject({
			number: 154,
			derivation: 'sum'
		});
	});

	it("19 Apr 2025: Moscow's 246 in the exchange and 15 outside it count as 261; Kyiv's 246 in the exchange stand beside its 277", () => {
		const people = figures('2025-04-19-exchange');
		expect(people?.to_russia.byParty.russia).toMatchObject({ number: 261, derivation: 'sum' });
		expect(people?.to_ukraine.byParty.ukraine?.number).toBe(277);
		expect(people?.to_ukraine.confirmation.explanation).toContain('246 servicemen in the exchange');
		expect(people?.to_russia.confirmation.explanation).toContain('15 servicemen outside the exchange');
	});
});
