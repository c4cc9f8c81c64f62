// The running totals of everyone returned that Kyiv and Moscow stated, for the overview's headline.
import { directionHeadlines, type RunningTotal } from '../../../domain/headline';
import type { ClaimantSide, Counted, Qualifier } from '../../../schemas/vocabulary';
import type { DatasetDatabase } from '../dataset';
import { memoizedFor, preparedFor } from '../prepared';
import { speakerNameColumns, speakerOf } from './claims';
import { allRoundTotals } from './rounds';

const statements = preparedFor((db) => ({
	runningTotals: db.prepare<
		[],
		{
			id: string;
			claimant: string;
			claimant_name_uk: string;
			claimant_name_ru: string;
			claimant_side: ClaimantSide;
			stated_on: string;
			counted: Counted;
			counted_detail: string;
			counted_detail_uk: string;
			counted_detail_ru: string;
			number: number;
			qualifier: Qualifier;
		}
	>(
		`SELECT c.id, c.claimant, ${speakerNameColumns}, c.claimant_side, c.stated_on, c.counted, c.counted_detail, c.counted_detail_uk, c.counted_detail_ru, c.number, c.qualifier
		   FROM claims c
		  WHERE c.statement = 'running_total' AND c.counted IN ('people_to_ukraine', 'people_to_russia')
		    AND c.claimant_side IN ('ukraine', 'russia') AND c.number IS NOT NULL
		  ORDER BY c.stated_on, c.id`
	)
}));

/** The overview's headline per direction of living people, computed once per dataset. */
export const overviewHeadlines = memoizedFor((db: DatasetDatabase) => {
	const runningTotals: RunningTotal[] = statements(db)
		.runningTotals.all()
		.map((row) => ({
			claimId: row.id,
			...speakerOf(row),
			side: row.claimant_side,
			statedOn: row.stated_on,
			counted: row.counted,
			countedDetail: row.counted_detail,
			countedDetailUk: row.counted_detail_uk,
			countedDetailRu: row.counted_detail_ru,
			number: row.number,
			qualifier: row.qualifier
		}));
	return directionHeadlines(runningTotals, allRoundTotals(db).people);
});
