// Withholding prisoners' names in free text, with made-up names so that the test publishes none.
import { describe, expect, it } from 'vitest';
import {
	containsWithheldName,
	digest,
	NAME_WITHHELD,
	withholdNames
} from '../../src/lib/server/privacy/withheld-names';

const digests = new Set([digest(['jane', 'example']), digest(['example']), digest(['john', 'quincy', 'sample'])]);

describe('withholdNames', () => {
	it.each([
		{ text: 'Activist Jane Example was freed', expected: `Activist ${NAME_WITHHELD} was freed` },
		{ text: "after Example's release", expected: `after ${NAME_WITHHELD}'s release` },
		{ text: '(mayor Jane Example)', expected: `(mayor ${NAME_WITHHELD})` },
		{ text: 'volunteer John Quincy Sample,  returned', expected: `volunteer ${NAME_WITHHELD},  returned` },
		{ text: 'Examples of swaps', expected: 'Examples of swaps' },
		{ text: 'Jane Doe and Example', expected: `Jane Doe and ${NAME_WITHHELD}` },
		{ text: '', expected: '' }
	])('$text', ({ text, expected }) => {
		expect(withholdNames(text, digests)).toBe(expected);
		expect(containsWithheldName(text, digests)).toBe(expected !== text);
		expect(containsWithheldName(expected, digests)).toBe(false);
	});

	it('withholds nothing in the published dataset text', async () => {
		const { readFileSync } = await import('node:fs');
		for (const file of ['data/claims.csv', 'data/rounds.csv', 'data/sources.csv']) {
			const text = readFileSync(file, 'utf8');
			expect(containsWithheldName(text), file).toBe(false);
		}
	});
});
