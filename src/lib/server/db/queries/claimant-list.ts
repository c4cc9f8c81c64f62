// The list of claimants with their statement counts, kept apart from the claimant pages' queries (which carry page text) for the corrections forms.
import type { ClaimantSide } from '../../../schemas/vocabulary';
import type { DatasetDatabase } from '../dataset';
import { memoizedFor, preparedFor } from '../prepared';

/** A person or body that stated figures, with how many statements the record holds and over which dates. */
export interface ClaimantListItem {
	id: string;
	nameEn: string;
	/** Names as printed on a Ukrainian or Russian page; null where none was read. */
	nameUk: string | null;
	nameRu: string | null;
	role: string | null;
	organisation: string | null;
	side: ClaimantSide;
	statementCount: number;
	firstStatedOn: string;
	lastStatedOn: string;
}

export interface ClaimantRecord {
	id: string;
	name_en: string;
	name_uk: string | null;
	name_ru: string | null;
	role: string | null;
	organisation: string | null;
	side: ClaimantSide;
	statement_count: number;
	first_stated_on: string;
	last_stated_on: string;
}

export const claimantColumns = `k.id, k.name_en, k.name_uk, k.name_ru, k.role, k.organisation, k.side,
	(SELECT count(*) FROM claims c WHERE c.claimant_id = k.id) AS statement_count,
	(SELECT min(stated_on) FROM claims c WHERE c.claimant_id = k.id) AS first_stated_on,
	(SELECT max(stated_on) FROM claims c WHERE c.claimant_id = k.id) AS last_stated_on`;

const listStatements = preparedFor((db) => ({
	// Most statements first: the list leads with the voices a reader meets most.
	all: db.prepare<[], ClaimantRecord>(
		`SELECT ${claimantColumns} FROM claimants k ORDER BY statement_count DESC, k.name_en COLLATE NOCASE, k.id`
	)
}));

export function toClaimant(record: ClaimantRecord): ClaimantListItem {
	return {
		id: record.id,
		nameEn: record.name_en,
		nameUk: record.name_uk,
		nameRu: record.name_ru,
		role: record.role,
		organisation: record.organisation,
		side: record.side,
		statementCount: record.statement_count,
		firstStatedOn: record.first_stated_on,
		lastStatedOn: record.last_stated_on
	};
}

/** Every claimant, most statements first (then by name): the list pages, the API and the corrections form use it. */
export const listClaimants = memoizedFor((db: DatasetDatabase): ClaimantListItem[] =>
	listStatements(db).all.all().map(toClaimant)
);
