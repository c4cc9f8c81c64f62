// The application database's migrations, in order: migration N brings `user_version` from N-1 to N.
import { sql as initial } from './001-initial';
import { sql as displayNames } from './002-display-names';
import { sql as twoPersonRule } from './003-two-person-rule';
import { sql as exchangePackages } from './004-exchange-packages';
import { sql as claimantRevisions } from './005-claimant-revisions';

/** Never edit a migration that has shipped: add the next one instead. */
export const migrations: readonly string[] = [
	initial,
	displayNames,
	twoPersonRule,
	exchangePackages,
	claimantRevisions
];
