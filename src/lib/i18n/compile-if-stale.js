// Runs `npm run i18n:compile` unless src/lib/paraglide was compiled from the same messages, settings and compiler.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Plain JavaScript, not TypeScript: it runs before anything else of `npm run data:build`, and compiling takes seconds
// (four of CPU), more than a whole build of the real data, so a build skips it when nothing it reads has changed.
const project = 'src/lib/i18n/project.inlang';
const messages = 'src/lib/i18n/messages';
const outdir = 'src/lib/paraglide';
const stampPath = join(outdir, '.compiled-from');

/** A hash of everything the compiled messages depend on: the command, the compiler and plugin, the settings and messages. */
function inputsHash() {
	const hash = createHash('sha256');
	const read = (/** @type {string} */ path) => hash.update(`${path}\0`).update(readFileSync(path)).update('\0');
	hash.update(JSON.parse(readFileSync('package.json', 'utf8')).scripts['i18n:compile']);
	read('node_modules/@inlang/paraglide-js/package.json');
	read('node_modules/@inlang/plugin-message-format/package.json');
	read(join(project, 'settings.json'));
	for (const file of readdirSync(messages).sort()) read(join(messages, file));
	return hash.digest('hex');
}

const wanted = inputsHash();
const compiled = existsSync(stampPath) ? readFileSync(stampPath, 'utf8') : '';
// The compiler empties its folder first, so a stamp is never older than the files beside it.
if (compiled !== wanted || !existsSync(join(outdir, 'messages.js')) || !existsSync(join(outdir, 'runtime.js'))) {
	execFileSync('npm', ['run', 'i18n:compile', '--silent'], { stdio: 'inherit' });
	writeFileSync(stampPath, wanted);
}
