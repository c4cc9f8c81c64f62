// The corrections forms in the reader's language: each column's label and each coded value's name, as the public pages say them.
import { m } from '../paraglide/messages.js';
import { correctionEntities, editableFields, fieldInput, type CorrectionEntity } from '../schemas/correction';
import type {
	ClaimantSide,
	Counted,
	Qualifier,
	RoundKind,
	SourceKind,
	SourceReliability,
	StatementKind
} from '../schemas/vocabulary';
import {
	countedLabel,
	roundKindLabel,
	sideLabel,
	sourceKindLabel,
	sourceReliabilityLabel,
	statementLabel
} from './figures';

const labels: Record<CorrectionEntity, Record<string, () => string>> = {
	round: {
		date: m.field_round_date,
		end_date: m.field_round_end_date,
		kind: m.field_round_kind,
		kyiv_exchange_number: m.field_round_kyiv_exchange_number,
		mediators: m.field_round_mediators,
		parent_id: m.field_round_parent_id,
		summary: m.field_round_summary,
		summary_uk: m.field_round_summary_uk,
		summary_ru: m.field_round_summary_ru
	},
	claim: {
		round_id: m.field_claim_round_id,
		stated_on: m.field_claim_stated_on,
		claimant: m.field_claim_claimant,
		claimant_side: m.field_claim_claimant_side,
		statement: m.field_claim_statement,
		counted: m.field_claim_counted,
		counted_detail: m.field_claim_counted_detail,
		counted_detail_uk: m.field_claim_counted_detail_uk,
		counted_detail_ru: m.field_claim_counted_detail_ru,
		number: m.field_claim_number,
		qualifier: m.field_claim_qualifier,
		source_ids: m.field_claim_source_ids,
		responds_to: m.field_claim_responds_to,
		note: m.field_claim_note
	},
	source: {
		url: m.field_source_url,
		outlet: m.field_source_outlet,
		title: m.field_source_title,
		published_on: m.field_source_published_on,
		accessed_on: m.field_source_accessed_on,
		kind: m.field_source_kind,
		language: m.field_source_language,
		archive_url: m.field_source_archive_url,
		reliability: m.field_source_reliability,
		note: m.field_claim_note
	}
};

/** A column's label in the reader's words ("Who said it"); the stored name only when there is no label. */
export function fieldLabel(entity: CorrectionEntity, column: string): string {
	// A record's id is never corrected, but a form may still name it.
	return labels[entity][column]?.() ?? (column === 'id' ? m.field_record_id() : column);
}

/** The hint under a field: "stored as claimant_side". */
export const storedName = (column: string) => m.field_stored_name({ name: column });

const qualifierNames: Record<Qualifier, () => string> = {
	exact: m.qualifier_name_exact,
	at_least: m.qualifier_name_at_least,
	more_than: m.qualifier_name_more_than,
	about: m.qualifier_name_about,
	up_to: m.qualifier_name_up_to
};

/** A coded value's name as the public pages show it ("people returned to Ukraine" for `people_to_ukraine`). */
export function valueLabel(entity: CorrectionEntity, column: string, value: string): string {
	if (entity === 'round' && column === 'kind') return roundKindLabel(value as RoundKind);
	if (entity === 'claim') {
		if (column === 'counted') return countedLabel(value as Counted);
		if (column === 'claimant_side') return sideLabel(value as ClaimantSide);
		if (column === 'statement') return statementLabel(value as StatementKind);
		if (column === 'qualifier') return qualifierNames[value as Qualifier]();
	}
	if (entity === 'source') {
		if (column === 'kind') return sourceKindLabel(value as SourceKind);
		if (column === 'reliability') return sourceReliabilityLabel(value as SourceReliability);
	}
	return value;
}

/**
 * The names of the coded values a problem lists ("exact, about" → "exact", "about" as the public pages name them):
 * the coded column whose choices hold them all, so a form's error speaks of what its list shows. Null when none does.
 */
export function choiceNames(values: readonly string[]): string[] | null {
	for (const entity of correctionEntities) {
		for (const column of editableFields(entity)) {
			const input = fieldInput(entity, column);
			if (input.type === 'select' && values.every((value) => input.options.includes(value))) {
				return values.map((value) => valueLabel(entity, column, value));
			}
		}
	}
	return null;
}

/**
 * The label of a proposed field on the review and suggestion pages: a column of the record, a column of the page
 * suggested with a claim (`source:url`), or a part of an exchange package (`round.date`, `s2.number`, `s2.source.url`).
 */
export function proposalFieldLabel(entity: CorrectionEntity, field: string): string {
	const part = /^(?:round|s(\d+))\.(source\.)?([a-z_]+)$/.exec(field);
	if (part) {
		const [, number, source, column = ''] = part;
		if (!number) return m.field_in_round({ label: fieldLabel('round', column) });
		return source
			? m.field_in_statement_page({ number, label: fieldLabel('source', column) })
			: m.field_in_statement({ number, label: fieldLabel('claim', column) });
	}
	if (field.startsWith('source:')) return m.field_in_new_page({ label: fieldLabel('source', field.slice(7)) });
	return fieldLabel(entity, field);
}
