import { validateDataset } from './src/lib/server/db/build';
const s = performance.now();
const r = validateDataset('/tmp/s100/csv', '2026-11-29');
console.log('validate', Math.round(performance.now() - s), r.problems.length, process.cpuUsage().user / 1000 | 0);
