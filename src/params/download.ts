// Route matcher for download formats: `/rounds.csv` and `/rounds.json`.
import type { ParamMatcher } from '@sveltejs/kit';

export const match = ((param: string): param is 'csv' | 'json' =>
	param === 'csv' || param === 'json') satisfies ParamMatcher;
