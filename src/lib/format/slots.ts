// Messages with markup inside (a link in the middle of a sentence): the message keeps its whole sentence, and the
// markup goes where its placeholder is, found again by a marker no message or data contains.
const MARK = '\u0000';

/** The part of a sentence: its own text, or the place of a named piece of markup. */
export type SentencePart = { text: string } | { slot: string };

/** Inputs for a message whose placeholders `names` are to be filled with markup: a marker for each. */
export function slotInputs<Name extends string>(...names: Name[]): Record<Name, string> {
	return Object.fromEntries(names.map((name) => [name, `${MARK}${name}${MARK}`])) as Record<Name, string>;
}

/** A message rendered with {@link slotInputs}, cut into its text and the places of its markup, in order. */
export function sentenceParts(rendered: string): SentencePart[] {
	return rendered
		.split(MARK)
		.map((piece, index): SentencePart => (index % 2 === 1 ? { slot: piece } : { text: piece }))
		.filter((part) => !('text' in part) || part.text !== '');
}
