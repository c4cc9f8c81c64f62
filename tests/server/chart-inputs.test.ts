// The charts' stored inputs (chart_rounds): each event exactly as the charts read it of the derived round, in every language.
import { describe, expect, it } from 'vitest';
import { chartRoundOf, type ChartRound } from '../../src/lib/charts/inputs';
import { openDataset } from '../../src/lib/server/db/dataset';
import { listRounds } from '../../src/lib/server/db/queries/rounds';
import { inLocale } from '../../src/lib/server/i18n/locale-scope';
import { buildInto, fixtureDir, realDataDir } from '../helpers/dataset';

const datasets = { real: buildInto(realDataDir), fixture: buildInto(fixtureDir('valid-data')) };

describe.each(Object.entries(datasets))('the %s dataset', (_, path) => {
	it.each(['en', 'uk', 'ru'] as const)('stores every event as the charts read it, for a page in %s', (locale) => {
		const db = openDataset(path);
		const stored = db
			.prepare<[], { input: string }>('SELECT input FROM chart_rounds ORDER BY date DESC, round_id DESC')
			.all()
			.map((row) => JSON.parse(row.input) as ChartRound);
		// The rounds derived in the reader's language (their explanations in it): the stored rows hold none of its words.
		const derived = inLocale(locale, () => listRounds(db));
		const events = derived.filter((round) => round.kind !== 'agreement');
		expect(events.length).toBeGreaterThan(0);
		expect(stored).toEqual(events.map(chartRoundOf));
		db.close();
	});
});
