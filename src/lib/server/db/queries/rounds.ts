// Queries over rounds and their claims: the rounds list with derived figures, and the totals per direction.
import type { ClaimantSide, Counted, Qualifier, RoundKind, StatementKind } from '../../../schemas/vocabulary';
import {
	headlineCounted,
	headlinePopulation,
	roundFigures,
	totalsByDirection,
	type ClaimFigure,
	type Population
} from '../../../domain/round-figures';
import type { DatasetDatabase } from '../dataset';

/** A round as listed on the overview, with the figures derived from its claims. */
export interface RoundListItem {
	id: string;
	date: string;
	endDate: string | null;
	kind: RoundKind;
	kyivExchangeNumber: number | null;
	parentId: string | null;
	summary: string;
	mediators: string[];
	claimCount: number;
	figures: ReturnType<typeof roundFigures>;
	/** Whether the headline figures are people or bodies. */
	population: Population;
	/** Reported figures that are not a headline figure: sub-counts, sums of both directions, bodies in an exchange. */
	otherFigures: OtherFigure[];
}

/** A reported figure shown beside the headline figures, never compared with them. */
export interface OtherFigure {
	claimId: string;
	claimant: string;
	counted: Counted;
	number: number;
	qualifier: Qualifier;
}

function isHeadline(population: Population, counted: Counted): boolean {
	return Object.values(headlineCounted[population]).some((values) => values.includes(counted));
}

interface RoundRecord {
	id: string;
	date: string;
	end_date: string | null;
	kind: RoundKind;
	kyiv_exchange_number: number | null;
	parent_id: string | null;
	summary: string;
	mediators: string | null;
}

interface ClaimRecord {
	id: string;
	round_id: string;
	claimant: string;
	claimant_side: ClaimantSide;
	statement: StatementKind;
	counted: Counted;
	number: number | null;
	qualifier: Qualifier | null;
}

const statementsByDb = new WeakMap<DatasetDatabase, ReturnType<typeof prepare>>();

function prepare(db: DatasetDatabase) {
	return {
		rounds: db.prepare<[], RoundRecord>(
			`SELECT r.id, r.date, r.end_date, r.kind, r.kyiv_exchange_number, r.parent_id, r.summary,
			        (SELECT group_concat(mediator, ';') FROM (SELECT mediator FROM round_mediators m WHERE m.round_id = r.id ORDER BY position)) AS mediators
			   FROM rounds r
			  ORDER BY r.date DESC, r.id DESC`
		),
		roundClaims: db.prepare<[], ClaimRecord>(
			`SELECT id, round_id, claimant, claimant_side, statement, counted, number, qualifier
			   FROM claims WHERE round_id IS NOT NULL ORDER BY round_id, id`
		)
	};
}

/** Prepared once per connection: a rebuilt dataset gets a new connection and new statements. */
function statements(db: DatasetDatabase) {
	let prepared = statementsByDb.get(db);
	if (!prepared) {
		prepared = prepare(db);
		statementsByDb.set(db, prepared);
	}
	return prepared;
}

/** Every round, newest first, with each direction's figures and derived status. */
export function listRounds(db: DatasetDatabase): RoundListItem[] {
	const { rounds, roundClaims } = statements(db);
	const claimsByRound = new Map<string, ClaimFigure[]>();
	for (const claim of roundClaims.all()) {
		const list = claimsByRound.get(claim.round_id) ?? [];
		list.push({
			id: claim.id,
			claimant: claim.claimant,
			claimantSide: claim.claimant_side,
			statement: claim.statement,
			counted: claim.counted,
			number: claim.number,
			qualifier: claim.qualifier
		});
		claimsByRound.set(claim.round_id, list);
	}
	return rounds.all().map((round) => {
		const claims = claimsByRound.get(round.id) ?? [];
		const population = headlinePopulation(round.kind);
		return {
			id: round.id,
			date: round.date,
			endDate: round.end_date,
			kind: round.kind,
			kyivExchangeNumber: round.kyiv_exchange_number,
			parentId: round.parent_id,
			summary: round.summary,
			mediators: round.mediators ? round.mediators.split(';') : [],
			claimCount: claims.length,
			figures: roundFigures(claims),
			population,
			otherFigures: claims.flatMap((claim) =>
				claim.statement === 'report' &&
				!isHeadline(population, claim.counted) &&
				claim.number !== null &&
				claim.qualifier !== null
					? [
							{
								claimId: claim.id,
								claimant: claim.claimant,
								counted: claim.counted,
								number: claim.number,
								qualifier: claim.qualifier
							}
						]
					: []
			)
		};
	});
}

/** Totals per population and direction over the given rounds. */
export function totalsOf(rounds: readonly RoundListItem[]) {
	return totalsByDirection(rounds);
}

/** The dataset's version and the latest date it covers. */
export function datasetInfo(db: DatasetDatabase): { version: string; contentHash: string; latestDate: string } {
	const rows = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM meta').all();
	const meta = Object.fromEntries(rows.map((row) => [row.key, row.value]));
	return {
		version: meta.dataset_version ?? '',
		contentHash: meta.content_hash ?? '',
		latestDate: meta.latest_date ?? ''
	};
}
