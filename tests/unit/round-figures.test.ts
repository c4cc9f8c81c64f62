// Which claims make a round's headline figures, and how each party's own figure is chosen.
import { describe, expect, it } from 'vitest';
import type { FigureScope, StatedFigure } from '../../src/lib/domain/confirmation';
import { partyFigure, roundFigures, sumQualifier, type ClaimFigure } from '../../src/lib/domain/round-figures';
import type { Qualifier } from '../../src/lib/schemas/vocabulary';

const claim = (overrides: Partial<ClaimFigure>): ClaimFigure => ({
	id: 'c',
	claimant: 'Someone',
	claimantNameUk: 'Someone',
	claimantNameRu: 'Someone',
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
			name: 'sub-counts of different scopes are shown, not compared; a sum of both directions is a combined figure',
			claims: [
				claim({ counted: 'civilians_to_ukraine', number: 12 }),
				claim({ id: 'm', claimantSide: 'russia', counted: 'military_to_ukraine', number: 150 }),
				claim({ id: 'u', claimantSide: 'mediator', counted: 'people_both_ways', number: 300 })
			],
			expected: { to_ukraine: 'scope_differs', to_russia: 'combined_only' }
		},
		{
			name: 'servicemen each way match servicemen to one side; civilians from one side only (2 Oct 2025)',
			claims: [
				claim({ id: 'k1', counted: 'military_to_ukraine', number: 185 }),
				claim({ id: 'k2', counted: 'civilians_to_ukraine', number: 20 }),
				claim({ id: 'r1', claimantSide: 'russia', counted: 'military_each_way', number: 185 }),
				claim({ id: 'r2', claimantSide: 'russia', counted: 'civilians_to_russia', number: 20 })
			],
			expected: { to_ukraine: 'partly_confirmed', to_russia: 'announced' }
		}
	])('$name', ({ claims, expected }) => {
		const figures = roundFigures(claims).people;
		expect({
			to_ukraine: figures.to_ukraine.confirmation.status,
			to_russia: figures.to_russia.confirmation.status
		}).toEqual(expected);
	});

	it('never halves a combined figure: it stays combined, and no party figure is made of it', () => {
		const figures = roundFigures([
			claim({ claimantSide: 'mediator', counted: 'people_both_ways', number: 386 })
		]).people;
		for (const direction of ['to_ukraine', 'to_russia'] as const) {
			expect(figures[direction].confirmation.combined.map((figure) => figure.number)).toEqual([386]);
			expect(figures[direction].byParty).toEqual({ ukraine: null, russia: null });
		}
	});
});

describe('partyFigure', () => {
	const figure = (
		number: number,
		qualifier: Qualifier,
		scope: FigureScope = 'all',
		side: 'ukraine' | 'russia' = 'ukraine'
	): StatedFigure => ({
		claimId: `${side}-${scope}-${number}`,
		claimant: 'Someone',
		claimantNameUk: 'Someone',
		claimantNameRu: 'Someone',
		side,
		number,
		qualifier,
		scope
	});
	it.each([
		{ name: 'no figure from the party', figures: [figure(5, 'exact', 'all', 'russia')], expected: null },
		{
			name: 'one exact figure',
			figures: [figure(206, 'exact')],
			expected: { number: 206, qualifier: 'exact', varies: false, scope: 'all', derivation: 'stated' }
		},
		{
			name: 'several exact figures: the highest, flagged',
			figures: [figure(206, 'exact'), figure(207, 'exact')],
			expected: { number: 207, qualifier: 'exact', varies: true, scope: 'all', derivation: 'stated' }
		},
		{
			name: 'an exact figure wins over a bound',
			figures: [figure(300, 'at_least'), figure(206, 'exact')],
			expected: { number: 206, qualifier: 'exact', varies: false, scope: 'all', derivation: 'stated' }
		},
		{
			name: 'bounds only: the highest bound',
			figures: [figure(300, 'at_least')],
			expected: { number: 300, qualifier: 'at_least', varies: false, scope: 'all', derivation: 'stated' }
		},
		{
			name: 'servicemen and civilians: their sum, for everyone',
			figures: [figure(185, 'exact', 'military'), figure(20, 'exact', 'civilians')],
			expected: { number: 205, qualifier: 'exact', varies: false, scope: 'all', derivation: 'sum' }
		},
		{
			name: 'a figure for everyone wins over the sum of sub-counts',
			figures: [figure(189, 'exact'), figure(187, 'exact', 'military'), figure(2, 'exact', 'civilians')],
			expected: { number: 189, qualifier: 'exact', varies: false, scope: 'all', derivation: 'stated' }
		},
		{
			name: 'servicemen only: the sub-count, named as such',
			figures: [figure(185, 'exact', 'military')],
			expected: { number: 185, qualifier: 'exact', varies: false, scope: 'military', derivation: 'stated' }
		},
		{
			name: 'civilians only',
			figures: [figure(3, 'exact', 'civilians')],
			expected: { number: 3, qualifier: 'exact', varies: false, scope: 'civilians', derivation: 'stated' }
		},
		{
			name: 'a bound in a component makes the sum a bound',
			figures: [figure(180, 'more_than', 'military'), figure(20, 'exact', 'civilians')],
			expected: { number: 200, qualifier: 'more_than', varies: false, scope: 'all', derivation: 'sum' }
		},
		{
			name: 'about and exact add up to about',
			figures: [figure(180, 'about', 'military'), figure(20, 'exact', 'civilians')],
			expected: { number: 200, qualifier: 'about', varies: false, scope: 'all', derivation: 'sum' }
		},
		{
			name: 'bounds in opposite directions cannot be added: the servicemen figure alone',
			figures: [figure(180, 'at_least', 'military'), figure(20, 'up_to', 'civilians')],
			expected: { number: 180, qualifier: 'at_least', varies: false, scope: 'military', derivation: 'stated' }
		},
		{
			name: 'a part inside the exchange and a part outside it: their sum, for everyone',
			figures: [
				{ ...figure(175, 'exact'), part: 'in_exchange' },
				{ ...figure(22, 'exact', 'military'), part: 'outside_exchange' }
			],
			expected: { number: 197, qualifier: 'exact', varies: false, scope: 'all', derivation: 'sum' }
		},
		{
			name: 'a figure for everyone wins over the sum of parts',
			figures: [
				figure(200, 'exact'),
				{ ...figure(175, 'exact'), part: 'in_exchange' },
				{ ...figure(22, 'exact', 'military'), part: 'outside_exchange' }
			],
			expected: { number: 200, qualifier: 'exact', varies: false, scope: 'all', derivation: 'stated' }
		},
		{
			name: 'a part alone is never the figure for everyone: it is named with its part',
			figures: [{ ...figure(175, 'exact'), part: 'in_exchange' }],
			expected: {
				number: 175,
				qualifier: 'exact',
				varies: false,
				scope: 'all',
				derivation: 'stated',
				part: 'in_exchange'
			}
		},
		{
			name: 'a component given twice differently: the highest, and the sum is flagged',
			figures: [figure(184, 'exact', 'military'), figure(185, 'exact', 'military'), figure(20, 'exact', 'civilians')],
			expected: { number: 205, qualifier: 'exact', varies: true, scope: 'all', derivation: 'sum' }
		}
	] as const)('$name', ({ figures, expected }) => {
		const result = partyFigure(figures, 'ukraine');
		expect(
			result && {
				number: result.number,
				qualifier: result.qualifier,
				varies: result.varies,
				scope: result.scope,
				derivation: result.derivation,
				...(result.part ? { part: result.part } : {})
			}
		).toEqual(expected);
	});

	it('names every claim a sum rests on, component by component', () => {
		const result = partyFigure([figure(185, 'exact', 'military'), figure(20, 'exact', 'civilians')], 'ukraine');
		expect(result?.claimIds).toEqual(['ukraine-military-185', 'ukraine-civilians-20']);
		expect(result?.components.map((component) => [component.scope, component.number])).toEqual([
			['military', 185],
			['civilians', 20]
		]);
	});
});

describe('sumQualifier', () => {
	it.each([
		['exact', 'exact', 'exact'],
		['exact', 'at_least', 'at_least'],
		['more_than', 'exact', 'more_than'],
		['at_least', 'more_than', 'more_than'],
		['about', 'exact', 'about'],
		['about', 'about', 'about'],
		['up_to', 'exact', 'up_to'],
		['at_least', 'up_to', null],
		['about', 'at_least', null]
	] as const)('%s + %s -> %s', (a, b, expected) => {
		expect(sumQualifier(a, b)).toBe(expected);
	});
});
