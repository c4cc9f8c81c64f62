// The dataset build on the real data and on fixtures: counts, provenance, determinism, and every validation error at once.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { buildDataset, buildDatasetInSteps } from '../../src/lib/server/db/build';
import { formatCsv, parseCsv } from '../../src/lib/server/db/csv';
import { FIXED_TODAY, fixtureDir, realDataDir, temporaryDir } from '../helpers/dataset';

const brokenErrors = [
	'sources.csv:2: url: expected an absolute http(s) URL (got "ftp://example.org/file")',
	'sources.csv:3: kind: unknown value "press_release" (expected one of: official_statement, news_report, mediator_statement, international_report, academic, social_post)',
	'sources.csv:4: id: duplicate id "s2" (first used on line 3)',
	'sources.csv:4: published_on: date 2030-01-01 is in the future (today is 2026-06-01)',
	'sources.csv:5: language: expected an ISO 639-1 language code such as en, uk, ru (got "english")',
	'sources.csv:5: id: source "s3" supports no claim',
	'rounds.csv:2: date: not a real calendar date (got "2023-02-30")',
	'rounds.csv:3: end_date: end date 2024-05-01 is before the start date 2024-05-10',
	'rounds.csv:3: parent_id: unknown round id "no-such-round"',
	'rounds.csv:4: kind: unknown value "swap" (expected one of: pow_exchange, bodies_repatriation, civilian_release, agreement)',
	'rounds.csv:4: kyiv_exchange_number: expected a positive whole number (got "0")',
	'claims.csv:2: number: expected a non-negative whole number written in digits (got "-5")',
	'claims.csv:3: number: expected a non-negative whole number written in digits (got "12.5")',
	'claims.csv:4: qualifier: unknown value "roughly" (expected one of: exact, at_least, more_than, about, up_to)',
	'claims.csv:4: round_id: unknown round id "no-such-round"',
	'claims.csv:5: claimant_side: unknown value "kremlin" (expected one of: ukraine, russia, mediator, international, independent)',
	'claims.csv:5: stated_on: date 2031-01-01 is in the future (today is 2026-06-01)',
	'claims.csv:5: source_ids: unknown source id "s404"',
	'claims.csv:6: qualifier: a number needs a qualifier',
	'claims.csv:6: round_id: a report must name its round',
	'claims.csv:6: claimant_id: unknown claimant id "k-nobody": add the claimant to claimants.csv, or use the id of an existing one',
	'claims.csv:6: responds_to: unknown claim id "c999"',
	'claims.csv:7: source_ids: at least one source id is required',
	'claims.csv:7: id: duplicate id "c1" (first used on line 2)',
	'removed.csv:2: id: round "r2" is in use again; a removed id is never reused',
	'removed.csv:2: replaced_by: unknown round id "no-such-round"'
];

describe('building the real dataset in data/', () => {
	const outPath = join(temporaryDir(), 'dataset.sqlite');
	const result = buildDataset({ dataDir: realDataDir, outPath, today: FIXED_TODAY });

	it('validates without a problem and counts every file', () => {
		expect(result.ok ? [] : result.errors).toEqual([]);
		if (!result.ok) return;
		expect(result.counts.sources).toBeGreaterThan(300);
		expect(result.counts.rounds).toBeGreaterThan(100);
		expect(result.counts.claims).toBeGreaterThan(400);
		expect(result.contentHash).toMatch(/^[0-9a-f]{64}$/);
	});

	it('gives every claim at least one source and uses every source', () => {
		const db = new Database(outPath, { readonly: true });
		const unsourced = db
			.prepare(
				'SELECT count(*) AS n FROM claims c WHERE NOT EXISTS (SELECT 1 FROM claim_sources s WHERE s.claim_id = c.id)'
			)
			.get() as { n: number };
		const unused = db
			.prepare(
				'SELECT count(*) AS n FROM sources s WHERE NOT EXISTS (SELECT 1 FROM claim_sources c WHERE c.source_id = s.id)'
			)
			.get() as { n: number };
		const numbersWithoutSource = db
			.prepare(
				'SELECT count(*) AS n FROM claims c WHERE c.number IS NOT NULL AND (SELECT count(*) FROM claim_sources s WHERE s.claim_id = c.id) = 0'
			)
			.get() as { n: number };
		db.close();
		expect({ unsourced: unsourced.n, unused: unused.n, numbersWithoutSource: numbersWithoutSource.n }).toEqual({
			unsourced: 0,
			unused: 0,
			numbersWithoutSource: 0
		});
	});

	it('gives the same content hash for the same input', () => {
		const again = buildDataset({
			dataDir: realDataDir,
			outPath: join(temporaryDir(), 'again.sqlite'),
			today: FIXED_TODAY
		});
		expect(again.ok && result.ok && again.contentHash === result.contentHash).toBe(true);
	});

	it('has an index for each lookup the pages make', () => {
		const db = new Database(outPath, { readonly: true });
		const plan = (sql: string) =>
			(db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail).join(' | ');
		expect(plan("SELECT * FROM claims WHERE round_id = 'x'")).toMatch(/USING INDEX claims_by_round/);
		expect(plan("SELECT * FROM claim_sources WHERE source_id = 'x'")).toMatch(/USING INDEX claim_sources_by_source/);
		expect(plan("SELECT * FROM rounds WHERE parent_id = 'x'")).toMatch(/USING INDEX rounds_by_parent/);
		db.close();
	});
});

describe('building a broken copy of data/', () => {
	it('reports every problem in every file at once, as file:line: column: message', () => {
		const result = buildDataset({
			dataDir: fixtureDir('broken-data'),
			outPath: join(temporaryDir(), 'x.sqlite'),
			today: FIXED_TODAY
		});
		expect(result.ok ? [] : result.errors).toEqual(brokenErrors);
	});

	it('exits non-zero from the command line and leaves the previous database untouched', () => {
		const outPath = join(temporaryDir(), 'dataset.sqlite');
		const env = { ...process.env, DATASET_DB_PATH: outPath, DATASET_TODAY: FIXED_TODAY };
		const tsx = join('node_modules', '.bin', 'tsx');
		execFileSync(tsx, ['src/lib/server/db/build-cli.ts'], { env: { ...env, DATA_DIR: fixtureDir('valid-data') } });
		const before = readFileSync(outPath);

		const failed = spawnSync(tsx, ['src/lib/server/db/build-cli.ts'], {
			env: { ...env, DATA_DIR: fixtureDir('broken-data') },
			encoding: 'utf8'
		});
		expect(failed.status).toBe(1);
		for (const error of brokenErrors) expect(failed.stderr).toContain(error);
		expect(failed.stderr).toContain('26 problem(s)');
		expect(readFileSync(outPath).equals(before)).toBe(true);
	}, 30_000);

	it.each([
		{ note: 'Same figure as r24-228.', found: 'r24-228' },
		{ note: 'Statement dated 2025-08-08; event_date aligned to the event key.', found: 'event_date' },
		{ note: 'Continuation of the claim (seed story).', found: 'seed story' },
		{ note: 'See na-12 and nd-019.', found: 'na-12' },
		{ note: "Matches the file's total.", found: "the file's" },
		{ note: 'Low-reliability site; verify.', found: 'Low-reliability site' }
	])('rejects a public note with research ids or working jargon: $found', ({ note, found }) => {
		const dataDir = temporaryDir();
		cpSync(fixtureDir('valid-data'), dataDir, { recursive: true });
		const claims = readFileSync(join(dataDir, 'claims.csv'), 'utf8').split('\n');
		claims[1] = `${claims[1]}"${note.replaceAll('"', '""')}"`;
		writeFileSync(join(dataDir, 'claims.csv'), claims.join('\n'));
		const result = buildDataset({ dataDir, outPath: join(temporaryDir(), 'x.sqlite'), today: FIXED_TODAY });
		expect(result.ok ? [] : result.errors).toEqual([
			`claims.csv:2: note: contains "${found}", a research id or working word; write notes in plain editorial English`
		]);
	});

	describe('copy, search-referral and mirror hosts', () => {
		/** The valid fixture with its Kyiv source moved to `url` and marked as given, beside a list that classes mirror.example as a copy host. */
		function buildWithSource(url: string, reliability: string, note: string) {
			const dataDir = temporaryDir();
			cpSync(fixtureDir('valid-data'), dataDir, { recursive: true });
			const path = join(dataDir, 'sources.csv');
			writeFileSync(
				path,
				readFileSync(path, 'utf8').replace(
					/^s-kyiv,https:\/\/example\.org\/kyiv-statement,(.*),major_outlet,$/m,
					(_, middle: string) => `s-kyiv,${url},${middle},${reliability},"${note}"`
				)
			);
			mkdirSync(join(dataDir, 'decisions'));
			writeFileSync(
				join(dataDir, 'decisions', 'source-domains.csv'),
				'domain,reliability,reason\nmirror.example,copy,A mirror of other outlets\n'
			);
			return buildDataset({ dataDir, outPath: join(temporaryDir(), 'x.sqlite'), today: FIXED_TODAY });
		}

		it.each([
			{ url: 'https://news.mirror.example/a', reliability: 'major_outlet', note: '' },
			{ url: 'https://www.mirror.example/a?fr=x', reliability: 'copy', note: 'A copy.' },
			{ url: 'https://mirror.example/a', reliability: 'other_outlet', note: 'No original was found.' }
		])('rejects $url marked $reliability with note "$note"', ({ url, reliability, note }) => {
			const result = buildWithSource(url, reliability, note);
			expect(result.ok ? [] : result.errors).toEqual([
				`sources.csv:2: url: ${new URL(url).hostname} is a copy, search-referral or mirror host: cite the original page, or mark the source "copy" with a note saying no original was found`
			]);
		});

		it('accepts a copy marked as such with a note saying that no original was found, and any other host', () => {
			expect(buildWithSource('https://mirror.example/a', 'copy', 'A copy; no original was found.').ok).toBe(true);
			expect(buildWithSource('https://original.example/a', 'major_outlet', '').ok).toBe(true);
		});
	});

	describe('the data in three languages', () => {
		/** The valid fixture with `file`'s cells edited on the row of `id`, built. */
		function buildWithCells(file: string, id: string, cells: Record<string, string>) {
			const dataDir = temporaryDir();
			cpSync(fixtureDir('valid-data'), dataDir, { recursive: true });
			const path = join(dataDir, file);
			const { header, rows } = parseCsv(readFileSync(path, 'utf8'));
			const records = rows.map(({ record }) => (record.id === id ? { ...record, ...cells } : record));
			writeFileSync(path, formatCsv(header, records));
			return buildDataset({ dataDir, outPath: join(temporaryDir(), 'x.sqlite'), today: FIXED_TODAY });
		}

		it.each<{ file: string; id: string; cells: Record<string, string>; error: string }>([
			{
				file: 'rounds.csv',
				id: '2025-06-11-bodies',
				cells: { summary_uk: '' },
				error: 'rounds.csv:6: summary_uk: summary_uk is required: the summary in Ukrainian'
			},
			{
				file: 'rounds.csv',
				id: '2024-12-30-exchange',
				cells: { summary_ru: '  ' },
				error: 'rounds.csv:2: summary_ru: summary_ru is required: the summary in Russian (got "  ")'
			},
			{
				file: 'claims.csv',
				id: 'c5',
				cells: { counted_detail_uk: '' },
				error: 'claims.csv:6: counted_detail_uk: counted_detail_uk is required: what the figure counts, in Ukrainian'
			},
			{
				file: 'claims.csv',
				id: 'c12',
				cells: { counted_detail_ru: ' ' },
				error:
					'claims.csv:13: counted_detail_ru: counted_detail_ru is required: what the figure counts, in Russian (got " ")'
			},
			{
				file: 'claimants.csv',
				id: 'k-ccd',
				cells: { name_ru: '' },
				error:
					"claimants.csv:2: name_ru: name_ru is required: the claimant's name in Russian (see data/decisions/claimant-spellings.csv)"
			},
			{
				file: 'claimants.csv',
				id: 'k-zelensky',
				cells: { role_uk: '' },
				error: 'claimants.csv:8: role_uk: role_uk is required when role is given: the role in Ukrainian'
			},
			{
				file: 'claimants.csv',
				id: 'k-ccd',
				cells: { organisation_ru: 'Совет национальной безопасности и обороны Украины' },
				error:
					'claimants.csv:2: organisation_ru: organisation_ru is given but organisation is empty: translate the English organisation, or clear both (got "Совет национальной безопасности и обороны Украины")'
			}
		])('refuses $file without a translation: $error', ({ file, id, cells, error }) => {
			const result = buildWithCells(file, id, cells);
			expect(result.ok ? [] : result.errors).toEqual([error]);
		});

		it('refuses a claims file without the translated columns', () => {
			const dataDir = temporaryDir();
			cpSync(fixtureDir('valid-data'), dataDir, { recursive: true });
			const path = join(dataDir, 'claims.csv');
			const { header, rows } = parseCsv(readFileSync(path, 'utf8'));
			const english = header.filter((column) => column !== 'counted_detail_uk' && column !== 'counted_detail_ru');
			writeFileSync(
				path,
				formatCsv(
					english,
					rows.map(({ record }) => record)
				)
			);
			const result = buildDataset({ dataDir, outPath: join(temporaryDir(), 'x.sqlite'), today: FIXED_TODAY });
			expect(result.ok ? [] : result.errors).toEqual(
				expect.arrayContaining([
					'claims.csv:1: counted_detail_uk: column is missing from the header',
					'claims.csv:1: counted_detail_ru: column is missing from the header'
				])
			);
		});

		it('refuses a rounds file without the translated columns', () => {
			const dataDir = temporaryDir();
			cpSync(fixtureDir('valid-data'), dataDir, { recursive: true });
			const path = join(dataDir, 'rounds.csv');
			const { header, rows } = parseCsv(readFileSync(path, 'utf8'));
			const english = header.filter((column) => column !== 'summary_ru');
			writeFileSync(
				path,
				formatCsv(
					english,
					rows.map(({ record }) => record)
				)
			);
			const result = buildDataset({ dataDir, outPath: join(temporaryDir(), 'x.sqlite'), today: FIXED_TODAY });
			expect(result.ok ? [] : result.errors).toContain('rounds.csv:1: summary_ru: column is missing from the header');
		});

		it('stores every translation in the published file', () => {
			const outPath = join(temporaryDir(), 'x.sqlite');
			expect(buildDataset({ dataDir: fixtureDir('valid-data'), outPath, today: FIXED_TODAY }).ok).toBe(true);
			const db = new Database(outPath, { readonly: true });
			try {
				expect(
					db.prepare("SELECT summary, summary_uk, summary_ru FROM rounds WHERE id = '2025-06-11-bodies'").get()
				).toEqual({
					summary: 'Fixture body repatriation reported by one side only.',
					summary_uk: 'Тестова репатріація тіл, про яку повідомила лише одна сторона.',
					summary_ru: 'Тестовая репатриация тел, о которой сообщила только одна сторона.'
				});
				expect(
					db.prepare("SELECT counted_detail, counted_detail_uk, counted_detail_ru FROM claims WHERE id = 'c11'").get()
				).toEqual({
					counted_detail: 'POWs Kyiv allegedly refuses to take back',
					counted_detail_uk: 'військовополонені, яких Київ нібито відмовляється забирати',
					counted_detail_ru: 'военнопленные, которых Киев якобы отказывается забирать'
				});
				expect(
					db
						.prepare(
							"SELECT name_uk, name_ru, role_uk, role_ru, organisation_uk, organisation_ru FROM claimants WHERE id = 'k-medinsky'"
						)
						.get()
				).toEqual({
					name_uk: 'Володимир Мединський',
					name_ru: 'Владимир Мединский',
					role_uk: 'Помічник Президента Росії',
					role_ru: 'Помощник президента России',
					organisation_uk: 'Адміністрація Президента Росії',
					organisation_ru: 'Администрация президента России'
				});
			} finally {
				db.close();
			}
		});
	});

	describe("the mediators' names (mediators.csv)", () => {
		/** The valid fixture with mediators.csv's rows edited by `edit` (a row it returns null for is left out), built. */
		function buildWithMediators(edit: (row: Record<string, string>) => Record<string, string> | null) {
			const dataDir = temporaryDir();
			cpSync(fixtureDir('valid-data'), dataDir, { recursive: true });
			const path = join(dataDir, 'mediators.csv');
			const { header, rows } = parseCsv(readFileSync(path, 'utf8'));
			const records = rows.flatMap(({ record }) => {
				const edited = edit(record);
				return edited === null ? [] : [edited];
			});
			writeFileSync(path, formatCsv(header, records));
			return buildDataset({ dataDir, outPath: join(temporaryDir(), 'x.sqlite'), today: FIXED_TODAY });
		}

		it.each<{ what: string; edit: (row: Record<string, string>) => Record<string, string> | null; errors: string[] }>([
			{
				what: 'a mediator without its Ukrainian name',
				edit: (row) => (row.name === 'Turkey' ? { ...row, name_uk: '' } : row),
				errors: [
					"mediators.csv:2: name_uk: name_uk is required: the mediator's name in Ukrainian, as the sides' outlets write it"
				]
			},
			{
				what: 'a mediator without its Russian name',
				edit: (row) => (row.name === 'UAE' ? { ...row, name_ru: ' ' } : row),
				errors: [
					'mediators.csv:3: name_ru: name_ru is required: the mediator\'s name in Russian, as the sides\' outlets write it (got " ")'
				]
			},
			{
				what: 'a mediator a round names but the file does not',
				edit: (row) => (row.name === 'UAE' ? null : row),
				errors: [
					'rounds.csv:2: mediators: mediator "UAE" has no row in mediators.csv: add its names in Ukrainian and Russian, with the pages they were read on'
				]
			}
		])('refuses $what', ({ edit, errors }) => {
			const result = buildWithMediators(edit);
			expect(result.ok ? [] : result.errors).toEqual(errors);
		});

		it('stores the names in the published file, and every round names only mediators it has', () => {
			const outPath = join(temporaryDir(), 'x.sqlite');
			expect(buildDataset({ dataDir: fixtureDir('valid-data'), outPath, today: FIXED_TODAY }).ok).toBe(true);
			const db = new Database(outPath, { readonly: true });
			try {
				expect(db.prepare('SELECT name, name_uk, name_ru FROM mediators ORDER BY name').all()).toEqual([
					{ name: 'Turkey', name_uk: 'Туреччина', name_ru: 'Турция' },
					{ name: 'UAE', name_uk: 'ОАЕ', name_ru: 'ОАЭ' }
				]);
				expect(db.pragma('foreign_key_check(round_mediators)')).toEqual([]);
			} finally {
				db.close();
			}
		});
	});

	it('reports a missing column and a missing file', () => {
		const dataDir = temporaryDir();
		writeFileSync(join(dataDir, 'sources.csv'), 'id,url\ns1,https://example.org\n');
		writeFileSync(join(dataDir, 'rounds.csv'), readFileSync(join(fixtureDir('valid-data'), 'rounds.csv')));
		const result = buildDataset({ dataDir, outPath: join(temporaryDir(), 'x.sqlite'), today: FIXED_TODAY });
		const errors = result.ok ? [] : result.errors;
		expect(errors).toContain('sources.csv:1: outlet: column is missing from the header');
		expect(errors).toContain('claims.csv:1: (file): file is missing');
	});
});

describe('the stepped build (what an approval runs while the server keeps answering)', () => {
	/** Every row of every table (the search index through its content), in a stable order. */
	const tablesOf = (path: string) => {
		const db = new Database(path, { readonly: true });
		try {
			const names = db
				.prepare<[], { name: string }>(
					"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_index_%' AND name NOT LIKE 'sqlite_%' ORDER BY name"
				)
				.all()
				.map((row) => row.name);
			return Object.fromEntries(names.map((name) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).all()]));
		} finally {
			db.close();
		}
	};

	it('writes the same dataset as the build in one go, and removes its temporary file on failure', async () => {
		const whole = join(temporaryDir(), 'whole.sqlite');
		const stepped = join(temporaryDir(), 'stepped.sqlite');
		const options = { dataDir: realDataDir, today: FIXED_TODAY, revision: 3 };
		const a = buildDataset({ ...options, outPath: whole });
		const b = await buildDatasetInSteps({ ...options, outPath: stepped });
		expect(b.ok && b.contentHash).toBe(a.ok && a.contentHash);
		expect(tablesOf(stepped)).toEqual(tablesOf(whole));

		const brokenDir = temporaryDir();
		const failed = await buildDatasetInSteps({
			dataDir: fixtureDir('broken-data'),
			outPath: join(brokenDir, 'x.sqlite'),
			today: FIXED_TODAY
		});
		expect(failed.ok).toBe(false);
		expect(readdirSync(brokenDir)).toEqual([]);
	}, 60_000);
	it('writes the same dataset from the command line, which derives on a second thread', () => {
		const whole = join(temporaryDir(), 'whole.sqlite');
		const cli = join(temporaryDir(), 'cli.sqlite');
		const a = buildDataset({ dataDir: realDataDir, today: FIXED_TODAY, outPath: whole });
		// As `npm run data:build` runs it: bundled, with the derivations' worker beside it.
		execFileSync(process.execPath, ['src/lib/server/db/run-build-cli.js', '--second-thread'], {
			env: {
				...process.env,
				DATA_DIR: realDataDir,
				DATASET_DB_PATH: cli,
				DATASET_TODAY: FIXED_TODAY,
				STATE_DB_PATH: join(temporaryDir(), 'no-state.sqlite')
			}
		});
		expect(a.ok).toBe(true);
		expect(tablesOf(cli)).toEqual(tablesOf(whole));
	}, 60_000);

	it('fails, leaving no file behind, when the other thread fails to derive', async () => {
		const dir = temporaryDir();
		const given: string[] = [];
		const build = buildDatasetInSteps({
			dataDir: realDataDir,
			today: FIXED_TODAY,
			outPath: join(dir, 'x.sqlite'),
			deriveElsewhere: async (path) => {
				given.push(path);
				throw new Error('the thread stopped');
			}
		});
		await expect(build).rejects.toThrow('the thread stopped');
		expect(given).toHaveLength(1);
		expect(readdirSync(dir)).toEqual([]);
	}, 60_000);
});
