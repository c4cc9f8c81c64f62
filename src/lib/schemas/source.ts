// The source entity: one web page (or document) that carries at least one stated figure.
import { z } from 'zod';
import { SourceKind, SourceReliability } from './vocabulary';
import { httpUrl, isoDate, optional, recordId } from './fields';

/** One row of data/sources.csv, as validated by the build. */
export const SourceRow = z.object({
	id: recordId,
	url: httpUrl,
	outlet: z.string().trim().min(1, 'outlet is required'),
	title: optional(z.string().trim()),
	published_on: optional(isoDate),
	accessed_on: optional(isoDate),
	kind: SourceKind,
	language: z.string().regex(/^[a-z]{2}$/, 'expected an ISO 639-1 language code such as en, uk, ru'),
	archive_url: optional(httpUrl),
	reliability: SourceReliability,
	/** What a reader should know about the page itself (e.g. that it is a copy and no original was found). */
	note: optional(z.string().trim())
});
export type SourceRow = z.infer<typeof SourceRow>;

/** Column order of data/sources.csv (also the export column order). */
export const sourceColumns = Object.keys(SourceRow.shape) as (keyof SourceRow)[];
