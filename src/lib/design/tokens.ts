// The site's visual language, written down once: each party's colour and shape, each status's drawing, and the palette in light and dark.
import type { ClaimantSide } from '../schemas/vocabulary';

/**
 * The parties a figure can come from, as the charts, legends, badges, images and cards tell them apart. Kyiv and
 * Moscow are the two sides; mediators (the UAE, Türkiye, …), international bodies (the ICRC, the UN) and the media
 * are third parties, each with a look of its own.
 */
export const partyKeys = ['kyiv', 'moscow', 'mediator', 'international', 'media'] as const;
export type PartyKey = (typeof partyKeys)[number];

/** Marker shapes, as d3-shape draws them (see `partySymbol` in src/lib/charts/chart-utils.ts). */
export type MarkerShape = 'circle' | 'square' | 'diamond' | 'triangle' | 'cross';

export interface PartyToken {
	shape: MarkerShape;
	/** The CSS custom property that holds the party's colour; its values are in `palette` below. */
	cssVar: `--party-${PartyKey}`;
}

/**
 * One shape per party, so that no chart relies on colour alone: the shape tells the parties apart in print, in a
 * grey-scale image and for a reader who does not see the colours.
 */
export const PARTY: Record<PartyKey, PartyToken> = {
	kyiv: { shape: 'circle', cssVar: '--party-kyiv' },
	moscow: { shape: 'square', cssVar: '--party-moscow' },
	mediator: { shape: 'diamond', cssVar: '--party-mediator' },
	international: { shape: 'triangle', cssVar: '--party-international' },
	media: { shape: 'cross', cssVar: '--party-media' }
};

/** A party's colour as a CSS value: the custom property, so that it follows the light or dark scheme. */
export function partyColour(party: PartyKey): string {
	return `var(${PARTY[party].cssVar})`;
}

/** The party of a claimant's side, as recorded in the data. */
export function partyOfSide(side: ClaimantSide): PartyKey {
	return {
		ukraine: 'kyiv',
		russia: 'moscow',
		mediator: 'mediator',
		international: 'international',
		independent: 'media'
	}[side] as PartyKey;
}

/**
 * How a status is drawn, everywhere: confirmed figures solid, unconfirmed ones hatched (an outline
 * with diagonal lines), a dispute as a range from the lowest to the highest figure; a bound ("at least") adds an arrow
 * on a bar and leaves a marker hollow.
 */
export const STATUS_DRAWING = {
	confirmed: 'solid',
	announced: 'hatched',
	disputed: 'range'
} as const;

/** The names of the palette's colours, each a CSS custom property `--<name>`. */
export const colourNames = [
	'text',
	'background',
	'muted',
	'rule',
	'confirmed',
	'announced',
	'disputed',
	'link',
	'mark',
	'party-kyiv',
	'party-moscow',
	'party-mediator',
	'party-international',
	'party-media'
] as const;
export type ColourName = (typeof colourNames)[number];

/**
 * The palette in the light and the dark scheme. The party colours follow Okabe and Ito's palette for colour-blind
 * readers (blue, vermilion, bluish green, reddish purple, grey), darkened for a white background and lightened for a
 * dark one so that every colour has a contrast of at least 4.5:1 with the background it is drawn on
 * (tests/unit/design/tokens.test.ts checks it), and so can be used for text as well as for marks.
 */
export const palette: Record<'light' | 'dark', Record<ColourName, string>> = {
	light: {
		text: '#1a1a1a',
		background: '#ffffff',
		muted: '#595959',
		rule: '#d0d0d0',
		confirmed: '#0b5d1e',
		announced: '#5a4a00',
		disputed: '#a0141e',
		link: '#0645ad',
		mark: '#fff0a6',
		'party-kyiv': '#005a8c',
		'party-moscow': '#a33f00',
		'party-mediator': '#00694d',
		'party-international': '#8e3f74',
		'party-media': '#595959'
	},
	dark: {
		text: '#ececec',
		background: '#141414',
		muted: '#b3b3b3',
		rule: '#3a3a3a',
		confirmed: '#7fd68f',
		announced: '#e8d36a',
		disputed: '#ff8a8f',
		link: '#8ab4f8',
		mark: '#5c4d00',
		'party-kyiv': '#56b4e9',
		'party-moscow': '#f0884a',
		'party-mediator': '#3ccf9f',
		'party-international': '#e59cc9',
		'party-media': '#b3b3b3'
	}
};

/** The palette's declarations for one scheme, `--text: #1a1a1a; …`, as the site's stylesheet must hold them. */
export function cssDeclarations(scheme: 'light' | 'dark'): string {
	return colourNames.map((name) => `--${name}: ${palette[scheme][name]};`).join(' ');
}

/**
 * An SVG with its `var(--name)` colours replaced by the light palette's: a standalone image (and resvg, which draws
 * the PNGs) has no page stylesheet to take them from.
 */
export function resolveColours(svg: string, scheme: 'light' | 'dark' = 'light'): string {
	return svg.replace(/var\(--([a-z-]+)\)/g, (whole, name: string) =>
		name in palette[scheme] ? palette[scheme][name as ColourName] : whole
	);
}
