// Estimated boxes of a rendered chart's text and marks, and its drawn lines, for the test that nothing overprints a label.
import { estimateTextWidth, type Box, type Segment } from '../../src/lib/charts/chart-utils';

export interface TextBox extends Box {
	text: string;
}

const attribute = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const number = (tag: string, name: string, fallback = 0): number => Number(attribute(tag, name) ?? fallback);

const unescape = (text: string) =>
	text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&amp;', '&');

/**
 * Every `<text>` of an SVG as a box: its width estimated from the characters (a tenth wider when bold, as the
 * direct labels are), aligned by its `text-anchor`, from its baseline up by 0.8 of the font size (and down by `dy`).
 */
export function textBoxes(svg: string, fontSize: number, boldClasses: readonly string[] = []): TextBox[] {
	return [...svg.matchAll(/<text\b([^>]*)>([\s\S]*?)<\/text>/g)].map((match) => {
		const tag = match[1] ?? '';
		const text = unescape((match[2] ?? '').replace(/<[^>]+>/g, '')).trim();
		const size = number(tag, 'font-size', fontSize);
		const bold = boldClasses.some((name) => (attribute(tag, 'class') ?? '').split(/\s+/).includes(name));
		const width = estimateTextWidth(text, size) * (bold ? 1.1 : 1);
		const anchor = attribute(tag, 'text-anchor') ?? 'start';
		const x = number(tag, 'x');
		const dy = (attribute(tag, 'dy') ?? '0').endsWith('em') ? parseFloat(attribute(tag, 'dy') ?? '0') * size : 0;
		const left = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
		return { text, x: left, y: number(tag, 'y') + dy - size * 0.8, width, height: size };
	});
}

/** The bounding box of an SVG path's points: its M, L, H, V and A commands (absolute or relative), as charts draw them. */
function pathBox(d: string): Box {
	const xs: number[] = [];
	const ys: number[] = [];
	let x = 0;
	let y = 0;
	for (const [, command = '', args = ''] of d.matchAll(/([MLHVAZmlhvaz])([^MLHVAZmlhvaz]*)/g)) {
		const numbers = (args.match(/-?\d*\.?\d+(?:e-?\d+)?/g) ?? []).map(Number);
		const relative = command === command.toLowerCase();
		const step = { m: 2, l: 2, h: 1, v: 1, a: 7, z: 0 }[command.toLowerCase()] ?? 2;
		for (let index = 0; step > 0 && index + step <= numbers.length; index += step) {
			const group = numbers.slice(index, index + step);
			const kind = command.toLowerCase();
			if (kind === 'h') x = (relative ? x : 0) + (group[0] ?? 0);
			else if (kind === 'v') y = (relative ? y : 0) + (group[0] ?? 0);
			else {
				const [dx = 0, dy = 0] = group.slice(-2);
				x = (relative ? x : 0) + dx;
				y = (relative ? y : 0) + dy;
			}
			// A half circle (d3-shape draws a circle as two) reaches its radius around the middle of its ends.
			if (kind === 'a') {
				const [centreX, centreY] = [((xs.at(-1) ?? x) + x) / 2, ((ys.at(-1) ?? y) + y) / 2];
				xs.push(centreX - (group[0] ?? 0), centreX + (group[0] ?? 0));
				ys.push(centreY - (group[1] ?? 0), centreY + (group[1] ?? 0));
			}
			xs.push(x);
			ys.push(y);
		}
	}
	const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
	return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * The visible marks of an SVG: bars, markers (paths placed by a translate, circles) and arrows; invisible pointer
 * targets (`.hit`) and lines (gridlines, axes, ranges) are left out, as labels may cross a line but not a mark.
 */
export function markBoxes(svg: string): Box[] {
	const boxes: Box[] = [];
	for (const match of svg.matchAll(/<(rect|path|circle)\b([^>]*?)\/?>/g)) {
		const [, element, tag = ''] = match;
		const classes = (attribute(tag, 'class') ?? '').split(/\s+/);
		if (classes.includes('hit') || classes.includes('background')) continue;
		if (element === 'rect') {
			if (attribute(tag, 'width') === undefined) continue;
			boxes.push({
				x: number(tag, 'x'),
				y: number(tag, 'y'),
				width: number(tag, 'width'),
				height: number(tag, 'height')
			});
		} else if (element === 'circle') {
			const r = number(tag, 'r');
			boxes.push({ x: number(tag, 'cx') - r, y: number(tag, 'cy') - r, width: 2 * r, height: 2 * r });
		} else {
			const d = attribute(tag, 'd');
			if (!d || classes.includes('series') || classes.includes('leader')) continue;
			const box = pathBox(d);
			const translate = /translate\(([-\d.]+)[, ]([-\d.]+)\)/.exec(attribute(tag, 'transform') ?? '');
			boxes.push(translate ? { ...box, x: box.x + Number(translate[1]), y: box.y + Number(translate[2]) } : box);
		}
	}
	return boxes;
}

/** A straight piece of a drawn line, named by the class that styles it ("series-moscow", "range", "leader"). */
export interface NamedSegment extends Segment {
	kind: string;
}

/** The corners of a path of straight pieces (M, L, H and V commands, absolute as D3 writes them), in order. */
function pathCorners(d: string): { x: number; y: number; move: boolean }[] {
	const corners: { x: number; y: number; move: boolean }[] = [];
	let x = 0;
	let y = 0;
	for (const [, command = '', args = ''] of d.matchAll(/([MLHV])([^MLHVZ]*)/gi)) {
		const numbers = (args.match(/-?\d*\.?\d+(?:e-?\d+)?/g) ?? []).map(Number);
		const upper = command.toUpperCase();
		const step = upper === 'H' || upper === 'V' ? 1 : 2;
		for (let index = 0; index + step <= numbers.length; index += step) {
			const relative = command !== upper;
			if (upper === 'H') x = (relative ? x : 0) + (numbers[index] ?? 0);
			else if (upper === 'V') y = (relative ? y : 0) + (numbers[index] ?? 0);
			else {
				x = (relative ? x : 0) + (numbers[index] ?? 0);
				y = (relative ? y : 0) + (numbers[index + 1] ?? 0);
			}
			corners.push({ x, y, move: upper === 'M' && index === 0 });
		}
	}
	return corners;
}

/**
 * The drawn lines of an SVG as straight segments: every `<line>` but the gridlines (faint and behind everything), and
 * the paths of the data lines and their leaders (`.series`, `.leader`). Markers, bars and arrows are marks, not lines.
 */
export function drawnSegments(svg: string): NamedSegment[] {
	const segments: NamedSegment[] = [];
	for (const [, element, tag = ''] of svg.matchAll(/<(line|path)\b([^>]*?)\/?>/g)) {
		const classes = (attribute(tag, 'class') ?? '').split(/\s+/).filter(Boolean);
		const kind = classes.find((name) => name !== 'series' && name !== 'leader' && !name.startsWith('svelte-'));
		if (element === 'line') {
			if (classes.includes('grid')) continue;
			segments.push({
				kind: kind ?? 'line',
				x1: number(tag, 'x1'),
				y1: number(tag, 'y1'),
				x2: number(tag, 'x2'),
				y2: number(tag, 'y2')
			});
		} else if (classes.includes('series') || classes.includes('leader')) {
			const corners = pathCorners(attribute(tag, 'd') ?? '');
			corners.forEach((corner, index) => {
				const from = corners[index - 1];
				if (from && !corner.move) {
					const name = kind ?? (classes.includes('leader') ? 'leader' : 'series');
					segments.push({ kind: name, x1: from.x, y1: from.y, x2: corner.x, y2: corner.y });
				}
			});
		}
	}
	return segments;
}
