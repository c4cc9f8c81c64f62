// The claimant entity: a person or body that stated figures (data/claimants.csv), named in English, Ukrainian and Russian.
import { z } from 'zod';
import { recordId } from './fields';
import { ClaimantSide } from './vocabulary';

const optionalText = z
	.string()
	.trim()
	.transform((text) => (text === '' ? null : text));

/** A name every claimant has in each language: decisions/claimant-spellings.csv says where each was read. */
const name = (column: string, language: string) =>
	z
		.string()
		.trim()
		.min(1, `${column} is required: the claimant's name in ${language} (see data/decisions/claimant-spellings.csv)`);

/** Each translated column of a described column: present exactly when the English one is. */
const translatedColumns = [
	['role', 'role_uk', 'Ukrainian'],
	['role', 'role_ru', 'Russian'],
	['organisation', 'organisation_uk', 'Ukrainian'],
	['organisation', 'organisation_ru', 'Russian']
] as const;

/** One row of data/claimants.csv, as validated by the build. */
export const ClaimantRow = z
	.object({
		id: recordId.refine((id) => id.startsWith('k-'), 'a claimant id starts with "k-"'),
		name_en: z.string().trim().min(1, 'name_en is required'),
		name_uk: name('name_uk', 'Ukrainian'),
		name_ru: name('name_ru', 'Russian'),
		role: optionalText,
		role_uk: optionalText,
		role_ru: optionalText,
		organisation: optionalText,
		organisation_uk: optionalText,
		organisation_ru: optionalText,
		side: ClaimantSide
	})
	.superRefine((row, context) => {
		for (const [english, translated, language] of translatedColumns) {
			if ((row[english] === null) === (row[translated] === null)) continue;
			context.addIssue({
				code: 'custom',
				path: [translated],
				message:
					row[english] === null
						? `${translated} is given but ${english} is empty: translate the English ${english}, or clear both`
						: `${translated} is required when ${english} is given: the ${english} in ${language}`
			});
		}
	});
export type ClaimantRow = z.infer<typeof ClaimantRow>;

/** Column order of data/claimants.csv. */
export const claimantColumns = Object.keys(ClaimantRow.shape) as (keyof ClaimantRow)[];
