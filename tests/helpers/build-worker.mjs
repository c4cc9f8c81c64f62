// The build worker thread under tests: tsx compiles the TypeScript source (the production server runs the bundled one).
import { register } from 'tsx/esm/api';

register();
await import('../../src/lib/server/db/build-worker.ts');
