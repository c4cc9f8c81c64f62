// Citations and fact boxes generated from the data: the original claimant and source first, then our page and version.
import { m } from '../paraglide/messages.js';
import { closeSentences } from '../format/locale-formats';

/** The source a citation names: the first the data lists for the claim. */
export interface CitedSource {
	outlet: string;
	url: string;
	/** Already formatted for reading, or null when the page shows no date. */
	published: string | null;
}

/** Where and when our own page was read. */
export interface CitedPage {
	url: string;
	title: string;
	datasetVersion: string;
	/** Already formatted for reading. */
	accessed: string;
}

/** What a citation needs of one claim, with its figure and counted words already formatted. */
export interface CitedClaim {
	id: string;
	claimant: string;
	statedOn: string;
	statedOnText: string;
	figure: string | null;
	counted: string;
	statement: string;
	source: CitedSource;
}

/** BibTeX braces around values that must keep their case and characters. */
function bibValue(text: string): string {
	return `{${text.replace(/[{}\\]/g, '')}}`;
}

/** A plain-text citation and a BibTeX entry for one claim. */
export function citeClaim(claim: CitedClaim, page: CitedPage): { text: string; bibtex: string } {
	const common = {
		claimant: claim.claimant,
		date: claim.statedOnText,
		outlet: claim.source.outlet,
		published: claim.source.published ?? m.cite_undated(),
		sourceUrl: claim.source.url,
		pageUrl: page.url,
		version: page.datasetVersion,
		accessed: page.accessed
	};
	const text =
		claim.figure === null
			? m.cite_claim_no_figure({ ...common, statement: claim.statement })
			: m.cite_claim_text({ ...common, figure: claim.figure, counted: claim.counted });
	const bibtex = [
		`@misc{pem-${claim.id},`,
		`  author = {${bibValue(claim.claimant)}},`,
		`  title = ${bibValue(claim.figure === null ? claim.statement : m.bibtex_claim_title({ figure: claim.figure, counted: claim.counted }))},`,
		`  howpublished = ${bibValue(`${claim.source.outlet}, ${claim.source.published ?? m.cite_undated()}`)},`,
		`  url = ${bibValue(claim.source.url)},`,
		`  year = {${claim.statedOn.slice(0, 4)}},`,
		`  note = ${bibValue(m.bibtex_claim_note({ pageUrl: page.url, version: page.datasetVersion, accessed: page.accessed }))}`,
		'}'
	].join('\n');
	return { text, bibtex };
}

/** One party's statement in a round's citation. */
export interface CitedRoundStatement {
	party: string;
	claimant: string;
	figure: string;
	counted: string;
	source: CitedSource;
}

/** A plain-text citation and a BibTeX entry for a round, naming each party's figure and source first. */
export function citeRound(
	id: string,
	year: string,
	statements: readonly CitedRoundStatement[],
	page: CitedPage
): { text: string; bibtex: string } {
	const common = { title: page.title, pageUrl: page.url, version: page.datasetVersion, accessed: page.accessed };
	const text =
		statements.length === 0
			? m.cite_round_no_figures(common)
			: m.cite_round_text({
					...common,
					statements: statements
						.map((statement) => {
							const inputs = {
								party: statement.party,
								claimant: statement.claimant,
								outlet: statement.source.outlet,
								published: statement.source.published ?? m.cite_undated(),
								sourceUrl: statement.source.url,
								figure: statement.figure,
								counted: statement.counted
							};
							// A third party speaks for itself: its name is not repeated in brackets.
							return statement.party === statement.claimant
								? m.cite_round_party_self(inputs)
								: m.cite_round_party(inputs);
						})
						.join('; ')
				});
	const bibtex = [
		`@misc{pem-${id},`,
		`  author = {{Prisoner Exchange Monitor}},`,
		`  title = ${bibValue(page.title)},`,
		`  url = ${bibValue(page.url)},`,
		`  year = {${year}},`,
		`  note = ${bibValue(
			m.bibtex_round_note({
				version: page.datasetVersion,
				accessed: page.accessed,
				statements: statements
					.map((statement) =>
						m.bibtex_round_statement({
							party: statement.party,
							figure: statement.figure,
							counted: statement.counted,
							outlet: statement.source.outlet
						})
					)
					.join('; ')
			})
		)}`,
		'}'
	].join('\n');
	return { text, bibtex };
}

/** What a round's fact box says, with every value already formatted. */
export interface FactBoxInput {
	kind: string;
	date: string;
	mediators: readonly string[];
	exchangeNumber: number | null;
	directions: { population: string; direction: string; status: string; explanation: string }[];
	datasetVersion: string;
}

/** One neutral paragraph about a round, generated from the data: what it was, and per direction what is known. */
export function roundFactBox(input: FactBoxInput): string {
	const opening = m.factbox_round({
		kind: input.kind,
		date: input.date,
		mediation: input.mediators.length > 0 ? m.factbox_mediation({ mediators: input.mediators.join(', ') }) : '',
		number: input.exchangeNumber === null ? '' : m.factbox_number({ number: String(input.exchangeNumber) })
	});
	const directions = input.directions.map((direction) => m.factbox_direction(direction));
	return closeSentences([opening, ...directions, m.factbox_source({ version: input.datasetVersion })].join(' '));
}
