// The editorial decisions of the research import, read from data/decisions/*.csv (one decision a row, each with its reason).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseCsv } from '../csv';
import { ClaimantSide, Counted } from '../../schemas/vocabulary';

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

export interface EditorialDecisions {
	excluded: z.infer<typeof ExclusionRow>[];
	recodes: z.infer<typeof RecodeRow>[];
	merges: z.infer<typeof MergeRow>[];
	noteRules: z.infer<typeof NoteRuleRow>[];
	notes: z.infer<typeof NoteRow>[];
}

export const noDecisions: EditorialDecisions = { excluded: [], recodes: [], merges: [], noteRules: [], notes: [] };

/** The decision files, by the key they fill. */
export const decisionFiles = {
	excluded: 'excluded.csv',
	recodes: 'recodes.csv',
	merges: 'merges.csv',
	noteRules: 'note-rules.csv',
	notes: 'notes.csv'
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
		notes: readRows(dir, decisionFiles.notes, NoteRow)
	};
}
