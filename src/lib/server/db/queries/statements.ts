// Statements outside rounds with what the record says next to them: sums of rounds, support, answers.
import { isUnverified, recordSumsUpTo, supportingClaims, type RecordSums } from '../../../domain/claim-context';
import type { DatasetDatabase } from '../dataset';
import { memoizedFor } from '../prepared';
import { claimsCounting, getClaim, listStatementsOutsideRounds, responsesTo, type ClaimView } from './claims';
import { listRounds } from './rounds';
import { countedValues } from '../../../schemas/vocabulary';

/** A statement in the list, with how the record stands to it. */
export interface StatementListItem extends ClaimView {
	supportCount: number;
	responseCount: number;
	unverified: boolean;
}

/** A statement with everything the record says next to it. */
export interface StatementContext {
	claim: ClaimView;
	/** For a running total: the sums of rounds up to its date. */
	sums: RecordSums | null;
	/** Statements by another side that agree with it. */
	supporting: ClaimView[];
	/** Statements that answer it (rebuttals, counter-statements). */
	responses: ClaimView[];
	/** The statement it answers, when it is itself an answer. */
	answers: ClaimView | null;
	unverified: boolean;
}

/** Every claim, by what it counts: the candidates for supporting a statement. */
const claimsByCounted = memoizedFor(
	(db: DatasetDatabase) => new Map(countedValues.map((counted) => [counted, claimsCounting(db, counted)]))
);

const responseCounts = memoizedFor((db: DatasetDatabase) => {
	const counts = new Map<string, number>();
	for (const claims of claimsByCounted(db).values()) {
		for (const claim of claims) {
			if (claim.respondsTo) counts.set(claim.respondsTo, (counts.get(claim.respondsTo) ?? 0) + 1);
		}
	}
	return counts;
});

/** Running totals, offers, allegations and rebuttals, newest first, with support and answers counted. */
export const listStatements = memoizedFor((db: DatasetDatabase): StatementListItem[] => {
	const byCounted = claimsByCounted(db);
	const responses = responseCounts(db);
	return listStatementsOutsideRounds(db).map((claim) => {
		const supporting = supportingClaims(claim, byCounted.get(claim.counted) ?? []);
		return {
			...claim,
			supportCount: supporting.length,
			responseCount: responses.get(claim.id) ?? 0,
			unverified: claim.statement !== 'rebuttal' && isUnverified(claim, supporting)
		};
	});
});

/** One claim with what the record says next to it, or null. */
export function statementContext(db: DatasetDatabase, id: string): StatementContext | null {
	const claim = getClaim(db, id);
	if (!claim) return null;
	const supporting = supportingClaims(claim, claimsByCounted(db).get(claim.counted) ?? []);
	return {
		claim,
		sums: claim.statement === 'running_total' ? recordSumsUpTo(listRounds(db), claim) : null,
		supporting,
		responses: responsesTo(db, id),
		answers: claim.respondsTo ? getClaim(db, claim.respondsTo) : null,
		unverified: claim.statement !== 'rebuttal' && claim.statement !== 'report' && isUnverified(claim, supporting)
	};
}

/** How many days around a round's date a statement counts as made "around" it. */
export const NEARBY_DAYS = 3;

/** Statements outside rounds made within {@link NEARBY_DAYS} days of a date, oldest first. */
export function statementsNear(db: DatasetDatabase, date: string): StatementListItem[] {
	const day = Date.parse(`${date}T00:00:00Z`);
	return listStatements(db)
		.filter((claim) => Math.abs(Date.parse(`${claim.statedOn}T00:00:00Z`) - day) <= NEARBY_DAYS * 86_400_000)
		.reverse();
}
