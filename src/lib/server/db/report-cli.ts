// Command line for the coverage report: `npm run data:report` (builds the dataset first when it is stale).
import { datasetDbPath } from '../config/environment';
import { openDataset } from './dataset';
import { coverageReport, formatCoverageReport } from './report';

const db = openDataset(datasetDbPath());
console.log(formatCoverageReport(coverageReport(db)));
db.close();
