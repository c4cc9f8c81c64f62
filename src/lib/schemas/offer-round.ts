// An editorial link between an offer and a round carried out under it (data/decisions/offer-rounds.csv), with its reason.
import { z } from 'zod';
import { recordId } from './fields';

/** One row of data/decisions/offer-rounds.csv. */
export const OfferRoundRow = z.object({
	offer_id: recordId,
	round_id: recordId,
	reason: z.string().trim().min(1, 'say why the round was carried out under the offer')
});
export type OfferRoundRow = z.infer<typeof OfferRoundRow>;

/** Column order of data/decisions/offer-rounds.csv. */
export const offerRoundColumns = Object.keys(OfferRoundRow.shape) as (keyof OfferRoundRow)[];
