// JSON-LD in a script tag that data cannot break out of, and whether a claimant is a person or an organisation.
import { describe, expect, it } from 'vitest';
import { jsonLdScript } from '../../src/lib/format/json-ld';
import type { ClaimView, SourceRef } from '../../src/lib/server/db/queries/claims';
import { claimJsonLd, claimantType } from '../../src/lib/server/citing/structured-data';

/** The JSON between the script tags. */
const scriptContent = (html: string) =>
	html.replace(/^<script type="application\/ld\+json">/, '').replace(/<\/script>$/, '');

describe('jsonLdScript', () => {
	it('neutralises a value that would close the script tag, and reads back the same data', () => {
		const data = {
			'@type': 'Claim',
			text: '</script><script>alert(1)</script> & <!-- \u2028\u2029 "quoted"'
		};
		const html = jsonLdScript(data);
		const content = scriptContent(html);
		expect(content).not.toMatch(/[<>&\u2028\u2029]/);
		expect(html.match(/<\/script>/gi)).toHaveLength(1);
		expect(content).toContain('\\u003c/script\\u003e');
		expect(JSON.parse(content)).toEqual(data);
	});

	it.each([
		{ value: '<', escaped: '"\\u003c"' },
		{ value: '>', escaped: '"\\u003e"' },
		{ value: '&', escaped: '"\\u0026"' },
		{ value: '\u2028', escaped: '"\\u2028"' },
		{ value: '\u2029', escaped: '"\\u2029"' },
		{ value: 'Київ', escaped: '"Київ"' }
	])('escapes $escaped', ({ value, escaped }) => {
		expect(scriptContent(jsonLdScript({ value }))).toBe(`{"value":${escaped}}`);
	});

	it('leaves out keys without a value', () => {
		expect(scriptContent(jsonLdScript({ name: 'x', title: undefined }))).toBe('{"name":"x"}');
	});
});

describe('claimantType', () => {
	it.each([
		{ claimant: 'Vladimir Medinsky', side: 'russia', expected: 'Person' },
		{ claimant: 'Recep Tayyip Erdogan', side: 'mediator', expected: 'Person' },
		{ claimant: 'Pope Francis', side: 'mediator', expected: 'Person' },
		{ claimant: 'Russian Ministry of Defence', side: 'russia', expected: 'Organization' },
		{ claimant: 'Coordination Headquarters for the Treatment of POWs', side: 'ukraine', expected: 'Organization' },
		{ claimant: 'Ukrainian authorities', side: 'ukraine', expected: 'Organization' },
		{ claimant: 'Security Service of Ukraine', side: 'ukraine', expected: 'Organization' },
		{ claimant: 'Ukrainska Pravda', side: 'independent', expected: 'Organization' },
		{ claimant: 'The Kyiv Independent', side: 'independent', expected: 'Organization' },
		{ claimant: 'RT', side: 'russia', expected: 'Organization' },
		{ claimant: 'Volodymyr Zelensky; Coordination HQ', side: 'ukraine', expected: 'Organization' },
		{ claimant: 'Volodymyr Zelensky / Andriy Yermak', side: 'ukraine', expected: 'Organization' }
	] as const)('$claimant -> $expected', ({ claimant, side, expected }) => {
		expect(claimantType(claimant, side, [])).toBe(expected);
	});

	it('counts a claimant named like one of its own outlets as an organisation', () => {
		expect(claimantType('Novaya Gazeta', 'russia', ['novaya gazeta'])).toBe('Organization');
	});
});

describe('claimJsonLd', () => {
	const source = (id: string, publishedOn: string | null): SourceRef => ({
		id,
		url: `https://example.org/${id}`,
		outlet: `Outlet ${id}`,
		title: null,
		publishedOn,
		accessedOn: null,
		kind: 'news_report',
		language: 'uk',
		archiveUrl: null,
		reliability: 'major_outlet',
		note: null
	});
	const claim = (sources: SourceRef[]): ClaimView => ({
		id: 'c1',
		roundId: null,
		statedOn: '2025-01-02',
		claimant: 'Dmytro Lubinets',
		claimantId: 'k-lubinets',
		claimantName: 'Dmytro Lubinets',
		claimantNameUk: 'Дмитро Лубінець',
		claimantNameRu: 'Дмитрий Лубинец',
		side: 'ukraine',
		statement: 'running_total',
		counted: 'people_to_ukraine',
		countedDetail: 'people returned since 2022',
		countedDetailUk: 'люди, повернуті з 2022 року',
		countedDetailRu: 'люди, возвращённые с 2022 года',
		number: 3956,
		qualifier: 'exact',
		respondsTo: null,
		note: '',
		sources,
		onlyCopies: false
	});
	const firstUrl = (sources: SourceRef[]) =>
		(claimJsonLd(claim(sources), 'https://example.org').firstAppearance as { url: string } | undefined)?.url;

	it.each([
		{ sources: [source('a', '2025-01-03'), source('b', '2025-01-02')], expected: 'https://example.org/b' },
		{ sources: [source('a', null), source('b', '2025-01-02')], expected: 'https://example.org/b' },
		{ sources: [source('a', '2025-01-02'), source('b', '2025-01-02')], expected: 'https://example.org/a' },
		{ sources: [source('a', null), source('b', null)], expected: 'https://example.org/a' },
		{ sources: [], expected: undefined }
	])('takes the earliest published source as the first appearance: $expected', ({ sources, expected }) => {
		expect(firstUrl(sources)).toBe(expected);
	});
});
