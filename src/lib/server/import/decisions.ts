// The editorial decisions of the research import, read from data/decisions/*.csv (one decision a row, each with its reason).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseCsv } from '../db/csv';
import { httpUrl, isoDate } from '../../schemas/fields';
import { ClaimantSide, Counted, SourceReliability } from '../../schemas/vocabulary';

const researchId = z.string().regex(/^[a-z0-9]+-\d{3}$/, 'expected a research row id such as r24-183');
const reason = z.string().trim().min(10, 'say why');

/** A research row left out of the dataset. */
export const ExclusionRow = z.object({ research_id: researchId, reason });

/** A research row whose field the keyword rules or the research got wrong, set to the value the page supports. */
export const RecodeRow = z
	.object({
		research_id: researchId,
		field: z.enum(['counted', 'claimant', 'claimant_side', 'counted_detail']),
		value: z.string().trim().min(1),
		reason
	})
	.superRefine((row, context) => {
		const check = row.field === 'counted' ? Counted : row.field === 'claimant_side' ? ClaimantSide : null;
		if (check && !check.safeParse(row.value).success)
			context.addIssue({ code: 'custom', message: `${row.value} is not a valid ${row.field}` });
	});

/** A research row that states the same thing as another row although its wording differs: it joins that statement. */
export const MergeRow = z.object({ research_id: researchId, into: researchId, reason });

/** A rewrite applied to every public note: a regular expression (global, case-sensitive) and its replacement. */
export const NoteRuleRow = z.object({ pattern: z.string().min(1), replacement: z.string(), reason }).refine((row) => {
	try {
		new RegExp(row.pattern, 'g');
		return true;
	} catch {
		return false;
	}
}, 'pattern is not a valid regular expression');

/** A claim's public note written afresh (empty: no note). */
export const NoteRow = z.object({
	claim_id: z.string().regex(/^c\d{4}$/),
	note: z.string().trim(),
	reason
});

/** How far the pages of one host (and its subdomains) can be relied on. */
export const SourceDomainRow = z.object({
	domain: z.string().regex(/^[a-z0-9.-]+\.[a-z0-9-]+$/, 'expected a host name such as tass.ru'),
	reliability: SourceReliability,
	reason
});

/** One page whose reliability differs from its host's, or that needs a note for the reader. */
export const SourceOverrideRow = z.object({
	url: httpUrl,
	reliability: SourceReliability,
	note: z.string().trim(),
	reason
});

/**
 * A copy replaced by the original (or a primary or major page) carrying the same statement, read on that page: the
 * research rows that cite the copy cite the original instead.
 */
export const SourceReplacementRow = z.object({
	url: httpUrl,
	original_url: httpUrl,
	outlet: z.string().trim().min(1),
	published_on: z.union([isoDate, z.literal('')]),
	language: z.string().regex(/^[a-z]{2}$/),
	reason
});

/** Which claimant (data/claimants.csv) a claimant's name as recorded stands for: spellings of one speaker are joined. */
export const ClaimantNameRow = z.object({
	claimant: z.string().trim().min(1),
	claimant_id: z.string().regex(/^k-[a-z0-9-]+$/, 'expected a claimant id such as k-medinsky'),
	reason
});

export interface EditorialDecisions {
	excluded: z.infer<typeof ExclusionRow>[];
	recodes: z.infer<typeof RecodeRow>[];
	merges: z.infer<typeof MergeRow>[];
	noteRules: z.infer<typeof NoteRuleRow>[];
	notes: z.infer<typeof NoteRow>[];
	sourceDomains: z.infer<typeof SourceDomainRow>[];
	sourceOverrides: z.infer<typeof SourceOverrideRow>[];
	sourceReplacements: z.infer<typeof SourceReplacementRow>[];
	claimantNames: z.infer<typeof ClaimantNameRow>[];
}

export const noDecisions: EditorialDecisions = {
	excluded: [],
	recodes: [],
	merges: [],
	noteRules: [],
	notes: [],
	sourceDomains: [],
	sourceOverrides: [],
	sourceReplacements: [],
	claimantNames: []
};

/** The decision files, by the key they fill. */
export const decisionFiles = {
	excluded: 'excluded.csv',
	recodes: 'recodes.csv',
	merges: 'merges.csv',
	noteRules: 'note-rules.csv',
	notes: 'notes.csv',
	sourceDomains: 'source-domains.csv',
	sourceOverrides: 'source-overrides.csv',
	sourceReplacements: 'source-replacements.csv',
	claimantNames: 'claimant-names.csv'
} as const;

function readRows<T>(dir: string, file: string, schema: z.ZodType<T>): T[] {
	const path = join(dir, file);
	if (!existsSync(path)) return [];
	return parseCsv(readFileSync(path, 'utf8')).rows.map(({ line, record }) => {
		const parsed = schema.safeParse(record);
		if (!parsed.success) throw new Error(`${file}:${line}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
		return parsed.data;
	});
}

/** Reads data/decisions/ (a missing file means no decision of that kind); throws on a malformed row. */
export function readDecisions(dir: string): EditorialDecisions {
	return {
		excluded: readRows(dir, decisionFiles.excluded, ExclusionRow),
		recodes: readRows(dir, decisionFiles.recodes, RecodeRow),
		merges: readRows(dir, decisionFiles.merges, MergeRow),
		noteRules: readRows(dir, decisionFiles.noteRules, NoteRuleRow),
		notes: readRows(dir, decisionFiles.notes, NoteRow),
		sourceDomains: readSourceDomains(dir),
		sourceOverrides: readRows(dir, decisionFiles.sourceOverrides, SourceOverrideRow),
		sourceReplacements: readRows(dir, decisionFiles.sourceReplacements, SourceReplacementRow),
		claimantNames: readRows(dir, decisionFiles.claimantNames, ClaimantNameRow)
	};
}

/** The host-by-host reliability list (empty when the file is missing); the build checks sources against it too. */
export function readSourceDomains(dir: string): z.infer<typeof SourceDomainRow>[] {
	return readRows(dir, decisionFiles.sourceDomains, SourceDomainRow);
}

/** The host of a URL without `www.` and a trailing dot, as the domain list writes it. */
export function hostOf(url: string): string {
	return new URL(url).hostname.replace(/^www\./, '').replace(/\.$/, '');
}

/** The listed reliability of a URL's host or of its nearest listed parent domain, or null when none is listed. */
export function domainReliability(
	url: string,
	domains: readonly z.infer<typeof SourceDomainRow>[]
): SourceReliability | null {
	const parts = hostOf(url).split('.');
	for (let start = 0; start < parts.length - 1; start++) {
		const listed = domains.find((entry) => entry.domain === parts.slice(start).join('.'));
		if (listed) return listed.reliability;
	}
	return null;
}
