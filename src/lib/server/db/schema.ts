// The SQLite schema of the published dataset, with an index for every lookup the pages make and a full-text index.

/**
 * The version of what the build writes: raise it whenever the schema, the meta keys or the search forms the index holds
 * (search-folding.ts) or the definition of the content hash change, so that `data:build --if-stale` rebuilds a file
 * written by an older build even when data/ has not changed (15: the content hash became a sum of row digests, which an
 * approval updates from the published file's hash; 17: a dispute's stored figures are only those it compares; 18: what
 * each event adds to the running sums and what each dispute's facts read of its figures are stored, so that an
 * approval updates the chart tables instead of rewriting them; 19: figures marked as one part of a day's returns).
 */
export const DATASET_SCHEMA_VERSION = 19;

/** DDL run on a fresh dataset database by the build: the tables (their indexes come after the rows, see below). */
export const DATASET_SCHEMA_SQL = `
CREATE TABLE meta (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;

CREATE TABLE sources (
	id TEXT PRIMARY KEY,
	url TEXT NOT NULL,
	outlet TEXT NOT NULL,
	title TEXT,
	published_on TEXT,
	accessed_on TEXT,
	kind TEXT NOT NULL,
	language TEXT NOT NULL,
	archive_url TEXT,
	reliability TEXT NOT NULL,
	note TEXT
) STRICT;

CREATE TABLE rounds (
	id TEXT PRIMARY KEY,
	date TEXT NOT NULL,
	end_date TEXT,
	kind TEXT NOT NULL,
	kyiv_exchange_number INTEGER,
	parent_id TEXT REFERENCES rounds (id),
	summary TEXT NOT NULL,
	summary_uk TEXT NOT NULL,
	summary_ru TEXT NOT NULL
) STRICT;

-- data/mediators.csv: each mediator as rounds.csv records it, its names in Ukrainian and Russian and where they were read.
CREATE TABLE mediators (
	name TEXT PRIMARY KEY,
	name_uk TEXT NOT NULL,
	name_ru TEXT NOT NULL,
	source_uk TEXT NOT NULL,
	source_ru TEXT NOT NULL,
	reason TEXT NOT NULL
) STRICT;

CREATE TABLE round_mediators (
	round_id TEXT NOT NULL REFERENCES rounds (id),
	mediator TEXT NOT NULL REFERENCES mediators (name),
	position INTEGER NOT NULL,
	PRIMARY KEY (round_id, mediator)
) STRICT;

-- data/claimants.csv: who stated figures, one row per person or body however the pages spell the name.
CREATE TABLE claimants (
	id TEXT PRIMARY KEY,
	name_en TEXT NOT NULL,
	name_uk TEXT NOT NULL,
	name_ru TEXT NOT NULL,
	role TEXT,
	role_uk TEXT,
	role_ru TEXT,
	organisation TEXT,
	organisation_uk TEXT,
	organisation_ru TEXT,
	side TEXT NOT NULL
) STRICT;
CREATE INDEX claimants_by_name ON claimants (name_en COLLATE NOCASE, id);

CREATE TABLE claims (
	id TEXT PRIMARY KEY,
	round_id TEXT REFERENCES rounds (id),
	stated_on TEXT NOT NULL,
	claimant TEXT NOT NULL,
	claimant_id TEXT NOT NULL REFERENCES claimants (id),
	claimant_side TEXT NOT NULL,
	statement TEXT NOT NULL,
	counted TEXT NOT NULL,
	counted_detail TEXT NOT NULL,
	counted_detail_uk TEXT NOT NULL,
	counted_detail_ru TEXT NOT NULL,
	number INTEGER,
	qualifier TEXT,
	responds_to TEXT REFERENCES claims (id),
	note TEXT NOT NULL
) STRICT;

CREATE TABLE claim_sources (
	claim_id TEXT NOT NULL REFERENCES claims (id),
	source_id TEXT NOT NULL REFERENCES sources (id),
	position INTEGER NOT NULL,
	PRIMARY KEY (claim_id, source_id)
) STRICT;

-- What the build derives of each claim by the rules of domain/claim-context.ts (see queries/statements.ts), so that a
-- page reads the verdicts it shows instead of judging every claim: the verdict's structure as JSON (its sentence is
-- written in the reader's language when shown), the ids of the claims that support it in order, and its answers.
CREATE TABLE claim_verdicts (
	claim_id TEXT PRIMARY KEY REFERENCES claims (id),
	verdict TEXT NOT NULL,
	supporting TEXT NOT NULL,
	response_count INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- What the build derives of each round from its claims by the rules of domain/round-figures.ts (see queries/rounds.ts):
-- the round as the lists show it (its figures, statuses and other figures) as JSON, with the columns /rounds filters and
-- sorts on, so that a page reads its 25 rounds instead of deriving every round.
CREATE TABLE round_items (
	round_id TEXT PRIMARY KEY REFERENCES rounds (id),
	date TEXT NOT NULL,
	kind TEXT NOT NULL,
	status_to_ukraine TEXT NOT NULL,
	status_to_russia TEXT NOT NULL,
	gap INTEGER NOT NULL,
	item TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- Each round's share of the totals per population and direction (totalsByDirection of that round alone: the totals of
-- any selection of rounds are the sums of their shares), so that the totals of /rounds's filters are added up in SQL.
CREATE TABLE round_totals (
	round_id TEXT NOT NULL REFERENCES rounds (id),
	population TEXT NOT NULL,
	direction TEXT NOT NULL,
	confirmed INTEGER NOT NULL,
	confirmed_rounds INTEGER NOT NULL,
	partly_confirmed_rounds INTEGER NOT NULL,
	ukraine_sum INTEGER NOT NULL,
	ukraine_rounds INTEGER NOT NULL,
	russia_sum INTEGER NOT NULL,
	russia_rounds INTEGER NOT NULL,
	rounds_with_figures INTEGER NOT NULL,
	rounds INTEGER NOT NULL,
	rounds_without_figure INTEGER NOT NULL,
	rounds_combined_only INTEGER NOT NULL,
	PRIMARY KEY (round_id, population, direction)
) STRICT, WITHOUT ROWID;

-- What the overview's charts take of each event (agreements aside): its statuses and figures with their speakers'
-- names in every language, as JSON without the explanations' sentences. The build derives the chart tables below from
-- these rows (see chart-tables.ts); no page reads them. kyiv, moscow and confirmed are what the event adds to the
-- running sums of people returned to Ukraine (chart_sums), summed in SQL when an approval moves some events.
CREATE TABLE chart_rounds (
	round_id TEXT PRIMARY KEY REFERENCES rounds (id),
	date TEXT NOT NULL,
	input TEXT NOT NULL,
	kyiv INTEGER NOT NULL,
	moscow INTEGER NOT NULL,
	confirmed INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- The rows of each timeline's table (src/lib/charts/timeline.ts), one per event of the population with a figure, at
-- their place in it (oldest first): a page reads its rows by position. The marks are JSON, in no language.
CREATE TABLE chart_timeline (
	population TEXT NOT NULL,
	position INTEGER NOT NULL,
	round_id TEXT NOT NULL REFERENCES rounds (id),
	date TEXT NOT NULL,
	kind TEXT NOT NULL,
	to_ukraine TEXT,
	to_russia TEXT,
	PRIMARY KEY (population, position)
) STRICT, WITHOUT ROWID;

-- The rows of the discrepancy chart's table, one per event and direction whose figures differ, at their place in it
-- (newest first); the chart draws the latest of each population. Its figures are JSON, with their speakers' names;
-- figure_facts is what the chart's facts read of them (each one's qualifier and party, JSON), read again by an approval.
CREATE TABLE chart_disputes (
	position INTEGER PRIMARY KEY,
	population TEXT NOT NULL,
	round_id TEXT NOT NULL REFERENCES rounds (id),
	date TEXT NOT NULL,
	kind TEXT NOT NULL,
	direction TEXT NOT NULL,
	low INTEGER NOT NULL,
	high INTEGER NOT NULL,
	figures TEXT NOT NULL,
	figure_facts TEXT NOT NULL
) STRICT;

-- The cumulative chart's running sums after the events of each day, oldest first: its lines and its first table.
CREATE TABLE chart_sums (
	position INTEGER PRIMARY KEY,
	date TEXT NOT NULL UNIQUE,
	kyiv INTEGER NOT NULL,
	moscow INTEGER NOT NULL,
	confirmed INTEGER NOT NULL
) STRICT;

-- The running totals officials stated of people returned to Ukraine (the cumulative chart's markers and second table),
-- oldest first, each with Kyiv's running sum on its day: a page reads its rows by position.
CREATE TABLE chart_stated (
	position INTEGER PRIMARY KEY,
	claim_id TEXT NOT NULL REFERENCES claims (id),
	kyiv_sum INTEGER NOT NULL
) STRICT;

-- What each chart says of all its rows, in a few numbers whatever their number (JSON, in no language): a timeline's
-- sums by month, the discrepancies' counts, largest gap and parties. The charts are drawn from these rows.
CREATE TABLE chart_facts (
	chart TEXT PRIMARY KEY,
	facts TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- How many statements (claims but a round's report) there are of each kind, year and claimant: /claims and its API count
-- the statements matching any filters from these few rows (at most kinds × years × claimants) instead of every statement.
CREATE TABLE statement_counts (
	statement TEXT NOT NULL,
	year TEXT NOT NULL,
	claimant_id TEXT NOT NULL,
	count INTEGER NOT NULL,
	PRIMARY KEY (statement, year, claimant_id)
) STRICT, WITHOUT ROWID;

-- data/decisions/offer-rounds.csv: the rounds carried out under an offer outside any agreement, with the reason.
CREATE TABLE offer_rounds (
	offer_id TEXT NOT NULL REFERENCES claims (id),
	round_id TEXT NOT NULL REFERENCES rounds (id),
	reason TEXT NOT NULL,
	position INTEGER NOT NULL,
	PRIMARY KEY (offer_id, round_id)
) STRICT;

-- data/decisions/figure-parts.csv: in one direction, a claim's figure counts only one part of the day's returns (those
-- inside the exchange, or those handed over outside it), with the reason; round figures never compare it as a whole.
CREATE TABLE figure_parts (
	claim_id TEXT NOT NULL REFERENCES claims (id),
	direction TEXT NOT NULL,
	part TEXT NOT NULL,
	reason TEXT NOT NULL,
	PRIMARY KEY (claim_id, direction)
) STRICT;

-- Every record's CSV cells as published (data/ with the accepted corrections), in file order:
-- what a correction is compared against, and what \`npm run data:export\` writes back to data/.
-- Tombstones from data/removed.csv: ids never reused, whose pages answer 410 Gone.
CREATE TABLE removed_records (
	entity TEXT NOT NULL,
	id TEXT NOT NULL,
	removed_on TEXT NOT NULL,
	reason TEXT NOT NULL,
	replaced_by TEXT,
	PRIMARY KEY (entity, id)
) STRICT;

CREATE TABLE record_cells (
	entity TEXT NOT NULL,
	id TEXT NOT NULL,
	position INTEGER NOT NULL,
	cells TEXT NOT NULL,
	PRIMARY KEY (entity, id)
) STRICT;

-- Search over rounds, claims and sources: one row per record (see search-index.ts). unicode61 splits on anything that
-- is not a letter or digit in any script (Cyrillic outlet names included) and folds case and Latin diacritics, so
-- "Erdoğan" finds "Erdogan"; no stemmer, because porter would stem names and numbers. name_forms and text_forms hold
-- the words of who it is and of what it says in every language, transliterated, folded and stemmed by the build
-- (search-folding.ts), so that "Мединского", "Мединський" and "Medinskiy" meet "Medinsky". Ranked by bm25 with who
-- said it (name, name_forms) weighing most, then numbers, dates and coded values (terms), then the summary or note
-- (text, text_forms).
CREATE VIRTUAL TABLE search_index USING fts5(
	kind UNINDEXED,
	record_id UNINDEXED,
	name,
	text,
	terms,
	name_forms,
	text_forms,
	tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO search_index (search_index, rank) VALUES ('rank', 'bm25(0.0, 0.0, 8.0, 2.0, 4.0, 8.0, 2.0)');
`;

/** The indexes of the lookups the pages make, created once every row is written (faster than keeping them up to date row by row). */
export const DATASET_INDEXES_SQL = `
-- /sources reads one page in this order.
CREATE INDEX sources_by_outlet ON sources (outlet COLLATE NOCASE, published_on, id);
CREATE INDEX rounds_by_date ON rounds (date, id);
CREATE INDEX rounds_by_parent ON rounds (parent_id);
CREATE INDEX claims_by_round ON claims (round_id, counted);
CREATE INDEX claims_by_response ON claims (responds_to);
CREATE INDEX claims_by_statement ON claims (statement, stated_on, id);
-- /claims and its API read one page of statements (every claim but a round's report) in date order, whole or by kind
-- or claimant; the partial indexes hold only statements, so a page reads no report.
CREATE INDEX statements_by_date ON claims (stated_on, id) WHERE (round_id IS NULL OR statement <> 'report');
CREATE INDEX statements_by_kind ON claims (statement, stated_on, id) WHERE (round_id IS NULL OR statement <> 'report');
CREATE INDEX statements_by_claimant ON claims (claimant_id, stated_on, id) WHERE (round_id IS NULL OR statement <> 'report');
-- Statements are compared with every claim counting the same thing (see queries/statements.ts).
CREATE INDEX claims_by_counted ON claims (counted, stated_on, id);
-- A claimant's page lists their statements newest first.
CREATE INDEX claims_by_claimant ON claims (claimant_id, stated_on, id);
CREATE INDEX claim_sources_by_source ON claim_sources (source_id);
-- /rounds reads one page of events (agreements aside) by date, by kind, or by the largest gap between figures.
CREATE INDEX events_by_date ON round_items (date, round_id) WHERE kind <> 'agreement';
CREATE INDEX events_by_kind ON round_items (kind, date, round_id) WHERE kind <> 'agreement';
CREATE INDEX events_by_gap ON round_items (gap, date, round_id) WHERE kind <> 'agreement';
CREATE INDEX agreements_by_date ON round_items (date, round_id) WHERE kind = 'agreement';
-- A panel of the discrepancy chart draws the latest rows of its population.
CREATE INDEX chart_disputes_by_population ON chart_disputes (population, position);
-- An approval adds up the running sums from a day on (see chart-tables.ts) without reading the events' inputs, and
-- reads the stated totals from a day on.
CREATE INDEX chart_rounds_by_date ON chart_rounds (date, kyiv, moscow, confirmed);
CREATE INDEX stated_totals_by_date ON claims (stated_on, id)
	WHERE statement = 'running_total' AND counted = 'people_to_ukraine' AND number IS NOT NULL;
CREATE INDEX round_mediators_by_mediator ON round_mediators (mediator, round_id);
-- /claims offers the years of statements, newest first.
CREATE INDEX statement_counts_by_year ON statement_counts (year);
`;
