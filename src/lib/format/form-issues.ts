// A form field's problem in the reader's language: the schemas keep their English words (the data build prints them
// for maintainers); the suggestion and exchange forms show each as its catalog sentence.
import { m } from '../paraglide/messages.js';
import { choiceNames } from './fields';
import { countInputs, formatChoices } from './locale-formats';

/** The schemas' fixed problems, by their English words (src/lib/schemas/*.ts), and their catalog sentences. */
const fixed: Record<string, () => string> = {
	'expected an id of lower-case letters, digits and dashes': m.form_issue_record_id,
	'expected a date written YYYY-MM-DD': m.form_issue_date_format,
	'not a real calendar date': m.form_issue_date_real,
	'expected an absolute http(s) URL': m.form_issue_http_url,
	'expected a non-negative whole number written in digits': m.form_issue_count,
	'a qualifier needs a number': m.form_issue_qualifier_needs_number,
	'a number needs a qualifier': m.form_issue_number_needs_qualifier,
	'a claim cannot respond to itself': m.form_issue_responds_to_itself,
	'a report must name its round': m.form_issue_report_needs_round,
	'Which record should change?': m.form_issue_which_record,
	'Propose a new value for at least one field.': m.form_issue_propose_something,
	'Say why the record should change.': m.form_issue_reason_required,
	'Give at least one link to evidence (http or https).': m.form_issue_evidence_required,
	'Not an email address.': m.form_issue_not_email,
	'This field must be left empty.': m.form_issue_leave_empty,
	'this field cannot be corrected': m.form_issue_not_correctable,
	'invalid value': m.form_issue_invalid,
	'Choose the agreement from the list.': m.form_issue_choose_agreement,
	'Give at least one statement, with its figure and its page.': m.form_issue_statements_required,
	'Choose whether the claimant is new.': m.form_issue_claimant_new_or_not,
	'expected a positive whole number': m.form_issue_positive_count,
	'at least one source id is required': m.form_issue_source_ids_required,
	'a claimant id starts with "k-"': m.form_issue_record_id,
	'empty mediator name': m.form_issue_empty_mediator
};

/** The schemas' problems that carry a value (a limit, the allowed codes), read back from their English words. */
const patterns: [RegExp, (found: RegExpExecArray) => string][] = [
	// The allowed codes are named as the form's list and the public pages name them, never as stored.
	[
		/^expected one of: (.+)$/,
		([, values = '']) => {
			const codes = values.split(', ');
			return m.form_issue_one_of({ values: formatChoices(choiceNames(codes) ?? codes) });
		}
	],
	[/^at most (\d+) characters\.?$/i, ([, limit]) => m.form_issue_at_most_characters(countInputs(Number(limit)))],
	[
		/^Too big: expected string to have <=(\d+) characters$/,
		([, limit]) => m.form_issue_at_most_characters(countInputs(Number(limit)))
	],
	[
		/^each link at most (\d+) characters$/,
		([, limit]) => m.form_issue_link_at_most_characters(countInputs(Number(limit)))
	],
	[/^At most (\d+) links\.$/, ([, limit]) => m.form_issue_at_most_links(countInputs(Number(limit)))],
	[/^At most (\d+) statements\.$/, ([, limit]) => m.form_issue_at_most_statements(countInputs(Number(limit)))],
	[/^\w+ is required when \w+ is given\b/, () => m.form_issue_translation_required()],
	[/^\w+ is required\b/, () => m.form_error_required()],
	[
		/^Statement (\d+) cites the same page with other details/,
		([, number = '']) => m.form_issue_same_page_differs({ number })
	],
	[/^\w+ is given but \w+ is empty\b/, () => m.form_issue_translation_without_english()],
	// zod's own words for a value of the wrong kind, size or format.
	[/^(?:Invalid|Too big|Too small)\b/, () => m.form_issue_invalid()]
];

/**
 * A problem as the form shows it: a schema's English words become the catalog's sentence in the reader's language;
 * a message that is already the catalog's (the server's own checks) is kept.
 */
export function formIssueText(text: string): string {
	const sentence = fixed[text];
	if (sentence) return sentence();
	for (const [pattern, write] of patterns) {
		const found = pattern.exec(text);
		if (found) return write(found);
	}
	return text;
}

/** Every problem of a form, by field, in the reader's language. */
export function formIssueTexts(errors: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(errors).map(([field, text]) => [field, formIssueText(text)]));
}
