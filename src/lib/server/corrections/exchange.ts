// Exchange packages on the server: checked against the published dataset, stored, given ids at approval, turned into build edits.
import {
	cellsOfPackage,
	checkPackage,
	DUPLICATE_WINDOW_DAYS,
	NEW_CLAIMANT,
	packageField,
	packageFromCells,
	packageRows,
	type ExchangePackage,
	type PackageErrors
} from '../../schemas/exchange';
import { sideName } from '../../format/figures';
import { m } from '../../paraglide/messages.js';
import type { DatasetEntity, SuggestionEnvelope } from '../../schemas/correction';
import type { RoundKind } from '../../schemas/vocabulary';
import type { DatasetEdit } from '../db/build';
import type { DatasetDatabase } from '../db/dataset';
import { preparedFor } from '../db/prepared';
import { recordCells } from '../db/queries/records';
import { listRounds } from '../db/queries/rounds';
import type { StateDatabase } from '../db/state';
import { nameKey, resolveClaimant } from './claimants';
import { resolveMediators, unknownMediatorsMessage } from './mediators';
import { insertSuggestion, type SubmitContext } from './store';

/** The ids a package's records got at approval; a statement citing a page already in the dataset keeps that source. */
export interface AssignedIds {
	round: string;
	claims: string[];
	/** One per statement, in order. */
	sources: string[];
	/** The sources the package added (the others were already published). */
	addedSources: string[];
	/** One per statement, in order: its claimant's id (absent in packages approved before claimants had ids). */
	claimants?: string[];
	/** The claimants the package added: new ones, said so by the statement. */
	addedClaimants?: string[];
}

/** A published round the new one may duplicate: same kind, at most two days apart. */
export interface PossibleDuplicate {
	id: string;
	date: string;
	summary: string;
	summaryUk: string;
	summaryRu: string;
}

const datasetStatements = preparedFor((db: DatasetDatabase) => ({
	// Removed ids stay reserved: a new record never takes an id whose permalink answers 410.
	ids: db.prepare<[string, string], { id: string }>(
		'SELECT id FROM record_cells WHERE entity = ? UNION SELECT id FROM removed_records WHERE entity = ?'
	),
	sourceByUrl: db.prepare<[string], { id: string }>('SELECT id FROM sources WHERE url = ? ORDER BY id LIMIT 1'),
	agreements: db.prepare<[], { id: string; date: string; summary: string; summaryUk: string; summaryRu: string }>(
		"SELECT id, date, summary, summary_uk AS summaryUk, summary_ru AS summaryRu FROM rounds WHERE kind = 'agreement' ORDER BY date DESC, id DESC"
	)
}));

const stateStatements = preparedFor((db: StateDatabase) => ({
	insertPackage: db.prepare<[number, string], unknown>(
		'INSERT INTO correction_packages (correction_id, kind) VALUES (?, ?)'
	),
	assign: db.prepare<[string, number], unknown>(
		'UPDATE correction_packages SET assigned_ids = ? WHERE correction_id = ?'
	),
	assigned: db.prepare<[number], { assigned_ids: string | null }>(
		'SELECT assigned_ids FROM correction_packages WHERE correction_id = ?'
	)
}));

const DAY = 24 * 60 * 60 * 1000;

/** Published rounds of the same kind within two days of the package's date: shown as a warning, never a refusal. */
export function possibleDuplicates(dataset: DatasetDatabase, kind: string, date: string): PossibleDuplicate[] {
	const day = Date.parse(`${date}T00:00:00Z`);
	if (Number.isNaN(day)) return [];
	return listRounds(dataset)
		.filter(
			(round) =>
				round.kind === kind && Math.abs(Date.parse(`${round.date}T00:00:00Z`) - day) <= DUPLICATE_WINDOW_DAYS * DAY
		)
		.map((round) => ({
			id: round.id,
			date: round.date,
			summary: round.summary,
			summaryUk: round.summaryUk,
			summaryRu: round.summaryRu
		}))
		.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

/** The agreements a round may be a stage of, newest first, for the form's list. */
export function agreementChoices(dataset: DatasetDatabase) {
	return datasetStatements(dataset).agreements.all();
}

/**
 * The package with each statement's claimant resolved: its `claimant_id`, and its side from the claimants table when
 * none was chosen. A name that is no claimant on record, or names two, and a side other than the claimant's, are
 * problems of the statement's fields.
 */
export function resolvePackageClaimants(
	dataset: DatasetDatabase,
	pkg: ExchangePackage
): { pkg: ExchangePackage; errors: PackageErrors } {
	const errors: PackageErrors = {};
	const newSides = new Map<string, string>();
	const statements = pkg.statements.map((statement, index) => {
		const name = statement.claim.claimant;
		// A posted id is never trusted: it is always the one the name resolves to (a new claimant's is given at approval).
		const claim = { ...statement.claim, claimant_id: '' };
		if (name === '') return { ...statement, claim };
		const [match, ...others] = resolveClaimant(dataset, name);
		if (statement.claimant.new === NEW_CLAIMANT) {
			if (match) {
				errors[packageField.claim(index, 'claimant')] = m.form_error_claimant_exists({ name, id: match.id });
			}
			// Two statements by one new claimant make one claimant, on one side.
			const side = newSides.get(nameKey(name));
			if (side !== undefined && side !== claim.claimant_side) {
				errors[packageField.claim(index, 'claimant_side')] = m.form_error_claimant_two_sides({
					name,
					side: sideName(side)
				});
			}
			newSides.set(nameKey(name), claim.claimant_side);
			return { ...statement, claim };
		}
		if (!match) {
			errors[packageField.claim(index, 'claimant')] = m.form_error_claimant_unknown_exchange({ name });
		} else if (others.length > 0) {
			const ids = [match, ...others].map((claimant) => claimant.id).join(', ');
			errors[packageField.claim(index, 'claimant')] = m.form_error_claimant_ambiguous({ name, ids });
		} else {
			claim.claimant_id = match.id;
			if (claim.claimant_side === '') claim.claimant_side = match.side;
			else if (claim.claimant_side !== match.side) {
				errors[packageField.claim(index, 'claimant_side')] = m.form_error_claimant_side({
					name,
					id: match.id,
					side: sideName(match.side),
					given: sideName(claim.claimant_side)
				});
			}
		}
		return { ...statement, claim };
	});
	return { pkg: { ...pkg, statements }, errors };
}

/**
 * A package checked against the published dataset: its claimants resolved, and every problem, the schema's and the
 * dataset's (each claimant must be one on record, or said to be new; each mediator and the agreement must be on record).
 */
export function checkPackageAgainst(
	dataset: DatasetDatabase,
	given: ExchangePackage
): { pkg: ExchangePackage; errors: PackageErrors } {
	// A reader may type a mediator by its Ukrainian or Russian name ("ОАЕ"): it is stored by the record's ("UAE").
	const mediators = resolveMediators(dataset, given.round.mediators);
	const resolved = resolvePackageClaimants(dataset, { ...given, round: { ...given.round, mediators: mediators.cell } });
	const pkg = resolved.pkg;
	const errors = { ...checkPackage(pkg), ...resolved.errors };
	const mediatorsField = packageField.round('mediators');
	if (mediators.unknown.length > 0) {
		errors[mediatorsField] ??= unknownMediatorsMessage(dataset, mediators.unknown);
	}
	const parent = pkg.round.parent_id;
	const parentField = packageField.round('parent_id');
	if (parent !== '' && !errors[parentField]) {
		if (!agreementChoices(dataset).some((agreement) => agreement.id === parent)) {
			errors[parentField] = m.form_error_no_agreement({ id: parent });
		}
		if (pkg.round.kind === 'agreement') errors[parentField] = m.form_error_agreement_stage();
	}
	return { pkg, errors };
}

/** Stores a package that passed every check, as one suggestion; returns its number. */
export function submitPackage(
	state: StateDatabase,
	given: ExchangePackage,
	envelope: SuggestionEnvelope,
	context: SubmitContext
): { ok: true; id: number } | { ok: false; errors: PackageErrors } {
	const { pkg, errors } = checkPackageAgainst(context.dataset, given);
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	const id = state.transaction(() => {
		const id = insertSuggestion(state, {
			kind: 'addition',
			entity: 'round',
			recordId: null,
			proposal: cellsOfPackage(pkg),
			snapshot: {},
			envelope,
			context
		});
		stateStatements(state).insertPackage.run(id, 'exchange');
		return id;
	})();
	return { ok: true, id };
}

const roundSuffix: Record<RoundKind, string> = {
	pow_exchange: 'exchange',
	bodies_repatriation: 'bodies',
	civilian_release: 'civilians',
	agreement: 'agreement'
};

/** The next number after the highest `<prefix><digits>` id in use, written with at least four digits (`c0715`). */
function nextNumbered(prefix: string, taken: ReadonlySet<string>): () => string {
	const pattern = new RegExp(`^${prefix}(\\d+)$`);
	let highest = 0;
	for (const id of taken) highest = Math.max(highest, Number(pattern.exec(id)?.[1] ?? 0));
	return () => {
		highest += 1;
		return `${prefix}${String(highest).padStart(4, '0')}`;
	};
}

/** The ids in use in the published dataset, removed ones included. */
export function takenIds(dataset: DatasetDatabase, entity: DatasetEntity): Set<string> {
	return new Set(
		datasetStatements(dataset)
			.ids.all(entity, entity)
			.map((row) => row.id)
	);
}

/** A claimant's id from their name: `k-` and the name's letters and digits in ASCII, dashed (`k-olena-petrenko`). */
export function claimantSlug(name: string): string {
	const slug = name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	// A name in Cyrillic only has no ASCII letters: the claimant is then numbered.
	return `k-${slug || 'claimant'}`;
}

/**
 * The ids a package's records get, by the dataset's conventions: the round `<date>-<kind>` (`-2`, `-3`… when that is
 * taken), claims and sources the next numbers after the highest in use (removed ids included, so none is reused),
 * a new claimant `k-<slug of the name>` (`-2`… when taken). A page already published is cited by its source id
 * instead of being added twice; one page cited twice is one source; one new name given twice is one claimant.
 */
export function assignIds(
	pkg: ExchangePackage,
	taken: {
		rounds: ReadonlySet<string>;
		claims: ReadonlySet<string>;
		sources: ReadonlySet<string>;
		claimants: ReadonlySet<string>;
	},
	publishedSourceOf: (url: string) => string | null
): AssignedIds {
	const base = `${pkg.round.date}-${roundSuffix[pkg.round.kind as RoundKind] ?? 'round'}`;
	let round = base;
	for (let n = 2; taken.rounds.has(round); n += 1) round = `${base}-${n}`;
	const nextClaim = nextNumbered('c', taken.claims);
	const nextSource = nextNumbered('s', taken.sources);
	const byUrl = new Map<string, string>();
	const addedSources: string[] = [];
	const sources = pkg.statements.map((statement) => {
		const url = statement.source.url;
		const known = byUrl.get(url) ?? publishedSourceOf(url);
		if (known) {
			byUrl.set(url, known);
			return known;
		}
		const id = nextSource();
		byUrl.set(url, id);
		addedSources.push(id);
		return id;
	});
	const newByName = new Map<string, string>();
	const addedClaimants: string[] = [];
	const claimants = pkg.statements.map((statement) => {
		if (statement.claimant.new !== NEW_CLAIMANT) return statement.claim.claimant_id;
		const key = nameKey(statement.claim.claimant);
		const known = newByName.get(key);
		if (known) return known;
		const base = claimantSlug(statement.claim.claimant);
		let id = base;
		for (let n = 2; taken.claimants.has(id) || addedClaimants.includes(id); n += 1) id = `${base}-${n}`;
		newByName.set(key, id);
		addedClaimants.push(id);
		return id;
	});
	return { round, claims: pkg.statements.map(() => nextClaim()), sources, addedSources, claimants, addedClaimants };
}

/** The ids a package would get if it were approved now on the published dataset (what approval assigns). */
export function idsOnDataset(dataset: DatasetDatabase, pkg: ExchangePackage): AssignedIds {
	const sourceByUrl = datasetStatements(dataset).sourceByUrl;
	return assignIds(
		pkg,
		{
			rounds: takenIds(dataset, 'round'),
			claims: takenIds(dataset, 'claim'),
			sources: takenIds(dataset, 'source'),
			claimants: takenIds(dataset, 'claimant')
		},
		(url) => sourceByUrl.get(url)?.id ?? null
	);
}

/** Records the ids given at approval (inside the approval's transaction). */
export function recordAssignedIds(state: StateDatabase, correctionId: number, ids: AssignedIds): void {
	stateStatements(state).assign.run(JSON.stringify(ids), correctionId);
}

/** The ids an approved package's records were given, or null before approval. */
export function assignedIdsOf(state: StateDatabase, correctionId: number): AssignedIds | null {
	const row = stateStatements(state).assigned.get(correctionId);
	return row?.assigned_ids ? (JSON.parse(row.assigned_ids) as AssignedIds) : null;
}

/** The package a stored proposal holds. */
export const packageOf = (proposal: Readonly<Record<string, string>>) => packageFromCells(proposal, false);

/**
 * The records of an approved package with their ids and cells: its new claimants, its sources (the added ones), its
 * round, its claims.
 */
export function packageRecords(
	pkg: ExchangePackage,
	ids: AssignedIds
): { entity: DatasetEntity; id: string; cells: Record<string, string> }[] {
	const rows = packageRows(pkg, ids);
	const addedClaimants = new Set(ids.addedClaimants ?? []);
	// A new claimant of two statements is added once, as the first one describes them.
	const claimants = rows.claimants.filter(
		(claimant, index): claimant is NonNullable<typeof claimant> =>
			claimant !== null && addedClaimants.has(claimant.id) && ids.claimants?.indexOf(claimant.id) === index
	);
	const added = new Set(ids.addedSources);
	const sources = rows.sources.filter((source, index) => {
		// A page cited twice is added once, with the first statement's description.
		if (!added.has(source.id)) return false;
		return ids.sources.indexOf(source.id) === index;
	});
	const withoutId = (row: Record<string, string>) =>
		Object.fromEntries(Object.entries(row).filter(([k]) => k !== 'id'));
	return [
		...claimants.map((claimant) => ({ entity: 'claimant' as const, id: claimant.id, cells: withoutId(claimant) })),
		...sources.map((source) => ({ entity: 'source' as const, id: source.id, cells: withoutId(source) })),
		{ entity: 'round' as const, id: ids.round, cells: withoutId(rows.round) },
		...rows.claims.map((claim) => ({ entity: 'claim' as const, id: claim.id, cells: withoutId(claim) }))
	];
}

/** The build edits of an approved package: every record it adds, all under the one correction. */
export function packageEdits(correctionId: number, pkg: ExchangePackage, ids: AssignedIds): DatasetEdit[] {
	return packageRecords(pkg, ids).map((record) => ({
		correctionId,
		kind: 'addition',
		entity: record.entity,
		recordId: record.id,
		cells: record.cells,
		previous: {}
	}));
}

/**
 * What is published now for each cell of a package, by its form name (`round.date`, `s1.number`, `s1.source.url`):
 * null before approval, or for a record that is not (or no longer) published.
 */
export function publishedPackageCells(
	dataset: DatasetDatabase,
	proposal: Readonly<Record<string, string>>,
	ids: AssignedIds | null
): Record<string, string | null> {
	const now: Record<string, string | null> = {};
	const round = ids ? recordCells(dataset, 'round', ids.round) : null;
	for (const key of Object.keys(proposal)) {
		const match = /^(?:round|s(\d+))\.(source\.|claimant\.)?([a-z_]+)$/.exec(key);
		const index = match?.[1] ? Number(match[1]) - 1 : null;
		const part = match?.[2];
		const column = match?.[3] ?? '';
		if (index === null || !ids) {
			now[key] = index === null && round ? (round[column] ?? '') : null;
			continue;
		}
		if (part === 'claimant.') {
			// Whether the claimant was new is no cell of theirs: their row answers for role and organisation.
			const claimant = recordCells(dataset, 'claimant', ids.claimants?.[index] ?? '');
			now[key] = claimant ? (column === 'new' ? (proposal[key] ?? '') : (claimant[column] ?? '')) : null;
			continue;
		}
		const record =
			part === 'source.'
				? recordCells(dataset, 'source', ids.sources[index] ?? '')
				: recordCells(dataset, 'claim', ids.claims[index] ?? '');
		now[key] = record ? (record[column] ?? '') : null;
	}
	return now;
}
