// `npm run bench:api-pages`: the first and a deep page of each API list from the production server, rendered (not cached), on a dataset you name; writes a table to bench/results/.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { cursorAfter, type KeyValue } from '../src/lib/schemas/api-paging';

const { values: options } = parseArgs({
	options: {
		app: { type: 'string', default: 'build' },
		dataset: { type: 'string' },
		port: { type: 'string', default: '5210' },
		runs: { type: 'string', default: '30' },
		limit: { type: 'string', default: '100' },
		label: { type: 'string', default: '' }
	}
});
if (!options.dataset) throw new Error('name the dataset to read: -- --dataset <file.sqlite> (e.g. the 100× file)');
const port = Number(options.port);
const runs = Number(options.runs);
const limit = Number(options.limit);

/**
 * The lists measured, each with the order its cursors name and the SQL giving the sort key of its row at an offset
 * (the same order as the API's), from which the cursor of a deep page is made without walking every page before it.
 */
const lists = [
	{
		path: '/api/v1/claims',
		order: 'claims:date_desc',
		keyAt: `SELECT stated_on, id FROM claims WHERE round_id IS NULL OR statement <> 'report'
		         ORDER BY stated_on DESC, id DESC LIMIT 1 OFFSET ?`
	},
	{
		path: '/api/v1/rounds',
		order: 'rounds:date_desc',
		keyAt: `SELECT date, round_id FROM round_items WHERE kind <> 'agreement' ORDER BY date DESC, round_id DESC LIMIT 1 OFFSET ?`
	},
	{
		path: '/api/v1/rounds?sort=gap_desc',
		order: 'rounds:gap_desc',
		keyAt: `SELECT gap, date, round_id FROM round_items WHERE kind <> 'agreement'
		         ORDER BY gap DESC, date DESC, round_id DESC LIMIT 1 OFFSET ?`
	},
	{
		path: '/api/v1/sources',
		order: 'sources',
		keyAt:
			'SELECT outlet, published_on, id FROM sources ORDER BY outlet COLLATE NOCASE, published_on, id LIMIT 1 OFFSET ?'
	}
];

/** One GET with a session cookie, which the page cache never answers: every answer is read and rendered. */
function get(path: string): Promise<{ status: number; body: string; ms: number }> {
	const started = performance.now();
	return new Promise((done, fail) => {
		request(
			{ host: '127.0.0.1', port, path, headers: { cookie: 'pem_session=bench', 'accept-encoding': 'identity' } },
			(response) => {
				let body = '';
				response.setEncoding('utf8');
				response.on('data', (chunk: string) => (body += chunk));
				response.on('end', () => done({ status: response.statusCode ?? 0, body, ms: performance.now() - started }));
			}
		)
			.on('error', fail)
			.end();
	});
}

const percentile = (times: number[], p: number) => {
	const sorted = [...times].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

async function main() {
	const scratch = mkdtempSync(join(tmpdir(), 'pem-bench-api-'));
	const dataset = join(scratch, 'dataset.sqlite');
	copyFileSync(resolve(options.dataset!), dataset);
	let server: ChildProcess | null = null;
	try {
		server = spawn(process.execPath, [resolve(options.app)], {
			stdio: ['ignore', 'ignore', 'inherit'],
			env: {
				...process.env,
				PORT: String(port),
				HOST: '127.0.0.1',
				ORIGIN: `http://127.0.0.1:${port}`,
				DATASET_DB_PATH: dataset,
				STATE_DB_PATH: join(scratch, 'state.sqlite')
			}
		});
		for (let attempt = 0; ; attempt += 1) {
			if ((await get('/healthz').catch(() => null))?.status === 200) break;
			if (attempt > 3000 || server.exitCode !== null) throw new Error('the server did not start');
			await new Promise((done) => setTimeout(done, 20));
		}
		const db = new Database(dataset, { readonly: true });
		const rows: string[] = [];
		for (const list of lists) {
			const separator = list.path.includes('?') ? '&' : '?';
			const first = JSON.parse((await get(`${list.path}${separator}limit=${limit}`)).body) as {
				total: number;
				dataset_version: string;
				rows: { id: string }[];
			};
			// The last full page: the deepest a reader paging through the list reaches.
			const offset = Math.max(0, first.total - limit);
			const key = Object.values(db.prepare(list.keyAt).get(offset - 1) as Record<string, KeyValue>);
			let cursor = cursorAfter(first.dataset_version, list.order, key);
			// A build from before key-based cursors (`--app`) names the row to start at instead.
			if ((await get(`${list.path}${separator}limit=${limit}&cursor=${cursor}`)).status === 400)
				cursor = `${first.dataset_version}.${offset}`;
			const deepPath = `${list.path}${separator}limit=${limit}&cursor=${cursor}`;
			const deep = await get(deepPath);
			const expected = Object.values(db.prepare(list.keyAt).get(offset) as Record<string, KeyValue>).at(-1);
			const firstId = (JSON.parse(deep.body) as { rows: { id: string }[] }).rows[0]?.id;
			if (deep.status !== 200 || firstId !== expected)
				throw new Error(`${deepPath}: ${deep.status}, first row ${firstId} instead of ${String(expected)}`);
			const times = { first: [] as number[], deep: [] as number[] };
			for (let run = 0; run < runs; run += 1) {
				times.first.push((await get(`${list.path}${separator}limit=${limit}`)).ms);
				times.deep.push((await get(deepPath)).ms);
			}
			rows.push(
				`| \`${list.path}\` | ${first.total} | ${offset} | ${percentile(times.first, 50).toFixed(1)} / ${percentile(times.first, 90).toFixed(1)} ms | ${percentile(times.deep, 50).toFixed(1)} / ${percentile(times.deep, 90).toFixed(1)} ms | ${(percentile(times.deep, 50) / percentile(times.first, 50)).toFixed(1)}× |`
			);
			console.log(rows.at(-1));
		}
		db.close();
		const date = new Date().toISOString();
		const table = [
			`# bench:api-pages, ${date}${options.label ? ` (${options.label})` : ''}`,
			'',
			`The production server (\`${options.app}\`) on a copy of \`${options.dataset}\`; each list's first page and its last full page (\`limit=${limit}\`), alternated, ${runs} times each, with a session cookie so that the page cache never answers (each answer is read and rendered). Wall times from the client, p50 / p90.`,
			'',
			'| list | rows | deep page starts at row | first page | deep page | deep / first (p50) |',
			'| --- | --- | --- | --- | --- | --- |',
			...rows,
			''
		].join('\n');
		mkdirSync('bench/results', { recursive: true });
		const file = `bench/results/api-pages-${date.slice(0, 16).replace(':', '')}${options.label ? `-${options.label}` : ''}.md`;
		writeFileSync(file, table);
		console.log(`\n${table}\nwritten to ${file}`);
	} finally {
		server?.kill('SIGTERM');
		rmSync(scratch, { recursive: true, force: true });
	}
}

await main();
