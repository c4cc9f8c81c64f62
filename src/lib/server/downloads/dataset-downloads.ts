// Every download of the dataset, described once for the /download page and the Dataset structured data.
import { m } from '../../paraglide/messages.js';
import { downloadFilename } from './list-downloads';

/** The SQLite file is saved as `prisoner-exchange-monitor-<version>.sqlite`. */
export const SQLITE_DOWNLOAD_NAME = 'prisoner-exchange-monitor';

/** One file: where it is served, its media type, and the name it is saved under. */
export interface DownloadFile {
	label: string;
	path: string;
	encodingFormat: string;
	filename: string;
}

/** One download with what it contains, in one or more formats. */
export interface DatasetDownload {
	id: string;
	title: string;
	description: string;
	files: DownloadFile[];
}

function listFiles(name: 'rounds' | 'claims' | 'sources', version: string): DownloadFile[] {
	return [
		{
			label: m.download_csv(),
			path: `/${name}.csv`,
			encodingFormat: 'text/csv',
			filename: downloadFilename(name, version, 'csv')
		},
		{
			label: m.download_json(),
			path: `/${name}.json`,
			encodingFormat: 'application/json',
			filename: downloadFilename(name, version, 'json')
		}
	];
}

/** The lists as CSV and JSON, then the whole SQLite file, for the given dataset version. */
export function datasetDownloads(version: string): DatasetDownload[] {
	const sqliteFilename = downloadFilename(SQLITE_DOWNLOAD_NAME, version, 'sqlite');
	return [
		{
			id: 'rounds',
			title: m.download_rounds_title(),
			description: m.download_rounds_text(),
			files: listFiles('rounds', version)
		},
		{
			id: 'claims',
			title: m.download_claims_title(),
			description: m.download_claims_text(),
			files: listFiles('claims', version)
		},
		{
			id: 'sources',
			title: m.download_sources_title(),
			description: m.download_sources_text(),
			files: listFiles('sources', version)
		},
		{
			id: 'sqlite',
			title: m.download_sqlite_title(),
			description: m.download_sqlite_text({ filename: sqliteFilename }),
			files: [
				{
					label: m.download_sqlite(),
					path: '/download/dataset.sqlite',
					encodingFormat: 'application/vnd.sqlite3',
					filename: sqliteFilename
				}
			]
		}
	];
}
