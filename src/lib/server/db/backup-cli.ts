// `npm run db:backup [-- <file>]`: an online backup of the application's database with SQLite's backup API.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { backupDir, stateDbPath } from '../config/environment';
import { getState } from './state';

const source = stateDbPath();
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const destination = resolve(process.argv[2] ?? join(backupDir(), `app-${stamp}.sqlite`));
mkdirSync(dirname(destination), { recursive: true });
// The backup copies page by page while the server may keep writing; the result is a consistent snapshot.
await getState().backup(destination);
console.log(`backed up ${source} to ${destination}`);
