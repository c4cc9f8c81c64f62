// The README stays true: its tables name every script and environment variable, and no count of the data goes stale.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

const readme = readFileSync('README.md', 'utf8');

/** The body of a `## heading` section, up to the next heading of the same level. */
function section(markdown: string, heading: string): string {
	const start = markdown.indexOf(`\n## ${heading}\n`);
	if (start < 0) throw new Error(`README has no section "${heading}"`);
	const end = markdown.indexOf('\n## ', start + 1);
	return markdown.slice(start, end < 0 ? undefined : end);
}

/** The first cell of every body row of the markdown tables in `text`. */
function firstCells(text: string): string[] {
	return text
		.split('\n')
		.filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
		.slice(1)
		.map((line) => line.split('|')[1] ?? '');
}

/** Every file under `dir` whose name ends with one of `extensions`. */
function filesUnder(dir: string, extensions: string[]): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return name === 'paraglide' ? [] : filesUnder(path, extensions);
		return extensions.some((extension) => name.endsWith(extension)) ? [path] : [];
	});
}

/** Names of environment variables read in `files`: `process.env.X`, `env.X` ($env/dynamic) and adapter-node's `env('X')`. */
function variablesReadIn(files: string[]): Set<string> {
	const pattern = /(?:process\.env\.|\benv\.|\benv\(')([A-Z][A-Z0-9_]*)/g;
	return new Set(
		files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(pattern)].map((match) => match[1] as string))
	);
}

describe('the README', () => {
	it('lists every package.json script in its scripts table, and no other', () => {
		const scripts = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>);
		const documented = firstCells(section(readme, 'Scripts')).flatMap((cell) =>
			[...cell.matchAll(/`npm (?:run )?([a-z][\w:-]*)/g)].map((match) => match[1] as string)
		);
		expect([...new Set(documented)].sort()).toEqual([...scripts].sort());
	});

	const documentedVariables = new Set(
		firstCells(section(readme, 'Environment variables')).flatMap((cell) =>
			[...cell.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((match) => match[1] as string)
		)
	);

	it('lists every environment variable the application reads', () => {
		const read = variablesReadIn(filesUnder('src', ['.ts', '.js', '.svelte']));
		expect(read.size).toBeGreaterThan(0);
		expect([...read].filter((name) => !documentedVariables.has(name))).toEqual([]);
	});

	it('lists only environment variables that something in the repository or adapter-node reads', () => {
		const read = variablesReadIn([
			...filesUnder('src', ['.ts', '.js', '.svelte']),
			...filesUnder('tests/e2e', ['.ts', '.js']),
			'playwright.config.ts',
			...filesUnder('node_modules/@sveltejs/adapter-node/files', ['.js'])
		]);
		expect([...documentedVariables].filter((name) => !read.has(name))).toEqual([]);
	});

	it.each(['README.md', 'data/README.md', 'CONTRIBUTING.md'])(
		'%s writes no count of the dataset, which would go stale (data:report prints them)',
		(file) => {
			const counts = readFileSync(file, 'utf8').match(
				/(?<![\d–-])\b(?!(?:19|20)\d\d\b)\d[\d,]*\s+(?:rounds|events|claims|statements|sources|agreements)\b/g
			);
			expect(counts).toBeNull();
		}
	);
});

describe('the research files are documented as they are', () => {
	const researchReadme = readFileSync('data/research/README.md', 'utf8');
	const files = readdirSync('data/research').filter((name) => name.endsWith('.csv'));

	it.each(files)('%s is in the table of data/research/README.md with its number of rows', (file) => {
		const rows = (parse(readFileSync(join('data/research', file)), { columns: true }) as unknown[]).length;
		const line = researchReadme.split('\n').find((text) => text.startsWith(`| \`${file}\``));
		expect(line, `${file} is not listed`).toBeDefined();
		expect(line?.split('|').map((cell) => cell.trim())[3]).toBe(String(rows));
	});

	it("data/README.md names every prefix of the import log's research ids", () => {
		const log = parse(readFileSync('data/import-log.csv'), { columns: true }) as { research_id: string }[];
		const prefixes = new Set(log.map((row) => row.research_id.split('-')[0]));
		const dataReadme = readFileSync('data/README.md', 'utf8');
		expect([...prefixes].filter((prefix) => !dataReadme.includes(`\`${prefix}-…\``))).toEqual([]);
	});
});
