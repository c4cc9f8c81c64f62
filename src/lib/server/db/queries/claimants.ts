// Queries over claimants: the list with their statement counts, one claimant, a page of their statements, their track record.
import { error } from '@sveltejs/kit';
import { trackRecord, type TrackRow } from '../../../domain/track-record';
import { m } from '../../../paraglide/messages.js';
import type { ClaimantSide } from '../../../schemas/vocabulary';
import type { DatasetDatabase } from '../dataset';
import { memoizedFor, preparedFor } from '../prepared';
import { claimsOfClaimantRounds } from './claims';
import { listRounds } from './rounds';

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

interface ClaimantRecord {
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

const claimantColumns = `k.id, k.name_en, k.name_uk, k.name_ru, k.role, k.organisation, k.side,
	(SELECT count(*) FROM claims c WHERE c.claimant_id = k.id) AS statement_count,
	(SELECT min(stated_on) FROM claims c WHERE c.claimant_id = k.id) AS first_stated_on,
	(SELECT max(stated_on) FROM claims c WHERE c.claimant_id = k.id) AS last_stated_on`;

const statements = preparedFor((db) => ({
	// Most statements first: the list leads with the voices a reader meets most.
	all: db.prepare<[], ClaimantRecord>(
		`SELECT ${claimantColumns} FROM claimants k ORDER BY statement_count DESC, k.name_en COLLATE NOCASE, k.id`
	),
	byId: db.prepare<[string], ClaimantRecord>(`SELECT ${claimantColumns} FROM claimants k WHERE k.id = ?`)
}));

function toClaimant(record: ClaimantRecord): ClaimantListItem {
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
	statements(db).all.all().map(toClaimant)
);

/** One claimant, or null. */
export function getClaimant(db: DatasetDatabase, id: string): ClaimantListItem | null {
	const record = statements(db).byId.get(id);
	return record ? toClaimant(record) : null;
}

/** Track records computed so far on this connection, by claimant: at most one per claimant. */
const trackRecords = memoizedFor(() => new Map<string, TrackRow[]>());

/** The claimant's track record (see `trackRecord`), newest round first, computed once per dataset. */
export function claimantTrackRecord(db: DatasetDatabase, id: string): TrackRow[] {
	const cache = trackRecords(db);
	const known = cache.get(id);
	if (known) return known;
	const rounds = listRounds(db).map((round) => ({ id: round.id, date: round.date, kind: round.kind }));
	const rows = trackRecord(id, claimsOfClaimantRounds(db, id), rounds);
	cache.set(id, rows);
	return rows;
}

/** The claimant a filter names (none when it names none), or a 400 naming the unknown id. */
export function knownClaimantOr400(db: DatasetDatabase, id: string | undefined): ClaimantListItem | null {
	if (id === undefined) return null;
	const claimant = getClaimant(db, id);
	if (!claimant) error(400, m.error_unknown_claimant({ id }));
	return claimant;
}
