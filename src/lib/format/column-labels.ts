// Column labels for a table that becomes stacked cards on phones: CSS custom properties the global `.stack` rules read.

/** A CSS string literal for `text`: quotes, backslashes and line breaks escaped so that no text can end it early. */
function cssString(text: string): string {
	const escaped = text.replace(/[\\"]/g, (character) => `\\${character}`).replace(/[\n\r\f]/g, ' ');
	return `"${escaped}"`;
}

/**
 * The `style` of a `.stack` table: `--c1`, `--c2`, … the label each column's cells show when the rows are cards, in
 * column order; `null` leaves a column's cells unlabelled (a row header names itself). Set once on the table, so the
 * labels cost the same bytes however many rows there are.
 */
export function columnLabels(labels: readonly (string | null)[]): string {
	return labels
		.map((label, index) => (label === null ? null : `--c${index + 1}:${cssString(label)}`))
		.filter((declaration) => declaration !== null)
		.join(';');
}
