// The mediator entity: a state or body credited with mediating rounds (data/mediators.csv), named in Ukrainian and Russian.
import { z } from 'zod';
import { httpUrl } from './fields';

/** A translated name every mediator has, with the page it was read on. */
const name = (column: string, language: string) =>
	z.string().trim().min(1, `${column} is required: the mediator's name in ${language}, as the sides' outlets write it`);

/** One row of data/mediators.csv, as validated by the build. */
export const MediatorRow = z.object({
	name: z.string().trim().min(1, 'name is required: the mediator as rounds.csv records it'),
	name_uk: name('name_uk', 'Ukrainian'),
	name_ru: name('name_ru', 'Russian'),
	/** The pages the Ukrainian and the Russian name were read on. */
	source_uk: httpUrl,
	source_ru: httpUrl,
	reason: z.string().trim().min(1, 'say why the names are spelled so')
});
export type MediatorRow = z.infer<typeof MediatorRow>;

/** Column order of data/mediators.csv. */
export const mediatorColumns = Object.keys(MediatorRow.shape) as (keyof MediatorRow)[];
