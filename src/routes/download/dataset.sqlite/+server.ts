// /download/dataset.sqlite: the published SQLite dataset itself, named after its version.
import { datasetFileStream, getDataset } from '$lib/server/db/dataset';
import { datasetInfo } from '$lib/server/db/queries/rounds';
import { SQLITE_DOWNLOAD_NAME } from '$lib/server/downloads/dataset-downloads';
import { downloadFilename } from '$lib/server/downloads/list-downloads';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => {
	const { version } = datasetInfo(getDataset());
	const { body, size } = datasetFileStream();
	return new Response(body, {
		headers: {
			'content-type': 'application/vnd.sqlite3',
			'content-length': String(size),
			'content-disposition': `attachment; filename="${downloadFilename(SQLITE_DOWNLOAD_NAME, version, 'sqlite')}"`,
			'access-control-allow-origin': '*'
		}
	});
};
