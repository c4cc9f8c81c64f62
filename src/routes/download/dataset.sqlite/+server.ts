// /download/dataset.sqlite: the published SQLite dataset itself, named after its version.
import { datasetFileBytes, getDataset } from '$lib/server/db/dataset';
import { datasetInfo } from '$lib/server/db/queries/rounds';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => {
	const { version } = datasetInfo(getDataset());
	return new Response(new Uint8Array(datasetFileBytes()), {
		headers: {
			'content-type': 'application/vnd.sqlite3',
			'content-disposition': `attachment; filename="prisoner-exchange-monitor-${version}.sqlite"`,
			'access-control-allow-origin': '*'
		}
	});
};
