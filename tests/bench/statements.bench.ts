// Benchmarks of finding support for every statement: a pass over every claim per statement against the index, at 1×, 10× and 100× the real claims.
import { bench, describe } from 'vitest';
import { ClaimIndex, supportingClaims, supportingIn, type ComparableClaim } from '../../src/lib/domain/claim-context';
import { openDataset } from '../../src/lib/server/db/dataset';
import { allClaims } from '../../src/lib/server/db/queries/claims';
import { buildInto, realDataDir } from '../helpers/dataset';

const real: ComparableClaim[] = allClaims(openDataset(buildInto(realDataDir)));

/** The real claims `scale` times over, each copy with its own ids, on the same days (the densest case for the index). */
function scaled(scale: number): ComparableClaim[] {
	return Array.from({ length: scale }, (_, copy) =>
		real.map((claim) => ({ ...claim, id: `${claim.id}-${copy}` }))
	).flat();
}

for (const scale of [1, 10, 100]) {
	describe(`${scale}× the real claims`, () => {
		const claims = scaled(scale);
		const statements = claims.filter((claim) => claim.statement !== 'report');
		if (scale <= 10) {
			// The former way: every statement against every claim (78 s at 100× in the scale tests, so not run there).
			bench('a pass over every claim per statement', () => {
				for (const claim of statements) supportingClaims(claim, claims);
			});
		}
		bench('through the index by what is counted and date (index built each time)', () => {
			const index = new ClaimIndex(claims);
			for (const claim of statements) supportingIn(claim, index);
		});
	});
}
