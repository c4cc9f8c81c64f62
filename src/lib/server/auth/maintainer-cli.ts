// `npm run maintainer -- add <username>`: creates a maintainer; the password is read from the terminal (hidden) or stdin.
import { createInterface } from 'node:readline';
import { stateDbPath } from '../config';
import { getState } from '../db/state';
import { addMaintainer, maintainerCount } from './maintainers';
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

async function main(): Promise<number> {
	const [command, username] = process.argv.slice(2);
	if (command !== 'add' || !username) {
		console.error('usage: npm run maintainer -- add <username>');
		console.error(
			`The password (at least ${MIN_PASSWORD_LENGTH} characters) is read from the terminal, or from stdin.`
		);
		return 2;
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
		await addMaintainer(state, username, password, new Date());
		console.log(`Added maintainer ${username} to ${stateDbPath()} (${maintainerCount(state)} maintainer(s) in all).`);
		return 0;
	} catch (error) {
		console.error((error as Error).message);
		return 1;
	}
}

process.exit(await main());
