// Queries over claimants: one claimant, a page of their statements, their track record (the list is in claimant-list.ts).
import { error } from '@sveltejs/kit';
import { trackRecord, type TrackRow } from '../../../domain/track-record';
import { m } from '../../../paraglide/messages.js';
import type { DatasetDatabase } from '../dataset';
import { memoizedFor, preparedFor } from '../prepared';
import {
	claimantColumns,
	listClaimants,
	toClaimant,
	type ClaimantListItem,
	type ClaimantRecord
} from './claimant-list';
import { claimsOfClaimantRounds } from './claims';
import { roundDates } from './rounds';

export { listClaimants, type ClaimantListItem };

const statements = preparedFor((db) => ({
	byId: db.prepare<[string], ClaimantRecord>(`SELECT ${claimantColumns} FROM claimants k WHERE k.id = ?`)
}));

/** Each claimant's position in {@link listClaimants}, by id, once per dataset version (for the API's cursors). */
export const claimantPositions = memoizedFor(
	(db: DatasetDatabase) => new Map(listClaimants(db).map((claimant, index) => [claimant.id, index]))
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
	const rounds = roundDates(db);
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
