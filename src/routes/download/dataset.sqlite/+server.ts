// /download/dataset.sqlite: the published SQLite dataset itself, named after its version.
import { datasetFileBytes, getDataset } from '$lib/server/db/dataset';
import { datasetInfo } from '$lib/server/db/queries/rounds';
import { SQLITE_DOWNLOAD_NAME } from '$lib/server/dataset-downloads';
import { downloadFilename } from '$lib/server/downloads';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => {
	const { version } = datasetInfo(getDataset());
	return new Response(new Uint8Array(datasetFileBytes()), {
		headers: {
			'content-type': 'application/vnd.sqlite3',
			'content-disposition': `attachment; filename="${downloadFilename(SQLITE_DOWNLOAD_NAME, version, 'sqlite')}"`,
			'access-control-allow-origin': '*'
		}
	});
};
