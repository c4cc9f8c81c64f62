// `npm run maintainer -- add <username> [--display <name>]` creates a maintainer (password from the terminal, hidden, or stdin); `display <username> <name>` renames one publicly.
import { createInterface } from 'node:readline';
import { stateDbPath } from '../config';
import { getState } from '../db/state';
import { addMaintainer, maintainerCount, setDisplayName } from './maintainers';
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
	'usage: npm run maintainer -- add <username> [--display "<public name>"]',
	'       npm run maintainer -- display <username> "<public name>"',
	`The password (at least ${MIN_PASSWORD_LENGTH} characters) is read from the terminal, or from stdin.`,
	'The display name is what the site shows on decisions and revisions; the username is never published.'
];

/** `add <username>` with an optional `--display <name>`, or `display <username> <name>`; null when malformed. */
function parseArguments(
	args: string[]
):
	| { command: 'add'; username: string; display: string | null }
	| { command: 'display'; username: string; display: string }
	| null {
	const [command, username, ...rest] = args;
	if (!username) return null;
	if (command === 'display' && rest.length === 1 && rest[0]) return { command, username, display: rest[0] };
	if (command !== 'add') return null;
	if (rest.length === 0) return { command, username, display: null };
	if (rest.length === 2 && rest[0] === '--display' && rest[1]) return { command, username, display: rest[1] };
	return null;
}

async function main(): Promise<number> {
	const parsed = parseArguments(process.argv.slice(2));
	if (!parsed) {
		for (const line of USAGE) console.error(line);
		return 2;
	}
	const { username, display } = parsed;
	if (parsed.command === 'display') {
		try {
			setDisplayName(getState(), username, parsed.display);
			console.log(`${username} is now shown as ${parsed.display}.`);
			return 0;
		} catch (error) {
			console.error((error as Error).message);
			return 1;
		}
	}
	const password = await readPassword(`Password for ${username} (at least ${MIN_PASSWORD_LENGTH} characters): `);
	if (process.stdin.isTTY) {
		const again = await readPassword('Repeat the password: ');
		if (again !== password) {
			console.error('The passwords differ; nothing was changed.');
			return 1;
		}
	}
	try {
		const state = getState();
		const added = await addMaintainer(state, username, password, new Date(), display);
		console.log(
			`Added maintainer ${username}, shown publicly as ${added.displayName}, to ${stateDbPath()} (${maintainerCount(state)} maintainer(s) in all).`
		);
		return 0;
	} catch (error) {
		console.error((error as Error).message);
		return 1;
	}
}

process.exit(await main());
