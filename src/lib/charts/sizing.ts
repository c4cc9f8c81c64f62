// A chart's height and the density of its axes' ticks as functions of the width it is laid out at; pure and table-tested.
import { estimateTextWidth, type Variant } from './chart-utils';

/**
 * The widths, in viewBox units, each chart is laid out at: the pages draw the narrow layout scaled to their column
 * (so that its text stays readable from 320 px up without a script), the 1200 px images the wide one.
 */
export const LAYOUT_WIDTHS: Record<Variant, number> = { wide: 680, narrow: 340 };

/** The widths a chart's model is laid out at, the wide first, as the models list their layouts. */
export const MODEL_WIDTHS: readonly number[] = [LAYOUT_WIDTHS.wide, LAYOUT_WIDTHS.narrow];

/** Below this width a chart takes its narrow arrangement: labels above their rows, a smaller font. */
export const NARROW_BELOW = 480;

/** The arrangement of a chart laid out `width` units wide. */
export function variantOf(width: number): Variant {
	return width < NARROW_BELOW ? 'narrow' : 'wide';
}

/** How a chart's height follows its width: a share of the width, never below `min` nor above `max`. */
export interface HeightRule {
	ratio: number;
	min: number;
	max: number;
}

/**
 * The height of a chart laid out `width` units wide. A wide chart is landscape, so that a laptop shows it whole with
 * its legend; a narrow one keeps a floor, so that its bars stay tall enough to compare on a phone.
 */
export function chartHeight(width: number, rule: HeightRule): number {
	return Math.round(Math.min(rule.max, Math.max(rule.min, width * rule.ratio)));
}

/** The rounds timeline: 340 units at 680, never under 300 (its two directions share the height) nor over 420. */
export const TIMELINE_HEIGHT: HeightRule = { ratio: 0.5, min: 300, max: 420 };
/** The cumulative chart: 360 units at 680, never under 340 (three lines and the stated totals) nor over 440. */
export const CUMULATIVE_HEIGHT: HeightRule = { ratio: 0.53, min: 340, max: 440 };

/**
 * How many ticks a vertical axis `length` units tall gets: one every `spacing` units (a gridline a line of text or
 * two apart), at least `least`.
 */
export function verticalTickCount(length: number, spacing = 40, least = 1): number {
	return Math.max(least, Math.floor(length / spacing));
}

/**
 * How many ticks a horizontal axis `length` units long gets when its labels are numbers up to `largest`: as many as
 * leave each label half its width again and a font size of room (so that neighbours never touch), between 2 and 5.
 */
export function horizontalTickCount(length: number, largest: number, fontSize: number): number {
	const label = estimateTextWidth(Math.round(largest).toLocaleString('en'), fontSize);
	return Math.min(5, Math.max(2, Math.floor(length / (1.5 * label + fontSize))));
}
