// Benchmarks of the server's slow paths on the real dataset: publishing (a rebuild per approved correction), search, chart PNGs.
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { chartNames } from '../../src/lib/charts/catalog';
import { toMatchExpression } from '../../src/lib/domain/search-text';
import { chartImageSvg } from '../../src/lib/server/chart-images';
import { buildDataset } from '../../src/lib/server/db/build';
import { openDataset } from '../../src/lib/server/db/dataset';
import { namedChart, overviewCharts } from '../../src/lib/server/db/queries/charts';
import { datasetInfo } from '../../src/lib/server/db/queries/rounds';
import { searchDataset } from '../../src/lib/server/db/queries/search';
import { svgToPng } from '../../src/lib/server/images';
import { buildInto, FIXED_TODAY, realDataDir, temporaryDir } from '../helpers/dataset';

const db = openDataset(buildInto(realDataDir));
const outPath = join(temporaryDir(), 'dataset.sqlite');

describe('publishing', () => {
	// What approving or reverting a correction costs: validate data/ with the corrections, write and index a new file.
	bench('build the real dataset', () => {
		const result = buildDataset({ dataDir: realDataDir, outPath, today: FIXED_TODAY });
		if (!result.ok) throw new Error(result.errors.join('\n'));
	});
});

describe('search', () => {
	for (const query of ['Medinsky', '1,200', '23 May 2025', 'UAE mediation 2025']) {
		const match = toMatchExpression(query) ?? '';
		bench(`"${query}"`, () => {
			searchDataset(db, match, { page: 1 });
		});
	}
});

describe('chart images', () => {
	const charts = overviewCharts(db);
	const context = { origin: 'https://example.org', dataset: datasetInfo(db) };
	for (const name of chartNames) {
		const svg = chartImageSvg(namedChart(charts, name), context);
		// Unmemoised: the cost of the first request for a chart after a new dataset version.
		bench(`${name}.png`, () => {
			svgToPng(svg);
		});
	}
});
