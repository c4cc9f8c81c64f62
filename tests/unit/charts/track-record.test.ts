// The track-record chart's layout: one bar per outcome on a scale from zero to the largest count.
import { describe, expect, it } from 'vitest';
import { trackRecordLayout } from '../../../src/lib/charts/track-record';

describe('trackRecordLayout', () => {
	it.each([
		{
			name: 'the largest count fills the plot',
			counts: { same: 4, different: 2, other_scope: 1, none: 0 },
			widths: [166, 83, 41.5, 0]
		},
		{
			name: 'no figures at all draws empty bars',
			counts: { same: 0, different: 0, other_scope: 0, none: 0 },
			widths: [0, 0, 0, 0]
		}
	])('$name', ({ counts, widths }) => {
		const layout = trackRecordLayout(counts, 380);
		expect(layout.bars.map((bar) => bar.outcome)).toEqual(['same', 'different', 'other_scope', 'none']);
		expect(layout.bars.map((bar) => bar.width)).toEqual(widths);
		expect(layout.bars.map((bar) => bar.label.text)).toEqual(Object.values(counts).map(String));
		// Rows do not overlap and stay inside the drawing.
		for (const [index, bar] of layout.bars.entries()) {
			expect(bar.y + bar.height).toBeLessThanOrEqual(layout.height);
			if (index > 0) expect(bar.y).toBeGreaterThanOrEqual(layout.bars[index - 1]!.y + layout.bars[index - 1]!.height);
		}
	});
});
