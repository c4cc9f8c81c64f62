// The round page's dot chart: what each dot's label says a figure counts, and a label wider than the chart wrapped.
import { describe, expect, it } from 'vitest';
import { estimateTextWidth } from '../../../src/lib/charts/chart-utils';
import { CLAIM_DOTS_FONT_SIZE, scopeWord, wrapLabel } from '../../../src/lib/charts/claim-dots';
import type { StatedFigure } from '../../../src/lib/domain/confirmation';

describe('wrapLabel', () => {
	it.each([
		['a label that fits stays on one line', 'Kyiv', '150 (servicemen)', 340, ['Kyiv 150 (servicemen)']],
		[
			'a long speaker: the figure on its own line',
			'анонімне джерело (за даними EAN)',
			'23 (військовослужбовці)',
			340,
			['анонімне джерело (за даними EAN)', '23 (військовослужбовці)']
		],
		[
			'a speaker wider than the chart: the words wrapped, the figure after them where it fits',
			'UPI summary of Ukrainian intelligence and Pushilin statements',
			'144 (everyone)',
			340,
			['UPI summary of Ukrainian intelligence and', 'Pushilin statements 144 (everyone)']
		],
		[
			'a narrow chart wraps word by word',
			'Russian Ministry of Defence',
			'40 (everyone)',
			120,
			['Russian Ministry', 'of Defence', '40 (everyone)']
		]
	])('%s', (_case, speaker, shown, width, lines) => {
		const wrapped = wrapLabel(speaker, shown, width);
		expect(wrapped).toEqual(lines);
		for (const line of wrapped) expect(estimateTextWidth(line, CLAIM_DOTS_FONT_SIZE)).toBeLessThanOrEqual(width);
	});
});

describe('scopeWord', () => {
	const figure = (scope: StatedFigure['scope'], part?: StatedFigure['part']): StatedFigure => ({
		claimId: 'c1',
		claimant: 'Kyiv',
		claimantNameUk: 'Київ',
		claimantNameRu: 'Киев',
		side: 'ukraine',
		number: 1,
		qualifier: 'exact',
		scope,
		...(part ? { part } : {})
	});
	it.each([
		['everyone', figure('all'), 'everyone'],
		['servicemen', figure('military'), 'servicemen'],
		['a whole marked as such', figure('all', 'whole'), 'everyone'],
		['a part in the exchange is never "everyone"', figure('all', 'in_exchange'), 'in the exchange'],
		['servicemen outside the exchange', figure('military', 'outside_exchange'), 'servicemen, outside the exchange']
	])('%s', (_case, stated, words) => {
		expect(scopeWord(stated)).toBe(words);
	});
});
