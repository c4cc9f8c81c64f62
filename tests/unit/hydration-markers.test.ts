// Hydration markers: every kind Svelte writes is taken out of a finished, never-hydrated page, and nothing else is.
import { describe, expect, it } from 'vitest';
import { withoutHydrationMarkers } from '../../src/lib/server/http/hydration-markers';

describe('withoutHydrationMarkers', () => {
	it.each([
		['<ul><!--[--><li>a</li><!--]--></ul>', '<ul><li>a</li></ul>'],
		['<!--[0--><p>x</p><!--]--><!--[-1--><!--]-->', '<p>x</p>'],
		['<p>a<!---->b</p>', '<p>ab</p>'],
		['<head><!--1uha8ag--><meta name="x"/></head>', '<head><meta name="x"/></head>'],
		// Text that only looks like a marker is escaped in a page, so it is never a comment and stays.
		['<p>&lt;!--[--&gt;</p>', '<p>&lt;!--[--&gt;</p>'],
		// A comment that is not a marker stays.
		['<!-- a note --><p>x</p>', '<!-- a note --><p>x</p>']
	])('takes the markers out of %s', (html, expected) => {
		expect(withoutHydrationMarkers(html, true)).toBe(expected);
	});

	it('leaves a page that will be hydrated as it is', () => {
		const hydrated = '<body><!--[--><p>x</p><!--]--><script>__sveltekit_1x = {}</script></body>';
		expect(withoutHydrationMarkers(hydrated, true)).toBe(hydrated);
	});

	it('leaves a chunk of a page that is still streaming as it is', () => {
		expect(withoutHydrationMarkers('<!--[--><p>x</p>', false)).toBe('<!--[--><p>x</p>');
	});
});
