// Playwright configuration: browser journeys against the production build, in Debian's Chromium.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4173);
/** The journeys approve corrections: they get their own published dataset and state database, never the developer's. */
const scratch = `tests/.tmp/e2e-${port}`;
/** Maintainers the correction journeys log in as (created fresh for every run). */
export const e2eMaintainers = {
	alice: 'alice e2e passphrase',
	bob: 'bob e2e passphrase'
} as const;
const addMaintainers = Object.entries(e2eMaintainers)
	.map(([name, password]) => `printf '%s\\n' '${password}' | npm run -s maintainer -- add ${name}`)
	.join(' && ');

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.spec.ts',
	fullyParallel: false,
	workers: 1,
	forbidOnly: Boolean(process.env.CI),
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		browserName: 'chromium',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			// Without these, Chromium keeps trying to reach Google's services, which this network refuses.
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	webServer: {
		// The production server on the real dataset, built the same way `npm start` builds it.
		command: `rm -rf ${scratch} && npm run data:build && ${addMaintainers} && npm run build && node build`,
		url: `http://127.0.0.1:${port}/`,
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${port}`,
			DATASET_DB_PATH: `${scratch}/dataset.sqlite`,
			STATE_DB_PATH: `${scratch}/state.sqlite`,
			// The journeys send more than the default 10 suggestions an hour from one address; the limit itself is
			// tested on the server (tests/server/http.test.ts).
			SUGGESTIONS_PER_HOUR: '100'
		},
		reuseExistingServer: false,
		timeout: 180_000
	}
});
