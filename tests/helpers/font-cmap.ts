// The characters a TrueType font has glyphs for, read from its cmap table (formats 4 and 12, the Unicode subtables).
import { readFileSync } from 'node:fs';

/** Every Unicode code point the font at `path` maps to a glyph other than the missing-glyph box (glyph 0). */
export function fontCodePoints(path: string): Set<number> {
	const font = readFileSync(path);
	const tables = font.readUInt16BE(4);
	let cmap = -1;
	for (let index = 0; index < tables; index++) {
		const record = 12 + index * 16;
		if (font.toString('latin1', record, record + 4) === 'cmap') cmap = font.readUInt32BE(record + 8);
	}
	if (cmap < 0) throw new Error(`${path} has no cmap table`);
	const subtables = font.readUInt16BE(cmap + 2);
	const covered = new Set<number>();
	for (let index = 0; index < subtables; index++) {
		const record = cmap + 4 + index * 8;
		const platform = font.readUInt16BE(record);
		const offset = cmap + font.readUInt32BE(record + 4);
		if (platform !== 0 && platform !== 3) continue;
		const format = font.readUInt16BE(offset);
		if (format === 4) readFormat4(font, offset, covered);
		if (format === 12) readFormat12(font, offset, covered);
	}
	return covered;
}

function readFormat4(font: Buffer, offset: number, covered: Set<number>): void {
	const segments = font.readUInt16BE(offset + 6) / 2;
	const ends = offset + 14;
	const starts = ends + segments * 2 + 2;
	const deltas = starts + segments * 2;
	const rangeOffsets = deltas + segments * 2;
	for (let segment = 0; segment < segments; segment++) {
		const end = font.readUInt16BE(ends + segment * 2);
		const start = font.readUInt16BE(starts + segment * 2);
		const delta = font.readInt16BE(deltas + segment * 2);
		const rangeOffsetAt = rangeOffsets + segment * 2;
		const rangeOffset = font.readUInt16BE(rangeOffsetAt);
		for (let code = start; code <= end && code !== 0xffff; code++) {
			let glyph: number;
			if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
			else {
				const raw = font.readUInt16BE(rangeOffsetAt + rangeOffset + (code - start) * 2);
				glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
			}
			if (glyph !== 0) covered.add(code);
		}
	}
}

function readFormat12(font: Buffer, offset: number, covered: Set<number>): void {
	const groups = font.readUInt32BE(offset + 12);
	for (let group = 0; group < groups; group++) {
		const record = offset + 16 + group * 12;
		const start = font.readUInt32BE(record);
		const end = font.readUInt32BE(record + 4);
		const firstGlyph = font.readUInt32BE(record + 8);
		for (let code = start; code <= end; code++) if (firstGlyph + (code - start) !== 0) covered.add(code);
	}
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text an SVG draws: the content of its text elements, with character references decoded. */
export function drawnText(svg: string): string {
	const texts = [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((found) => found[1] ?? '');
	return texts
		.join('\n')
		.replace(/<[^>]+>/g, '')
		.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) =>
			name.startsWith('#x') || name.startsWith('#X')
				? String.fromCodePoint(parseInt(name.slice(2), 16))
				: name.startsWith('#')
					? String.fromCodePoint(Number(name.slice(1)))
					: (ENTITIES[name] ?? whole)
		);
}

/** The characters of `text` (line breaks aside) that `font` has no glyph for, each once. */
export function missingGlyphs(text: string, font: Set<number>): string[] {
	const missing = new Set<string>();
	for (const character of text) {
		const code = character.codePointAt(0) ?? 0;
		if (character !== '\n' && !font.has(code)) missing.add(character);
	}
	return [...missing];
}
