// Command line for the one-time research import: `npm run data:import-research -- [research.csv] [--force]`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatCsv } from '../csv';
import { claimColumns } from '../../schemas/claim';
import { roundColumns } from '../../schemas/round';
import { sourceColumns } from '../../schemas/source';
import { importResearch, parseResearchCsv } from './research';

const args = process.argv.slice(2);
const force = args.includes('--force');
const researchPath = resolve(args.find((arg) => !arg.startsWith('--')) ?? '../shared/data/reported-figures.csv');
const dataDir = resolve(process.env.DATA_DIR ?? 'data');

if (existsSync(join(dataDir, 'claims.csv')) && !force) {
	console.error(
		`${dataDir}/claims.csv exists: the import would overwrite curated data. Pass --force to rebuild it from ${researchPath}.`
	);
	process.exit(1);
}

const result = importResearch(parseResearchCsv(readFileSync(researchPath, 'utf8')));
writeFileSync(join(dataDir, 'sources.csv'), formatCsv(sourceColumns, result.sources));
writeFileSync(join(dataDir, 'rounds.csv'), formatCsv(roundColumns, result.rounds));
writeFileSync(join(dataDir, 'claims.csv'), formatCsv(claimColumns, result.claims));
writeFileSync(
	join(dataDir, 'import-log.csv'),
	formatCsv(['research_id', 'claim_id', 'source_id', 'action', 'reason'], result.log)
);
const merged = result.log.filter((entry) => entry.action === 'merged').length;
console.log(
	`imported ${result.log.length} research rows: ${result.claims.length} claims (${merged} rows merged into an existing statement), ${result.rounds.length} rounds, ${result.sources.length} sources`
);
