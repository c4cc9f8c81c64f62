// The exchange form's data: reading a posted form into a package and the suggestion's envelope, with errors by form field.
import { SuggestionEnvelope } from '../../schemas/correction';
import {
	blankStatement,
	cellsOfPackage,
	MAX_STATEMENTS,
	packageFromCells,
	type ExchangePackage
} from '../../schemas/exchange';
import type { FieldErrors } from './store';

/** What the form sends back to refill itself: every value as typed, statements numbered from 1. */
export interface ExchangeFormValues {
	cells: Record<string, string>;
	statementCount: number;
	reason: string;
	evidence: string;
	contact_email: string;
}

const PACKAGE_NAME = /^(?:round|s[1-9]\d?)\./;

/** Reads the form: the package's cells (`round.*`, `s<n>.*`) and the plain inputs. */
export function readExchangeForm(form: FormData) {
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value : '';
	};
	const cells: Record<string, string> = {};
	for (const [name, value] of form.entries()) {
		if (typeof value === 'string' && PACKAGE_NAME.test(name)) cells[name] = value;
	}
	return {
		cells,
		reason: text('reason'),
		evidence: text('evidence'),
		contact_email: text('contact_email').trim(),
		website: text('website'),
		/** The duplicates the visitor has been shown (and sends anyway): ids, space-separated. */
		seenDuplicates: text('seen_duplicates')
	};
}
export type ExchangeForm = ReturnType<typeof readExchangeForm>;

/** The values to refill the form with (never the honeypot); `extraBlank` appends one blank statement. */
export function refillValues(form: ExchangeForm, extraBlank = false): ExchangeFormValues {
	const pkg = packageFromCells(form.cells, !extraBlank);
	if (extraBlank && pkg.statements.length < MAX_STATEMENTS) pkg.statements.push(blankStatement());
	if (pkg.statements.length === 0) pkg.statements.push(blankStatement());
	return {
		cells: cellsOfPackage(pkg),
		statementCount: pkg.statements.length,
		reason: form.reason,
		evidence: form.evidence,
		contact_email: form.contact_email
	};
}

/** The package (blank statements dropped) and the checked envelope, or the envelope's errors by form field. */
export function parseExchangeForm(form: ExchangeForm): {
	pkg: ExchangePackage;
	envelope: SuggestionEnvelope | null;
	errors: FieldErrors;
} {
	const pkg = packageFromCells(form.cells);
	const result = SuggestionEnvelope.safeParse({
		reason: form.reason,
		evidence_urls: form.evidence
			.split(/\s+/)
			.map((url) => url.trim())
			.filter((url) => url !== ''),
		contact_email: form.contact_email,
		website: form.website
	});
	const errors: FieldErrors = {};
	if (result.success) return { pkg, envelope: result.data, errors };
	for (const issue of result.error.issues) {
		const head = String(issue.path[0] ?? 'reason');
		errors[head === 'evidence_urls' ? 'evidence' : head] ??= issue.message;
	}
	return { pkg, envelope: null, errors };
}
