// The methodology page stays true of the data: the counts it gives in its known gaps are the data's own.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

const messages = JSON.parse(readFileSync('src/lib/i18n/messages/en.json', 'utf8')) as Record<string, string>;
const rounds = parse(readFileSync('data/rounds.csv', 'utf8'), { columns: true }) as { kyiv_exchange_number: string }[];

describe("the methodology's known gaps", () => {
	it("count Kyiv's exchange numbers on record, and the highest, as the data has them", () => {
		const numbers = new Set(
			rounds
				.map((round) => round.kyiv_exchange_number)
				.filter(Boolean)
				.map(Number)
		);
		const stated = messages.method_gaps_4?.match(/known for (\d+) of its exchanges 1–(\d+)/);
		expect(stated?.slice(1).map(Number)).toEqual([numbers.size, Math.max(...numbers)]);
	});

	it('say corrections can be suggested on the site, not that a form is still to come', () => {
		expect(messages.method_corrections_text).not.toMatch(/being built|until it exists/);
		expect(messages.method_corrections_text).toContain('Suggest a correction');
		expect(messages.record_suggest_link).toBe('Suggest a correction');
	});
});
