// Corrections end to end on the server: the suggestion form's action, the review actions, publishing, conflicts and export.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRedirect, type Cookies } from '@sveltejs/kit';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addMaintainer, setEmail, type Maintainer } from '../../src/lib/server/auth/maintainers';
import { linkBrowser } from '../../src/lib/server/auth/submitter';
import { getCorrection } from '../../src/lib/server/corrections/store';
import {
	approveCorrection,
	rejectCorrection,
	republish,
	revertCorrection,
	type PublishTarget
} from '../../src/lib/server/corrections/review';
import { buildDataset } from '../../src/lib/server/db/build';
import { getDataset } from '../../src/lib/server/db/dataset';
import { exportDataset } from '../../src/lib/server/db/export';
import { recordJsonResponse } from '../../src/lib/server/api/record-json';
import { recordCells } from '../../src/lib/server/db/queries/records';
import { datasetInfo, getRound } from '../../src/lib/server/db/queries/rounds';
import { migrations } from '../../src/lib/server/db/migrations';
import { getState, type StateDatabase } from '../../src/lib/server/db/state';
import { listRevisions, revisionsOfRecords } from '../../src/lib/server/corrections/revisions';
import { revisionsFeed } from '../../src/lib/server/corrections/feed';
import { FIXED_TODAY, fixtureDir, temporaryDir } from '../helpers/dataset';

type Action = (event: unknown) => Promise<unknown>;
let suggest: Action;
let review: Record<'approve' | 'reject' | 'revert', Action>;
let reviewLoad: (event: unknown) => unknown;
let target: PublishTarget;
let state: StateDatabase;
let alice: Maintainer;
let bob: Maintainer;

/** A fresh copy of the valid fixture as data/, its published build, and a state database with two maintainers. */
async function freshInstance() {
	const dir = temporaryDir();
	const dataDir = join(dir, 'data');
	cpSync(fixtureDir('valid-data'), dataDir, { recursive: true });
	process.env.DATA_DIR = dataDir;
	process.env.DATASET_DB_PATH = join(dir, 'dataset.sqlite');
	process.env.STATE_DB_PATH = join(dir, 'state.sqlite');
	process.env.DATASET_TODAY = FIXED_TODAY;
	target = { dataDir, outPath: join(dir, 'dataset.sqlite'), today: FIXED_TODAY };
	const built = buildDataset(target);
	if (!built.ok) throw new Error(built.errors.join('\n'));
	state = getState();
	alice = await addMaintainer(state, 'alice', 'correct horse battery', new Date('2026-05-01T10:00:00Z'), 'Alice R.');
	bob = await addMaintainer(state, 'bob', 'another long passphrase', new Date('2026-05-01T10:00:00Z'));
}

const validForm = (overrides: Record<string, string> = {}) => ({
	kind: 'change',
	entity: 'claim',
	record_id: 'c2',
	'field:number': '151',
	reason: 'The ministry corrected its figure the next day.',
	evidence: 'https://example.org/correction',
	contact_email: '',
	website: '',
	...overrides
});

function formRequest(fields: Record<string, string>): Request {
	const body = new FormData();
	for (const [name, value] of Object.entries(fields)) body.append(name, value);
	return new Request('http://localhost/corrections/new', { method: 'POST', body });
}

/** A browser's cookies, as SvelteKit's `cookies` offers them to an action. */
function browser() {
	const jar = new Map<string, string>();
	return {
		get: (name: string) => jar.get(name),
		set: (name: string, value: string) => void jar.set(name, value),
		delete: (name: string) => void jar.delete(name)
	} as unknown as Cookies;
}

async function submit(
	fields: Record<string, string>,
	maintainer: Maintainer | null = null,
	cookies: Cookies = browser()
) {
	const request = formRequest(fields);
	try {
		return { result: await suggest({ request, url: new URL(request.url), cookies, locals: { maintainer } }) };
	} catch (thrown) {
		if (isRedirect(thrown)) return { redirect: thrown.location };
		throw thrown;
	}
}

async function decide(
	action: 'approve' | 'reject' | 'revert',
	correctionId: number,
	reason: string,
	who: Maintainer | null
) {
	const body = new FormData();
	body.append('correction_id', String(correctionId));
	body.append('reason', reason);
	return (await review[action]({
		request: new Request('http://localhost/review', { method: 'POST', body }),
		locals: { maintainer: who }
	})) as { status?: number; data?: { message: string }; ok?: boolean; message?: string };
}

const correctionCount = () => (state.prepare('SELECT count(*) AS n FROM corrections').get() as { n: number }).n;
const idFrom = (location: string) => Number(/\/corrections\/(\d+)/.exec(location)?.[1]);

beforeAll(async () => {
	await freshInstance();
	suggest = (await import('../../src/routes/corrections/new/+page.server')).actions.default as unknown as Action;
	const reviewModule = await import('../../src/routes/review/+page.server');
	review = reviewModule.actions as unknown as typeof review;
	reviewLoad = reviewModule.load as unknown as typeof reviewLoad;
}, 30_000);

describe('the state database', () => {
	it('is migrated, in WAL mode, with durable writes and foreign keys', () => {
		expect(state.pragma('user_version', { simple: true })).toBe(migrations.length);
		expect(state.pragma('journal_mode', { simple: true })).toBe('wal');
		expect(state.pragma('synchronous', { simple: true })).toBe(2);
		expect(state.pragma('foreign_keys', { simple: true })).toBe(1);
		expect(state.pragma('busy_timeout', { simple: true })).toBe(5000);
	});
});

describe('suggesting a correction', () => {
	it("proposes a round's mediators by the record's names when typed in Ukrainian or Russian", async () => {
		const { 'field:number': _figure, ...envelope } = validForm();
		const { redirect } = await submit({
			...envelope,
			entity: 'round',
			record_id: '2024-12-30-exchange',
			'field:mediators': 'ОАЕ; турция'
		});
		const stored = getCorrection(state, idFrom(redirect ?? ''));
		expect(stored?.proposal).toEqual({ mediators: 'UAE;Turkey' });
		expect(stored?.snapshot).toEqual({ mediators: 'UAE' });
	});

	it.each<{ name: string; fields: Record<string, string>; field: string }>([
		{ name: 'missing reason', fields: { reason: '  ' }, field: 'reason' },
		{ name: 'evidence that is not http(s)', fields: { evidence: 'ftp://example.org/file' }, field: 'evidence' },
		{ name: 'no evidence', fields: { evidence: '' }, field: 'evidence' },
		{ name: 'an unknown record', fields: { record_id: 'c999' }, field: 'record' },
		{ name: 'a number that is not a number', fields: { 'field:number': 'about 150' }, field: 'field:number' },
		{ name: 'a qualifier outside the vocabulary', fields: { 'field:qualifier': 'roughly' }, field: 'field:qualifier' },
		{ name: 'a date that does not exist', fields: { 'field:stated_on': '2024-02-30' }, field: 'field:stated_on' },
		{ name: 'an oversized field', fields: { 'field:note': 'x'.repeat(2001) }, field: 'field:note' },
		{ name: 'an oversized reason', fields: { reason: 'x'.repeat(2001) }, field: 'reason' },
		{ name: 'the honeypot filled in', fields: { website: 'http://spam.example' }, field: 'website' },
		{ name: 'a field that cannot be corrected', fields: { 'field:id': 'c7' }, field: 'field:id' },
		{
			name: 'a reference to an unknown round',
			fields: { 'field:round_id': '1999-01-01-exchange' },
			field: 'field:round_id'
		},
		{ name: 'a bad contact email', fields: { contact_email: 'not-an-address' }, field: 'contact_email' },
		{ name: 'nothing changed', fields: { 'field:number': '150' }, field: 'proposal' },
		{
			name: 'emptying a qualifier that its number needs',
			fields: { 'field:number': '', 'clear:qualifier': '1' },
			field: 'field:qualifier'
		}
	])('refuses $name with a 400 and a message, and stores nothing', async ({ fields, field }) => {
		const before = correctionCount();
		const { result } = await submit(validForm(fields));
		const failure = result as { status: number; data: { errors: Record<string, string>; values: { reason: string } } };
		expect(failure.status).toBe(400);
		expect(failure.data.errors[field]).toMatch(/\S/);
		expect(failure.data.values.reason).toBe(validForm(fields).reason);
		expect(correctionCount()).toBe(before);
	});

	it('stores a valid suggestion with a snapshot of the published value, and redirects to its public page', async () => {
		const { redirect } = await submit(validForm({ contact_email: 'reader@example.org' }));
		expect(redirect).toMatch(/^\/corrections\/\d+\?submitted=1$/);
		const correction = getCorrection(state, idFrom(redirect as string));
		expect(correction).toMatchObject({
			kind: 'change',
			entity: 'claim',
			record_id: 'c2',
			proposal: { number: '151' },
			snapshot: { number: '150' },
			status: 'pending'
		});
		expect(JSON.stringify(correction)).not.toContain('reader@example.org');
	});
});

describe("a claim's claimant in the suggestion form", () => {
	const newClaim = (fields: Record<string, string>) => ({
		kind: 'addition',
		entity: 'claim',
		record_id: '',
		'field:round_id': '2024-12-30-exchange',
		'field:stated_on': '2024-12-31',
		'field:statement': 'report',
		'field:counted': 'people_each_way',
		'field:counted_detail': 'servicemen per side',
		'field:counted_detail_uk': 'військовослужбовці з кожного боку',
		'field:counted_detail_ru': 'военнослужащие с каждой стороны',
		'field:number': '150',
		'field:qualifier': 'exact',
		'field:source_ids': 's-moscow',
		reason: 'Said again the next day.',
		evidence: 'https://example.org/again',
		...fields
	});
	const errorsOf = async (fields: Record<string, string>) =>
		((await submit(fields)).result as { data?: { errors: Record<string, string> } }).data?.errors ?? {};

	it('resolves a name in any language to the claimant on record, with their side', async () => {
		const { redirect } = await submit(newClaim({ 'field:claimant': 'Владимир Мединский' }));
		expect(getCorrection(state, idFrom(redirect as string))?.proposal).toMatchObject({
			claimant: 'Владимир Мединский',
			claimant_id: 'k-medinsky',
			claimant_side: 'russia'
		});
	});

	it.each([
		[
			'a name that is nobody on record',
			{ 'field:claimant': 'Dmytro Lubinets', 'field:claimant_side': 'ukraine' },
			{
				'field:claimant':
					'Not a claimant on record: Dmytro Lubinets. Pick one from the list; someone not on record yet is added with a new exchange.'
			}
		],
		[
			'a side other than the claimant’s',
			{ 'field:claimant': 'Vladimir Medinsky', 'field:claimant_side': 'ukraine' },
			{ 'field:claimant_side': 'Vladimir Medinsky (k-medinsky) speaks for the side "Russia" on record, not "Ukraine".' }
		],
		[
			'an id that is nobody on record',
			{ 'field:claimant': 'Somebody', 'field:claimant_id': 'k-nobody', 'field:claimant_side': 'russia' },
			{ 'field:claimant_id': 'No claimant with the id k-nobody.' }
		]
	])('refuses %s', async (_, fields, expected) => {
		const before = correctionCount();
		expect(await errorsOf(newClaim(fields))).toEqual(expected);
		expect(correctionCount()).toBe(before);
	});

	it('moves a changed claim to the claimant its new name resolves to, and keeps it for a new spelling', async () => {
		const moved = await submit(validForm({ 'field:number': '150', 'field:claimant': 'Vladimir Medinsky' }));
		expect(getCorrection(state, idFrom(moved.redirect as string))?.proposal).toEqual({
			claimant: 'Vladimir Medinsky',
			claimant_id: 'k-medinsky'
		});
		const respelt = await submit(validForm({ 'field:number': '150', 'field:claimant': 'Russian MoD' }));
		expect(getCorrection(state, idFrom(respelt.redirect as string))?.proposal).toEqual({ claimant: 'Russian MoD' });
	});
});

describe('reviewing', () => {
	it('sends anonymous visitors of /review to the login page, and refuses their decisions', async () => {
		expect(() => reviewLoad({ locals: { maintainer: null } })).toThrow();
		try {
			reviewLoad({ locals: { maintainer: null } });
		} catch (thrown) {
			expect(isRedirect(thrown) && thrown.location).toBe('/login?next=/review');
		}
		const { redirect } = await submit(validForm());
		const id = idFrom(redirect as string);
		for (const action of ['approve', 'reject', 'revert'] as const) {
			expect((await decide(action, id, 'because', null)).status).toBe(403);
		}
		expect(getCorrection(state, id)?.status).toBe('pending');
	});

	it('requires a reason for a decision', async () => {
		const { redirect } = await submit(validForm());
		const outcome = await decide('approve', idFrom(redirect as string), ' ', alice);
		expect(outcome.status).toBe(400);
	});

	it('approves: the new value is published at once, with a revision and a new dataset revision', async () => {
		const { redirect } = await submit(validForm({ 'field:number': '152' }), bob);
		const id = idFrom(redirect as string);
		const before = datasetInfo(getDataset());

		const own = await decide('approve', id, 'checked', bob);
		expect(own.status).toBe(409);
		expect(own.data?.message).toMatch(/own/);

		const approved = await decide('approve', id, 'The ministry page shows 152.', alice);
		expect(approved.ok).toBe(true);
		const after = datasetInfo(getDataset());
		expect(after.revision).toBe(before.revision + 1);
		expect(after.version).not.toBe(before.version);
		expect(recordCells(getDataset(), 'claim', 'c2')?.number).toBe('152');
		expect(getRound(getDataset(), '2024-12-30-exchange')?.figures.people.to_russia.byParty.russia?.number).toBe(152);

		const [revision] = listRevisions(state, 1);
		expect(revision).toMatchObject({
			action: 'apply',
			// The public display name, never the login name.
			maintainer: 'Alice R.',
			correctionId: id,
			entity: 'claim',
			recordId: 'c2',
			reason: 'The ministry page shows 152.',
			fields: [{ field: 'number', oldValue: '150', newValue: '152' }]
		});
		expect(getCorrection(state, id)).toMatchObject({ status: 'accepted', reviewed_by: 'Alice R.' });
		const ofRound = revisionsOfRecords(state, [
			{ entity: 'round', id: '2024-12-30-exchange' },
			{ entity: 'claim', id: 'c2' }
		]);
		expect(ofRound.map((listed) => listed.id)).toEqual([revision?.id]);
		expect(revisionsOfRecords(state, [{ entity: 'claim', id: 'c1' }])).toEqual([]);
	});

	it('rejects with a public reason and leaves the dataset alone', async () => {
		const { redirect } = await submit(validForm({ 'field:number': '9999' }));
		const id = idFrom(redirect as string);
		const version = datasetInfo(getDataset()).version;
		expect((await decide('reject', id, 'No source gives 9,999.', alice)).ok).toBe(true);
		expect(getCorrection(state, id)).toMatchObject({ status: 'rejected', decision_reason: 'No source gives 9,999.' });
		expect(datasetInfo(getDataset()).version).toBe(version);
		expect((await decide('approve', id, 'changed my mind', alice)).status).toBe(409);
	});

	it('reverts: the replaced value is back, and the revert is a revision of its own', async () => {
		const accepted = listRevisions(state, 1)[0];
		const revisionsBefore = listRevisions(state, 100).length;
		expect((await decide('revert', accepted!.correctionId, 'The ministry withdrew its correction.', alice)).ok).toBe(
			true
		);
		expect(recordCells(getDataset(), 'claim', 'c2')?.number).toBe('150');
		const [revert] = listRevisions(state, 1);
		expect(revert).toMatchObject({ action: 'revert', fields: [{ field: 'number', oldValue: '152', newValue: '150' }] });
		expect(listRevisions(state, 100)).toHaveLength(revisionsBefore + 1);
		expect(getCorrection(state, accepted!.correctionId)?.status).toBe('reverted');
	});

	it('adds a suggested claim with the new page it cites', async () => {
		const { redirect, result } = await submit({
			kind: 'addition',
			entity: 'claim',
			record_id: '',
			'field:round_id': '2024-12-30-exchange',
			'field:stated_on': '2024-12-31',
			'field:claimant': 'Volodymyr Zelensky',
			'field:claimant_id': 'k-zelensky',
			'field:claimant_side': 'ukraine',
			'field:statement': 'report',
			'field:counted': 'people_to_ukraine',
			'field:counted_detail': 'people returned',
			'field:counted_detail_uk': 'повернуті люди',
			'field:counted_detail_ru': 'возвращённые люди',
			'field:number': '189',
			'field:qualifier': 'exact',
			'field:source:url': 'https://example.org/ombudsman',
			'field:source:outlet': 'Ombudsman of Ukraine',
			'field:source:kind': 'official_statement',
			'field:source:language': 'uk',
			'field:source:reliability': 'claimant_channel',
			reason: 'The ombudsman also reported it.',
			evidence: 'https://example.org/ombudsman'
		});
		expect(redirect, JSON.stringify(result)).toBeDefined();
		const id = idFrom(redirect as string);
		expect((await decide('approve', id, 'Matches the page.', alice)).ok).toBe(true);
		expect(recordCells(getDataset(), 'claim', `cx${id}`)).toMatchObject({ source_ids: `sx${id}`, number: '189' });
		expect(recordCells(getDataset(), 'source', `sx${id}`)).toMatchObject({ outlet: 'Ombudsman of Ukraine' });

		// Reverted, the added records are gone, and their addresses say why (410) instead of a bare 404.
		expect((await decide('revert', id, 'The ombudsman page was about another swap.', alice)).ok).toBe(true);
		for (const [entity, recordId] of [
			['claim', `cx${id}`],
			['source', `sx${id}`]
		] as const) {
			expect(recordCells(getDataset(), entity, recordId)).toBeNull();
			const response = recordJsonResponse(getDataset(), entity, recordId, 'https://example.org');
			expect(response.status).toBe(410);
			expect((await response.json()).message).toContain('The ombudsman page was about another swap.');
		}
	});
});

describe('the two-person rule', () => {
	const context = (maintainer: Maintainer, singleMaintainer = false) => ({
		maintainerId: maintainer.id,
		reason: 'Checked.',
		now: new Date('2026-05-03T10:00:00Z'),
		singleMaintainer
	});

	it('gives the suggesting browser a random httpOnly id and keeps only its hash', async () => {
		const set: { name: string; value: string; options: Record<string, unknown> }[] = [];
		const cookies = {
			get: () => undefined,
			set: (name: string, value: string, options: Record<string, unknown>) => void set.push({ name, value, options })
		} as unknown as Cookies;
		const id = idFrom((await submit(validForm({ 'field:note': 'Cookie check.' }), null, cookies)).redirect as string);
		expect(set).toEqual([
			{
				name: 'pem_submitter',
				value: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
				options: expect.objectContaining({ httpOnly: true, sameSite: 'lax', path: '/' })
			}
		]);
		const stored = state.prepare('SELECT submitter_hash FROM corrections WHERE id = ?').get(id) as {
			submitter_hash: string;
		};
		expect(stored.submitter_hash).toMatch(/^[0-9a-f]{64}$/);
		expect(stored.submitter_hash).not.toBe(set[0]?.value);
		expect((await decide('reject', id, 'Only a check.', alice)).ok).toBe(true);
	});

	it('a suggestion sent logged out from a browser a maintainer later logs in from is theirs', async () => {
		const bobsBrowser = browser();
		const { redirect } = await submit(validForm({ 'field:note': 'Sent by bob, logged out.' }), null, bobsBrowser);
		const id = idFrom(redirect as string);
		linkBrowser(state, bob.id, bobsBrowser, new URL('http://localhost/login'), new Date());
		const refused = await decide('approve', id, 'Looks right.', bob);
		expect(refused.status).toBe(409);
		expect(refused.data?.message).toMatch(/own/);
		expect((await approveCorrection(state, target, id, context(bob, true))).ok).toBe(true);
	});

	it('so is one logged in before from that browser, and one giving their own address', async () => {
		const alicesBrowser = browser();
		linkBrowser(state, alice.id, alicesBrowser, new URL('http://localhost/login'), new Date());
		const fromBrowser = idFrom(
			(await submit(validForm({ 'field:note': 'Sent from alice’s browser.' }), null, alicesBrowser)).redirect as string
		);
		setEmail(state, 'alice', 'Alice@Example.org');
		const withAddress = idFrom(
			(await submit(validForm({ 'field:number': '171', contact_email: 'alice@example.org' }))).redirect as string
		);
		for (const id of [fromBrowser, withAddress]) {
			expect((await decide('approve', id, 'Looks right.', alice)).status).toBe(409);
			expect(getCorrection(state, id)?.status).toBe('pending');
		}
		expect((await decide('approve', withAddress, 'Checked the page.', bob)).ok).toBe(true);
		expect((await decide('reject', fromBrowser, 'Superseded.', bob)).ok).toBe(true);
	});

	it('reverting another maintainer’s approval takes a second maintainer', async () => {
		const id = idFrom((await submit(validForm({ 'field:number': '172' }))).redirect as string);
		expect((await decide('approve', id, 'The ministry says 172.', alice)).ok).toBe(true);
		const revisions = listRevisions(state, 100).length;

		const requested = await decide('revert', id, 'The ministry withdrew 172.', bob);
		expect(requested).toMatchObject({ ok: true, message: expect.stringMatching(/another maintainer confirms/) });
		expect(getCorrection(state, id)?.status).toBe('accepted');
		expect(recordCells(getDataset(), 'claim', 'c2')?.number).toBe('172');
		expect(listRevisions(state, 100)).toHaveLength(revisions);
		const queue = (await reviewLoad({ locals: { maintainer: bob } })) as {
			accepted: { correction: { id: number }; revertRequest: { mine: boolean } | null }[];
		};
		expect(queue.accepted.find((item) => item.correction.id === id)?.revertRequest).toMatchObject({ mine: true });
		expect((await decide('revert', id, 'Again.', bob)).status).toBe(409);

		expect((await decide('revert', id, 'Confirmed with the ministry.', alice)).ok).toBe(true);
		expect(getCorrection(state, id)?.status).toBe('reverted');
		expect(recordCells(getDataset(), 'claim', 'c2')?.number).toBe('171');
		const [revert] = listRevisions(state, 1);
		expect(revert).toMatchObject({
			action: 'revert',
			maintainer: 'Alice R.',
			reason: 'The ministry withdrew 172. (confirmed: Confirmed with the ministry.)'
		});
		expect(state.prepare('SELECT requested_by FROM revisions WHERE id = ?').get(revert?.id)).toEqual({
			requested_by: bob.id
		});
	});

	it('one maintainer may do both when SINGLE_MAINTAINER=true', async () => {
		const id = idFrom((await submit(validForm({ 'field:number': '173' }))).redirect as string);
		expect((await approveCorrection(state, target, id, context(alice))).ok).toBe(true);
		const reverted = await revertCorrection(state, target, id, context(bob, true));
		expect(reverted).toMatchObject({ ok: true });
		expect(getCorrection(state, id)?.status).toBe('reverted');
	});
});

describe('conflicts', () => {
	// Each conflict test edits data/ underneath the published dataset.
	beforeEach(freshInstance, 30_000);

	it('refuses to approve a correction whose published value changed since it was suggested, and flags it', async () => {
		const { redirect } = await submit(validForm({ 'field:number': '160' }));
		const id = idFrom(redirect as string);
		const claimsPath = join(target.dataDir, 'claims.csv');
		writeFileSync(
			claimsPath,
			readFileSync(claimsPath, 'utf8').replace(
				',военнослужащие с каждой стороны,150,',
				',военнослужащие с каждой стороны,155,'
			)
		);
		const outcome = await approveCorrection(state, target, id, {
			maintainerId: alice.id,
			reason: 'ok',
			now: new Date('2026-05-02T10:00:00Z'),
			singleMaintainer: false
		});
		expect(outcome.ok).toBe(false);
		expect(getCorrection(state, id)).toMatchObject({ status: 'pending' });
		expect(getCorrection(state, id)?.conflict).toMatch(/number is "155", not "150"/);
	});

	it('never applies an accepted correction blindly when data/ changed: the rebuild flags it', async () => {
		const { redirect } = await submit(validForm({ 'field:number': '161' }));
		const id = idFrom(redirect as string);
		const context = {
			maintainerId: alice.id,
			reason: 'ok',
			now: new Date('2026-05-02T10:00:00Z'),
			singleMaintainer: false
		};
		expect((await approveCorrection(state, target, id, context)).ok).toBe(true);
		const claimsPath = join(target.dataDir, 'claims.csv');
		writeFileSync(
			claimsPath,
			readFileSync(claimsPath, 'utf8').replace(
				',военнослужащие с каждой стороны,150,',
				',военнослужащие с каждой стороны,149,'
			)
		);
		const rebuilt = republish(state, target);
		expect(rebuilt.ok && rebuilt.conflicts.map((conflict) => conflict.correctionId)).toEqual([id]);
		expect(recordCells(getDataset(), 'claim', 'c2')?.number).toBe('149');
		expect(getCorrection(state, id)?.conflict).toMatch(/149/);
	});
});

describe('export', () => {
	it('writes data/ back byte for byte when nothing changed', async () => {
		await freshInstance();
		const before = ['sources.csv', 'rounds.csv', 'claims.csv'].map((file) => readFileSync(join(target.dataDir, file)));
		exportDataset(target.outPath, target.dataDir);
		const after = ['sources.csv', 'rounds.csv', 'claims.csv'].map((file) => readFileSync(join(target.dataDir, file)));
		expect(after).toEqual(before);
	}, 30_000);

	it('round-trips: build, export, build again gives the same content hash, with nothing applied twice', async () => {
		await freshInstance();
		const { redirect } = await submit(
			validForm({ 'field:number': '153', 'field:note': 'Corrected, with "quotes", commas' })
		);
		const context = {
			maintainerId: alice.id,
			reason: 'ok',
			now: new Date('2026-05-02T10:00:00Z'),
			singleMaintainer: false
		};
		expect((await approveCorrection(state, target, idFrom(redirect as string), context)).ok).toBe(true);
		const published = datasetInfo(getDataset()).contentHash;

		exportDataset(target.outPath, target.dataDir);
		expect(readFileSync(join(target.dataDir, 'claims.csv'), 'utf8')).toContain('153');
		const rebuilt = republish(state, target);
		expect(rebuilt.ok && rebuilt.conflicts).toEqual([]);
		expect(datasetInfo(getDataset()).contentHash).toBe(published);
	}, 30_000);
});

describe('the Atom feed', () => {
	it('lists revisions with escaped text', () => {
		const revision = {
			id: 3,
			createdAt: '2026-05-02T10:00:00.000Z',
			maintainer: 'alice',
			correctionId: 7,
			action: 'apply' as const,
			entity: 'claim' as const,
			recordId: 'c2',
			reason: 'Fix <b>&</b> "quote"',
			fields: [{ field: 'number', oldValue: '150', newValue: '152' }]
		};
		const xml = revisionsFeed([{ ...revision, parts: [revision] }], {
			origin: 'https://example.org',
			title: 'Changes',
			fallbackUpdated: '2026-01-01T00:00:00Z'
		});
		expect(xml).toContain('<id>https://example.org/changes#revision-3</id>');
		expect(xml).toContain('<updated>2026-05-02T10:00:00.000Z</updated>');
		expect(xml).toContain('Fix &#60;b&#62;&#38;&#60;/b&#62; &#34;quote&#34;');
		expect(xml).not.toContain('<b>');
	});
});

describe('rejectCorrection', () => {
	it('only decides pending corrections', async () => {
		expect(
			rejectCorrection(state, 99_999, {
				maintainerId: alice.id,
				reason: 'x',
				now: new Date(0),
				singleMaintainer: false
			}).ok
		).toBe(false);
		expect(
			(
				await revertCorrection(state, target, 99_999, {
					maintainerId: alice.id,
					reason: 'x',
					now: new Date(0),
					singleMaintainer: false
				})
			).ok
		).toBe(false);
	});
});
