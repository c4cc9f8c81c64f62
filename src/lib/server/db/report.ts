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
		likelyDuplicates
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
	lines.push('', `Likely duplicates: ${report.likelyDuplicates.length}`);
	for (const row of report.likelyDuplicates) lines.push(`  ${row.first} ~ ${row.second} (${row.reason})`);
	return lines.join('\n');
}
