// data/decisions/claimant-spellings.csv answers for every Ukrainian and Russian name in data/claimants.csv.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

const rows = (file: string) => parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];
const claimants = rows('data/claimants.csv');
const spellings = rows('data/decisions/claimant-spellings.csv');

describe('data/decisions/claimant-spellings.csv', () => {
	it.each(['uk', 'ru'] as const)(
		'gives each claimant’s %s name exactly as claimants.csv spells it, once',
		(language) => {
			const recorded = spellings
				.filter((row) => row.language === language)
				.map((row) => [row.claimant_id, row.spelling]);
			expect(recorded).toEqual(claimants.map((claimant) => [claimant.id, claimant[`name_${language}`]]));
		}
	);

	it('says for every spelling where it was read, or why no page was', () => {
		const unexplained = spellings.filter(
			(row) => (row.reason ?? '').trim() === '' || (row.read_on !== '' && !/^https?:\/\/\S+$/.test(row.read_on ?? ''))
		);
		expect(unexplained).toEqual([]);
	});
});
