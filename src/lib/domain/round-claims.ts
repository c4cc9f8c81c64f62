// A round's claims grouped by what they count, the round's own figures first: the order of the round page's tables.
import type { Counted } from '../schemas/vocabulary';
import { combinedCounted, countedFor, type Population } from './round-figures';

/** Groups of claims by `counted`: to Ukraine, to Russia, both together (of the round's population), then the rest. */
export function claimGroupsOf<T extends { counted: Counted }>(
	population: Population,
	claims: readonly T[]
): { counted: Counted; claims: T[] }[] {
	const headline: readonly string[] = [
		...new Set<string>([
			...countedFor(population, 'to_ukraine'),
			...countedFor(population, 'to_russia'),
			...combinedCounted[population]
		])
	];
	const groups = new Map<Counted, T[]>();
	for (const claim of claims) groups.set(claim.counted, [...(groups.get(claim.counted) ?? []), claim]);
	const rank = (counted: string) => (headline.includes(counted) ? headline.indexOf(counted) : headline.length);
	return [...groups.entries()]
		.sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
		.map(([counted, list]) => ({ counted, claims: list }));
}
