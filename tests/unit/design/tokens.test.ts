// The design tokens are the one source of the visual language: the stylesheet holds their colours, every colour reads
// on its background, and every chart's party marks take their shape and colour from them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { partySymbol } from '../../../src/lib/charts/chart-utils';
import { CLAIM_DOTS_WIDTHS, layoutClaimDots } from '../../../src/lib/charts/claim-dots';
import { cumulativeSize, layoutCumulative } from '../../../src/lib/charts/cumulative';
import { discrepancySize, layoutDiscrepancies, speakerParty } from '../../../src/lib/charts/discrepancies';
import { cumulativeLegend, discrepancyLegend } from '../../../src/lib/charts/legend';
import {
	PARTY,
	colourNames,
	cssDeclarations,
	palette,
	partyColour,
	partyKeys,
	partyOfSide,
	resolveColours
} from '../../../src/lib/design/tokens';
import { claimantSides } from '../../../src/lib/schemas/vocabulary';
import { cumulativeInput, discrepancies, factsOf } from '../../fixtures/charts';
import { LAYOUT_WIDTHS } from '../../../src/lib/charts/sizing';

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
	const [r = 0, g = 0, b = 0] = [1, 3, 5].map((start) => {
		const channel = parseInt(hex.slice(start, start + 2), 16) / 255;
		return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
	const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (high + 0.05) / (low + 0.05);
};

describe('the palette', () => {
	const layout = readFileSync('src/routes/+layout.svelte', 'utf8');
	const [light = '', dark = ''] = [
		/:global\(:root\) \{([^}]*)\}/.exec(layout)?.[1],
		/prefers-color-scheme: dark\)[^{]*\{[^{]*\{([^}]*)\}/.exec(layout)?.[1]
	];

	it.each(['light', 'dark'] as const)('the site’s stylesheet declares every %s colour of the tokens', (scheme) => {
		const declared = Object.fromEntries(
			[...(scheme === 'light' ? light : dark).matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6})/g)].map((match) => [
				match[1],
				match[2]
			])
		);
		expect(declared).toEqual(palette[scheme]);
		expect(cssDeclarations(scheme)).toContain(`--party-kyiv: ${palette[scheme]['party-kyiv']};`);
	});

	it.each(
		(['light', 'dark'] as const).flatMap((scheme) =>
			colourNames
				.filter((name) => !['background', 'rule', 'mark'].includes(name))
				.map((name) => ({ scheme, name, colour: palette[scheme][name] }))
		)
	)('$scheme $name ($colour) has a contrast of at least 4.5:1 with the background', ({ scheme, colour }) => {
		expect(contrast(colour, palette[scheme].background)).toBeGreaterThanOrEqual(4.5);
	});

	it('gives every party a shape and a colour of its own', () => {
		expect(new Set(partyKeys.map((party) => PARTY[party].shape)).size).toBe(partyKeys.length);
		for (const scheme of ['light', 'dark'] as const) {
			const colours = partyKeys.map((party) => palette[scheme][PARTY[party].cssVar.slice(2) as 'party-kyiv']);
			expect(new Set(colours).size).toBe(partyKeys.length);
		}
		expect(claimantSides.map(partyOfSide)).toEqual(['kyiv', 'moscow', 'mediator', 'international', 'media']);
	});

	it('writes the light colours into a standalone image', () => {
		expect(resolveColours('<path style="fill: var(--party-kyiv)" class="x"/><g fill="var(--unknown)"/>')).toBe(
			`<path style="fill: ${palette.light['party-kyiv']}" class="x"/><g fill="var(--unknown)"/>`
		);
	});
});

describe('every chart takes a party’s shape and colour from the tokens', () => {
	it.each(['wide', 'narrow'] as const)('the discrepancy chart (%s)', (variant) => {
		const size = discrepancySize(LAYOUT_WIDTHS[variant]);
		const dots = layoutDiscrepancies(discrepancies, factsOf(discrepancies).counts, size).panels.flatMap((panel) =>
			panel.rows.flatMap((row) => row.dots)
		);
		expect(dots.length).toBeGreaterThan(0);
		for (const dot of dots) {
			expect(dot.symbol).toBe(partySymbol(dot.party, size.markerArea));
			expect(dot.colour).toBe(partyColour(dot.party));
		}
		expect(new Set(discrepancies.flatMap((item) => item.figures.map(speakerParty)))).toEqual(
			new Set(dots.map((dot) => dot.party))
		);
	});

	it.each(['wide', 'narrow'] as const)('the cumulative chart’s stated totals (%s)', (variant) => {
		const size = cumulativeSize(LAYOUT_WIDTHS[variant]);
		const points = layoutCumulative(cumulativeInput, size).points;
		expect(points.length).toBeGreaterThan(0);
		for (const point of points) {
			const total = cumulativeInput.statedTotals.find((item) => item.claimId === point.key);
			expect(point.party).toBe(partyOfSide(total?.side ?? 'ukraine'));
			expect(point.symbol).toBe(partySymbol(point.party, size.markerArea));
			expect(point.colour).toBe(partyColour(point.party));
		}
	});

	it.each(['wide', 'narrow'] as const)('the round page’s dot chart (%s)', (variant) => {
		const figure = (claimId: string, side: (typeof claimantSides)[number], number: number) => ({
			claimId,
			claimant: claimId,
			claimantNameUk: claimId,
			claimantNameRu: claimId,
			side,
			number,
			qualifier: 'exact' as const
		});
		const layout = layoutClaimDots(
			[
				{
					key: 'to_ukraine',
					label: 'To Ukraine',
					figures: claimantSides.map((side, index) => figure(`c${index}`, side, 100 + index * 10))
				}
			],
			(item) => item.claimant,
			CLAIM_DOTS_WIDTHS[variant]
		);
		const dots = layout.rows.flatMap((row) => row.dots);
		expect(dots.map((dot) => dot.party)).toEqual(['kyiv', 'moscow', 'mediator', 'international', 'media']);
		for (const dot of dots) {
			expect(dot.shape).toBe(PARTY[dot.party].shape);
			expect(dot.colour).toBe(partyColour(dot.party));
		}
	});

	it('the legends name each party the charts draw, with its own swatch', () => {
		expect(discrepancyLegend(false, ['media', 'kyiv']).map((item) => item.swatch)).toEqual([
			'party-kyiv',
			'party-media',
			'range'
		]);
		expect(cumulativeLegend(['moscow']).map((item) => item.swatch)).toContain('party-moscow');
	});
});
