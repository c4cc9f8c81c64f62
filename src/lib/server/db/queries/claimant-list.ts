// The list of claimants with their statement counts, kept apart from the claimant pages' queries (which carry page text) for the corrections forms.
import type { ClaimantWords } from '../../../format/data-words';
import type { ClaimantSide } from '../../../schemas/vocabulary';
import type { DatasetDatabase } from '../dataset';
import { memoizedFor, preparedFor } from '../prepared';

/** A person or body that stated figures (names in three languages: see data/decisions/claimant-spellings.csv for where each was read), with how many statements the record holds and over which dates. */
export interface ClaimantListItem extends ClaimantWords {
	id: string;
	side: ClaimantSide;
	statementCount: number;
	firstStatedOn: string;
	lastStatedOn: string;
}

export interface ClaimantRecord {
	id: string;
	name_en: string;
	name_uk: string;
	name_ru: string;
	role: string | null;
	role_uk: string | null;
	role_ru: string | null;
	organisation: string | null;
	organisation_uk: string | null;
	organisation_ru: string | null;
	side: ClaimantSide;
	statement_count: number;
	first_stated_on: string;
	last_stated_on: string;
}

export const claimantColumns = `k.id, k.name_en, k.name_uk, k.name_ru, k.role, k.role_uk, k.role_ru, k.organisation,
	k.organisation_uk, k.organisation_ru, k.side,
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
		roleUk: record.role_uk,
		roleRu: record.role_ru,
		organisation: record.organisation,
		organisationUk: record.organisation_uk,
		organisationRu: record.organisation_ru,
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
