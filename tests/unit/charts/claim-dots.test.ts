// The round page's dot chart: a label wider than the chart is wrapped, never written past its edges.
import { describe, expect, it } from 'vitest';
import { estimateTextWidth } from '../../../src/lib/charts/chart-utils';
import { CLAIM_DOTS_FONT_SIZE, wrapLabel } from '../../../src/lib/charts/claim-dots';

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
