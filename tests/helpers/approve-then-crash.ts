// Run as a child process by the interrupted-publish test: approves a correction and is killed between the commit and the rename.
import { publishTarget } from '../../src/lib/server/corrections/publishing';
import { approveCorrection } from '../../src/lib/server/corrections/review';
import { getState } from '../../src/lib/server/db/state';

const [correctionId, maintainerId] = process.argv.slice(2).map(Number);
const target = { ...publishTarget(), afterCommit: () => process.kill(process.pid, 'SIGKILL') };
const outcome = await approveCorrection(getState(), target, correctionId ?? 0, {
	maintainerId: maintainerId ?? 0,
	reason: 'The ministry published the corrected figure.',
	now: new Date('2026-05-02T10:00:00Z'),
	singleMaintainer: false
});
// Reached only when the approval was refused, which the test reports.
console.error(JSON.stringify(outcome));
process.exit(3);
