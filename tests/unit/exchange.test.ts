// The exchange package: reading it from form cells, checking it with the dataset's schemas, and the ids it gets.
import { describe, expect, it } from 'vitest';
import { checkPackage, packageFromCells } from '../../src/lib/schemas/exchange';
import { assignIds, claimantSlug } from '../../src/lib/server/corrections/exchange';

const valid: Record<string, string> = {
	'round.date': '2026-05-20',
	'round.kind': 'pow_exchange',
	'round.summary': 'Prisoner exchange.',
	'round.summary_uk': 'Обмін полоненими.',
	'round.summary_ru': 'Обмен пленными.',
	's1.claimant': 'Volodymyr Zelensky',
	's1.claimant_side': 'ukraine',
	's1.stated_on': '2026-05-20',
	's1.counted': 'people_to_ukraine',
	's1.counted_detail': 'people returned home',
	's1.counted_detail_uk': 'люди, що повернулися додому',
	's1.counted_detail_ru': 'люди, вернувшиеся домой',
	's1.number': '205',
	's1.qualifier': 'exact',
	's1.source.url': 'https://example.org/kyiv',
	's1.source.outlet': 'Example Kyiv',
	's1.source.kind': 'official_statement',
	's1.source.language': 'uk',
	's1.source.reliability': 'claimant_channel'
};

/** A claimant not on record, with their name in Ukrainian and Russian (the statement gives the English one). */
const newClaimant = {
	's1.claimant.new': 'yes',
	's1.claimant.name_uk': 'Володимир Зеленський',
	's1.claimant.name_ru': 'Владимир Зеленский'
};
const ombudsman = {
	's1.claimant.role': 'Ombudsman',
	's1.claimant.role_uk': 'Омбудсман',
	's1.claimant.role_ru': 'Омбудсмен'
};

describe('checkPackage', () => {
	it.each([
		['a valid package', {}, {}],
		['a missing date', { 'round.date': '' }, { 'round.date': 'This field is required.' }],
		['an impossible date', { 'round.date': '2026-02-30' }, { 'round.date': 'not a real calendar date' }],
		[
			'an unknown kind',
			{ 'round.kind': 'swap' },
			{ 'round.kind': 'expected one of: pow_exchange, bodies_repatriation, civilian_release, agreement' }
		],
		[
			'Kyiv number not a number',
			{ 'round.kyiv_exchange_number': 'x' },
			{ 'round.kyiv_exchange_number': 'expected a positive whole number' }
		],
		['a figure without qualifier', { 's1.qualifier': '' }, { 's1.qualifier': 'a number needs a qualifier' }],
		[
			'a figure in words',
			{ 's1.number': 'ten' },
			{ 's1.number': 'expected a non-negative whole number written in digits' }
		],
		[
			'a page that is not a web address',
			{ 's1.source.url': 'ftp://x' },
			{ 's1.source.url': 'expected an absolute http(s) URL' }
		],
		[
			'every problem at once',
			{ 'round.summary': '', 's1.claimant': '', 's1.source.language': 'Ukrainian' },
			{
				'round.summary': 'This field is required.',
				's1.claimant': 'This field is required.',
				's1.source.language': 'expected an ISO 639-1 language code such as en, uk, ru'
			}
		],
		[
			'a second statement with problems of its own',
			{ 's2.claimant': 'Russian MoD', 's2.number': '205' },
			{
				's2.claimant_side': 'This field is required.',
				's2.stated_on': 'This field is required.',
				's2.counted': 'This field is required.',
				's2.counted_detail': 'This field is required.',
				's2.counted_detail_uk': 'This field is required.',
				's2.counted_detail_ru': 'This field is required.',
				's2.qualifier': 'a number needs a qualifier',
				's2.source.url': 'This field is required.',
				's2.source.outlet': 'This field is required.',
				's2.source.kind': 'This field is required.',
				's2.source.language': 'This field is required.',
				's2.source.reliability': 'This field is required.'
			}
		],
		[
			'a statement whose count is not translated into Russian',
			{ 's1.counted_detail_ru': '' },
			{ 's1.counted_detail_ru': 'This field is required.' }
		],
		['a new claimant with a role', { ...newClaimant, ...ombudsman }, {}],
		[
			'a new claimant without a Ukrainian name',
			{ ...newClaimant, 's1.claimant.name_uk': '' },
			{ 's1.claimant.name_uk': 'This field is required.' }
		],
		[
			'a new claimant whose role is not translated',
			{ ...newClaimant, 's1.claimant.role': 'Ombudsman', 's1.claimant.role_uk': 'Омбудсман' },
			{ 's1.claimant.role_ru': 'role_ru is required when role is given: the role in Russian' }
		],
		[
			'a translated role without the English one',
			{ ...newClaimant, 's1.claimant.organisation_ru': 'Аппарат' },
			{
				's1.claimant.organisation_ru':
					'organisation_ru is given but organisation is empty: translate the English organisation, or clear both'
			}
		],
		[
			'a new claimant without a side',
			{ ...newClaimant, 's1.claimant_side': '' },
			{ 's1.claimant_side': 'This field is required.' }
		],
		[
			'a "new" choice that is neither yes nor empty',
			{ 's1.claimant.new': 'maybe' },
			{ 's1.claimant.new': 'Choose whether the claimant is new.' }
		],
		[
			'a new claimant with an overlong organisation',
			{
				...newClaimant,
				's1.claimant.organisation': 'x'.repeat(2001),
				's1.claimant.organisation_uk': 'x',
				's1.claimant.organisation_ru': 'x'
			},
			{ 's1.claimant.organisation': 'At most 2000 characters.' }
		]
	])('%s', (_name, overrides: Record<string, string>, expected) => {
		expect(checkPackage(packageFromCells({ ...valid, ...overrides }))).toEqual(expected);
	});

	it('asks for a statement when there is none, and drops a statement left blank', () => {
		const roundOnly = Object.fromEntries(Object.entries(valid).filter(([key]) => key.startsWith('round.')));
		expect(checkPackage(packageFromCells(roundOnly))).toHaveProperty('statements');
		const withBlank = packageFromCells({ ...valid, 's2.claimant': '', 's2.source.url': '' });
		expect(withBlank.statements).toHaveLength(1);
	});

	it('renumbers statements in order', () => {
		const moved = Object.fromEntries(Object.entries(valid).map(([key, cell]) => [key.replace(/^s1\./, 's3.'), cell]));
		expect(packageFromCells(moved).statements[0]?.claim.claimant).toBe('Volodymyr Zelensky');
	});
});

describe('assignIds', () => {
	const pkg = (cells: Record<string, string>) => packageFromCells({ ...valid, ...cells });
	const second = {
		's2.claimant': 'Russian Ministry of Defence',
		's2.source.url': 'https://example.org/moscow'
	};
	it.each([
		{
			name: 'the round by date and kind; claims and sources after the highest ids, removed ones included',
			cells: second,
			taken: { rounds: [], claims: ['c0001', 'c0712', 'c0714'], sources: ['s0566', 's0570'], claimants: [] },
			published: {},
			expected: { round: '2026-05-20-exchange', claims: ['c0715', 'c0716'], sources: ['s0571', 's0572'] }
		},
		{
			name: 'a taken round id gets -2, then -3',
			cells: { 'round.kind': 'bodies_repatriation' },
			taken: { rounds: ['2026-05-20-bodies', '2026-05-20-bodies-2'], claims: [], sources: [], claimants: [] },
			published: {},
			expected: { round: '2026-05-20-bodies-3', claims: ['c0001'], sources: ['s0001'] }
		},
		{
			name: 'a page already published keeps its source; one page cited twice is one source',
			cells: {
				...second,
				's2.source.url': 'https://example.org/kyiv',
				's3.claimant': 'x',
				's3.source.url': 'https://example.org/known'
			},
			taken: { rounds: [], claims: ['c9'], sources: ['s0009'], claimants: [] },
			published: { 'https://example.org/known': 's0003' },
			expected: {
				round: '2026-05-20-exchange',
				claims: ['c0010', 'c0011', 'c0012'],
				sources: ['s0010', 's0010', 's0003']
			}
		},
		{
			name: 'a new claimant gets k-<slug>, after taken and removed ids; one new name given twice is one claimant',
			cells: {
				...second,
				's1.claimant': 'Dmytro Lubinets',
				's1.claimant.new': 'yes',
				's2.claimant': 'dmytro  LUBINETS',
				's2.claimant.new': 'yes',
				's3.claimant': 'Ольга Петренко',
				's3.claimant.new': 'yes',
				's3.source.url': 'https://example.org/third'
			},
			taken: { rounds: [], claims: [], sources: [], claimants: ['k-dmytro-lubinets', 'k-dmytro-lubinets-2'] },
			published: {},
			expected: {
				round: '2026-05-20-exchange',
				claims: ['c0001', 'c0002', 'c0003'],
				sources: ['s0001', 's0002', 's0003'],
				claimants: ['k-dmytro-lubinets-3', 'k-dmytro-lubinets-3', 'k-claimant'],
				addedClaimants: ['k-dmytro-lubinets-3', 'k-claimant']
			}
		}
	])('$name', ({ cells, taken, published, expected }) => {
		const ids = assignIds(
			pkg(cells as Record<string, string>),
			{
				rounds: new Set(taken.rounds),
				claims: new Set(taken.claims),
				sources: new Set(taken.sources),
				claimants: new Set(taken.claimants)
			},
			(url) => (published as Record<string, string>)[url] ?? null
		);
		const claimantIds = 'claimants' in expected ? { claimants: ids.claimants, addedClaimants: ids.addedClaimants } : {};
		expect({ round: ids.round, claims: ids.claims, sources: ids.sources, ...claimantIds }).toEqual(expected);
		expect(ids.addedSources).toEqual([...new Set(ids.sources)].filter((id) => !Object.values(published).includes(id)));
	});
});

describe('claimantSlug', () => {
	it.each([
		['Dmytro Lubinets', 'k-dmytro-lubinets'],
		['Ombudsman’s Office (Ukraine)', 'k-ombudsman-s-office-ukraine'],
		['Tatyana Moskalkova-Ñ', 'k-tatyana-moskalkova-n'],
		['Ольга Петренко', 'k-claimant']
	])('%s → %s', (name, slug) => {
		expect(claimantSlug(name)).toBe(slug);
	});
});
