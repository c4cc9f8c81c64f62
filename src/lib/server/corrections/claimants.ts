// Claimants in the suggestion forms: the list the forms offer, and the one place a typed name resolves to a claimant.
import type { ClaimantSide } from '../../schemas/vocabulary';
import type { DatasetDatabase } from '../db/dataset';
import { memoizedFor, preparedFor } from '../db/prepared';
import { listClaimants } from '../db/queries/claimant-list';

const statements = preparedFor((db: DatasetDatabase) => ({
	// Every name a claimant is known by: the table's three names and the names the claims record for them (the ones
	// data/decisions/claimant-names.csv maps), and the id itself.
	claimantNames: db.prepare<[], { name: string | null; id: string; side: ClaimantSide }>(
		`SELECT k.id AS name, k.id, k.side FROM claimants k
		 UNION SELECT k.name_en, k.id, k.side FROM claimants k
		 UNION SELECT k.name_uk, k.id, k.side FROM claimants k
		 UNION SELECT k.name_ru, k.id, k.side FROM claimants k
		 UNION SELECT c.claimant, k.id, k.side FROM claims c JOIN claimants k ON k.id = c.claimant_id`
	)
}));

/** A claimant on record, as a typed name resolves to it. */
export interface ResolvedClaimant {
	id: string;
	side: ClaimantSide;
}

export const nameKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** Each name (case-insensitive) with the claimants it names: usually one; two when two claimants share a name. */
const claimantsByName = memoizedFor((dataset: DatasetDatabase) => {
	const byName = new Map<string, ResolvedClaimant[]>();
	for (const row of statements(dataset).claimantNames.all()) {
		if (!row.name) continue;
		const key = nameKey(row.name);
		const known = byName.get(key) ?? [];
		if (!known.some((claimant) => claimant.id === row.id)) known.push({ id: row.id, side: row.side });
		byName.set(key, known);
	}
	return byName;
});

/**
 * The one place a typed claimant resolves to a claimant on record: an exact, case-insensitive match on the id, on
 * any of the English, Ukrainian and Russian names, or on a name the claims record for them. Empty when none matches.
 */
export function resolveClaimant(dataset: DatasetDatabase, name: string): ResolvedClaimant[] {
	return claimantsByName(dataset).get(nameKey(name)) ?? [];
}

/**
 * The claimants on record for the form's list: the English name with the side and the id. One option per claimant,
 * so the page grows with the claimants table only (a few hundred at most), never with the claims.
 */
export function claimantChoices(dataset: DatasetDatabase): { id: string; name: string; side: ClaimantSide }[] {
	return listClaimants(dataset)
		.map((claimant) => ({ id: claimant.id, name: claimant.nameEn, side: claimant.side }))
		.sort((a, b) => a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id));
}
