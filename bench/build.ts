// `npm run bench:build`: issue #12's goal "`data:build` at 100× ≤ 10 s", timed as a user runs it, alternating with another checkout.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';

const { values: options } = parseArgs({
	options: {
		// A folder of CSV files to build (else the synthetic dataset of `--scale`, seed 1, written here first).
		data: { type: 'string' },
		scale: { type: 'string', default: '100' },
		runs: { type: 'string', default: '3' },
		// Another checkout (with its node_modules) to time in turn with this one: "before", this one is "after".
		before: { type: 'string' },
		out: { type: 'string' }
	}
});
const TODAY = '2026-11-29';
const runs = Number(options.runs);
const work = mkdtempSync(join(tmpdir(), 'pem-bench-build-'));

interface Run {
	label: string;
	run: number;
	wall: number;
	user: number;
	system: number;
	peakMb: number;
	load: number;
}

/** Runs a command under /usr/bin/time, which counts the CPU of every process `npm run` starts (npm, sh, node). */
function timed(command: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Omit<Run, 'label' | 'run' | 'load'>> {
	const report = join(work, 'time.txt');
	const child = spawn('/usr/bin/time', ['-o', report, '-f', '%e %U %S %M', ...command], {
		cwd,
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...process.env, ...env }
	});
	return new Promise((done, fail) =>
		child.on('exit', (code) => {
			if (code !== 0) return fail(new Error(`${command.join(' ')} in ${cwd}: exit ${code}`));
			const [wall, user, system, kb] = readFileSync(report, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
			done({ wall: wall!, user: user!, system: system!, peakMb: Math.round(kb! / 1024) });
		})
	);
}

/** Every table's rows, hashed in rowid order (the full-text index's own tables too): two builds wrote the same content. */
function contentOf(path: string): string {
	const db = new Database(path, { readonly: true });
	try {
		const hash = createHash('sha256');
		const tables = db
			.prepare<[], { name: string; sql: string }>(
				"SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name"
			)
			.all();
		for (const { name, sql } of tables) {
			hash.update(`${name}\0${sql}\0`);
			// A virtual table is read through the tables that hold it.
			if (/^CREATE VIRTUAL/i.test(sql)) continue;
			for (const row of db.prepare(`SELECT * FROM "${name}"`).raw().iterate()) hash.update(JSON.stringify(row));
		}
		return hash.digest('hex');
	} finally {
		db.close();
	}
}

async function csvFolder(): Promise<string> {
	if (options.data) return resolve(options.data);
	const csv = join(work, 'csv');
	await timed(
		['node', '--import', 'tsx', 'src/lib/server/db/synthetic-cli.ts', '--scale', options.scale, '--out', csv],
		process.cwd(),
		{ DATASET_DB_PATH: join(work, 'synthetic.sqlite'), DATASET_TODAY: TODAY }
	);
	return csv;
}

const data = await csvFolder();
const checkouts = [{ label: 'after', dir: process.cwd() }];
if (options.before) checkouts.push({ label: 'before', dir: resolve(options.before) });
const results: Run[] = [];
const contents = new Map<string, string>();
for (let run = 1; run <= runs; run += 1) {
	for (const { label, dir } of checkouts) {
		const out = join(work, `${label}.sqlite`);
		rmSync(out, { force: true });
		const load = loadavg()[0]!;
		const measured = await timed(['npm', 'run', '--silent', 'data:build'], dir, {
			DATA_DIR: data,
			DATASET_DB_PATH: out,
			// No state database: the build of data/ alone, as on a fresh clone.
			STATE_DB_PATH: join(work, 'no-state.sqlite'),
			DATASET_TODAY: TODAY
		});
		results.push({ label, run, load, ...measured });
		console.log(
			`${label} ${run}: ${measured.wall} s wall, ${measured.user} s user, ${measured.system} s system, ${measured.peakMb} MB, load ${load.toFixed(1)}`
		);
		if (run === 1) contents.set(label, contentOf(out));
	}
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const lines = [
	`# \`npm run data:build\` of ${data.startsWith(work) ? `the synthetic ${options.scale}× dataset (seed 1)` : data} (${new Date().toISOString().slice(0, 16)} UTC)`,
	'',
	'Timed by `/usr/bin/time` (every process `npm run` starts), a new process each run, no state database; "after" is',
	`this checkout${options.before ? `, "before" is ${options.before}, alternating, starting with "after"` : ''}.`,
	'',
	'| run | build | wall | user CPU | system CPU | peak resident memory | load average (1 min) |',
	'| --- | ----- | ---- | -------- | ---------- | -------------------- | -------------------- |',
	...results.map(
		(result) =>
			`| ${result.run} | ${result.label} | ${result.wall.toFixed(1)} s | ${result.user.toFixed(2)} s | ${result.system.toFixed(2)} s | ${result.peakMb} MB | ${result.load.toFixed(1)} |`
	),
	'',
	...checkouts.map(({ label }) => {
		const mine = results.filter((result) => result.label === label);
		return `Median ${label}: ${median(mine.map((result) => result.wall)).toFixed(1)} s wall, ${median(mine.map((result) => result.user)).toFixed(2)} s user CPU, ${median(mine.map((result) => result.system)).toFixed(2)} s system CPU, ${median(mine.map((result) => result.peakMb))} MB.`;
	}),
	'',
	options.before
		? contents.get('after') === contents.get('before')
			? 'Both wrote the same tables, row for row (the full-text index included).'
			: '**The two builds wrote different tables.**'
		: ''
];
const outFile =
	options.out ?? join('bench/results', `build-${new Date().toISOString().slice(0, 16).replace(':', '')}.md`);
if (!existsSync('bench/results')) mkdirSync('bench/results', { recursive: true });
writeFileSync(outFile, lines.join('\n').trimEnd() + '\n');
console.log(`written to ${outFile}`);
rmSync(work, { recursive: true, force: true });
