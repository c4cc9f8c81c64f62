// The query string of /rounds: filters, sort order and page, validated at the boundary.
import { z } from 'zod';
import { confirmationStatuses } from '../domain/confirmation';
import { blankToUndefined } from './query';
import { roundKinds } from './vocabulary';

export const roundSorts = ['date_desc', 'date_asc', 'gap_desc'] as const;
export type RoundSort = (typeof roundSorts)[number];

/** `?year=2025&kind=pow_exchange&status=disputed&mediator=UAE&sort=date_asc&page=2`, every part optional. */
export const RoundFilters = z.object({
	year: z.preprocess(blankToUndefined, z.coerce.number().int().min(2022).max(2100).optional()),
	kind: z.preprocess(blankToUndefined, z.enum(roundKinds.filter((kind) => kind !== 'agreement')).optional()),
	status: z.preprocess(blankToUndefined, z.enum(confirmationStatuses).optional()),
	mediator: z.preprocess(blankToUndefined, z.string().trim().min(1).max(60).optional()),
	sort: z.preprocess(blankToUndefined, z.enum(roundSorts).default('date_desc')),
	page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(1))
});
export type RoundFilters = z.infer<typeof RoundFilters>;
