// Names of prisoners and released people are never published: this finds and withholds them in free text.
import { hash } from 'node:crypto';

/**
 * SHA-256 digests of the lower-cased names (full names and surnames used alone) of people who were
 * held or exchanged and who appear in pages we cite. Digests rather than names, so that this list
 * does not publish what it is meant to withhold. Add a digest with:
 * `node -e "console.log(require('crypto').createHash('sha256').update('first last').digest('hex'))"`
 */
const withheldNameDigests = new Set([
	'5c697d5c0661ff51c07ebc2650babc4826055553cfcf7e79ad8b6a1d0fe6393d',
	'dd70915489b41950a6222cdc33255d2eca5650c4b8e39134e1bd50fe35737a85',
	'2970e6392cbb1a42ba2cd6ecb4b5bdc7ff6b6853eaf736fc0bae1097b16304bd',
	'3f99fe3455e790bbfd2ac8f87a7fff1b017810d9961b50d8ebd94d8ad55752fd',
	'32d07b9e59d04f6fa71f9f079feee1b8e6ba78192e900391af45d03a8eef74b9',
	'520b23780a94868cfc8f473327a5ef894c54561ea5bc0a3706f6d9b11029b561',
	'f7eab37c35b6adc939351d80469308c73c8ac17e7fa9a2b0ac631c8f3f52446a',
	'cc9566c6053df424a3b8dc0769c8152e5ae57bd7d5ce0f0668bf70e4e8ae75fd',
	'db14bd5c7f506910cfa57e3f42d7088a13801560832a57a9d85fc4173953430e',
	'bc0aa35b3c771eb94489cbe3cb52610b872966e1cbde6d0049f8cfa3402acaaf',
	'3aba5edcadde9d512ccac75813bce597724ea84372290d78e64c8f7d7369de31',
	'a37bef58a8d1e2073ce0d8c334690fb19d04199eb6fc0b487491e115348acd9d',
	'5f3fc5b707948131641ca4c965f1693bb7a4b1bf404431b237d7edc639ed59df',
	'78146167ab389888b9f390700aea2ab7627b15883831bdd4f38449a00a6023ae',
	'cab88e6b0dacbee7150b0ecb363469a7212ea65da7aa334673c12b6a0c3b717f',
	'588aa4e3b0ebe0d750b3e81e96b9b65ee03c02e81a50579b3d41c5aa4feefc66'
]);

/** The text that replaces a withheld name. */
export const NAME_WITHHELD = '[name withheld]';

const longestName = 3;

/** The digest of a name as listed: its words, lower-cased, joined by single spaces. */
export function digest(words: string[]): string {
	// The one-shot hash: the build digests every window of one to three words of every free-text cell.
	return hash('sha256', words.join(' '), 'hex');
}

/** A word as compared: lower case, without punctuation or a possessive "'s". */
function normalised(word: string): string {
	return word
		.toLowerCase()
		.replace(/['’]s$/, '')
		.replace(/[^\p{L}\p{N}-]/gu, '');
}

/** The text with every withheld name (up to three words long) replaced by {@link NAME_WITHHELD}. */
export function withholdNames(text: string, digests: ReadonlySet<string> = withheldNameDigests): string {
	// Even positions are words, odd positions the whitespace between them, which is kept as it was.
	const parts = text.split(/(\s+)/);
	const words = parts.filter((_, index) => index % 2 === 0);
	const compared = words.map(normalised);
	let output = '';
	for (let index = 0; index < words.length;) {
		let matched = 0;
		for (let length = Math.min(longestName, words.length - index); length > 0 && matched === 0; length -= 1) {
			if (digests.has(digest(compared.slice(index, index + length)))) matched = length;
		}
		const separator = index > 0 ? (parts[index * 2 - 1] ?? '') : '';
		if (matched === 0) {
			output += separator + (words[index] ?? '');
			index += 1;
			continue;
		}
		// Keep the punctuation around the name: "(Name," stays "([name withheld],".
		const leading = /^[^\p{L}\p{N}]*/u.exec(words[index] ?? '')?.[0] ?? '';
		const trailing = /(['’]s)?[^\p{L}\p{N}]*$/u.exec(words[index + matched - 1] ?? '')?.[0] ?? '';
		output += `${separator}${leading}${NAME_WITHHELD}${trailing}`;
		index += matched;
	}
	return output;
}

/** Whether the text contains a withheld name. */
export function containsWithheldName(text: string, digests: ReadonlySet<string> = withheldNameDigests): boolean {
	return withholdNames(text, digests) !== text;
}
