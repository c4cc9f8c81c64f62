// `npm run maintainer -- add <username> [--display <name>] [--email <address>]` (password from the terminal, hidden, or stdin); `display` and `email` change one.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { stateDbPath } from '../config/environment';
import { getState } from '../db/state';
import { addMaintainer, maintainerCount, setDisplayName, setEmail } from './maintainers';
import { MIN_PASSWORD_LENGTH } from './password';

/** Reads one line without echoing it when stdin is a terminal; reads the first line of stdin otherwise. */
async function readPassword(prompt: string): Promise<string> {
	const input = process.stdin;
	if (!input.isTTY) {
		const lines = createInterface({ input });
		for await (const line of lines) {
			lines.close();
			return line;
		}
		return '';
	}
	process.stdout.write(prompt);
	input.setRawMode(true);
	input.resume();
	input.setEncoding('utf8');
	return new Promise((resolve, reject) => {
		let typed = '';
		const onData = (chunk: string) => {
			for (const character of chunk) {
				if (character === '\r' || character === '\n') {
					input.setRawMode(false);
					input.pause();
					input.off('data', onData);
					process.stdout.write('\n');
					resolve(typed);
					return;
				}
				if (character === '\u0003') {
					input.setRawMode(false);
					reject(new Error('cancelled'));
					return;
				}
				if (character === '\u007f') typed = typed.slice(0, -1);
				else typed += character;
			}
		};
		input.on('data', onData);
	});
}

const USAGE = [
	'usage: npm run maintainer -- add <username> [--display "<public name>"] [--email <own address>]',
	'       npm run maintainer -- display <username> "<public name>"',
	'       npm run maintainer -- email <username> <own address>',
	`The password (at least ${MIN_PASSWORD_LENGTH} characters) is read from the terminal, or from stdin.`,
	'The display name is what the site shows on decisions and revisions; the username is never published.',
	'A suggestion that gives the own address as its contact counts as the maintainer’s own: they cannot approve it.'
];

type Command =
	| { command: 'add'; username: string; display: string | null; email: string | null }
	| { command: 'display' | 'email'; username: string; value: string };

/** The command line as one of the commands; null when it is malformed. */
function parseCommand(args: string[]): Command | null {
	try {
		const { values, positionals } = parseArgs({
			args,
			allowPositionals: true,
			options: { display: { type: 'string' }, email: { type: 'string' } }
		});
		const [command, username, value, ...rest] = positionals;
		if (!username || rest.length > 0) return null;
		if (command === 'add' && value === undefined) {
			return { command, username, display: values.display ?? null, email: values.email ?? null };
		}
		if ((command === 'display' || command === 'email') && value && Object.keys(values).length === 0) {
			return { command, username, value };
		}
		return null;
	} catch {
		return null;
	}
}

async function main(): Promise<number> {
	const parsed = parseCommand(process.argv.slice(2));
	if (!parsed) {
		for (const line of USAGE) console.error(line);
		return 2;
	}
	const { username } = parsed;
	try {
		if (parsed.command === 'add') return await add(parsed);
		if (parsed.command === 'display') {
			setDisplayName(getState(), username, parsed.value);
			console.log(`${username} is now shown as ${parsed.value}.`);
			return 0;
		}
		setEmail(getState(), username, parsed.value);
		console.log(`Suggestions giving ${parsed.value} now count as ${username}'s own.`);
		return 0;
	} catch (error) {
		console.error((error as Error).message);
		return 1;
	}
}

/** Adds a maintainer with a password read from the terminal (twice) or stdin. */
async function add({ username, display, email }: Extract<Command, { command: 'add' }>): Promise<number> {
	const password = await readPassword(`Password for ${username} (at least ${MIN_PASSWORD_LENGTH} characters): `);
	if (process.stdin.isTTY) {
		const again = await readPassword('Repeat the password: ');
		if (again !== password) {
			console.error('The passwords differ; nothing was changed.');
			return 1;
		}
	}
	const state = getState();
	const added = await addMaintainer(state, username, password, new Date(), display, email);
	console.log(
		`Added maintainer ${username}, shown publicly as ${added.displayName}, to ${stateDbPath()} (${maintainerCount(state)} maintainer(s) in all).`
	);
	return 0;
}

process.exit(await main());
