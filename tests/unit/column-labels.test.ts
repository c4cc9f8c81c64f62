// Column labels for stacked tables: one custom property per labelled column, and text that can never end the string.
import { describe, expect, it } from 'vitest';
import { columnLabels } from '../../src/lib/format/column-labels';

describe('columnLabels', () => {
	it.each([
		{ labels: [], expected: '' },
		{ labels: ['Date'], expected: '--c1:"Date"' },
		{ labels: [null, 'Kyiv', 'Moscow'], expected: '--c2:"Kyiv";--c3:"Moscow"' },
		{ labels: ['Status', null], expected: '--c1:"Status"' },
		{ labels: ['Say "hi"'], expected: '--c1:"Say \\"hi\\""' },
		{ labels: ['a\\b'], expected: '--c1:"a\\\\b"' },
		{ labels: ['two\nlines;x'], expected: '--c1:"two lines;x"' }
	])('$labels gives $expected', ({ labels, expected }) => {
		expect(columnLabels(labels)).toBe(expected);
	});
});
