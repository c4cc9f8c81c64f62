// Writes the published dataset (data/ with the accepted corrections) back to data/*.csv in the committed format.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { claimantColumns } from '../../schemas/claimant';
import { entityColumns, type DatasetEntity } from '../../schemas/correction';
import { formatCsv } from './csv';
import { datasetFiles } from './build';
import { openDataset } from './dataset';
import { allRecordCells } from './queries/records';

const fileOf: Record<DatasetEntity, string> = {
	source: datasetFiles.sources,
	round: datasetFiles.rounds,
	claim: datasetFiles.claims,
	claimant: datasetFiles.claimants
};

/**
 * Writes each entity's published rows, in data/'s own row order (added records last), with the same CSV writer
 * the importer uses, so an export of an unchanged dataset reproduces data/ byte for byte.
 */
export function exportDataset(datasetPath: string, outDir: string): Record<DatasetEntity, number> {
	const db = openDataset(datasetPath);
	try {
		const counts = { source: 0, round: 0, claim: 0, claimant: 0 };
		for (const entity of Object.keys(fileOf) as DatasetEntity[]) {
			const rows = allRecordCells(db, entity);
			writeFileSync(
				join(outDir, fileOf[entity]),
				formatCsv(entity === 'claimant' ? claimantColumns : entityColumns[entity], rows)
			);
			counts[entity] = rows.length;
		}
		return counts;
	} finally {
		db.close();
	}
}
