// Structured data (JSON-LD) written into a <script> tag: valid JSON that no value in the data can break out of.

/** Characters that could end the script element or start markup, and the two line ends older JavaScript rejects. */
const unsafeCharacters = /[<>&\u2028\u2029]/g;

/** Each as a JSON escape: JSON.parse reads back exactly the same string. */
const escapes: Record<string, string> = {
	'<': '\\u003c',
	'>': '\\u003e',
	'&': '\\u0026',
	'\u2028': '\\u2028',
	'\u2029': '\\u2029'
};

/**
 * A `<script type="application/ld+json">` element holding `data` as JSON, with `<`, `>`, `&`, U+2028 and U+2029
 * escaped, so that a value such as `</script><script>…` stays a string inside the JSON.
 */
export function jsonLdScript(data: Record<string, unknown>): string {
	const json = JSON.stringify(data).replace(unsafeCharacters, (character) => escapes[character] ?? character);
	return `<script type="application/ld+json">${json}</script>`;
}
