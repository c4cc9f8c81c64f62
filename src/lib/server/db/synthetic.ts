// A synthetic dataset N times the size of data/ for the scale tests and benchmarks: copies of the real rows with new ids, dates moved into the past and figures varied by a seeded generator.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../seeded-random';
import { claimColumns } from '../../schemas/claim';
import { removedColumns } from '../../schemas/removed';
import { roundColumns } from '../../schemas/round';
import { sourceColumns } from '../../schemas/source';
import { formatCsv, parseCsv } from './csv';
import { datasetFiles, REMOVED_FILE } from './build';

export interface SyntheticOptions {
	/** Directory of the real dataset the copies are made from (data/). */
	fromDir: string;
	/** Directory the synthetic CSV files are written to; never data/. */
	toDir: string;
	/** How many times the real dataset: 1 writes data/ unchanged, 10 writes it and nine varied copies. */
	scale: number;
	/** Seed of the generator: the same seed and scale always write the same files. */
	seed: number;
}

/** Rows written per file. */
export type SyntheticCounts = Record<'sources' | 'rounds' | 'claims', number>;

const DAY_MS = 86_400_000;

/** The filters of /rounds and /claims accept years from 2022, when the exchanges began: no copy goes earlier. */
const EARLIEST_DAY = '2022-01-01';

/** `date` moved `days` earlier; an empty cell stays empty. */
function earlier(date: string, days: number): string {
	if (date === '') return date;
	return new Date(Date.parse(`${date}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
}

/** The ids of copy `copy` end in `-x<copy>`; copy 0 is data/ itself. */
function renamed(id: string, copy: number): string {
	return id === '' || copy === 0 ? id : `${id}-x${copy}`;
}

function renamedList(cell: string, copy: number): string {
	return cell === ''
		? cell
		: cell
				.split(';')
				.map((id) => renamed(id.trim(), copy))
				.join(';');
}

/** A cell of a row read from CSV ('' when the column is missing). */
function cell(row: Record<string, string>, column: string): string {
	return row[column] ?? '';
}

function readRows(dir: string, file: string): Record<string, string>[] {
	return parseCsv(readFileSync(join(dir, file), 'utf8')).rows.map(({ record }) => record);
}

/**
 * Writes the synthetic dataset. Copy 0 is data/ as it is; every further copy renames every id (and every reference
 * to it), moves all its dates back by one random number of days (so that no date is in the future, none is before
 * 2022, and every order between dates holds), varies each figure by up to a fifth, and points its sources at example.org addresses so
 * that no synthetic row can be mistaken for a real report. Tombstones are kept for copy 0 only.
 */
export function writeSyntheticDataset(options: SyntheticOptions): SyntheticCounts {
	const { fromDir, toDir, scale, seed } = options;
	if (!Number.isInteger(scale) || scale < 1) throw new Error(`scale must be a whole number from 1, not ${scale}`);
	const random = seededRandom(seed);
	const sources = readRows(fromDir, datasetFiles.sources);
	const rounds = readRows(fromDir, datasetFiles.rounds);
	const claims = readRows(fromDir, datasetFiles.claims);
	const earliest = [
		...rounds.map((round) => cell(round, 'date')),
		...claims.map((claim) => cell(claim, 'stated_on'))
	].sort()[0];
	const maxShift = Math.max(0, Math.round((Date.parse(earliest ?? EARLIEST_DAY) - Date.parse(EARLIEST_DAY)) / DAY_MS));
	const out = { sources: [] as Record<string, string>[], rounds: [] as typeof sources, claims: [] as typeof sources };
	for (let copy = 0; copy < scale; copy += 1) {
		// Whole days back, never before EARLIEST_DAY: the copies crowd the same years, as a busier war would.
		const shift = copy === 0 ? 0 : Math.floor(random() * (maxShift + 1));
		for (const source of sources) {
			out.sources.push({
				...source,
				id: renamed(cell(source, 'id'), copy),
				url: copy === 0 ? cell(source, 'url') : `https://example.org/synthetic/${copy}/${cell(source, 'id')}`,
				archive_url: copy === 0 ? cell(source, 'archive_url') : '',
				published_on: earlier(cell(source, 'published_on'), shift),
				accessed_on: earlier(cell(source, 'accessed_on'), shift)
			});
		}
		for (const round of rounds) {
			out.rounds.push({
				...round,
				id: renamed(cell(round, 'id'), copy),
				date: earlier(cell(round, 'date'), shift),
				end_date: earlier(cell(round, 'end_date'), shift),
				parent_id: renamed(cell(round, 'parent_id'), copy)
			});
		}
		for (const claim of claims) {
			const number =
				copy === 0 || cell(claim, 'number') === ''
					? cell(claim, 'number')
					: String(Math.round(Number(cell(claim, 'number')) * (0.8 + random() * 0.4)));
			out.claims.push({
				...claim,
				id: renamed(cell(claim, 'id'), copy),
				round_id: renamed(cell(claim, 'round_id'), copy),
				stated_on: earlier(cell(claim, 'stated_on'), shift),
				number,
				source_ids: renamedList(cell(claim, 'source_ids'), copy),
				responds_to: renamed(cell(claim, 'responds_to'), copy)
			});
		}
	}
	mkdirSync(toDir, { recursive: true });
	writeFileSync(join(toDir, datasetFiles.sources), formatCsv(sourceColumns, out.sources));
	writeFileSync(join(toDir, datasetFiles.rounds), formatCsv(roundColumns, out.rounds));
	writeFileSync(join(toDir, datasetFiles.claims), formatCsv(claimColumns, out.claims));
	writeFileSync(join(toDir, REMOVED_FILE), formatCsv(removedColumns, readRows(fromDir, REMOVED_FILE)));
	// Every copy's claims keep their claimant: the same people speak about a busier war.
	copyFileSync(join(fromDir, datasetFiles.claimants), join(toDir, datasetFiles.claimants));
	// And the rounds' mediators keep their names in Ukrainian and Russian.
	copyFileSync(join(fromDir, datasetFiles.mediators), join(toDir, datasetFiles.mediators));
	return { sources: out.sources.length, rounds: out.rounds.length, claims: out.claims.length };
}
