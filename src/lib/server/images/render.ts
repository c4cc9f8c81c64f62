// Server-side images: SVG documents from rendered components, PNG by resvg with the bundled fonts, a small memo of PNGs, and their responses.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Resvg } from '@resvg/resvg-js';
import { IMAGE_FONT_FAMILY } from '../../charts/image-layout';
import { resolveColours } from '../../design/tokens';

const require = createRequire(import.meta.url);

/**
 * The images' font as TrueType files from the `dejavu-fonts-ttf` package (resvg reads TTF and OTF, not WOFF). The
 * machine's own fonts are never loaded, so a PNG looks the same on a bare CI runner as on a workstation.
 */
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) =>
	require.resolve(`dejavu-fonts-ttf/ttf/${file}`)
);

/**
 * A component's server-rendered SVG as a file: an XML declaration, without Svelte's hydration comments, and with the
 * colours of the design tokens' light palette in place of their CSS variables (a file and resvg have no stylesheet).
 */
export function svgDocument(renderedBody: string): string {
	return `<?xml version="1.0" encoding="UTF-8"?>\n${resolveColours(renderedBody.replace(/<!--[\s\S]*?-->/g, ''))}\n`;
}

/**
 * V8's collector, for `svgToPng`: resvg-js 2.6 keeps each render's parsed SVG and pixels (about 3 MB for a
 * 1200×630 card) in native memory that only the collection of its small JavaScript objects frees, and it does not tell
 * V8 of that memory, so V8, seeing little garbage, let hundreds of renders' pixels pile up (600 cards: about 2 GB).
 * `--expose-gc` set at run time gives a new context the `gc` function; nothing else changes.
 */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as (options: { type: 'minor' }) => void;

function rasterise(svg: string): Uint8Array<ArrayBuffer> {
	const png = new Resvg(svg, {
		font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: IMAGE_FONT_FAMILY }
	})
		.render()
		.asPng();
	return new Uint8Array(png);
}

/**
 * Rasterises an SVG document at its own width and height. The render's objects are garbage once `rasterise` returns:
 * a collection of the young generation (a fraction of a millisecond) finds them, and their native memory is freed.
 */
export function svgToPng(svg: string): Uint8Array<ArrayBuffer> {
	const png = rasterise(svg);
	collectGarbage({ type: 'minor' });
	return png;
}

/** Enough for every chart and the cards shared most recently; each PNG is 50 to 200 kilobytes. */
const MAX_PNGS = 64;
const pngs = new Map<string, Uint8Array<ArrayBuffer>>();

/**
 * The PNG of `svg`, rendered once and then served from memory. PNGs are found by the SVG's digest, so a new dataset
 * version, a corrected figure or another origin in the source line makes a new PNG without anything to invalidate. The
 * least recently used PNG makes room for a new one.
 */
export function memoisedPng(svg: string): Uint8Array<ArrayBuffer> {
	const key = createHash('sha256').update(svg).digest('base64url');
	let png = pngs.get(key);
	if (png) {
		pngs.delete(key);
	} else {
		png = svgToPng(svg);
		if (pngs.size >= MAX_PNGS) {
			const oldest = pngs.keys().next().value;
			if (oldest !== undefined) pngs.delete(oldest);
		}
	}
	pngs.set(key, png);
	return png;
}

/** The response of an image, shown in the browser and saved under `filename` with the format's extension. */
export function imageResponse(
	format: 'svg' | 'png',
	body: string | Uint8Array<ArrayBuffer>,
	filename: string
): Response {
	return new Response(body, {
		headers: {
			'content-type': format === 'svg' ? 'image/svg+xml; charset=utf-8' : 'image/png',
			'content-disposition': `inline; filename="${filename}.${format}"`,
			'access-control-allow-origin': '*'
		}
	});
}
