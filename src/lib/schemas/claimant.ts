// The claimant entity: a person or body that stated figures (data/claimants.csv), named in English, Ukrainian and Russian.
import { z } from 'zod';
import { recordId } from './fields';
import { ClaimantSide } from './vocabulary';

/** A name in a language we could not read on a page is left empty rather than transliterated. */
const optionalText = z
	.string()
	.trim()
	.transform((text) => (text === '' ? null : text));

/** One row of data/claimants.csv, as validated by the build. */
export const ClaimantRow = z.object({
	id: recordId.refine((id) => id.startsWith('k-'), 'a claimant id starts with "k-"'),
	name_en: z.string().trim().min(1, 'name_en is required'),
	name_uk: optionalText,
	name_ru: optionalText,
	role: optionalText,
	organisation: optionalText,
	side: ClaimantSide
});
export type ClaimantRow = z.infer<typeof ClaimantRow>;

/** Column order of data/claimants.csv. */
export const claimantColumns = Object.keys(ClaimantRow.shape) as (keyof ClaimantRow)[];
