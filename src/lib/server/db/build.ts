// The dataset build: validates data/*.csv with the zod schemas and writes the SQLite dataset atomically.
import { hash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { z } from 'zod';
import { datasetEntities, type CorrectionKind, type DatasetEntity } from '../../schemas/correction';
import { ClaimRow, claimColumns } from '../../schemas/claim';
import { ClaimantRow, claimantColumns } from '../../schemas/claimant';
import { MediatorRow, mediatorColumns } from '../../schemas/mediator';
import { FigurePartRow, figurePartColumns } from '../../schemas/figure-part';
import { OfferRoundRow, offerRoundColumns } from '../../schemas/offer-round';
import { RemovedRow, removedColumns } from '../../schemas/removed';
import { RoundRow, roundColumns } from '../../schemas/round';
import { SourceRow, sourceColumns } from '../../schemas/source';
import { ClaimantSide, type Counted } from '../../schemas/vocabulary';
import { placements } from '../../domain/round-figures';
import { parseCsv } from './csv';
import { domainReliability, readSourceDomains } from '../import/decisions';
import { containsWithheldName } from '../privacy/withheld-names';
import { deriveRounds, roundItemRow, roundTotalRows, type RoundListItem } from './queries/rounds';
import { claimsToJudge, judgeClaims, judgeEveryClaim, type StoredJudgement } from './queries/statements';
import { chartRoundOf, runningSumsOf, type ChartRound } from '../../charts/inputs';
import { chartInputsOf, statedTotalsOf, updateChartTables, writeChartTables } from './chart-tables';
import { DATASET_INDEXES_SQL, DATASET_SCHEMA_SQL, DATASET_SCHEMA_VERSION } from './schema';
import { searchDocuments, type SearchDocument } from './search-index';

/** The dataset files, in the order they are checked. */
export const datasetFiles = {
	sources: 'sources.csv',
	rounds: 'rounds.csv',
	claimants: 'claimants.csv',
	claims: 'claims.csv',
	mediators: 'mediators.csv'
} as const;

/** Tombstones of removed records; a dataset that never removed anything may leave the file out. */
export const REMOVED_FILE = 'removed.csv';

/** Which rounds were carried out under an offer outside any agreement: an editorial decision, optional. */
export const OFFER_ROUNDS_FILE = 'decisions/offer-rounds.csv';
export const FIGURE_PARTS_FILE = 'decisions/figure-parts.csv';

export interface BuildOptions {
	dataDir: string;
	outPath: string;
	/** The day the build runs on (YYYY-MM-DD); no date in the data may be later. Recorded as the build date. */
	today: string;
	/** Accepted corrections, applied in this order on top of data/ (none: data/ as it is). */
	edits?: readonly DatasetEdit[];
	/** The number of the latest revision of the state database that `edits` reflect (0: none). */
	revision?: number;
	/** Tombstones beside data/removed.csv: records that corrections added and reverts took away again. */
	removedByCorrections?: readonly RemovedRow[];
	/**
	 * A dataset file built from the same data/, tombstones and build, and from the first `edits` of `edits`: the build
	 * then copies it and writes only the records the later edits change (all of it is still validated and hashed).
	 */
	base?: { path: string; edits: number };
	/**
	 * Derives the stored rounds, chart tables and verdicts (see {@link writeDerivations}) into the file at the given path
	 * on another thread, resolving once they are written: a whole build then writes its search index and its records'
	 * cells meanwhile, and copies the derived rows in. Only a stepped build waits for it (see buildDatasetInSteps).
	 */
	deriveElsewhere?: (path: string) => Promise<void>;
}

/** The meta key holding what became of each accepted correction (see {@link EditOutcome}), as JSON, in order. */
const OUTCOMES_META_KEY = 'edit_outcomes';

/** The meta key listing the accepted corrections a dataset was built with, in the order they were applied. */
export const ACCEPTED_META_KEY = 'accepted_corrections';

/** The accepted corrections' numbers as the meta table records them: `3,7,12` (empty when none). */
export function acceptedList(edits: readonly DatasetEdit[]): string {
	return [...new Set(edits.map((edit) => edit.correctionId))].join(',');
}

/** An accepted correction as the build applies it: CSV cells proposed for one record. */
export interface DatasetEdit {
	correctionId: number;
	kind: CorrectionKind;
	entity: DatasetEntity;
	/** The record changed, or for an addition the id it was given when approved. */
	recordId: string;
	/** Proposed cells, by column. */
	cells: Readonly<Record<string, string>>;
	/** For a change: the published cells the proposal was made against. */
	previous: Readonly<Record<string, string>>;
}

/**
 * What became of one edit: applied; already in data/ (it was exported and committed); or a conflict,
 * because data/ now holds a value the correction was not made against. Conflicts are never applied.
 */
export interface EditOutcome {
	correctionId: number;
	result: 'applied' | 'already_in_data' | 'conflict';
	detail: string;
}

export interface BuildCounts {
	sources: number;
	rounds: number;
	claimants: number;
	claims: number;
	claimSources: number;
}

export type BuildResult =
	| {
			ok: true;
			contentHash: string;
			datasetVersion: string;
			counts: BuildCounts;
			edits: EditOutcome[];
			/** Whether the file was written from `base` (only the records the new edits change) or from scratch. */
			incremental: boolean;
	  }
	| { ok: false; errors: string[]; edits: EditOutcome[] };

/** One CSV row: its line, where a problem in it is reported, and its raw cells. */
interface RawRow {
	line: number;
	/** `12`, `12 (after correction #3)` or `correction #3` for a record a correction added. */
	where: string;
	raw: Record<string, string>;
}

/** A raw row and the validated row when it passed its schema. */
interface CheckedRow<T> extends RawRow {
	row: T | null;
}

const fileOrder: string[] = [...Object.values(datasetFiles), REMOVED_FILE, OFFER_ROUNDS_FILE, FIGURE_PARTS_FILE];

/** Collects `file:line: column: message` problems and lists them by file, then line. */
class ProblemList {
	private readonly problems: { file: string; line: number; message: string }[] = [];
	add(file: string, line: number, column: string, message: string, where: string = String(line)): void {
		this.problems.push({ file, line, message: `${file}:${where}: ${column}: ${message}` });
	}
	/** A problem in a row, reported where the row came from (a line of data/, or a correction). */
	addFor(file: string, row: RawRow, column: string, message: string): void {
		this.add(file, row.line, column, message, row.where);
	}
	get messages(): string[] {
		return [...this.problems]
			.sort((a, b) => fileOrder.indexOf(a.file) - fileOrder.indexOf(b.file) || a.line - b.line)
			.map((problem) => problem.message);
	}
}

/**
 * Parsed CSV files by path, kept while the file is the same (same size and modification time, in nanoseconds): an
 * approval rebuilds with the same data/, so it need not read or parse it again. One entry per file of data/.
 */
const parsedFiles = new Map<string, { stamp: string; parsed: ReturnType<typeof parseCsv> }>();

function parsedCsv(path: string): ReturnType<typeof parseCsv> {
	const stats = statSync(path, { bigint: true });
	const stamp = `${stats.size}:${stats.mtimeNs}:${stats.ino}`;
	const cached = parsedFiles.get(path);
	if (cached?.stamp === stamp) return cached.parsed;
	const parsed = parseCsv(readFileSync(path, 'utf8'));
	parsedFiles.set(path, { stamp, parsed });
	return parsed;
}

function readRawRows(dataDir: string, file: string, columns: readonly string[], problems: ProblemList): RawRow[] {
	const path = join(dataDir, file);
	if (!existsSync(path)) {
		problems.add(file, 1, '(file)', 'file is missing');
		return [];
	}
	const { header, rows } = parsedCsv(path);
	const missing = columns.filter((column) => !header.includes(column));
	const unknown = header.filter((column) => !columns.includes(column));
	for (const column of missing) problems.add(file, 1, column, 'column is missing from the header');
	for (const column of unknown)
		problems.add(file, 1, column, 'unknown column (expected one of: ' + columns.join(', ') + ')');
	if (missing.length > 0) return [];
	return rows.map(({ line, record }) => ({ line, where: String(line), raw: record }));
}

/**
 * Schema checks by raw record, per schema. The parsed files are kept (see `parsedCsv`) and a correction replaces the
 * record it changes, so a rebuild checks only the records that are new; the entries go with the records.
 */
const checkedRecords = new WeakMap<z.ZodType, WeakMap<Record<string, string>, z.ZodSafeParseResult<unknown>>>();

function checkRows<T>(file: string, rows: RawRow[], schema: z.ZodType<T>, problems: ProblemList): CheckedRow<T>[] {
	let checked = checkedRecords.get(schema);
	if (!checked) checkedRecords.set(schema, (checked = new WeakMap()));
	return rows.map((row) => {
		let result = checked.get(row.raw) as z.ZodSafeParseResult<T> | undefined;
		if (!result) checked.set(row.raw, (result = schema.safeParse(row.raw)));
		if (result.success) return { ...row, row: result.data };
		for (const issue of result.error.issues) {
			const column = issue.path.length > 0 ? String(issue.path[0]) : '(row)';
			problems.addFor(file, row, column, describeIssue(issue, row.raw[column]));
		}
		return { ...row, row: null };
	});
}

/** The checked rows of a file that may be absent (a tombstone or decisions file nobody has needed yet): none then. */
function checkOptionalRows<T>(
	dataDir: string,
	file: string,
	columns: readonly string[],
	schema: z.ZodType<T>,
	problems: ProblemList
): CheckedRow<T>[] {
	if (!existsSync(join(dataDir, file))) return [];
	return checkRows(file, readRawRows(dataDir, file, columns, problems), schema, problems);
}

/** Added records sort after every line of data/, in the order they were approved. */
const ADDED_LINE = 1_000_000_000;

/**
 * Applies accepted corrections to the raw rows, in order. A change applies only where data/ still holds
 * the value it was made against; where data/ already holds the proposed value (an exported correction),
 * there is nothing to do; anything else is a conflict, left out and reported.
 */
export function applyEdits(
	tables: Record<DatasetEntity, RawRow[]>,
	columns: Record<DatasetEntity, readonly string[]>,
	edits: readonly DatasetEdit[]
): EditOutcome[] {
	return edits.map((edit) => {
		const rows = tables[edit.entity];
		const existing = rows.find((row) => row.raw.id === edit.recordId);
		const label = `correction #${edit.correctionId}`;
		if (edit.kind === 'addition') {
			const record = Object.fromEntries(
				columns[edit.entity].map((column) => [column, column === 'id' ? edit.recordId : (edit.cells[column] ?? '')])
			);
			if (existing) {
				const same = columns[edit.entity].every((column) => (existing.raw[column] ?? '') === record[column]);
				return same
					? { correctionId: edit.correctionId, result: 'already_in_data', detail: `${edit.recordId} is in data/` }
					: {
							correctionId: edit.correctionId,
							result: 'conflict',
							detail: `data/ has a different record with the id ${edit.recordId}`
						};
			}
			rows.push({ line: ADDED_LINE + edit.correctionId, where: label, raw: record });
			return { correctionId: edit.correctionId, result: 'applied', detail: `added ${edit.recordId}` };
		}
		if (!existing) {
			return {
				correctionId: edit.correctionId,
				result: 'conflict',
				detail: `${edit.recordId} is no longer in data/`
			};
		}
		const fields = Object.keys(edit.cells);
		const conflicting = fields.filter((field) => {
			const current = existing.raw[field] ?? '';
			return current !== edit.cells[field] && current !== (edit.previous[field] ?? '');
		});
		if (conflicting.length > 0) {
			const described = conflicting.map(
				(field) => `${field} is "${existing.raw[field] ?? ''}", not "${edit.previous[field] ?? ''}"`
			);
			return { correctionId: edit.correctionId, result: 'conflict', detail: described.join('; ') };
		}
		if (fields.every((field) => (existing.raw[field] ?? '') === edit.cells[field])) {
			return { correctionId: edit.correctionId, result: 'already_in_data', detail: 'data/ holds the proposed values' };
		}
		existing.raw = { ...existing.raw, ...edit.cells };
		existing.where = existing.where.startsWith('correction')
			? `${existing.where}, ${label}`
			: `${existing.line} (after ${label})`;
		return { correctionId: edit.correctionId, result: 'applied', detail: `changed ${fields.join(', ')}` };
	});
}

function describeIssue(issue: z.core.$ZodIssue, value: string | undefined): string {
	const got = value !== undefined && value !== '' ? ` (got "${value}")` : '';
	if (issue.code === 'invalid_value')
		return `unknown value "${value ?? ''}" (expected one of: ${issue.values.join(', ')})`;
	if (issue.code === 'invalid_type' && value === undefined) return 'value is missing';
	if (issue.code === 'invalid_union') {
		// Optional fields are "empty, or valid": say why the non-empty value is not valid.
		const inner = issue.errors
			.flat()
			.find(
				(candidate) =>
					!(candidate.code === 'invalid_value' && candidate.values.length === 1 && candidate.values[0] === '')
			);
		if (inner) return describeIssue(inner, value);
	}
	return `${issue.message}${got}`;
}

function checkDuplicateIds(file: string, rows: CheckedRow<unknown>[], problems: ProblemList): void {
	const firstLine = new Map<string, number>();
	for (const row of rows) {
		const id = row.raw.id ?? '';
		const seen = firstLine.get(id);
		if (seen !== undefined) problems.addFor(file, row, 'id', `duplicate id "${id}" (first used on line ${seen})`);
		else firstLine.set(id, row.line);
	}
}

/** Future dates are checked on the raw cell so that a row with another problem still gets this one reported. */
function checkNotFuture(
	file: string,
	row: CheckedRow<unknown>,
	columns: string[],
	today: string,
	problems: ProblemList
) {
	for (const column of columns) {
		const date = row.raw[column] ?? '';
		if (/^\d{4}-\d{2}-\d{2}$/.test(date) && date > today) {
			problems.addFor(file, row, column, `date ${date} is in the future (today is ${today})`);
		}
	}
}

/** A round ends on or after the day it starts. */
function checkRoundDates(round: CheckedRow<RoundRow>, problems: ProblemList): void {
	if (round.row && round.row.end_date !== null && round.row.end_date < round.row.date) {
		problems.addFor(
			datasetFiles.rounds,
			round,
			'end_date',
			`end date ${round.row.end_date} is before the start date ${round.row.date}`
		);
	}
}

/**
 * Texts already checked for withheld names (the check hashes every run of up to three words, most of a build's time):
 * a rebuild re-checks only the cells that changed. Bounded: emptied when it reaches the limit.
 */
const checkedTexts = new Map<string, boolean>();
const CHECKED_TEXTS_LIMIT = 50_000;

function hasWithheldName(text: string): boolean {
	const known = checkedTexts.get(text);
	if (known !== undefined) return known;
	if (checkedTexts.size >= CHECKED_TEXTS_LIMIT) checkedTexts.clear();
	const found = containsWithheldName(text);
	checkedTexts.set(text, found);
	return found;
}

/**
 * Results of the checks of a raw record's cells, by check and column (`<check>:<column>`), kept with the record like
 * its schema check (see checkRows), so that a rebuild after a correction checks only the record it changed.
 */
const cellResults = new Map<string, WeakMap<Record<string, string>, string | boolean>>();

/** A check of one column's cells, remembered by raw record. */
function cellCheck<T extends string | boolean>(
	check: string,
	column: string,
	checkText: (text: string) => T
): (raw: Record<string, string>) => T {
	const key = `${check}:${column}`;
	let results = cellResults.get(key) as WeakMap<Record<string, string>, T> | undefined;
	if (!results) cellResults.set(key, (results = new WeakMap()));
	const remembered = results;
	return (raw) => {
		let result = remembered.get(raw);
		if (result === undefined) remembered.set(raw, (result = checkText(raw[column] ?? '')));
		return result;
	};
}

/** Prisoners' names are never published: free-text columns must not contain a withheld name. */
function checkWithheldNames(file: string, rows: CheckedRow<unknown>[], columns: string[], problems: ProblemList) {
	const checks = columns.map((column) => [column, cellCheck('withheld', column, hasWithheldName)] as const);
	for (const row of rows) {
		for (const [column, check] of checks) {
			if (check(row.raw)) {
				problems.addFor(
					file,
					row,
					column,
					'contains the name of a prisoner or released person; names are not published'
				);
			}
		}
	}
}

/**
 * Words of the research's working files that mean nothing to a reader: research row ids (r22-123, r24-228, na-12,
 * nb-… to ng-…), the research file's column names and keys, and the researchers' reminders to themselves.
 */
export const internalJargon: readonly RegExp[] = [
	/\b(?:r2[2-6]|n[a-g]|g)-\d{2,3}\b/,
	/\bevent_(?:date|kind)\b|\bevent key\b|\bround key\b|\b\d{4}-\d\d-\d\d-(?:pow|bodies|civ|total|offer|allegation)\b/,
	/\bseed story\b|\bresearch row\b|\bthis batch\b|\bstored pages\b|\bexcerpts?\b|\b(?:in|from|the) file(?:'s)?\b/i,
	/\b(?:next|previous) row\b|;\s*verify\b|\bLow-reliability site\b/i
];

/** Texts already checked for jargon (the same note on many rows is checked once), bounded as `checkedTexts` is. */
const jargonOfTexts = new Map<string, string>();

/** The first research id or working word in a text, or ''. */
function jargonIn(text: string): string {
	let found = jargonOfTexts.get(text);
	if (found === undefined) {
		if (jargonOfTexts.size >= CHECKED_TEXTS_LIMIT) jargonOfTexts.clear();
		found = '';
		for (const pattern of internalJargon) {
			const match = pattern.exec(text)?.[0];
			if (match) {
				found = match;
				break;
			}
		}
		jargonOfTexts.set(text, found);
	}
	return found;
}

/** Notes, details and summaries are public words: no research ids or working jargon. */
function checkPublicWords(file: string, rows: CheckedRow<unknown>[], columns: string[], problems: ProblemList) {
	const checks = columns.map((column) => [column, cellCheck('jargon', column, jargonIn)] as const);
	for (const row of rows) {
		for (const [column, check] of checks) {
			const found = check(row.raw);
			if (found) {
				problems.addFor(
					file,
					row,
					column,
					`contains "${found}", a research id or working word; write notes in plain editorial English`
				);
			}
		}
	}
}

/**
 * Copies, search referrals and adult-content mirrors (the hosts `decisions/source-domains.csv` classes as `copy`) are
 * never cited as if they were the page they copy: the source is replaced by its original, or marked `copy` with a
 * note saying that no original was found.
 */
function checkCopyHosts(dataDir: string, sources: CheckedRow<unknown>[], problems: ProblemList) {
	let domains: ReturnType<typeof readSourceDomains>;
	try {
		domains = readSourceDomains(join(dataDir, 'decisions'));
	} catch (error) {
		problems.add(datasetFiles.sources, 1, '(decisions/source-domains.csv)', (error as Error).message);
		return;
	}
	for (const source of sources) {
		const url = source.raw.url ?? '';
		if (!URL.canParse(url) || domainReliability(url, domains) !== 'copy') continue;
		if (source.raw.reliability === 'copy' && /\bno original\b/i.test(source.raw.note ?? '')) continue;
		problems.addFor(
			datasetFiles.sources,
			source,
			'url',
			`${new URL(url).hostname} is a copy, search-referral or mirror host: cite the original page, or mark the source "copy" with a note saying no original was found`
		);
	}
}

function listCell(text: string | undefined): string[] {
	return (text ?? '')
		.split(';')
		.map((part) => part.trim())
		.filter((part) => part !== '');
}

/**
 * Validates every row of every file, checks the references between files, and reports every
 * problem at once. References are checked on the raw cells, so a row with a bad number still gets
 * its unknown source reported in the same run.
 */
export function validateDataset(dataDir: string, today: string, edits: readonly DatasetEdit[] = []) {
	const steps = validationSteps(dataDir, today, edits);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

/** The validation as a generator, pausing after each file's rows are checked (see buildDatasetInSteps). */
function* validationSteps(dataDir: string, today: string, edits: readonly DatasetEdit[]) {
	const problems = new ProblemList();
	const raw: Record<DatasetEntity, RawRow[]> = {
		source: readRawRows(dataDir, datasetFiles.sources, sourceColumns, problems),
		round: readRawRows(dataDir, datasetFiles.rounds, roundColumns, problems),
		claim: readRawRows(dataDir, datasetFiles.claims, claimColumns, problems),
		claimant: readRawRows(dataDir, datasetFiles.claimants, claimantColumns, problems)
	};
	const editOutcomes = applyEdits(
		raw,
		{ source: sourceColumns, round: roundColumns, claim: claimColumns, claimant: claimantColumns },
		edits
	);
	yield;
	const sources = checkRows(datasetFiles.sources, raw.source, SourceRow, problems);
	yield;
	const rounds = checkRows(datasetFiles.rounds, raw.round, RoundRow, problems);
	yield;
	const claims = checkRows(datasetFiles.claims, raw.claim, ClaimRow, problems);
	const claimants = checkClaimants(raw.claimant, claims, problems);
	const mediators = checkMediators(dataDir, rounds, problems);
	yield;

	checkDuplicateIds(datasetFiles.sources, sources, problems);
	checkDuplicateIds(datasetFiles.rounds, rounds, problems);
	checkDuplicateIds(datasetFiles.claims, claims, problems);
	yield;

	const sourceIds = new Set(sources.map(({ raw }) => raw.id ?? ''));
	const roundKindById = new Map(rounds.map(({ raw }) => [raw.id ?? '', raw.kind ?? '']));
	const usedSources = new Set<string>();

	for (const source of sources) {
		checkNotFuture(datasetFiles.sources, source, ['published_on', 'accessed_on'], today, problems);
	}
	for (const round of rounds) {
		const { raw } = round;
		checkNotFuture(datasetFiles.rounds, round, ['date', 'end_date'], today, problems);
		checkRoundDates(round, problems);
		const parentId = raw.parent_id ?? '';
		if (parentId !== '') {
			const parentKind = roundKindById.get(parentId);
			if (parentKind === undefined)
				problems.addFor(datasetFiles.rounds, round, 'parent_id', `unknown round id "${parentId}"`);
			else if (parentKind !== 'agreement') {
				problems.addFor(
					datasetFiles.rounds,
					round,
					'parent_id',
					`parent "${parentId}" is a ${parentKind}, not an agreement`
				);
			}
			if (raw.kind === 'agreement') {
				problems.addFor(datasetFiles.rounds, round, 'parent_id', 'an agreement cannot be a stage of another round');
			}
		}
	}
	for (const claim of claims) {
		const { raw } = claim;
		checkNotFuture(datasetFiles.claims, claim, ['stated_on'], today, problems);
		const roundId = raw.round_id ?? '';
		if (roundId !== '' && !roundKindById.has(roundId)) {
			problems.addFor(datasetFiles.claims, claim, 'round_id', `unknown round id "${roundId}"`);
		}
		const ids = listCell(raw.source_ids);
		for (const sourceId of ids) {
			if (!sourceIds.has(sourceId))
				problems.addFor(datasetFiles.claims, claim, 'source_ids', `unknown source id "${sourceId}"`);
			usedSources.add(sourceId);
		}
		if (new Set(ids).size !== ids.length)
			problems.addFor(datasetFiles.claims, claim, 'source_ids', 'a source is listed twice');
	}
	const claimIds = new Set(claims.map(({ raw }) => raw.id ?? ''));
	for (const claim of claims) {
		const { raw } = claim;
		const target = raw.responds_to ?? '';
		if (target !== '' && !claimIds.has(target)) {
			problems.addFor(datasetFiles.claims, claim, 'responds_to', `unknown claim id "${target}"`);
		}
	}
	for (const source of sources) {
		const { raw } = source;
		if (!usedSources.has(raw.id ?? ''))
			problems.addFor(datasetFiles.sources, source, 'id', `source "${raw.id}" supports no claim`);
	}
	yield;
	const removed = checkRemoved(
		dataDir,
		{ source: sources, round: rounds, claim: claims, claimant: claimants },
		problems
	);
	const offerRounds = checkOfferRounds(dataDir, rounds, claims, problems);
	const figureParts = checkFigureParts(dataDir, claims, problems);
	yield;
	checkWithheldNames(datasetFiles.sources, sources, ['title'], problems);
	checkWithheldNames(datasetFiles.rounds, rounds, ['summary'], problems);
	checkWithheldNames(
		datasetFiles.claims,
		claims,
		['counted_detail', 'counted_detail_uk', 'counted_detail_ru', 'note'],
		problems
	);
	yield;
	checkPublicWords(datasetFiles.claims, claims, ['counted_detail', 'note'], problems);
	checkPublicWords(datasetFiles.rounds, rounds, ['summary'], problems);
	checkCopyHosts(dataDir, sources, problems);
	const valid = <T>(rows: CheckedRow<T>[]) => rows.flatMap(({ row }) => (row === null ? [] : [row]));
	return {
		problems: problems.messages,
		sources: valid(sources),
		rounds: valid(rounds),
		claims: valid(claims),
		claimants: valid(claimants),
		mediators: valid(mediators),
		removed: valid(removed),
		offerRounds: valid(offerRounds),
		figureParts: valid(figureParts),
		raw,
		editOutcomes
	};
}

/**
 * Every mediator a round names has a row of mediators.csv (its names in Ukrainian and Russian), once; checked on the
 * rounds' raw cells, so that a round with another problem still gets this one reported.
 */
function checkMediators(dataDir: string, rounds: CheckedRow<RoundRow>[], problems: ProblemList) {
	const file = datasetFiles.mediators;
	const mediators = checkRows(file, readRawRows(dataDir, file, mediatorColumns, problems), MediatorRow, problems);
	const names = new Set<string>();
	for (const mediator of mediators) {
		const name = mediator.raw.name?.trim() ?? '';
		if (names.has(name)) problems.addFor(file, mediator, 'name', `"${name}" is listed twice`);
		names.add(name);
	}
	for (const round of rounds) {
		for (const name of listCell(round.raw.mediators)) {
			if (!names.has(name))
				problems.addFor(
					datasetFiles.rounds,
					round,
					'mediators',
					`mediator "${name}" has no row in ${file}: add its names in Ukrainian and Russian, with the pages they were read on`
				);
		}
	}
	return mediators;
}

/**
 * Every claim names a claimant of claimants.csv on the claimant's side, and every claimant made at least one
 * statement on record. Checked on the raw cells, so that a claim with another problem still gets this one reported.
 */
function checkClaimants(rawClaimants: RawRow[], claims: CheckedRow<ClaimRow>[], problems: ProblemList) {
	const file = datasetFiles.claimants;
	const claimants = checkRows(file, rawClaimants, ClaimantRow, problems);
	checkDuplicateIds(file, claimants, problems);
	const sideById = new Map(claimants.map(({ raw }) => [raw.id ?? '', raw.side ?? '']));
	const used = new Set<string>();
	for (const claim of claims) {
		const id = claim.raw.claimant_id ?? '';
		if (id === '') continue;
		used.add(id);
		const side = sideById.get(id);
		if (side === undefined) {
			problems.addFor(
				datasetFiles.claims,
				claim,
				'claimant_id',
				`unknown claimant id "${id}": add the claimant to ${file}, or use the id of an existing one`
			);
		} else if (ClaimantSide.safeParse(claim.raw.claimant_side).success && side !== claim.raw.claimant_side) {
			problems.addFor(
				datasetFiles.claims,
				claim,
				'claimant_side',
				`"${claim.raw.claimant_side}" is not the side of claimant "${id}" (${side} in ${file})`
			);
		}
	}
	for (const claimant of claimants) {
		if (!used.has(claimant.raw.id ?? ''))
			problems.addFor(file, claimant, 'id', `claimant "${claimant.raw.id}" made no statement on record`);
	}
	return claimants;
}

/** Tombstones name removed ids: never a live id of the same kind, and a replacement that exists. */
function checkRemoved(
	dataDir: string,
	live: Record<DatasetEntity, CheckedRow<unknown>[]>,
	problems: ProblemList
): CheckedRow<RemovedRow>[] {
	const removed = checkOptionalRows(dataDir, REMOVED_FILE, removedColumns, RemovedRow, problems);
	const liveIds = Object.fromEntries(
		datasetEntities.map((entity) => [entity, new Set(live[entity].map(({ raw }) => raw.id ?? ''))])
	) as Record<DatasetEntity, Set<string>>;
	const seen = new Set<string>();
	for (const tombstone of removed) {
		if (!tombstone.row) continue;
		const { entity, id, replaced_by: replacement } = tombstone.row;
		if (seen.has(`${entity}:${id}`))
			problems.addFor(REMOVED_FILE, tombstone, 'id', `${entity} "${id}" is listed twice`);
		seen.add(`${entity}:${id}`);
		if (liveIds[entity].has(id)) {
			problems.addFor(REMOVED_FILE, tombstone, 'id', `${entity} "${id}" is in use again; a removed id is never reused`);
		}
		if (replacement !== null && !liveIds[entity].has(replacement)) {
			problems.addFor(REMOVED_FILE, tombstone, 'replaced_by', `unknown ${entity} id "${replacement}"`);
		}
	}
	return removed;
}

/**
 * Links from offers to rounds name an offer (a claim whose statement is `offer`) and a round that is
 * not an agreement (an agreement's rounds are its stages already), each pair once.
 */
function checkOfferRounds(
	dataDir: string,
	rounds: CheckedRow<RoundRow>[],
	claims: CheckedRow<ClaimRow>[],
	problems: ProblemList
): CheckedRow<OfferRoundRow>[] {
	const links = checkOptionalRows(dataDir, OFFER_ROUNDS_FILE, offerRoundColumns, OfferRoundRow, problems);
	const statementById = new Map(claims.map(({ raw }) => [raw.id ?? '', raw.statement ?? '']));
	const roundKindById = new Map(rounds.map(({ raw }) => [raw.id ?? '', raw.kind ?? '']));
	const seen = new Set<string>();
	for (const link of links) {
		const offerId = link.raw.offer_id ?? '';
		const roundId = link.raw.round_id ?? '';
		const statement = statementById.get(offerId);
		if (statement === undefined) problems.addFor(OFFER_ROUNDS_FILE, link, 'offer_id', `unknown claim id "${offerId}"`);
		else if (statement !== 'offer')
			problems.addFor(OFFER_ROUNDS_FILE, link, 'offer_id', `claim "${offerId}" is a ${statement}, not an offer`);
		const kind = roundKindById.get(roundId);
		if (kind === undefined) problems.addFor(OFFER_ROUNDS_FILE, link, 'round_id', `unknown round id "${roundId}"`);
		else if (kind === 'agreement')
			problems.addFor(OFFER_ROUNDS_FILE, link, 'round_id', `"${roundId}" is an agreement; link its stages instead`);
		if (seen.has(`${offerId} ${roundId}`))
			problems.addFor(OFFER_ROUNDS_FILE, link, 'round_id', `"${offerId}" is linked to "${roundId}" twice`);
		seen.add(`${offerId} ${roundId}`);
	}
	return links;
}

/** Whether a `counted` value gives a figure of living people in `direction` (see `placements`). */
function peoplePlacedIn(counted: string, direction: string): boolean {
	const placement = placements[counted as Counted];
	return placement?.population === 'people' && placement.directions.some((placed) => placed === direction);
}

/**
 * Markings of a figure as one part of a day's returns name a report whose figure counts living people in the direction
 * marked, each claim and direction once.
 */
function checkFigureParts(
	dataDir: string,
	claims: CheckedRow<ClaimRow>[],
	problems: ProblemList
): CheckedRow<FigurePartRow>[] {
	const markings = checkOptionalRows(dataDir, FIGURE_PARTS_FILE, figurePartColumns, FigurePartRow, problems);
	const claimById = new Map(claims.map(({ raw }) => [raw.id ?? '', raw]));
	const seen = new Set<string>();
	for (const marking of markings) {
		const claimId = marking.raw.claim_id ?? '';
		const direction = marking.raw.direction ?? '';
		const claim = claimById.get(claimId);
		if (claim === undefined) problems.addFor(FIGURE_PARTS_FILE, marking, 'claim_id', `unknown claim id "${claimId}"`);
		else if (claim.statement !== 'report')
			problems.addFor(
				FIGURE_PARTS_FILE,
				marking,
				'claim_id',
				`claim "${claimId}" is a ${claim.statement}, not a report`
			);
		else if (!peoplePlacedIn(claim.counted ?? '', direction))
			problems.addFor(
				FIGURE_PARTS_FILE,
				marking,
				'direction',
				`claim "${claimId}" counts ${claim.counted}, which gives no figure of people ${direction}`
			);
		if (seen.has(`${claimId} ${direction}`))
			problems.addFor(FIGURE_PARTS_FILE, marking, 'direction', `"${claimId}" is marked ${direction} twice`);
		seen.add(`${claimId} ${direction}`);
	}
	return markings;
}

const rowDigests = new WeakMap<object, bigint>();

/** A validated row's digest (see {@link rowDigest}), computed once per row: a rebuild digests only the rows it changed. */
function digestOf<T extends object>(part: string, row: T, columns: readonly (keyof T)[]): bigint {
	let digest = rowDigests.get(row);
	if (digest === undefined)
		rowDigests.set(row, (digest = rowDigest(part, JSON.stringify(columns.map((column) => row[column])))));
	return digest;
}

/** The content hash's modulus: digests are added up in 256 bits. */
const HASH_MODULUS = 1n << 256n;

/**
 * One row's share of the content hash: the SHA-256 of its part's name and its cells as JSON, as a number. The one-shot
 * `hash` makes no Hash object per row: about 0.4 s less CPU for the 260,000 rows of a hundred times the real data.
 */
function rowDigest(part: string, json: string): bigint {
	return BigInt(`0x${hash('sha256', `${part}\n${json}`)}`);
}

/** A sum of digests as the content hash's 64 hex digits. */
const hashHex = (sum: bigint) => sum.toString(16).padStart(64, '0');

/**
 * A hash of the validated content, independent of row order and of SQLite's file layout: the sum (modulo 2^256) of
 * every row's digest ({@link rowDigest}: its file's name and its cells in column order), so that an approval updates
 * it by taking out the digests of the rows it changes and adding their new ones, without reading the other rows. The
 * links of offers to rounds count in file order (each with its position). An identifier of the content, not a
 * signature: sums of digests are easier to collide on purpose than one digest of everything.
 */
export function contentHashOf(content: {
	sources: SourceRow[];
	rounds: RoundRow[];
	claims: ClaimRow[];
	claimants?: ClaimantRow[];
	mediators?: MediatorRow[];
	removed?: RemovedRow[];
	offerRounds?: OfferRoundRow[];
	figureParts?: FigurePartRow[];
}): string {
	let sum = 0n;
	const add = <T extends object>(part: string, rows: readonly T[], columns: readonly (keyof T)[]) => {
		for (const row of rows) sum += digestOf(part, row, columns);
	};
	add('sources', content.sources, sourceColumns);
	add('rounds', content.rounds, roundColumns);
	add('claims', content.claims, claimColumns);
	add('claimants', content.claimants ?? [], claimantColumns);
	add('mediators', content.mediators ?? [], mediatorColumns);
	add('removed', content.removed ?? [], removedColumns);
	for (const [position, link] of (content.offerRounds ?? []).entries())
		sum += rowDigest('offerRounds', JSON.stringify([position, ...offerRoundColumns.map((column) => link[column])]));
	add('figureParts', content.figureParts ?? [], figurePartColumns);
	return hashHex(sum % HASH_MODULUS);
}

/**
 * Builds the SQLite dataset from `dataDir`. On any problem nothing is written and the previous
 * database stays as it was; otherwise the database is written to a temporary file and renamed
 * over the old one, so readers never see a half-built file.
 */
export function buildDataset(options: BuildOptions): BuildResult {
	// A synchronous build cannot wait for another thread: it derives on its own.
	const steps = buildSteps({ ...options, deriveElsewhere: undefined }, (from, to) => copyFileSync(from, to));
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

/**
 * The same build, giving the event loop back between its steps (after validation, every few hundred rows, before
 * the index merge), so that a server building a new dataset keeps answering requests while it builds.
 */
export async function buildDatasetInSteps(options: BuildOptions): Promise<BuildResult> {
	// The copy of a base file is made off the event loop (by libuv's threads).
	const steps = buildSteps(options, (from, to) => copyFile(from, to));
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
		await (step.value ?? new Promise((resolve) => setImmediate(resolve)));
	}
}

/** FTS5's merges while a whole index is written: none until the 'optimize' at the end (64 segments of a level at most). */
const FTS_BULK_LOAD_SQL = `INSERT INTO search_index (search_index, rank) VALUES ('automerge', 0);
INSERT INTO search_index (search_index, rank) VALUES ('crisismerge', 64);`;
/** FTS5's default merges (automerge 4, crisismerge 16), kept in the published file for the writes of corrections. */
const FTS_DEFAULT_MERGES_SQL = `INSERT INTO search_index (search_index, rank) VALUES ('automerge', 4);
INSERT INTO search_index (search_index, rank) VALUES ('crisismerge', 16);`;

/** Rows written between two pauses of a stepped build. */
const ROWS_PER_STEP = 250;

/** Copies a file; a stepped build is given a promise to wait for. */
type Copy = (from: string, to: string) => Promise<void> | void;

/** The build as a generator: each `yield` is a point where a stepped build may pause (or a copy it waits for). */
function* buildSteps(options: BuildOptions, copy: Copy): Generator<Promise<void> | void, BuildResult> {
	if (options.base) {
		const built = yield* localChangeSteps(options, options.base, copy);
		if (built) return built;
	}
	const {
		problems,
		sources,
		rounds,
		claims,
		claimants,
		mediators,
		removed,
		offerRounds,
		figureParts,
		raw,
		editOutcomes
	} = yield* validationSteps(options.dataDir, options.today, options.edits ?? []);
	if (problems.length > 0) return { ok: false, errors: problems, edits: editOutcomes };
	const liveIds = { source: sources, round: rounds, claim: claims, claimant: claimants };
	for (const tombstone of options.removedByCorrections ?? []) {
		const live = liveIds[tombstone.entity].some((row) => row.id === tombstone.id);
		const listed = removed.some((row) => row.entity === tombstone.entity && row.id === tombstone.id);
		if (!live && !listed) removed.push(tombstone);
	}

	yield;
	mkdirSync(dirname(options.outPath), { recursive: true });
	const temporaryPath = `${options.outPath}.tmp-${process.pid}`;
	rmSync(temporaryPath, { force: true });
	// The content hash and the meta values holding it (made by a whole build while another thread derives, see below).
	const versioned = () => {
		const contentHash = contentHashOf({
			sources,
			rounds,
			claims,
			claimants,
			mediators,
			removed,
			offerRounds,
			figureParts
		});
		const datasetVersion = contentHash.slice(0, 12);
		const meta: [string, string][] = [
			['schema_version', String(DATASET_SCHEMA_VERSION)],
			['content_hash', contentHash],
			['dataset_version', datasetVersion],
			['built_on', options.today],
			['earliest_date', earliestDate(rounds, claims)],
			['latest_date', latestDate(rounds, claims)],
			['revision', String(options.revision ?? 0)],
			[ACCEPTED_META_KEY, acceptedList(options.edits ?? [])],
			[OUTCOMES_META_KEY, JSON.stringify(editOutcomes)]
		];
		return { contentHash, datasetVersion, meta };
	};
	const counts = {
		sources: sources.length,
		rounds: rounds.length,
		claimants: claimants.length,
		claims: claims.length,
		claimSources: claims.reduce((sum, claim) => sum + claim.source_ids.length, 0)
	};
	const claimantsById = new Map(claimants.map((claimant) => [claimant.id, claimant]));
	const mediatorsByName = new Map(mediators.map((mediator) => [mediator.name, mediator]));
	if (options.base) {
		const changed = (options.edits ?? []).slice(options.base.edits);
		const validated = { source: sources, round: rounds, claim: claims } as const;
		const records = new Map<string, ChangedRecord>();
		for (const edit of changed) {
			if (edit.entity === 'claimant') continue;
			const position = raw[edit.entity].findIndex((row) => row.raw.id === edit.recordId);
			const row = (validated[edit.entity] as { id: string }[]).find((each) => each.id === edit.recordId);
			if (row && position >= 0)
				records.set(recordKey(edit), {
					entity: edit.entity,
					row,
					cells: raw[edit.entity][position]!.raw,
					position
				} as ChangedRecord);
		}
		const { contentHash, datasetVersion, meta } = versioned();
		yield copy(options.base.path, temporaryPath);
		try {
			writeChanges(temporaryPath, changed, editOutcomes, { records, claimantsById, mediatorsByName, meta });
		} catch (error) {
			rmSync(temporaryPath, { force: true });
			throw error;
		}
		renameSync(temporaryPath, options.outPath);
		return { ok: true, contentHash, datasetVersion, counts, edits: editOutcomes, incremental: true };
	}
	const db = new Database(temporaryPath);
	// The copy another thread derives into (see `deriveElsewhere`).
	const derivedPath = `${temporaryPath}-derived`;
	let written: { contentHash: string; datasetVersion: string } | null = null;
	try {
		// A private file built from scratch and renamed into place only when complete: a crash leaves a temporary file
		// that is deleted, never a published one half-written, so it needs neither a journal nor synced writes.
		db.pragma('journal_mode = OFF');
		db.pragma('synchronous = OFF');
		db.exec(DATASET_SCHEMA_SQL);
		// The index is merged into one segment once every row is in (below): merging segments while rows are written
		// would redo that work (a quarter of the index's writing time at 100×).
		db.exec(FTS_BULK_LOAD_SQL);
		const { insertRecord, insertMediator, insertClaimSource, insertSearchDocument } = recordStatements(db);
		const insertMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
		const insertRemoved = db.prepare(
			`INSERT INTO removed_records (entity, id, removed_on, reason, replaced_by)
			 VALUES (@entity, @id, @removed_on, @reason, @replaced_by)`
		);
		const insertOfferRound = db.prepare(
			'INSERT INTO offer_rounds (offer_id, round_id, reason, position) VALUES (@offer_id, @round_id, @reason, @position)'
		);
		const insertFigurePart = db.prepare(
			'INSERT INTO figure_parts (claim_id, direction, part, reason) VALUES (@claim_id, @direction, @part, @reason)'
		);
		const insertCells = db.prepare('INSERT INTO record_cells (entity, id, position, cells) VALUES (?, ?, ?, ?)');
		// Agreements first, so that stages can reference their parent.
		const orderedRounds = [...rounds].sort((a, b) => Number(b.kind === 'agreement') - Number(a.kind === 'agreement'));
		// Claims that answer another claim go after it, so that the reference is always to an existing row.
		const orderedClaims = [...claims].sort((a, b) => Number(a.responds_to !== null) - Number(b.responds_to !== null));
		const insertMediatorNames = db.prepare(
			`INSERT INTO mediators (name, name_uk, name_ru, source_uk, source_ru, reason)
			 VALUES (@name, @name_uk, @name_ru, @source_uk, @source_ru, @reason)`
		);
		// Each row is written when its turn comes (generators, not lists of every write made up front: at 100× such a
		// list held half a million closures for the whole build). First what the derivations read: the records.
		function* recordWrites(): Generator<void> {
			for (const mediator of mediators) yield void insertMediatorNames.run(mediator);
			for (const source of sources) yield void insertRecord.sources.run(source);
			for (const round of orderedRounds) {
				insertRecord.rounds.run(round);
				round.mediators.forEach((mediator, position) => insertMediator.run(round.id, mediator, position));
				yield;
			}
			for (const claimant of claimants) yield void insertRecord.claimants.run(claimant);
			for (const claim of orderedClaims) {
				insertRecord.claims.run(claim);
				claim.source_ids.forEach((sourceId, position) => insertClaimSource.run(claim.id, sourceId, position));
				yield;
			}
			for (const tombstone of removed) yield void insertRemoved.run(tombstone);
			for (const [position, link] of offerRounds.entries()) yield void insertOfferRound.run({ ...link, position });
			for (const marking of figureParts) yield void insertFigurePart.run(marking);
		}
		// Then what nothing derived reads: the search index, the meta values and the records' cells as data/ has them.
		function* indexWrites(meta: [string, string][]): Generator<void> {
			// Search documents are made row by row, in the order rounds, claims, sources, to spread their cost over the steps.
			const indexed = [
				...rounds.map((round) => ({ rounds: [round], claims: [], sources: [] })),
				...claims.map((claim) => ({ rounds: [], claims: [claim], sources: [] })),
				...sources.map((source) => ({ rounds: [], claims: [], sources: [source] }))
			];
			for (const content of indexed) {
				for (const document of searchDocuments(content, claimantsById, mediatorsByName))
					insertSearchDocument.run({ ...document, rowid: null });
				yield;
			}
			for (const [key, value] of meta) insertMeta.run(key, value);
			yield;
			for (const entity of datasetEntities)
				for (const [position, row] of raw[entity].entries())
					yield void insertCells.run(entity, row.raw.id, position, JSON.stringify(row.raw));
		}
		// One transaction at a time on this private file, held across the pauses: nobody else opens it before the rename.
		function* inTransaction(writes: Generator<void>): Generator<void> {
			db.exec('BEGIN');
			try {
				for (let count = 1; !writes.next().done; count += 1) if (count % ROWS_PER_STEP === 0) yield;
				db.exec('COMMIT');
			} finally {
				if (db.inTransaction) db.exec('ROLLBACK');
			}
		}
		yield* inTransaction(recordWrites());
		yield;
		// References were validated above; the constraints are a second line of defence, checked once over the whole
		// file (cheaper than row by row while inserting).
		const broken = db.pragma('foreign_key_check') as unknown[];
		if (broken.length > 0) throw new Error(`the built dataset breaks ${broken.length} reference(s)`);
		db.exec(STATEMENT_COUNTS_SQL);
		db.exec(DATASET_INDEXES_SQL);
		yield;
		// Every round's figures and every claim's verdict, derived once from the records just written (with their
		// indexes) and stored. Given another thread, it derives them in a copy of the file while this one writes the rest.
		let derived: { error?: unknown } | null = null;
		const waitForDerived = options.deriveElsewhere
			? (copyFileSync(temporaryPath, derivedPath),
				options.deriveElsewhere(derivedPath).then(
					() => void (derived = {}),
					(error: unknown) => void (derived = { error })
				))
			: null;
		const { contentHash, datasetVersion, meta } = versioned();
		yield* inTransaction(indexWrites(meta));
		yield;
		// The index is never written again: merge it into one segment for the fastest reads, while the other thread
		// (if any) still derives, which it does for longer than this thread writes the index.
		db.exec("INSERT INTO search_index (search_index) VALUES ('optimize')");
		// A correction's build writes into a copy of this file: its few rows are merged as FTS5 does by default.
		db.exec(FTS_DEFAULT_MERGES_SQL);
		yield;
		if (waitForDerived) {
			yield waitForDerived;
			const outcome = derived as { error?: unknown } | null;
			if (!outcome) throw new Error('the derivations were not written');
			if ('error' in outcome) throw outcome.error;
			db.prepare('ATTACH DATABASE ? AS derived').run(derivedPath);
			db.transaction(() => {
				for (const table of DERIVED_TABLES) db.exec(`INSERT INTO main.${table} SELECT * FROM derived.${table}`);
			})();
			db.exec('DETACH DATABASE derived');
		} else yield* inTransaction(writeDerivations(db));
		yield;
		db.exec('ANALYZE');
		written = { contentHash, datasetVersion };
	} finally {
		db.close();
		rmSync(derivedPath, { force: true });
		// A build stopped half-way (an error, or a stepped build abandoned) leaves no file behind.
		if (!written) rmSync(temporaryPath, { force: true });
	}
	renameSync(temporaryPath, options.outPath);
	return { ok: true, ...written, counts, edits: editOutcomes, incremental: false };
}

/** The tables {@link writeDerivations} writes. */
const DERIVED_TABLES = [
	'round_items',
	'round_totals',
	'chart_rounds',
	'chart_facts',
	'chart_timeline',
	'chart_disputes',
	'chart_sums',
	'chart_stated',
	'claim_verdicts'
] as const;

/**
 * Writes what a whole build derives from the records in `db` (their indexes made): every round's figures, the chart
 * tables, then every claim's verdict (an offer's verdict reads what its rounds delivered). Run in the build's own
 * transaction, or on another thread into a copy of the file (see `deriveElsewhere`).
 */
export function* writeDerivations(db: Database.Database): Generator<void> {
	const insertRound = roundWrites(db);
	const rounds = deriveRounds(db);
	const chartInputs = rounds.map(insertRound).filter((input) => input !== null);
	writeChartTables(db, chartInputs);
	yield;
	yield* judgementWrites(db, judgeEveryClaim(db, rounds));
}

/** The columns of each record table, in the order the schema lists them. */
const tableColumns = {
	sources: [
		'id',
		'url',
		'outlet',
		'title',
		'published_on',
		'accessed_on',
		'kind',
		'language',
		'archive_url',
		'reliability',
		'note'
	],
	rounds: [
		'id',
		'date',
		'end_date',
		'kind',
		'kyiv_exchange_number',
		'parent_id',
		'summary',
		'summary_uk',
		'summary_ru'
	],
	claims: [
		'id',
		'round_id',
		'stated_on',
		'claimant',
		'claimant_id',
		'claimant_side',
		'statement',
		'counted',
		'counted_detail',
		'counted_detail_uk',
		'counted_detail_ru',
		'number',
		'qualifier',
		'responds_to',
		'note'
	],
	claimants: [
		'id',
		'name_en',
		'name_uk',
		'name_ru',
		'role',
		'role_uk',
		'role_ru',
		'organisation',
		'organisation_uk',
		'organisation_ru',
		'side'
	]
} as const;

const insertSql = (table: keyof typeof tableColumns) =>
	`INSERT INTO ${table} (${tableColumns[table].join(', ')}) VALUES (${tableColumns[table].map((column) => `@${column}`).join(', ')})`;
const updateSql = (table: keyof typeof tableColumns) =>
	`UPDATE ${table} SET ${tableColumns[table]
		.slice(1)
		.map((column) => `${column} = @${column}`)
		.join(', ')} WHERE id = @id`;

/** The statements that write records, shared by the whole build and the build from a base file. */
function recordStatements(db: Database.Database) {
	return {
		insertRecord: {
			sources: db.prepare(insertSql('sources')),
			rounds: db.prepare(insertSql('rounds')),
			claims: db.prepare(insertSql('claims')),
			claimants: db.prepare(insertSql('claimants'))
		},
		insertMediator: db.prepare('INSERT INTO round_mediators (round_id, mediator, position) VALUES (?, ?, ?)'),
		insertClaimSource: db.prepare('INSERT INTO claim_sources (claim_id, source_id, position) VALUES (?, ?, ?)'),
		insertSearchDocument: db.prepare(
			`INSERT INTO search_index (rowid, kind, record_id, name, text, terms, name_forms, text_forms)
			 VALUES (@rowid, @kind, @recordId, @name, @text, @terms, @nameForms, @textForms)`
		)
	};
}

/** A record an approval writes: its validated row, its cells (as record_cells keeps them) and its place among them. */
type ChangedRecord =
	| { entity: 'source'; row: SourceRow; cells: Record<string, string>; position: number }
	| { entity: 'round'; row: RoundRow; cells: Record<string, string>; position: number }
	| { entity: 'claim'; row: ClaimRow; cells: Record<string, string>; position: number };

const recordKey = (edit: Pick<DatasetEdit, 'entity' | 'recordId'>) => `${edit.entity} ${edit.recordId}`;

/**
 * The columns a correction may change with only its own row checked: no check of another record reads them (the
 * ids, the references between records, a round's kind and mediators, a claim's claimant and statement are read by
 * other records' checks, so changes to them are checked whole).
 */
const LOCAL_COLUMNS: Partial<Record<DatasetEntity, ReadonlySet<string>>> = {
	source: new Set(sourceColumns.filter((column) => column !== 'id')),
	round: new Set(['date', 'end_date', 'summary', 'summary_uk', 'summary_ru', 'kyiv_exchange_number']),
	claim: new Set([
		'stated_on',
		'counted',
		'counted_detail',
		'counted_detail_uk',
		'counted_detail_ru',
		'number',
		'qualifier',
		'note'
	])
};

/** The checks of one row that read nothing but the row, by entity: the same calls as `validationSteps` makes. */
const rowChecks = {
	source: (dataDir: string, today: string, row: CheckedRow<SourceRow>, problems: ProblemList) => {
		checkNotFuture(datasetFiles.sources, row, ['published_on', 'accessed_on'], today, problems);
		checkWithheldNames(datasetFiles.sources, [row], ['title'], problems);
		checkCopyHosts(dataDir, [row], problems);
	},
	round: (_dataDir: string, today: string, row: CheckedRow<RoundRow>, problems: ProblemList) => {
		checkNotFuture(datasetFiles.rounds, row, ['date', 'end_date'], today, problems);
		checkRoundDates(row, problems);
		checkWithheldNames(datasetFiles.rounds, [row], ['summary'], problems);
		checkPublicWords(datasetFiles.rounds, [row], ['summary'], problems);
	},
	claim: (_dataDir: string, today: string, row: CheckedRow<ClaimRow>, problems: ProblemList) => {
		checkNotFuture(datasetFiles.claims, row, ['stated_on'], today, problems);
		checkWithheldNames(
			datasetFiles.claims,
			[row],
			['counted_detail', 'counted_detail_uk', 'counted_detail_ru', 'note'],
			problems
		);
		checkPublicWords(datasetFiles.claims, [row], ['counted_detail', 'note'], problems);
	}
};

const fileOf = { source: 'sources', round: 'rounds', claim: 'claims', claimant: 'claimants' } as const;
const schemaOf = { source: SourceRow, round: RoundRow, claim: ClaimRow } as const;
const columnsOf = { source: sourceColumns, round: roundColumns, claim: claimColumns, claimant: claimantColumns };

/**
 * An approval's build when each new edit changes only {@link LOCAL_COLUMNS} of a record: the dataset before them was
 * valid (the published file was built from it), so only the changed rows can be invalid, and their own checks are
 * all there is to run. The content hash is the published one with the changed rows' digests replaced (see
 * {@link contentHashOf}); nothing of data/ is read. Null when this does not apply, or when a
 * changed row has a problem: the whole validation then runs and reports it as it always has.
 */
function* localChangeSteps(
	options: BuildOptions,
	base: NonNullable<BuildOptions['base']>,
	copy: Copy
): Generator<Promise<void> | void, BuildResult | null> {
	const edits = options.edits ?? [];
	const changed = edits.slice(base.edits);
	const local = changed.every(
		(edit) =>
			edit.kind === 'change' && Object.keys(edit.cells).every((column) => LOCAL_COLUMNS[edit.entity]?.has(column))
	);
	if (!local || changed.length === 0) return null;
	const keys = [...new Set(changed.map(recordKey))];
	// The changed records as the published file holds them (data/ with the earlier edits: record_cells), and what
	// became of the earlier edits: data/ is the same as when it was built (see `base`), so these are what a whole build
	// would find again.
	const tables: Record<DatasetEntity, RawRow[]> = { source: [], round: [], claim: [], claimant: [] };
	let publishedHash: string | undefined;
	let earlier: EditOutcome[];
	const published = new Database(base.path, { readonly: true });
	try {
		const meta = published.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
		if (meta.get('schema_version')?.value !== String(DATASET_SCHEMA_VERSION)) return null;
		publishedHash = meta.get('content_hash')?.value;
		earlier = JSON.parse(meta.get(OUTCOMES_META_KEY)?.value ?? 'null') as EditOutcome[];
		const cells = published.prepare<[string, string], { cells: string }>(
			'SELECT cells FROM record_cells WHERE entity = ? AND id = ?'
		);
		for (const key of keys) {
			const [entity, id] = key.split(' ') as [DatasetEntity, string];
			const row = cells.get(entity, id);
			if (row) tables[entity].push({ line: 0, where: key, raw: JSON.parse(row.cells) as Record<string, string> });
		}
	} finally {
		published.close();
	}
	if (publishedHash === undefined || !/^[0-9a-f]{64}$/.test(publishedHash)) return null;
	const sameEdits = (outcomes: EditOutcome[] | null) =>
		Array.isArray(outcomes) &&
		outcomes.length === base.edits &&
		outcomes.every((outcome, index) => outcome.correctionId === edits[index]!.correctionId);
	if (!sameEdits(earlier)) return null;
	const rowOf = (key: string) => {
		const [entity, id] = key.split(' ') as [DatasetEntity, string];
		return tables[entity].find((row) => row.raw.id === id);
	};
	const before = new Map(keys.map((key) => [key, rowOf(key)?.raw]));
	const later = applyEdits(tables, columnsOf, changed);
	yield;
	const problems = new ProblemList();
	const records = new Map<string, ChangedRecord>();
	let sum = BigInt(`0x${publishedHash}`);
	for (const key of keys) {
		const entity = key.slice(0, key.indexOf(' ')) as 'source' | 'round' | 'claim';
		const now = rowOf(key);
		const previous = before.get(key);
		// Not applied (a conflict, or already in data/): the record is as published.
		if (!now || !previous || now.raw === previous) continue;
		const file = datasetFiles[fileOf[entity]];
		const [checked] = checkRows(file, [now], schemaOf[entity] as z.ZodType<ChangedRecord['row']>, problems);
		const [old] = checkRows(
			file,
			[{ ...now, raw: previous }],
			schemaOf[entity] as z.ZodType<ChangedRecord['row']>,
			problems
		);
		if (!checked?.row || !old?.row) return null;
		(rowChecks[entity] as (d: string, t: string, r: CheckedRow<unknown>, p: ProblemList) => void)(
			options.dataDir,
			options.today,
			checked,
			problems
		);
		const part = fileOf[entity];
		const columns = columnsOf[entity] as readonly (keyof ChangedRecord['row'])[];
		sum += digestOf(part, checked.row, columns) - digestOf(part, old.row, columns);
		records.set(key, { entity, row: checked.row, cells: now.raw, position: -1 } as ChangedRecord);
	}
	if (problems.messages.length > 0) return null;
	const contentHash = hashHex(((sum % HASH_MODULUS) + HASH_MODULUS) % HASH_MODULUS);
	const datasetVersion = contentHash.slice(0, 12);
	const editOutcomes = [...earlier, ...later];
	const temporaryPath = `${options.outPath}.tmp-${process.pid}`;
	rmSync(temporaryPath, { force: true });
	yield copy(base.path, temporaryPath);
	let counts: BuildCounts;
	try {
		counts = writeChanges(temporaryPath, changed, editOutcomes, {
			records,
			meta: [
				['content_hash', contentHash],
				['dataset_version', datasetVersion],
				['built_on', options.today],
				['revision', String(options.revision ?? 0)],
				[ACCEPTED_META_KEY, acceptedList(edits)],
				[OUTCOMES_META_KEY, JSON.stringify(editOutcomes)]
			]
		});
	} catch (error) {
		rmSync(temporaryPath, { force: true });
		throw error;
	}
	renameSync(temporaryPath, options.outPath);
	return { ok: true, contentHash, datasetVersion, counts, edits: editOutcomes, incremental: true };
}

/**
 * Writes into a copy of a published file what `changed` edits did (their outcomes are the last ones): each record they
 * changed is updated in place, keeping its row (and so the order of rows a full build gives), each they added is
 * inserted, with its search document, its cells and the new meta values. The file is private until it is renamed.
 */
function writeChanges(
	path: string,
	changed: readonly DatasetEdit[],
	outcomes: readonly EditOutcome[],
	content: {
		/** The records the applied edits changed or added, by {@link recordKey}. */
		records: ReadonlyMap<string, ChangedRecord>;
		/** The claimants and mediators (their names are in search documents); read from the file when not given. */
		claimantsById?: ReadonlyMap<string, ClaimantRow>;
		mediatorsByName?: ReadonlyMap<string, MediatorRow>;
		meta: [string, string][];
	}
): BuildCounts {
	const db = new Database(path);
	try {
		const claimantsById =
			content.claimantsById ??
			new Map(
				db
					.prepare<[], ClaimantRow>('SELECT * FROM claimants')
					.all()
					.map((row) => [row.id, row])
			);
		const mediatorsByName =
			content.mediatorsByName ??
			new Map(
				db
					.prepare<[], MediatorRow>('SELECT * FROM mediators')
					.all()
					.map((row) => [row.name, row])
			);
		db.pragma('journal_mode = OFF');
		db.pragma('synchronous = OFF');
		// References are checked when the transaction commits, so the order of the edits' records does not matter.
		db.pragma('foreign_keys = ON');
		db.pragma('defer_foreign_keys = ON');
		const insert = recordStatements(db);
		const update = {
			sources: db.prepare(updateSql('sources')),
			rounds: db.prepare(updateSql('rounds')),
			claims: db.prepare(updateSql('claims')),
			claimants: db.prepare(updateSql('claimants'))
		};
		const searchRow = db.prepare<[string, string], { rowid: number }>(
			'SELECT rowid FROM search_index WHERE kind = ? AND record_id = ?'
		);
		const deleteSearchRow = db.prepare<[number]>('DELETE FROM search_index WHERE rowid = ?');
		const nextSearchRow = db.prepare<[], { next: number }>(
			'SELECT coalesce(max(rowid), 0) + 1 AS next FROM search_index'
		);
		const deleteMediators = db.prepare<[string]>('DELETE FROM round_mediators WHERE round_id = ?');
		const deleteClaimSources = db.prepare<[string]>('DELETE FROM claim_sources WHERE claim_id = ?');
		const updateCells = db.prepare<[string, string, string]>(
			'UPDATE record_cells SET cells = ? WHERE entity = ? AND id = ?'
		);
		const insertCells = db.prepare('INSERT INTO record_cells (entity, id, position, cells) VALUES (?, ?, ?, ?)');
		const updateMeta = db.prepare<[string, string]>('UPDATE meta SET value = ? WHERE key = ?');
		const applied = outcomes.slice(outcomes.length - changed.length);
		const idsOf = (entity: DatasetEntity) =>
			JSON.stringify(changed.filter((edit) => edit.entity === entity).map((edit) => edit.recordId));
		const changedIds = { rounds: idsOf('round'), claims: idsOf('claim'), sources: idsOf('source') };
		const roundsTouched = db.prepare<[typeof changedIds], { id: string }>(
			`SELECT value AS id FROM json_each(@rounds)
			 UNION SELECT round_id FROM claims WHERE id IN (SELECT value FROM json_each(@claims)) AND round_id IS NOT NULL
			 UNION SELECT c.round_id FROM claim_sources cs JOIN claims c ON c.id = cs.claim_id
			  WHERE cs.source_id IN (SELECT value FROM json_each(@sources)) AND c.round_id IS NOT NULL`
		);
		db.transaction(() => {
			// A changed claim may leave its round: that round's figures move too.
			const roundsBefore = roundsTouched.all(changedIds).map((row) => row.id);
			// The claims whose verdicts read the changed claims and rounds as they were (a claim that moves away leaves
			// those it supported or answered); those that read them as they are now are added below.
			const claimIds = changed.filter((edit) => edit.entity === 'claim').map((edit) => edit.recordId);
			const judgedAgain = claimsToJudge(db, claimIds, roundsBefore);
			const statedBefore = statedTotalsOf(db, claimIds);
			changed.forEach((edit, index) => {
				if (applied[index]?.result !== 'applied') return;
				const added = edit.kind === 'addition';
				const write = (table: keyof typeof tableColumns, row: object) =>
					(added ? insert.insertRecord[table] : update[table]).run(row);
				let document: SearchDocument;
				const record = content.records.get(recordKey(edit))!;
				if (record.entity === 'source') {
					const source = record.row;
					write('sources', source);
					[document] = searchDocuments({ rounds: [], claims: [], sources: [source] }) as [SearchDocument];
				} else if (record.entity === 'round') {
					const round = record.row;
					write('rounds', round);
					deleteMediators.run(round.id);
					round.mediators.forEach((mediator, position) => insert.insertMediator.run(round.id, mediator, position));
					[document] = searchDocuments({ rounds: [round], claims: [], sources: [] }, undefined, mediatorsByName) as [
						SearchDocument
					];
				} else {
					const claim = record.row;
					write('claims', claim);
					deleteClaimSources.run(claim.id);
					claim.source_ids.forEach((sourceId, position) => insert.insertClaimSource.run(claim.id, sourceId, position));
					[document] = searchDocuments({ rounds: [], claims: [claim], sources: [] }, claimantsById) as [SearchDocument];
				}
				// The search document keeps its row, so that ties in rank come out in the same order as before.
				const previous = searchRow.get(document.kind, document.recordId);
				if (previous) deleteSearchRow.run(previous.rowid);
				insert.insertSearchDocument.run({ ...document, rowid: previous?.rowid ?? nextSearchRow.get()!.next });
				const cells = JSON.stringify(record.cells);
				if (added) insertCells.run(edit.entity, edit.recordId, record.position, cells);
				else updateCells.run(cells, edit.entity, edit.recordId);
			});
			for (const [key, value] of content.meta) updateMeta.run(value, key);
			// The dates the dataset covers, from the rows as they are now (a changed date may be the first or last).
			const dates = db
				.prepare<[], { earliest: string | null; latest: string | null }>(
					`SELECT (SELECT min(day) FROM (SELECT date AS day FROM rounds UNION ALL SELECT stated_on FROM claims)) AS earliest,
					        (SELECT max(day) FROM (SELECT date AS day FROM rounds UNION ALL SELECT end_date FROM rounds
					          UNION ALL SELECT stated_on FROM claims)) AS latest`
				)
				.get()!;
			updateMeta.run(dates.earliest ?? '', 'earliest_date');
			updateMeta.run(dates.latest ?? '', 'latest_date');
			db.exec(`DELETE FROM statement_counts; ${STATEMENT_COUNTS_SQL}`);
			// The rounds whose figures the changes may move: each changed round, the rounds of each changed claim (before
			// and after), and the rounds of the claims citing each changed source (a copy never confirms).
			const touched = [...new Set([...roundsBefore, ...roundsTouched.all(changedIds).map((row) => row.id)])];
			const deleteRoundItem = db.prepare<[string]>('DELETE FROM round_items WHERE round_id = ?');
			const deleteRoundTotals = db.prepare<[string]>('DELETE FROM round_totals WHERE round_id = ?');
			const deleteChartRound = db.prepare<[string]>('DELETE FROM chart_rounds WHERE round_id = ?');
			const chartsBefore = chartInputsOf(db, touched);
			for (const id of touched) {
				deleteRoundItem.run(id);
				deleteRoundTotals.run(id);
				deleteChartRound.run(id);
			}
			const insertRound = roundWrites(db);
			for (const round of deriveRounds(db, touched)) insertRound(round);
			// Rewriting the chart tables would read every event (about 0.6 s at 100×): they are updated where the change
			// moves what they read (an event's chart input, a stated total), and not at all for a note or a source.
			updateChartTables(db, { rounds: chartsBefore, stated: statedBefore }, { roundIds: touched, claimIds });
			// A change moves only the verdicts that read what it changed (a figure now supported, an offer's delivery, an
			// answer): those are judged again from the changed rows, by the same rules as a whole build.
			for (const id of claimsToJudge(db, claimIds, touched)) judgedAgain.add(id);
			const deleteVerdict = db.prepare<[string]>('DELETE FROM claim_verdicts WHERE claim_id = ?');
			for (const id of judgedAgain) deleteVerdict.run(id);
			for (const written of judgementWrites(db, judgeClaims(db, [...judgedAgain]))) void written;
		})();
		const count = (sql: string) => db.prepare<[], { n: number }>(sql).get()!.n;
		return {
			sources: count('SELECT count(*) AS n FROM sources'),
			rounds: count('SELECT count(*) AS n FROM rounds'),
			claimants: count('SELECT count(*) AS n FROM claimants'),
			claims: count('SELECT count(*) AS n FROM claims'),
			claimSources: count('SELECT count(*) AS n FROM claim_sources')
		};
	} finally {
		db.close();
	}
}

/** The number of statements of each kind, year and claimant (see the schema), counted from the claims written. */
const STATEMENT_COUNTS_SQL = `INSERT INTO statement_counts (statement, year, claimant_id, count)
	SELECT statement, substr(stated_on, 1, 4), claimant_id, count(*) FROM claims
	 WHERE round_id IS NULL OR statement <> 'report' GROUP BY 1, 2, 3`;

/**
 * Stores a derived round, its share of the totals (see queries/rounds.ts) and, for an event, what the charts read of it,
 * which it returns (`null` for an agreement).
 */
function roundWrites(db: Database.Database): (round: RoundListItem) => ChartRound | null {
	const item = db.prepare(
		`INSERT INTO round_items (round_id, date, kind, status_to_ukraine, status_to_russia, gap, item)
		 VALUES (@round_id, @date, @kind, @status_to_ukraine, @status_to_russia, @gap, @item)`
	);
	const totals = db.prepare(
		`INSERT INTO round_totals (round_id, population, direction, confirmed, confirmed_rounds, partly_confirmed_rounds,
		   ukraine_sum, ukraine_rounds, russia_sum, russia_rounds, rounds_with_figures, rounds, rounds_without_figure,
		   rounds_combined_only)
		 VALUES (@round_id, @population, @direction, @confirmed, @confirmed_rounds, @partly_confirmed_rounds,
		   @ukraine_sum, @ukraine_rounds, @russia_sum, @russia_rounds, @rounds_with_figures, @rounds, @rounds_without_figure,
		   @rounds_combined_only)`
	);
	const chart = db.prepare<[string, string, string, number, number, number]>(
		'INSERT INTO chart_rounds (round_id, date, input, kyiv, moscow, confirmed) VALUES (?, ?, ?, ?, ?, ?)'
	);
	return (round) => {
		item.run(roundItemRow(round));
		for (const row of roundTotalRows(round)) totals.run(row);
		// Agreements are not events: no chart draws them.
		if (round.kind === 'agreement') return null;
		const input = chartRoundOf(round);
		const adds = runningSumsOf(input);
		chart.run(round.id, round.date, JSON.stringify(input), adds.kyiv, adds.moscow, adds.confirmed);
		return input;
	};
}

/** Stores claims' judgements (see queries/statements.ts), one row at a time: what the pages read instead of judging. */
function* judgementWrites(db: Database.Database, judgements: Iterable<StoredJudgement>): Generator<void> {
	const insert = db.prepare<[string, string, string, number]>(
		'INSERT INTO claim_verdicts (claim_id, verdict, supporting, response_count) VALUES (?, ?, ?, ?)'
	);
	for (const judged of judgements) {
		insert.run(judged.claimId, JSON.stringify(judged.verdict), JSON.stringify(judged.supporting), judged.responseCount);
		yield;
	}
}

/** The earliest date any round or claim refers to: where the dataset's time coverage starts. */
function earliestDate(rounds: RoundRow[], claims: ClaimRow[]): string {
	const dates = [...rounds.map((round) => round.date), ...claims.map((claim) => claim.stated_on)];
	return dates.reduce((earliest, date) => (earliest === '' || date < earliest ? date : earliest), '');
}

/** The latest date any round or claim refers to: the honest "data as of" for the dataset. */
function latestDate(rounds: RoundRow[], claims: ClaimRow[]): string {
	let latest = '';
	for (const round of rounds) latest = [latest, round.date, round.end_date ?? ''].reduce((a, b) => (b > a ? b : a));
	for (const claim of claims) if (claim.stated_on > latest) latest = claim.stated_on;
	return latest;
}
