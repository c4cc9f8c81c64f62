// The coverage report of the built dataset: what is there, what is missing, and what looks duplicated.
import type { DatasetDatabase } from './dataset';
import { listRounds, type RoundListItem } from './queries/rounds';

export interface CoverageReport {
	roundsByYearAndKind: { year: string; kind: string; rounds: number }[];
	/** Events whose headline figure was given by both Kyiv and Moscow (in at least one direction). */
	roundsWithBothSides: number;
	/** Events where a mediator or international body gave a headline figure. */
	roundsWithThirdParty: number;
	events: number;
	/** Rounds of kind `agreement`: carried out in stages, each stage an event of its own, so not events themselves. */
	agreements: number;
	exchangeNumbers: { highest: number; present: number[]; missing: number[] };
	claimsWithoutRound: { statement: string; claims: number }[];
	sourcesByOutlet: { outlet: string; sources: number }[];
	sourcesByLanguage: { language: string; sources: number }[];
	/** Rounds of the same kind on the same day, or with the same figures within two days: likely the same event twice. */
	likelyDuplicates: { first: string; second: string; reason: string }[];
	/** Each official running total beside the sum of the same party's figures for the rounds on record up to its date. */
	totalsCoverage: TotalCoverage[];
	/** Consecutive totals of one series between which the share the rounds account for falls. */
	coverageDrops: CoverageDrop[];
}

/** One official running total and how much of it the rounds on record account for, by the same party's figures. */
export interface TotalCoverage {
	claimId: string;
	statedOn: string;
	claimant: string;
	side: string;
	counted: string;
	qualifier: string;
	total: number;
	/** The sum, over rounds on or before the total's date, of the party's own highest figure for each round. */
	roundsSum: number;
	/** Rounds counted in the sum, and rounds of the same kind up to the date for which the party gave no figure. */
	roundsWithFigure: number;
	roundsWithoutFigure: number;
	ratio: number;
}

export interface CoverageDrop {
	series: string;
	from: TotalCoverage;
	to: TotalCoverage;
}

/** What a running total counts, and the round figures of the same party that add up to it. */
const totalSeries: Record<string, { kinds: string[]; counted: string[] }> = {
	people_to_ukraine: { kinds: ['pow_exchange', 'civilian_release'], counted: ['people_to_ukraine', 'people_each_way'] },
	people_to_russia: { kinds: ['pow_exchange', 'civilian_release'], counted: ['people_to_russia', 'people_each_way'] },
	military_to_ukraine: { kinds: ['pow_exchange'], counted: ['military_to_ukraine', 'military_each_way'] },
	military_to_russia: { kinds: ['pow_exchange'], counted: ['military_to_russia', 'military_each_way'] },
	bodies_to_ukraine: { kinds: ['bodies_repatriation'], counted: ['bodies_to_ukraine', 'bodies_each_way'] },
	bodies_to_russia: { kinds: ['bodies_repatriation'], counted: ['bodies_to_russia', 'bodies_each_way'] }
};

/** A fall of more than this many percentage points between two totals of a series is listed as a drop. */
const DROP_POINTS = 2;

/**
 * Coverage measured against the parties' own running totals: for every running total Kyiv or Moscow stated, the sum of
 * that party's figures for the rounds on record up to the total's date, and the ratio between the two.
 */
export function totalsCoverage(db: DatasetDatabase): { totals: TotalCoverage[]; drops: CoverageDrop[] } {
	const totals = db
		.prepare<
			[],
			{
				id: string;
				stated_on: string;
				claimant: string;
				claimant_side: string;
				counted: string;
				number: number;
				qualifier: string;
			}
		>(
			`SELECT id, stated_on, claimant, claimant_side, counted, number, qualifier FROM claims
			  WHERE statement = 'running_total' AND claimant_side IN ('ukraine', 'russia') AND number > 0
			  ORDER BY claimant_side, counted, stated_on, id`
		)
		.all()
		.filter((row) => totalSeries[row.counted]);
	const figures = db
		.prepare<
			[],
			{ round_id: string; date: string; kind: string; claimant_side: string; counted: string; number: number | null }
		>(
			`SELECT r.id AS round_id, r.date, r.kind, c.claimant_side, c.counted, c.number
			   FROM rounds r LEFT JOIN claims c ON c.round_id = r.id AND c.statement = 'report'
			  WHERE r.kind <> 'agreement'`
		)
		.all();
	const coverage = totals.map((total): TotalCoverage => {
		const series = totalSeries[total.counted] as (typeof totalSeries)[string];
		const byRound = new Map<string, number | null>();
		for (const row of figures) {
			if (row.date > total.stated_on || !series.kinds.includes(row.kind)) continue;
			const own = row.claimant_side === total.claimant_side && series.counted.includes(row.counted) ? row.number : null;
			const best = byRound.get(row.round_id) ?? null;
			byRound.set(row.round_id, own === null ? best : Math.max(best ?? 0, own));
		}
		const counted = [...byRound.values()].filter((value): value is number => value !== null);
		const roundsSum = counted.reduce((sum, value) => sum + value, 0);
		return {
			claimId: total.id,
			statedOn: total.stated_on,
			claimant: total.claimant,
			side: total.claimant_side,
			counted: total.counted,
			qualifier: total.qualifier,
			total: total.number,
			roundsSum,
			roundsWithFigure: counted.length,
			roundsWithoutFigure: byRound.size - counted.length,
			ratio: roundsSum / total.number
		};
	});
	const drops: CoverageDrop[] = [];
	coverage.forEach((to, index) => {
		const from = coverage[index - 1];
		if (!from || from.side !== to.side || from.counted !== to.counted) return;
		if ((from.ratio - to.ratio) * 100 > DROP_POINTS) drops.push({ series: `${to.side} ${to.counted}`, from, to });
	});
	return { totals: coverage, drops };
}

function headlineSides(round: RoundListItem): Set<string> {
	const figures = round.figures[round.population];
	return new Set(
		[figures.to_ukraine, figures.to_russia].flatMap(({ confirmation }) =>
			confirmation.figures.filter((figure) => figure.number !== null).map((figure) => figure.side)
		)
	);
}

/** The headline figures of a round as a comparable signature, e.g. "people:to_ukraine=189|to_russia=150". */
function figureSignature(round: RoundListItem): string {
	const figures = round.figures[round.population];
	const numbers = (direction: 'to_ukraine' | 'to_russia') =>
		[...new Set(figures[direction].confirmation.figures.map((figure) => figure.number))].sort().join('/');
	return `${round.population}:to_ukraine=${numbers('to_ukraine')}|to_russia=${numbers('to_russia')}`;
}

function hasAnyFigure(round: RoundListItem): boolean {
	const figures = round.figures[round.population];
	return (
		figures.to_ukraine.confirmation.status !== 'no_figure' || figures.to_russia.confirmation.status !== 'no_figure'
	);
}

function daysApart(a: string, b: string): number {
	return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}

/** Builds the coverage report from the dataset. */
export function coverageReport(db: DatasetDatabase): CoverageReport {
	const rounds = listRounds(db);
	const events = rounds.filter((round) => round.kind !== 'agreement');

	const byYearAndKind = new Map<string, number>();
	for (const round of events) {
		const key = `${round.date.slice(0, 4)}|${round.kind}`;
		byYearAndKind.set(key, (byYearAndKind.get(key) ?? 0) + 1);
	}

	const numbers = rounds.flatMap((round) => (round.kyivExchangeNumber === null ? [] : [round.kyivExchangeNumber]));
	const highest = Math.max(0, ...numbers);
	const present = [...new Set(numbers)].sort((a, b) => a - b);
	const missing = Array.from({ length: highest }, (_, index) => index + 1).filter((n) => !present.includes(n));

	const likelyDuplicates: CoverageReport['likelyDuplicates'] = [];
	const chronological = [...events].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
	chronological.forEach((round, index) => {
		for (const other of chronological.slice(index + 1)) {
			if (daysApart(round.date, other.date) > 2) break;
			if (round.date === other.date && round.kind === other.kind) {
				likelyDuplicates.push({ first: round.id, second: other.id, reason: 'same day and kind' });
			} else if (
				round.kind === other.kind &&
				figureSignature(round) === figureSignature(other) &&
				hasAnyFigure(round)
			) {
				likelyDuplicates.push({ first: round.id, second: other.id, reason: 'same figures within two days' });
			}
		}
	});

	const count = <T extends string>(sql: string) => db.prepare<[], Record<T, string> & { n: number }>(sql).all();
	const againstTotals = totalsCoverage(db);
	return {
		roundsByYearAndKind: [...byYearAndKind.entries()]
			.map(([key, n]) => {
				const [year = '', kind = ''] = key.split('|');
				return { year, kind, rounds: n };
			})
			.sort((a, b) => a.year.localeCompare(b.year) || a.kind.localeCompare(b.kind)),
		roundsWithBothSides: events.filter((round) => {
			const sides = headlineSides(round);
			return sides.has('ukraine') && sides.has('russia');
		}).length,
		roundsWithThirdParty: events.filter((round) => {
			const sides = headlineSides(round);
			return sides.has('mediator') || sides.has('international');
		}).length,
		events: events.length,
		agreements: rounds.length - events.length,
		exchangeNumbers: { highest, present, missing },
		claimsWithoutRound: count<'statement'>(
			'SELECT statement, count(*) AS n FROM claims WHERE round_id IS NULL GROUP BY statement ORDER BY statement'
		).map((row) => ({ statement: row.statement, claims: row.n })),
		sourcesByOutlet: count<'outlet'>(
			'SELECT outlet, count(*) AS n FROM sources GROUP BY outlet ORDER BY n DESC, outlet LIMIT 25'
		).map((row) => ({ outlet: row.outlet, sources: row.n })),
		sourcesByLanguage: count<'language'>(
			'SELECT language, count(*) AS n FROM sources GROUP BY language ORDER BY n DESC, language'
		).map((row) => ({ language: row.language, sources: row.n })),
		likelyDuplicates,
		totalsCoverage: againstTotals.totals,
		coverageDrops: againstTotals.drops
	};
}

/** "1–3, 5, 7–9": consecutive numbers folded into ranges. */
export function foldRanges(values: readonly number[]): string {
	const parts: string[] = [];
	for (let index = 0; index < values.length;) {
		const start = values[index] as number;
		let end = start;
		while (values[index + 1] === end + 1) {
			end += 1;
			index += 1;
		}
		parts.push(start === end ? String(start) : `${start}–${end}`);
		index += 1;
	}
	return parts.join(', ');
}

const qualifierMark: Record<string, string> = { at_least: '>=', more_than: '>', about: '~', up_to: '<=' };

/** The report as plain text for the terminal. */
export function formatCoverageReport(report: CoverageReport): string {
	const lines: string[] = [];
	// `data:build` counts rows of rounds.csv; an agreement is a row there but not an event, so say how the two relate.
	lines.push(
		`Events: ${report.events} (rounds: ${report.events + report.agreements}, of which ${report.agreements} ` +
			'agreement(s) carried out in stages; each stage is an event, the agreement itself is not)'
	);
	lines.push('', 'Events by year and kind:');
	for (const row of report.roundsByYearAndKind) lines.push(`  ${row.year}  ${row.kind.padEnd(22)} ${row.rounds}`);
	lines.push(
		'',
		`Events with a headline figure from both Kyiv and Moscow: ${report.roundsWithBothSides} of ${report.events}`
	);
	lines.push(
		`Events with a mediator's or international body's figure: ${report.roundsWithThirdParty} of ${report.events}`
	);
	const { highest, present, missing } = report.exchangeNumbers;
	lines.push(
		'',
		`Kyiv's exchange numbers: ${present.length} of 1–${highest} present (${highest === 0 ? 0 : Math.round((present.length / highest) * 100)}%)`
	);
	lines.push(`  present: ${foldRanges(present) || 'none'}`);
	lines.push(`  missing: ${foldRanges(missing) || 'none'}`);
	lines.push('', 'Claims without a round:');
	for (const row of report.claimsWithoutRound) lines.push(`  ${row.statement.padEnd(14)} ${row.claims}`);
	lines.push('', 'Sources by language:');
	for (const row of report.sourcesByLanguage) lines.push(`  ${row.language}  ${row.sources}`);
	lines.push('', 'Sources by outlet (top 25):');
	for (const row of report.sourcesByOutlet) lines.push(`  ${String(row.sources).padStart(3)}  ${row.outlet}`);
	lines.push(
		'',
		"Coverage against the parties' own running totals (sum of the same party's figures for the rounds on record up to the total's date):"
	);
	const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;
	for (const row of report.totalsCoverage) {
		lines.push(
			`  ${row.statedOn}  ${row.side.padEnd(7)} ${row.counted.padEnd(19)} ${qualifierMark[row.qualifier] ?? ''}${row.total} (${row.claimId}, ${row.claimant})  rounds: ${row.roundsSum} in ${row.roundsWithFigure}, ${row.roundsWithoutFigure} without the party's figure  ${percent(row.ratio)}`
		);
	}
	lines.push('', `Periods where the share falls by more than ${DROP_POINTS} points: ${report.coverageDrops.length}`);
	for (const drop of report.coverageDrops) {
		lines.push(
			`  ${drop.series}: ${drop.from.statedOn} ${percent(drop.from.ratio)} -> ${drop.to.statedOn} ${percent(drop.to.ratio)} (${drop.to.claimId})`
		);
	}
	lines.push('', `Likely duplicates: ${report.likelyDuplicates.length}`);
	for (const row of report.likelyDuplicates) lines.push(`  ${row.first} ~ ${row.second} (${row.reason})`);
	return lines.join('\n');
}
