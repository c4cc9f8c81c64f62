// The schemas' English problems as each form shows them: the catalog's sentence in the page's language.
import { afterEach, describe, expect, it } from 'vitest';
import { formIssueText } from '../../src/lib/format/form-issues';
import { Suggestion } from '../../src/lib/schemas/correction';
import { getLocale, overwriteGetLocale } from '../../src/lib/paraglide/runtime.js';

const original = getLocale;
afterEach(() => overwriteGetLocale(original));

describe('formIssueText', () => {
	it.each([
		['en', 'expected an absolute http(s) URL', 'Give a full web address starting with http:// or https://.'],
		['uk', 'a qualifier needs a number', 'Для уточнення потрібне число: укажіть його або залиште уточнення порожнім.'],
		['ru', 'Which record should change?', 'Какую запись следует изменить?'],
		// The allowed codes are named as the form's list names them, in the page's language.
		['uk', 'expected one of: exact, about', 'Виберіть одне зі значень: «точно» або «близько».'],
		['en', 'expected one of: exact, about', 'Choose one of: “exactly” or “about”.'],
		[
			'ru',
			'expected one of: copy, major_outlet',
			'Выберите одно из значений: «копия (зеркало, агрегатор или репост)» или «крупное издание или информационное агентство».'
		],
		// Codes no coded column has stay as they are rather than be named wrongly.
		['ru', 'expected one of: x, y', 'Выберите одно из значений: «x» или «y».'],
		['uk', 'at most 2000 characters', 'Не більше 2 000 символів.'],
		['ru', 'At most 2000 characters.', 'Не более 2 000 символов.'],
		['ru', 'At most 1 links.', 'Не более 1 ссылки.'],
		['uk', 'At most 21 statements.', 'Не більше 21 заяви.'],
		[
			'uk',
			'name_uk is required when name_en is given: the name_en in Ukrainian',
			'Додайте й переклад: до тексту англійською потрібен український і російський.'
		],
		['ru', 'Too big: expected string to have <=100 characters', 'Не более 100 символов.'],
		['ru', 'Invalid input: expected string, received undefined', 'Это значение здесь не подходит.'],
		// The server's own checks already speak the page's language: kept as they are.
		['uk', 'Немає домовленості з ідентифікатором x.', 'Немає домовленості з ідентифікатором x.']
	] as const)('%s: %s', (locale, english, expected) => {
		overwriteGetLocale(() => locale);
		expect(formIssueText(english).replace(/\u00a0|\u202f/g, ' ')).toBe(expected);
	});

	it.each(['uk', 'ru'] as const)('%s: every problem of an empty suggestion has its own sentence', (locale) => {
		overwriteGetLocale(() => locale);
		const result = Suggestion.safeParse({
			kind: 'change',
			entity: 'claim',
			record_id: null,
			proposal: {},
			reason: '',
			evidence_urls: ['nope'],
			contact_email: 'x',
			website: 'y'
		});
		const issues = result.success ? [] : result.error.issues;
		expect(issues.length).toBeGreaterThanOrEqual(4);
		for (const issue of issues)
			expect(formIssueText(issue.message).replace(/https?:\/\//g, '')).not.toMatch(/[A-Za-z]{3,}/);
	});
});
