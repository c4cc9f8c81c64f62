// Statements outside rounds read from a fixture dataset: the record's sums, support, answers and the rounds page lookups.
import { describe, expect, it } from 'vitest';
import { openDataset } from '../../src/lib/server/db/dataset';
import { claimsOfRound, claimsOfSource, getSource, listSources } from '../../src/lib/server/db/queries/claims';
import { neighboursOf, stagesOf } from '../../src/lib/server/db/queries/rounds';
import { listStatements, statementContext, statementsNear } from '../../src/lib/server/db/queries/statements';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildInto, fixtureDir, temporaryDir } from '../helpers/dataset';

const db = openDataset(buildInto(fixtureDir('valid-data')));

describe('statements outside rounds', () => {
	it('lists running totals, offers, allegations and rebuttals, newest first, with support and answers', () => {
		const list = listStatements(db).map(({ id, statement, unverified, responseCount }) => ({
			id,
			statement,
			unverified,
			responseCount
		}));
		expect(list).toEqual([
			{ id: 'c12', statement: 'rebuttal', unverified: false, responseCount: 0 },
			{ id: 'c11', statement: 'allegation', unverified: true, responseCount: 1 },
			{ id: 'c10', statement: 'running_total', unverified: true, responseCount: 0 },
			{ id: 'c4', statement: 'offer', unverified: true, responseCount: 0 }
		]);
	});

	it('sets an allegation beside its answer, and a rebuttal beside what it answers', () => {
		const allegation = statementContext(db, 'c11');
		expect(allegation?.unverified).toBe(true);
		expect(allegation?.responses.map((claim) => claim.id)).toEqual(['c12']);
		expect(statementContext(db, 'c12')?.answers?.id).toBe('c11');
	});

	it('sets a running total beside the sums of the rounds up to its date', () => {
		const total = statementContext(db, 'c10');
		expect(total?.sums).toMatchObject({ upTo: '2025-05-25', population: 'people', mediator: null, rounds: 3 });
		expect(total?.sums?.toUkraine.byParty.ukraine).toEqual({ sum: 189 + 390 + 307, rounds: 3 });
	});

	it('finds statements made within three days of a round', () => {
		expect(statementsNear(db, '2025-05-24').map((claim) => claim.id)).toEqual(['c10']);
		expect(statementContext(db, 'nope')).toBeNull();
	});
});

describe('claims and sources', () => {
	it('gives each claim its sources in order', () => {
		const claims = claimsOfRound(db, '2024-12-30-exchange');
		expect(claims.map((claim) => [claim.id, claim.sources.map((source) => source.id)])).toEqual([
			['c2', ['s-moscow']],
			['c3', ['s-uae']],
			['c1', ['s-kyiv']]
		]);
	});

	it('lists sources with the number of claims each supports', () => {
		expect(listSources(db).map((source) => [source.id, source.claimCount])).toEqual([
			['s-uae', 2],
			['s-kyiv', 7],
			['s-moscow', 3]
		]);
		expect(getSource(db, 's-moscow')?.archiveUrl).toBe('https://archive.example.org/moscow');
		expect(claimsOfSource(db, 's-uae').map((claim) => claim.id)).toEqual(['c3', 'c8']);
	});
});

describe('sources that are copies', () => {
	// The fixture with the Moscow wire's page marked as a copy whose original was not found.
	const dir = temporaryDir();
	cpSync(fixtureDir('valid-data'), dir, { recursive: true });
	const sourcesPath = join(dir, 'sources.csv');
	writeFileSync(
		sourcesPath,
		readFileSync(sourcesPath, 'utf8').replace(
			'https://archive.example.org/moscow,other_outlet,',
			'https://archive.example.org/moscow,copy,A re-post; no original was found.'
		)
	);
	const copies = openDataset(buildInto(dir));

	it('says which claims rest only on copies, and gives each source its reliability and note', () => {
		const onlyCopies = (id: string) =>
			claimsOfRound(copies, '2024-12-30-exchange').find((claim) => claim.id === id)?.onlyCopies;
		expect([onlyCopies('c2'), onlyCopies('c1'), onlyCopies('c3')]).toEqual([true, false, false]);
		expect(getSource(copies, 's-moscow')).toMatchObject({
			reliability: 'copy',
			note: 'A re-post; no original was found.'
		});
		expect(getSource(db, 's-uae')).toMatchObject({ reliability: 'claimant_channel', note: null });
	});
});

describe('agreements and neighbours', () => {
	it('lists the stages of an agreement, oldest first, and the events around a round', () => {
		expect(stagesOf(db, '2025-05-16-agreement').map((round) => round.id)).toEqual([
			'2025-05-23-exchange',
			'2025-05-24-exchange'
		]);
		const neighbours = neighboursOf(db, '2025-05-23-exchange');
		expect([neighbours.previous?.id, neighbours.next?.id]).toEqual(['2024-12-30-exchange', '2025-05-24-exchange']);
	});
});
