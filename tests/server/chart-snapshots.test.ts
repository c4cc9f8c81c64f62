// The charts rendered on the server from fixed data, compared with committed snapshots: review changes to them in the diff.
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import CumulativeChart from '../../src/lib/charts/CumulativeChart.svelte';
import DiscrepancyChart from '../../src/lib/charts/DiscrepancyChart.svelte';
import RoundsTimeline from '../../src/lib/charts/RoundsTimeline.svelte';
import {
	bodyRounds,
	cumulativeInput,
	discrepancies,
	peopleRounds,
	cumulativeModel,
	discrepancyModel,
	timelineModel
} from '../fixtures/charts';

const charts = [
	{
		name: 'timeline-people',
		body: () =>
			render(RoundsTimeline, { props: { id: 'timeline-people', model: timelineModel(peopleRounds, 'people') } }).body,
		title: 'People returned in each round',
		summary:
			'5 rounds from December 2024 to July 2025: 1 with a confirmed figure for people returned to Ukraine, 2 where the figures for them conflict.',
		// One column per month with rounds.
		marks: 5
	},
	{
		name: 'timeline-bodies',
		body: () =>
			render(RoundsTimeline, { props: { id: 'timeline-bodies', model: timelineModel(bodyRounds, 'bodies') } }).body,
		title: 'Bodies returned in each round',
		summary:
			'2 rounds from June 2025 to December 2025: 1 with a confirmed figure for bodies returned to Ukraine, 1 where the figures for them conflict.',
		marks: 2
	},
	{
		name: 'cumulative',
		body: () => render(CumulativeChart, { props: { id: 'cumulative', model: cumulativeModel(cumulativeInput) } }).body,
		title: 'People returned to Ukraine, added up round by round',
		summary:
			'By 2 Oct 2025 Kyiv’s own round figures add up to 801 people returned, while Volodymyr Zelensky stated a total of more than 7,000 that day.',
		// Two totals stated by Kyiv's side on one day share a marker.
		marks: 3
	},
	{
		name: 'discrepancies',
		body: () =>
			render(DiscrepancyChart, { props: { id: 'discrepancies', model: discrepancyModel(discrepancies) } }).body,
		title: 'Where the stated figures differ',
		summary: 'In 4 rounds the stated figures differ; the largest gap is 39 (30 Dec 2024).',
		marks: 4
	}
];

/** Text as it appears in HTML: Svelte escapes these in text and attributes. */
const escapeHtml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');

describe.each(charts)('$name', ({ name, body, title, summary, marks }) => {
	const html = body();

	it('matches its snapshot', async () => {
		// Formatted like every other file in the repository, so that a change shows as a readable diff and passes the lint.
		const snapshot = `../fixtures/chart-snapshots/${name}.svg.html`;
		const filepath = fileURLToPath(new URL(snapshot, import.meta.url));
		const formatted = await prettier.format(html, { ...(await prettier.resolveConfig(filepath)), filepath });
		await expect(formatted).toMatchFileSnapshot(snapshot);
	});

	it('renders completely on the server: title, summary, legend, one drawing with the narrow viewBox, and the table', () => {
		// The title's heading level is chosen by the page (an <svelte:element>, which leaves an empty comment after it).
		expect(html.replaceAll('<!---->', '')).toContain(`>${escapeHtml(title)}</h3>`);
		expect(html).toContain(`>${escapeHtml(summary)}</p>`);
		expect(html).toContain('<ul class="legend');
		// Drawn once: the page carries one SVG per chart, scaled to the column by its viewBox.
		expect(html.match(/<svg viewBox="0 0 \d+ \d+"[^>]*role="group"/g)).toEqual([
			expect.stringMatching(/^<svg viewBox="0 0 340 \d+"/)
		]);
		expect(html).toContain('<details');
		expect(html).toContain('<table');
		expect(html).not.toMatch(/NaN|undefined|Infinity/);
	});

	it('makes every mark a link named in words by its <title>, and the first alone a tab stop', () => {
		const links = [...html.matchAll(/<a class="(mark|stated|row)[^"]*"[^>]*>\s*<title>[^<]{10,}<\/title>/g)];
		expect(links).toHaveLength(marks);
		for (const [link] of links) expect(link).toMatch(/href="\/(rounds|claims|charts)\/[^"]+"/);
		expect(links.map(([link]) => /tabindex="(-?\d)"/.exec(link)?.[1])).toEqual(
			links.map((_, index) => (index === 0 ? '0' : '-1'))
		);
	});

	it('shows no tooltip before any interaction, as it needs script', () => {
		expect(html).not.toContain('class="tooltip');
	});
});

it('gives each chart instance its own pattern ids', () => {
	const people = charts[0]?.body() ?? '';
	const bodies = charts[1]?.body() ?? '';
	expect(people).toContain('id="timeline-people-narrow-hatch"');
	expect(people).toContain('url(#timeline-people-narrow-hatch)');
	expect(bodies).toContain('id="timeline-bodies-narrow-hatch"');
	expect(bodies).not.toContain('timeline-people');
});

it('renders only the title and the summary without data', () => {
	const { body } = render(RoundsTimeline, { props: { id: 'empty', model: timelineModel([], 'people') } });
	expect(body).toContain('No round with a figure is on record.');
	expect(body).not.toContain('<svg');
	expect(body).not.toContain('<details');
});
