// Words and links for corrections and revisions, from the message catalog.
import { m } from '../paraglide/messages.js';
import type { CorrectionEntity, CorrectionStatus, DatasetEntity } from '../schemas/correction';

/** The public label of a correction's status. */
export function correctionStatusLabel(status: CorrectionStatus): string {
	return {
		pending: m.correction_status_pending,
		accepted: m.correction_status_accepted,
		rejected: m.correction_status_rejected,
		reverted: m.correction_status_reverted
	}[status]();
}

/** The name of a kind of record, as a label before its id ("claim c-12", "заява c-12"). */
export function entityLabel(entity: DatasetEntity): string {
	return m.entity_label({ entity });
}

/** The page of a record. */
export function recordPath(entity: DatasetEntity, id: string): string {
	return `/${entity}s/${id}`;
}

/** The suggestion form pre-filled with a record. */
export function suggestPath(entity: CorrectionEntity, id: string): string {
	return `/corrections/new?entity=${entity}&id=${encodeURIComponent(id)}`;
}
