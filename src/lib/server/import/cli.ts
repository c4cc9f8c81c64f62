// Command line for the research import: `npm run data:import-research -- [--force]` re-imports the research files
// listed in `researchFiles`, keeping every id an earlier import gave (read from data/import-log.csv and data/sources.csv).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatCsv, parseCsv } from '../db/csv';
import { claimColumns } from '../../schemas/claim';
import { roundColumns } from '../../schemas/round';
import { sourceColumns } from '../../schemas/source';
import { readDecisions } from './decisions';
import { importResearch, keepTranslations, parseResearchCsv, previousImport, researchFiles } from './research';

const force = process.argv.includes('--force');
const dataDir = resolve(process.env.DATA_DIR ?? 'data');

if (existsSync(join(dataDir, 'claims.csv')) && !force) {
	console.error(`${dataDir}/claims.csv exists: the import would rewrite curated data. Pass --force to re-import.`);
	process.exit(1);
}

const records = (file: string) =>
	existsSync(join(dataDir, file))
		? parseCsv(readFileSync(join(dataDir, file), 'utf8')).rows.map((row) => row.record)
		: [];
const rows = researchFiles.flatMap((file) => parseResearchCsv(readFileSync(resolve(file), 'utf8')));
const result = importResearch(
	rows,
	previousImport(records('import-log.csv'), records('sources.csv')),
	readDecisions(join(dataDir, 'decisions'))
);
writeFileSync(join(dataDir, 'sources.csv'), formatCsv(sourceColumns, result.sources));
// Translations are curated, not imported: unchanged English keeps its Ukrainian and Russian (see keepTranslations).
const rounds = keepTranslations(result.rounds, records('rounds.csv'), 'summary');
writeFileSync(join(dataDir, 'rounds.csv'), formatCsv(roundColumns, rounds));
const claims = keepTranslations(result.claims, records('claims.csv'), 'counted_detail');
writeFileSync(join(dataDir, 'claims.csv'), formatCsv(claimColumns, claims));
writeFileSync(
	join(dataDir, 'import-log.csv'),
	formatCsv(['research_id', 'claim_id', 'source_id', 'action', 'reason'], result.log)
);
const merged = result.log.filter((entry) => entry.action === 'merged').length;
console.log(
	`imported ${result.log.length} research rows from ${researchFiles.length} files: ${claims.length} claims (${merged} rows merged into an existing statement), ${result.rounds.length} rounds, ${result.sources.length} sources`
);
