// Stops the browser tests early, with instructions, when Debian's Chromium is not installed.
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
	console.error(
		[
			`Chromium was not found at ${chromium}.`,
			"The browser tests drive Debian's Chromium (Playwright's own browser download does not work on this network).",
			'Install it with:  sudo apt-get update && sudo apt-get install -y chromium',
			'or point CHROMIUM_PATH at another Chromium binary.'
		].join('\n')
	);
	process.exit(1);
}
