// Which claims make a round's headline figures, and how each party's own figure is chosen.
import { describe, expect, it } from 'vitest';
import { partyFigure, roundFigures, type ClaimFigure } from '../../src/lib/domain/round-figures';

const claim = (overrides: Partial<ClaimFigure>): ClaimFigure => ({
	id: 'c',
	claimant: 'Someone',
	claimantSide: 'ukraine',
	statement: 'report',
	counted: 'people_to_ukraine',
	number: 100,
	qualifier: 'exact',
	...overrides
});

describe('roundFigures', () => {
	it.each([
		{
			name: 'an each-way figure counts for both directions',
			claims: [claim({ claimantSide: 'russia', counted: 'people_each_way', number: 390 })],
			expected: { to_ukraine: 'announced', to_russia: 'announced' }
		},
		{
			name: 'an each-way figure corroborates a one-direction figure',
			claims: [
				claim({ number: 390 }),
				claim({ id: 'm', claimantSide: 'russia', counted: 'people_each_way', number: 390 })
			],
			expected: { to_ukraine: 'corroborated', to_russia: 'announced' }
		},
		{
			name: 'offers attached to a round never confirm or dispute it',
			claims: [claim({ number: 108 }), claim({ id: 'o', claimantSide: 'russia', statement: 'offer', number: 110 })],
			expected: { to_ukraine: 'announced', to_russia: 'no_figure' }
		},
		{
			name: 'sub-counts and sums of both directions are not headline figures',
			claims: [
				claim({ counted: 'civilians_to_ukraine', number: 12 }),
				claim({ id: 'm', claimantSide: 'russia', counted: 'military_to_ukraine', number: 150 }),
				claim({ id: 'u', claimantSide: 'mediator', counted: 'people_both_ways', number: 300 })
			],
			expected: { to_ukraine: 'no_figure', to_russia: 'no_figure' }
		}
	])('$name', ({ claims, expected }) => {
		const figures = roundFigures(claims).people;
		expect({
			to_ukraine: figures.to_ukraine.confirmation.status,
			to_russia: figures.to_russia.confirmation.status
		}).toEqual(expected);
	});
});

describe('partyFigure', () => {
	const figure = (number: number, qualifier: 'exact' | 'at_least', side: 'ukraine' | 'russia' = 'ukraine') => ({
		claimId: `${side}-${number}`,
		claimant: 'Someone',
		side,
		number,
		qualifier
	});
	it.each([
		{ name: 'no figure from the party', figures: [figure(5, 'exact', 'russia')], expected: null },
		{
			name: 'one exact figure',
			figures: [figure(206, 'exact')],
			expected: { number: 206, qualifier: 'exact', varies: false }
		},
		{
			name: 'several exact figures: the highest, flagged',
			figures: [figure(206, 'exact'), figure(207, 'exact')],
			expected: { number: 207, qualifier: 'exact', varies: true }
		},
		{
			name: 'an exact figure wins over a bound',
			figures: [figure(300, 'at_least'), figure(206, 'exact')],
			expected: { number: 206, qualifier: 'exact', varies: false }
		},
		{
			name: 'bounds only: the highest bound',
			figures: [figure(300, 'at_least')],
			expected: { number: 300, qualifier: 'at_least', varies: false }
		}
	] as const)('$name', ({ figures, expected }) => {
		expect(partyFigure(figures, 'ukraine')).toEqual(expected);
	});
});
