// The exchange package: one new round with its statements and the page each was read on, suggested and approved as one.
import { z } from 'zod';
import { m } from '../paraglide/messages.js';
import { ClaimRow } from './claim';
import { ClaimantRow } from './claimant';
import { issueMessage, LIMITS } from './correction';
import { recordId } from './fields';
import { RoundRow } from './round';
import { SourceRow } from './source';

/** At most this many statements in one package: enough for every party and mediator, small enough for the 32 KiB limit. */
export const MAX_STATEMENTS = 12;

/** The round's columns a visitor fills in; its id is given at approval. */
export const packageRoundFields = [
	'date',
	'end_date',
	'kind',
	'kyiv_exchange_number',
	'mediators',
	'parent_id',
	'summary',
	'summary_uk',
	'summary_ru'
] as const;
/**
 * One statement's claim columns; the round, the kind of statement (a report) and the source ids come from the package.
 * `claimant_id` is never typed: the server resolves the name given under `claimant` to a claimant on record.
 */
export const packageClaimFields = [
	'claimant',
	'claimant_id',
	'claimant_side',
	'stated_on',
	'counted',
	'counted_detail',
	'counted_detail_uk',
	'counted_detail_ru',
	'number',
	'qualifier',
	'note'
] as const;
/** The claim columns a visitor fills in. */
const visitorClaimFields = packageClaimFields.filter((column) => column !== 'claimant_id');
/** The page a statement was read on. */
export const packageSourceFields = [
	'url',
	'outlet',
	'title',
	'published_on',
	'kind',
	'language',
	'reliability'
] as const;

/**
 * A claimant not on record yet, said so explicitly (`new` is "yes"): the statement's name (in English) and side make
 * their row, with these. Left empty for a claimant on record.
 */
export const packageClaimantFields = [
	'new',
	'name_uk',
	'name_ru',
	'role',
	'role_uk',
	'role_ru',
	'organisation',
	'organisation_uk',
	'organisation_ru'
] as const;
/** A new claimant's own columns in claimants.csv: every field but the choice. */
export const newClaimantColumns = packageClaimantFields.filter((column) => column !== 'new');

export interface PackageStatement {
	claim: Record<(typeof packageClaimFields)[number], string>;
	source: Record<(typeof packageSourceFields)[number], string>;
	claimant: Record<(typeof packageClaimantFields)[number], string>;
}

/** A package as CSV cells: the round, then each statement with its page. */
export interface ExchangePackage {
	round: Record<(typeof packageRoundFields)[number], string>;
	statements: PackageStatement[];
}

/**
 * Form names, which are also the keys of the stored proposal: `round.date`, `s1.claimant`, `s1.source.url`,
 * `s1.claimant.role`.
 */
export const packageField = {
	round: (column: string) => `round.${column}`,
	claim: (index: number, column: string) => `s${index + 1}.${column}`,
	source: (index: number, column: string) => `s${index + 1}.source.${column}`,
	claimant: (index: number, column: string) => `s${index + 1}.claimant.${column}`
};

const STATEMENT_KEY = /^s([1-9]\d?)\.(?:source\.|claimant\.)?[a-z_]+$/;

/** The value of `s<n>.claimant.new` for a claimant not on record yet. */
export const NEW_CLAIMANT = 'yes';

const pick = <K extends string>(columns: readonly K[], cell: (column: K) => string) =>
	Object.fromEntries(columns.map((column) => [column, (cell(column) ?? '').trim()])) as Record<K, string>;

/** An empty statement for the form: what "add another statement" appends. */
export function blankStatement(): PackageStatement {
	return {
		claim: pick(packageClaimFields, () => ''),
		source: pick(packageSourceFields, () => ''),
		claimant: pick(packageClaimantFields, () => '')
	};
}

const isBlank = (statement: PackageStatement) =>
	[...Object.values(statement.claim), ...Object.values(statement.source), ...Object.values(statement.claimant)].every(
		(cell) => cell === ''
	);

/**
 * Reads a package from flat cells (a form, or a stored proposal). Statements are renumbered in order, and a statement
 * left entirely blank (the one "add another statement" appended and nobody filled in) is dropped when `dropBlank`.
 */
export function packageFromCells(cells: Readonly<Record<string, string>>, dropBlank = true): ExchangePackage {
	const numbers = new Set<number>();
	for (const key of Object.keys(cells)) {
		const match = STATEMENT_KEY.exec(key);
		if (match && Number(match[1]) <= MAX_STATEMENTS) numbers.add(Number(match[1]));
	}
	const statements = [...numbers]
		.sort((a, b) => a - b)
		.map((number) => ({
			claim: pick(packageClaimFields, (column) => cells[`s${number}.${column}`] ?? ''),
			source: pick(packageSourceFields, (column) => cells[`s${number}.source.${column}`] ?? ''),
			claimant: pick(packageClaimantFields, (column) => cells[`s${number}.claimant.${column}`] ?? '')
		}))
		.filter((statement) => !dropBlank || !isBlank(statement));
	return { round: pick(packageRoundFields, (column) => cells[packageField.round(column)] ?? ''), statements };
}

/** The flat cells of a package, statements numbered from 1: what is stored as the suggestion's proposal. */
export function cellsOfPackage(pkg: ExchangePackage): Record<string, string> {
	const cells: Record<string, string> = {};
	for (const column of packageRoundFields) cells[packageField.round(column)] = pkg.round[column];
	pkg.statements.forEach((statement, index) => {
		for (const column of packageClaimFields) cells[packageField.claim(index, column)] = statement.claim[column];
		for (const column of packageSourceFields) cells[packageField.source(index, column)] = statement.source[column];
		// A claimant on record has no row of its own to store: its keys appear only for a new one.
		if (Object.values(statement.claimant).some((cell) => cell !== '')) {
			for (const column of packageClaimantFields) {
				cells[packageField.claimant(index, column)] = statement.claimant[column];
			}
		}
	});
	return cells;
}

/** Stand-in ids, so the dataset's own row schemas can check a package before it has ids. */
const PLACEHOLDER = {
	round: 'suggested-round',
	claim: 'suggested-claim',
	source: 'suggested-source',
	claimant: 'k-suggested-claimant'
} as const;

/**
 * The full CSV rows a package becomes, with the given ids: a statement is a report of the round, citing its page, by
 * its claimant (`ids.claimants`, one per statement, when approval gave a new claimant an id). `claimants` holds the row
 * each statement's new claimant would have (null for a claimant on record).
 */
export function packageRows(
	pkg: ExchangePackage,
	ids: {
		round: string;
		claims: readonly string[];
		sources: readonly string[];
		claimants?: readonly string[];
	} = {
		round: PLACEHOLDER.round,
		claims: pkg.statements.map(() => PLACEHOLDER.claim),
		sources: pkg.statements.map(() => PLACEHOLDER.source)
	}
) {
	return {
		round: { id: ids.round, ...pkg.round },
		claims: pkg.statements.map((statement, index) => ({
			id: ids.claims[index] ?? PLACEHOLDER.claim,
			round_id: ids.round,
			statement: 'report',
			source_ids: ids.sources[index] ?? PLACEHOLDER.source,
			responds_to: '',
			...statement.claim,
			claimant_id: ids.claimants?.[index] || statement.claim.claimant_id
		})),
		claimants: pkg.statements.map((statement, index) =>
			statement.claimant.new === NEW_CLAIMANT
				? {
						id: ids.claimants?.[index] || PLACEHOLDER.claimant,
						name_en: statement.claim.claimant,
						name_uk: statement.claimant.name_uk,
						name_ru: statement.claimant.name_ru,
						role: statement.claimant.role,
						role_uk: statement.claimant.role_uk,
						role_ru: statement.claimant.role_ru,
						organisation: statement.claimant.organisation,
						organisation_uk: statement.claimant.organisation_uk,
						organisation_ru: statement.claimant.organisation_ru,
						side: statement.claim.claimant_side
					}
				: null
		),
		sources: pkg.statements.map((statement, index) => ({
			id: ids.sources[index] ?? PLACEHOLDER.source,
			accessed_on: '',
			archive_url: '',
			note: '',
			...statement.source
		}))
	};
}

/** Form field name → message. */
export type PackageErrors = Record<string, string>;

function collect(
	schema: z.ZodType,
	row: Record<string, string>,
	columns: readonly string[],
	name: (column: string) => string,
	errors: PackageErrors
): void {
	for (const column of columns) {
		if ((row[column] ?? '').length > LIMITS.cell) errors[name(column)] = `At most ${LIMITS.cell} characters.`;
	}
	const result = schema.safeParse(row);
	if (result.success) return;
	for (const issue of result.error.issues) {
		const column = String(issue.path[0] ?? '');
		// Columns the package fills in itself (ids, the round link) cannot be wrong; the visitor's columns can.
		if (!columns.includes(column)) continue;
		// An empty cell the column itself refuses is missing; an empty cell refused by a rule across columns is not.
		const columnSchema = (schema as z.ZodObject).shape[column] as z.ZodType | undefined;
		const missing = row[column] === '' && columnSchema?.safeParse('').success === false;
		errors[name(column)] ??= missing ? m.form_error_required() : issueMessage(issue);
	}
}

/**
 * Every problem of a package at once, by form field, checked with the dataset's own row schemas (the ones the build
 * uses): the round, each statement as a claim and each page as a source. Empty when the package is valid.
 */
export function checkPackage(pkg: ExchangePackage): PackageErrors {
	const errors: PackageErrors = {};
	const rows = packageRows(pkg);
	collect(RoundRow, rows.round, packageRoundFields, packageField.round, errors);
	if (pkg.round.parent_id !== '' && !recordId.safeParse(pkg.round.parent_id).success) {
		errors[packageField.round('parent_id')] ??= 'Choose the agreement from the list.';
	}
	if (pkg.statements.length === 0) errors.statements = 'Give at least one statement, with its figure and its page.';
	if (pkg.statements.length > MAX_STATEMENTS) errors.statements = `At most ${MAX_STATEMENTS} statements.`;
	// Whether the name is a claimant on record is the server's check (it needs the dataset); here the id only stands in.
	rows.claims.forEach((claim, index) =>
		collect(
			ClaimRow,
			{ ...claim, claimant_id: claim.claimant_id || PLACEHOLDER.claimant },
			visitorClaimFields,
			(column) => packageField.claim(index, column),
			errors
		)
	);
	// zod runs a row's cross-column rules only once its columns are valid; so that every problem shows at once, the
	// rule that a figure and its qualifier travel together is also checked here, before the columns are fixed.
	pkg.statements.forEach((statement, index) => {
		const { number, qualifier } = statement.claim;
		const field = packageField.claim(index, 'qualifier');
		if (number !== '' && qualifier === '') errors[field] ??= 'a number needs a qualifier';
		if (number === '' && qualifier !== '') errors[field] ??= 'a qualifier needs a number';
	});
	rows.sources.forEach((source, index) =>
		collect(SourceRow, source, packageSourceFields, (column) => packageField.source(index, column), errors)
	);
	// A new claimant's row is checked with the claimants table's own schema; its name and side are the statement's.
	rows.claimants.forEach((claimant, index) => {
		const statement = pkg.statements[index];
		if (statement && !['', NEW_CLAIMANT].includes(statement.claimant.new)) {
			errors[packageField.claimant(index, 'new')] = 'Choose whether the claimant is new.';
		}
		if (!claimant) return;
		collect(ClaimantRow, claimant, newClaimantColumns, (column) => packageField.claimant(index, column), errors);
	});
	// One page cited by two statements is one source: it must be described the same way both times.
	const firstByUrl = new Map<string, number>();
	pkg.statements.forEach((statement, index) => {
		const first = firstByUrl.get(statement.source.url);
		if (first === undefined) {
			firstByUrl.set(statement.source.url, index);
			return;
		}
		const differs = packageSourceFields.some(
			(column) => statement.source[column] !== pkg.statements[first]?.source[column]
		);
		if (differs) {
			errors[packageField.source(index, 'outlet')] ??=
				`Statement ${first + 1} cites the same page with other details: describe the page the same way.`;
		}
	});
	return errors;
}

/** Rounds of the same kind this many days apart or closer may be the same event: the form and the review warn. */
export const DUPLICATE_WINDOW_DAYS = 2;
