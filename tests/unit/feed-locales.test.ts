// The Atom feed of revisions in each language: entry titles and texts from the catalog, record kinds by name.
import { describe, expect, it } from 'vitest';
import { revisionsFeed } from '../../src/lib/server/corrections/feed';
import type { Revision } from '../../src/lib/server/corrections/revisions';

const revision = (id: number, entity: Revision['entity'], recordId: string, action: Revision['action']): Revision => ({
	id,
	createdAt: '2026-05-02T10:00:00.000Z',
	maintainer: 'alice',
	correctionId: 7,
	action,
	entity,
	recordId,
	reason: 'Source re-read',
	fields: [{ field: 'number', oldValue: '150', newValue: '152' }]
});

function feed(locale: 'en' | 'uk' | 'ru', parts: Revision[]): string {
	const [first] = parts;
	if (!first) throw new Error('a group has a revision');
	return revisionsFeed([{ ...first, parts }], {
		origin: 'https://example.org',
		title: 'Changes',
		fallbackUpdated: '2026-01-01T00:00:00Z',
		locale
	});
}

const title = (xml: string) => /<entry>[\s\S]*?<title>([^<]*)<\/title>/.exec(xml)?.[1];
const content = (xml: string) => /<content type="text">([^<]*)<\/content>/.exec(xml)?.[1];

describe('a feed entry', () => {
	it.each([
		[
			'en',
			'apply',
			'Revision 3: correction #7 to claim c2',
			'Applied by alice: Source re-read\nnumber: &#34;150&#34; → &#34;152&#34;'
		],
		[
			'en',
			'revert',
			'Revision 3: revert of correction #7 to claim c2',
			'Reverted by alice: Source re-read\nnumber: &#34;150&#34; → &#34;152&#34;'
		],
		[
			'uk',
			'apply',
			'Редакція 3: виправлення №\u00a07 — заява c2',
			'Застосовано (модератор alice): Source re-read\nnumber: «150» → «152»'
		],
		[
			'ru',
			'revert',
			'Редакция 3: отмена исправления №\u00a07 — заявление c2',
			'Отменено (модератор alice): Source re-read\nnumber: «150» → «152»'
		]
	] as const)('in %s, %s', (locale, action, expectedTitle, expectedContent) => {
		const xml = feed(locale, [revision(3, 'claim', 'c2', action)]);
		expect(title(xml)).toBe(expectedTitle);
		expect(content(xml)).toBe(expectedContent);
	});

	it.each([
		['en', 'Revisions 4–5: correction #7 to round r1, source s1'],
		['uk', 'Редакції 4–5: виправлення №\u00a07 — раунд r1, джерело s1'],
		['ru', 'Редакции 4–5: исправление №\u00a07 — раунд r1, источник s1']
	] as const)('of a package, in %s', (locale, expected) => {
		expect(title(feed(locale, [revision(4, 'round', 'r1', 'apply'), revision(5, 'source', 's1', 'apply')]))).toBe(
			expected
		);
	});
});
