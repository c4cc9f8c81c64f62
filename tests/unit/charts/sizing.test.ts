// A chart's height and tick density as functions of its layout width: the rules, table by table.
import { describe, expect, it } from 'vitest';
import { FONT_SIZE } from '../../../src/lib/charts/chart-utils';
import { cumulativeSize } from '../../../src/lib/charts/cumulative';
import { discrepancySize } from '../../../src/lib/charts/discrepancies';
import {
	chartHeight,
	CUMULATIVE_HEIGHT,
	horizontalTickCount,
	LAYOUT_WIDTHS,
	TIMELINE_HEIGHT,
	variantOf,
	verticalTickCount
} from '../../../src/lib/charts/sizing';
import { timelineSize } from '../../../src/lib/charts/timeline';

describe('variantOf', () => {
	it.each([
		[320, 'narrow'],
		[340, 'narrow'],
		[375, 'narrow'],
		[479, 'narrow'],
		[480, 'wide'],
		[680, 'wide'],
		[1280, 'wide']
	] as const)('%i units: %s', (width, variant) => {
		expect(variantOf(width)).toBe(variant);
	});
});

describe('chartHeight', () => {
	it.each([
		['timeline', TIMELINE_HEIGHT, 320, 300],
		['timeline', TIMELINE_HEIGHT, 340, 300],
		['timeline', TIMELINE_HEIGHT, 375, 300],
		['timeline', TIMELINE_HEIGHT, 680, 340],
		['timeline', TIMELINE_HEIGHT, 760, 380],
		['timeline', TIMELINE_HEIGHT, 1280, 420],
		['cumulative', CUMULATIVE_HEIGHT, 320, 340],
		['cumulative', CUMULATIVE_HEIGHT, 375, 340],
		['cumulative', CUMULATIVE_HEIGHT, 680, 360],
		['cumulative', CUMULATIVE_HEIGHT, 800, 424],
		['cumulative', CUMULATIVE_HEIGHT, 1280, 440]
	] as const)('%s at %i units is %i tall', (_, rule, width, height) => {
		expect(chartHeight(width, rule)).toBe(height);
	});

	it('never shrinks as the width grows', () => {
		for (const rule of [TIMELINE_HEIGHT, CUMULATIVE_HEIGHT]) {
			const heights = [200, 320, 375, 500, 680, 900, 1280, 2000].map((width) => chartHeight(width, rule));
			expect(heights).toEqual([...heights].sort((a, b) => a - b));
		}
	});
});

describe('verticalTickCount', () => {
	it.each([
		[20, 40, 1, 1],
		[79, 40, 1, 1],
		[80, 40, 1, 2],
		[318, 50, 2, 6],
		[298, 50, 2, 5],
		[60, 50, 2, 2]
	])('%i units, a tick every %i, at least %i: %i', (length, spacing, least, count) => {
		expect(verticalTickCount(length, spacing, least)).toBe(count);
	});
});

describe('horizontalTickCount', () => {
	it.each([
		// The narrow discrepancy axis (340 - 78 - 14) with figures in the thousands: four labels, not seven.
		[248, 1500, 12, 3],
		// The wide one (680 - 84 - 176).
		[420, 1500, 13, 5],
		// A round page's dot chart, narrow and wide.
		[312, 1000, 12, 4],
		[534, 1000, 12, 5],
		// Small figures leave room for more labels, but never more than five; a tiny axis still gets two.
		[534, 50, 12, 5],
		[60, 100000, 12, 2]
	])('%i units for figures up to %i at %i units: %i', (length, largest, fontSize, count) => {
		expect(horizontalTickCount(length, largest, fontSize)).toBe(count);
	});
});

describe('the charts take their sizes from their width', () => {
	it.each([320, 340, 375, 680, 1280])('at %i units', (width) => {
		const variant = variantOf(width);
		expect(timelineSize(width)).toMatchObject({
			width,
			variant,
			height: chartHeight(width, TIMELINE_HEIGHT),
			fontSize: FONT_SIZE[variant]
		});
		expect(cumulativeSize(width)).toMatchObject({ width, variant, height: chartHeight(width, CUMULATIVE_HEIGHT) });
		expect(discrepancySize(width)).toMatchObject({
			width,
			variant,
			labelPlacement: variant === 'wide' ? 'left' : 'above'
		});
	});

	it('lays the pages and the images out at 340 and 680 units', () => {
		expect(LAYOUT_WIDTHS).toEqual({ wide: 680, narrow: 340 });
		expect(timelineSize(680).height).toBe(340);
		expect(timelineSize(340).height).toBe(300);
	});
});
