// A party's figure in words: its derivation beside it, and a figure for one part of the day's returns said once.
import { describe, expect, it } from 'vitest';
import type { PartyFigure } from '../../src/lib/domain/round-figures';
import { partyFigureText } from '../../src/lib/format/figures';

const component = (
	scope: 'all' | 'military' | 'civilians',
	number: number,
	part?: 'in_exchange' | 'outside_exchange'
) => ({
	scope,
	number,
	qualifier: 'exact' as const,
	claimIds: ['c1'],
	...(part ? { part } : {})
});

describe('partyFigureText', () => {
	it.each<[string, PartyFigure, string]>([
		[
			'a stated figure for everyone',
			{
				number: 197,
				qualifier: 'exact',
				varies: false,
				scope: 'all',
				derivation: 'stated',
				components: [component('all', 197)],
				claimIds: ['c1']
			},
			'197, as Kyiv reported'
		],
		[
			'servicemen and civilians added up',
			{
				number: 12,
				qualifier: 'exact',
				varies: false,
				scope: 'all',
				derivation: 'sum',
				components: [component('military', 10), component('civilians', 2)],
				claimIds: ['c1']
			},
			'12 (10 servicemen + 2 civilians), as Kyiv reported'
		],
		[
			'two parts of the day added up',
			{
				number: 197,
				qualifier: 'exact',
				varies: false,
				scope: 'all',
				derivation: 'sum',
				components: [component('all', 175, 'in_exchange'), component('military', 22, 'outside_exchange')],
				claimIds: ['c1']
			},
			'197 (175 in the exchange + 22 servicemen outside the exchange), as Kyiv reported'
		],
		[
			'one part alone, its number said once',
			{
				number: 31,
				qualifier: 'exact',
				varies: false,
				scope: 'military',
				part: 'outside_exchange',
				derivation: 'stated',
				components: [component('military', 31, 'outside_exchange')],
				claimIds: ['c1']
			},
			'31 servicemen outside the exchange, as Kyiv reported'
		]
	])('%s', (_case, figure, text) => {
		expect(partyFigureText(figure, 'Kyiv')).toBe(text);
	});
});
