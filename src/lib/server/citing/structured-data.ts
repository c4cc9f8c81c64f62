// schema.org structured data built from the dataset: the Dataset (overview and /download) and each statement's Claim.
import { countedDetailOf } from '../../format/data-words';
import { countedLabel, formatDate, formatFigure, sideLabel, statementLabel } from '../../format/figures';
import { claimSpeaker } from '../../format/data-words';
import { m } from '../../paraglide/messages.js';
import type { ClaimantSide } from '../../schemas/vocabulary';
import { datasetDownloads } from '../downloads/dataset-downloads';
import type { ClaimView, SourceRef } from '../db/queries/claims';
import type { DatasetInfo } from '../db/queries/rounds';
import { localHref } from '../../i18n/addresses';

/** The licence the dataset is published under (README and methodology: CC BY 4.0). */
export const DATASET_LICENSE_URL = 'https://creativecommons.org/licenses/by/4.0/';

/** A JSON-LD object; keys whose value is undefined are left out when it is serialised. */
type JsonLd = Record<string, unknown>;

/**
 * The Dataset: what it is, its version and build date, the time it covers, its licence and every download.
 * `dateModified` is the build date recorded in the dataset, never the time of the request.
 */
export function datasetJsonLd(info: DatasetInfo, origin: string): JsonLd {
	return {
		'@context': 'https://schema.org',
		'@type': 'Dataset',
		'@id': `${origin}/download#dataset`,
		name: m.dataset_name(),
		description: m.dataset_description(),
		url: `${origin}${localHref('/download')}`,
		version: info.version,
		dateModified: info.builtOn,
		temporalCoverage: `${info.earliestDate}/${info.latestDate}`,
		creator: { '@type': 'Organization', name: m.site_name(), url: `${origin}${localHref('/')}` },
		license: DATASET_LICENSE_URL,
		isAccessibleForFree: true,
		distribution: datasetDownloads(info.version).flatMap((download) =>
			download.files.map((file) => ({
				'@type': 'DataDownload',
				name: file.filename,
				encodingFormat: file.encodingFormat,
				contentUrl: `${origin}${file.path}`
			}))
		)
	};
}

/** Words that make a claimant an institution, an outlet or a group rather than one person. */
const institutionWords =
	/\b(the|agency|authorities|bureau|centre|center|council|forces|government|headquarters|intelligence|ministry|mission|news|novosti|office|officials?|press|radio|service|side|sources)\b/i;

/**
 * Whether a claimant is a person or an organisation, which the data does not record: a person is a name of two to four
 * capitalised words, without a word such as "Ministry" or "News", that is neither an outlet of its own sources nor
 * independent media (the `independent` side); anything else (an office, an outlet, "Ukrainian authorities", several
 * speakers) is an organisation.
 */
export function claimantType(
	claimant: string,
	side: ClaimantSide,
	outlets: readonly string[]
): 'Person' | 'Organization' {
	const looksLikeName = /^\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*){1,3}$/u.test(claimant);
	const isOutlet = outlets.some((outlet) => outlet.toLowerCase() === claimant.toLowerCase());
	return looksLikeName && !institutionWords.test(claimant) && !isOutlet && side !== 'independent'
		? 'Person'
		: 'Organization';
}

/** A source as the page it is: its address, title, publisher, date and language. */
function creativeWork(source: SourceRef): JsonLd {
	return {
		'@type': 'CreativeWork',
		url: source.url,
		name: source.title ?? undefined,
		publisher: { '@type': 'Organization', name: source.outlet },
		datePublished: source.publishedOn ?? undefined,
		inLanguage: source.language
	};
}

/** The first source published, or the first listed when none is dated earlier. */
function earliestSource(sources: readonly SourceRef[]): SourceRef | undefined {
	return sources.reduce<SourceRef | undefined>((earliest, source) => {
		if (!earliest) return source;
		if (source.publishedOn === null) return earliest;
		return earliest.publishedOn === null || source.publishedOn < earliest.publishedOn ? source : earliest;
	}, undefined);
}

/**
 * A statement as a schema.org Claim: its text from our data, the claimant as author, the day it was stated, every
 * source as an appearance and the earliest as the first, and our page as its url.
 */
export function claimJsonLd(claim: ClaimView, origin: string): JsonLd {
	const base = {
		// The sentence names the speaker in the page's language; the author below keeps the name as recorded.
		claimant: claimSpeaker(claim),
		side: sideLabel(claim.side),
		date: formatDate(claim.statedOn),
		detail: countedDetailOf(claim)
	};
	const firstSource = earliestSource(claim.sources);
	return {
		'@context': 'https://schema.org',
		'@type': 'Claim',
		url: `${origin}${localHref(`/claims/${claim.id}`)}`,
		text:
			claim.number !== null && claim.qualifier !== null
				? m.jsonld_claim_text({
						...base,
						figure: formatFigure(claim.number, claim.qualifier),
						counted: countedLabel(claim.counted)
					})
				: m.jsonld_claim_text_no_figure({ ...base, statement: statementLabel(claim.statement).toLowerCase() }),
		author: {
			'@type': claimantType(
				claim.claimant,
				claim.side,
				claim.sources.map((source) => source.outlet)
			),
			name: claim.claimant
		},
		datePublished: claim.statedOn,
		appearance: claim.sources.map(creativeWork),
		firstAppearance: firstSource ? creativeWork(firstSource) : undefined
	};
}
