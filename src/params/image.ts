// Route matcher for image formats: `/charts/cumulative.svg` and `/charts/cumulative.png`.
import type { ParamMatcher } from '@sveltejs/kit';

export const match = ((param: string): param is 'svg' | 'png' =>
	param === 'svg' || param === 'png') satisfies ParamMatcher;
