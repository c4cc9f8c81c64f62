// A claimant's track record: which of their round figures another side gave alike, differently, for another scope only, or not at all.
import { describe, expect, it } from 'vitest';
import {
	trackRecord,
	trackSummary,
	type TrackClaim,
	type TrackOutcome,
	type TrackRound
} from '../../src/lib/domain/track-record';

const rounds: TrackRound[] = [
	{ id: 'r1', date: '2025-05-23', kind: 'pow_exchange' },
	{ id: 'r2', date: '2025-06-11', kind: 'bodies_repatriation' }
];

const claim = (overrides: Partial<TrackClaim>): TrackClaim => ({
	id: 'own',
	roundId: 'r1',
	claimantId: 'k-kyiv',
	claimantName: 'Kyiv official',
	claimantNameUk: 'Київський посадовець',
	claimantNameRu: 'Киевский чиновник',
	side: 'ukraine',
	statement: 'report',
	counted: 'people_to_ukraine',
	number: 390,
	qualifier: 'exact',
	onlyCopies: false,
	...overrides
});

const moscow = (overrides: Partial<TrackClaim>): TrackClaim =>
	claim({
		id: 'm',
		claimantId: 'k-moscow',
		claimantName: 'Moscow',
		claimantNameUk: 'Москва',
		claimantNameRu: 'Москва',
		side: 'russia',
		...overrides
	});

describe('trackRecord', () => {
	it.each<{ name: string; claims: TrackClaim[]; outcomes: TrackOutcome[] }>([
		{ name: 'the other side gave the same figure', claims: [claim({}), moscow({})], outcomes: ['same'] },
		{
			name: 'a mediator gave the same figure',
			claims: [claim({}), moscow({ side: 'mediator', claimantId: 'k-uae' })],
			outcomes: ['same']
		},
		{
			name: 'the other side gave a different figure',
			claims: [claim({}), moscow({ number: 380 })],
			outcomes: ['different']
		},
		{
			name: 'the same number with another qualifier is a different figure',
			claims: [claim({}), moscow({ qualifier: 'about' })],
			outcomes: ['different']
		},
		{
			name: 'an each-way figure is set against each direction it speaks for',
			claims: [claim({ counted: 'people_each_way' }), moscow({ counted: 'people_to_russia', number: 390 })],
			outcomes: ['none', 'same']
		},
		{
			name: 'a servicemen-only figure is not compared with a figure for everyone',
			claims: [claim({}), moscow({ counted: 'military_to_ukraine', number: 380 })],
			outcomes: ['other_scope']
		},
		{
			name: 'a sum of both directions stands beside a direction, never compared with it',
			claims: [claim({}), moscow({ counted: 'people_both_ways', number: 780 })],
			outcomes: ['other_scope']
		},
		{ name: 'nobody else gave a figure', claims: [claim({})], outcomes: ['none'] },
		{
			name: 'the claimant’s own side is not another side',
			claims: [claim({}), claim({ id: 'x', claimantId: 'k-hq', number: 380 })],
			outcomes: ['none']
		},
		{
			name: 'media are not another side',
			claims: [claim({}), moscow({ side: 'independent', number: 380 })],
			outcomes: ['none']
		},
		{
			name: 'a figure known only from copies is not compared',
			claims: [claim({}), moscow({ onlyCopies: true })],
			outcomes: ['none']
		},
		{
			name: 'an offer is not a report of the round',
			claims: [claim({}), moscow({ statement: 'offer' })],
			outcomes: ['none']
		},
		{
			name: 'another round’s figure is not compared',
			claims: [claim({}), moscow({ roundId: 'r2' })],
			outcomes: ['none']
		},
		{
			name: 'bodies are compared with bodies only',
			claims: [
				claim({ roundId: 'r2', counted: 'bodies_to_ukraine' }),
				moscow({ roundId: 'r2', counted: 'people_to_ukraine' })
			],
			outcomes: ['none']
		},
		{
			name: 'one same figure among different ones makes the figure the same',
			claims: [claim({}), moscow({ number: 380 }), moscow({ id: 'u', side: 'mediator', claimantId: 'k-uae' })],
			outcomes: ['same']
		},
		{
			name: 'a statement without a figure makes no row',
			claims: [claim({ number: null, qualifier: null })],
			outcomes: []
		},
		{
			name: 'a statement outside rounds makes no row',
			claims: [claim({ roundId: null, statement: 'allegation' })],
			outcomes: []
		}
	])('$name', ({ claims, outcomes }) => {
		expect(trackRecord('k-kyiv', claims, rounds).map((row) => row.outcome)).toEqual(outcomes);
	});

	it('lists the other figures, the same first, and for another scope what was given instead', () => {
		const [row] = trackRecord(
			'k-kyiv',
			[claim({}), moscow({ number: 380 }), moscow({ id: 'u', side: 'mediator' })],
			rounds
		);
		expect(row?.compared.map((other) => [other.claimId, other.same])).toEqual([
			['u', true],
			['m', false]
		]);
		const [scoped] = trackRecord(
			'k-kyiv',
			[claim({}), moscow({ counted: 'military_to_ukraine', number: 380 })],
			rounds
		);
		expect(scoped?.otherScope.map((other) => [other.number, other.scope])).toEqual([[380, 'military']]);
	});

	it('lists the newest round first and counts outcomes and rounds', () => {
		const rows = trackRecord(
			'k-kyiv',
			[claim({}), moscow({}), claim({ id: 'b', roundId: 'r2', counted: 'bodies_to_ukraine', number: 1200 })],
			rounds
		);
		expect(rows.map((row) => row.round.id)).toEqual(['r2', 'r1']);
		expect(trackSummary(rows)).toEqual({ outcomes: { same: 1, different: 0, other_scope: 0, none: 1 }, rounds: 2 });
	});
});
