// Route matcher for the overview's charts by name: `/embed/cumulative`, `/charts/cumulative.png`.
import type { ParamMatcher } from '@sveltejs/kit';
import { isChartName } from '$lib/charts/catalog';

export const match = isChartName satisfies ParamMatcher;
