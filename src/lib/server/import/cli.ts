// Command line for the research import: `npm run data:import-research -- [--force]` re-imports the research files
// listed in `researchFiles`, keeping every id an earlier import gave (read from data/import-log.csv and data/sources.csv).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatCsv, parseCsv } from '../csv';
import { claimColumns } from '../../schemas/claim';
import { roundColumns } from '../../schemas/round';
import { sourceColumns } from '../../schemas/source';
import { readDecisions } from './decisions';
import { importResearch, parseResearchCsv, previousImport, researchFiles } from './research';

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
// Translations are curated, not imported: a round keeps its Ukrainian and Russian summaries while its English one is
// unchanged; a changed summary gets none, and the build then asks for them.
const translated = new Map(records('rounds.csv').map((round) => [round.id, round]));
const rounds = result.rounds.map((round) => {
	const before = translated.get(round.id ?? '');
	return before && before.summary === round.summary
		? { ...round, summary_uk: before.summary_uk ?? '', summary_ru: before.summary_ru ?? '' }
		: round;
});
writeFileSync(join(dataDir, 'rounds.csv'), formatCsv(roundColumns, rounds));
writeFileSync(join(dataDir, 'claims.csv'), formatCsv(claimColumns, result.claims));
writeFileSync(
	join(dataDir, 'import-log.csv'),
	formatCsv(['research_id', 'claim_id', 'source_id', 'action', 'reason'], result.log)
);
const merged = result.log.filter((entry) => entry.action === 'merged').length;
console.log(
	`imported ${result.log.length} research rows from ${researchFiles.length} files: ${result.claims.length} claims (${merged} rows merged into an existing statement), ${result.rounds.length} rounds, ${result.sources.length} sources`
);
