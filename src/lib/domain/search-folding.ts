// Words folded to one spelling whatever the script, transliteration or grammatical case: "Мединского", "Мединський" and "Medinskiy" all become "medinsk".

/**
 * Cyrillic letters (Ukrainian and Russian) as Latin, chosen so that the usual transliterations meet once folded:
 * и, і, ї, й and ы all become "i" as Latin y does; є and е "e"; я and ю "ia" and "iu" as Latin ya and yu do; г and ґ
 * "g" as Latin h does; the soft and hard signs vanish. Letters with a diacritic (й, ё, ї) are decomposed first.
 */
const cyrillicToLatin: Record<string, string> = {
	а: 'a',
	б: 'b',
	в: 'v',
	г: 'g',
	ґ: 'g',
	д: 'd',
	е: 'e',
	є: 'ie',
	ж: 'zh',
	з: 'z',
	и: 'i',
	і: 'i',
	к: 'k',
	л: 'l',
	м: 'm',
	н: 'n',
	о: 'o',
	п: 'p',
	р: 'r',
	с: 's',
	т: 't',
	у: 'u',
	ф: 'f',
	х: 'kh',
	ц: 'ts',
	ч: 'ch',
	ш: 'sh',
	щ: 'shch',
	ъ: '',
	ы: 'i',
	ь: '',
	э: 'e',
	ю: 'iu',
	я: 'ia'
};

/** Apostrophes as Ukrainian writes them inside a word (м'ясо, Мар’яна, Марʼяна). */
const apostrophes = /['’ʼ]/g;
const marks = /\p{M}/gu;
const cyrillicLetter = /[\u0400-\u04ff]/g;

/**
 * Latin spellings folded together, in this order: x as ks (Alexander, Aleksandr); y as i (Zelensky, Zelenskiy,
 * Zelenskyy); h as g unless it ends zh, ch, sh or kh (Hlib and Гліб, Yevhen and Євген); a letter written twice as
 * once (Zelenskyy, Зеленський's "ii"); ie as e (Yermak, Єрмак and Ермак; Andriyevych and Андрієвич).
 */
const latinFolds: [RegExp, string][] = [
	[/x/g, 'ks'],
	[/y/g, 'i'],
	[/(?<![zcsk])h/g, 'g'],
	[/(\p{L})\1+/gu, '$1'],
	[/ie/g, 'e']
];

/** The shortest stem an ending is removed from: "мая" keeps "mai", not "m". */
const MIN_STEM_LENGTH = 3;

/**
 * Ukrainian and Russian endings, as folded, removed from the end of a word (the first in this list, longest first,
 * that leaves a stem of at least {@link MIN_STEM_LENGTH} letters), so that a name in another grammatical case meets
 * its nominative: Мединского, Мединському, Мединським, Мединская, Мединской, Мединскую all become "medinsk", as do
 * Мединский and Medinsky. Adjectival endings (-ого, -ому, -им, -ая, -ой, -ую, -ые, -их, -ими), noun endings (-а,
 * -у, -е, -ом, -ем, -ою, -ею, -ам, -ами, -ах, -я, -ю), the Ukrainian dative and locative -ові, -еві, -єві
 * (Єрмакові) and the vowels a nominative can end in.
 */
const endings = [
	'iami',
	'iakh',
	'imi',
	'ami',
	'ikh',
	'akh',
	'ogo',
	'ego',
	'omu',
	'emu',
	'aia',
	'uiu',
	'oiu',
	'eiu',
	'iam',
	'ovi',
	'evi',
	'am',
	'om',
	'em',
	'im',
	'oi',
	'oe',
	'ia',
	'iu',
	'a',
	'e',
	'i',
	'o',
	'u'
];

/**
 * The suffix of a surname or place name made from another word, removed once the ending is: Буданов, Буданова,
 * Буданові and Будановим all become "budan", as Єрмакові becomes "ermak" (-ові is an ending there, and the two
 * cannot be told apart by their letters); Russian -ов, -ев (Песков, Медведев), Ukrainian -ів, -їв (Харків, Миколаїв)
 * and the Russian and Ukrainian genitive plural (обменов, обмінів). The price: Иванов and Иван meet, as do Песков
 * and песок (sand).
 */
const derivingSuffix = /(?:ov|ev|iv)$/;

/**
 * The Ukrainian alternation of i with o or e in a word's last, closed syllable: Харків, Харкова and Харьков; Львів,
 * Львова and Львов; Київ, Києва and Киев; обмін and обмен. The vowel before a final consonant becomes o whatever it
 * was, so that every form meets.
 */
const closedSyllable = /[ie](?=[^aeiou]$)/;

/**
 * A fleeting vowel (e, or o once {@link closedSyllable} has made it one) between a consonant and a final n, k, l or
 * ts, which the oblique cases drop: Лубінець and Лубінця ("lubints"), травень and травня ("travn"), Павел, Павла and
 * Павло ("pavl"). Dropped in every form, so that the forms meet even where the vowel is not a fleeting one.
 */
const fleetingVowel = /(?<=[^aeiou])[eo](?=(?:n|k|l|ts)$)/;

/** The shortest stem the alternation is looked for in ("kiv" is Київ); a fleeting vowel leaves at least this many. */
const MIN_ALTERNATION_LENGTH = 3;

/** Letters and digits only once folded: anything else (an apostrophe, a stray mark) is dropped. */
const foldedLetters = /[^\p{L}\p{N}]/gu;

/**
 * A word as one Latin spelling: lower case, diacritics removed, Cyrillic transliterated, apostrophes and the soft
 * and hard signs dropped, and the usual variants of transliteration folded together (see {@link latinFolds}).
 * "Мединський", "Мединский", "Medinskiy" and "Medinsky" all become "medinski". Letters of other scripts are kept.
 */
export function foldWord(word: string): string {
	let folded = word
		.toLowerCase()
		.normalize('NFKD')
		.replace(marks, '')
		.replace(apostrophes, '')
		.replace(cyrillicLetter, (letter) => cyrillicToLatin[letter] ?? letter)
		.replace(foldedLetters, '');
	for (const [pattern, replacement] of latinFolds) folded = folded.replace(pattern, replacement);
	return folded;
}

/**
 * A folded word without its Ukrainian or Russian ending (see {@link endings}) and deriving suffix (see
 * {@link derivingSuffix}), with the vowel of a closed last syllable made one (see {@link closedSyllable}) and a fleeting
 * vowel dropped (see {@link fleetingVowel}).
 */
export function stemFolded(folded: string): string {
	let stem = folded;
	for (const ending of endings) {
		if (stem.endsWith(ending) && stem.length - ending.length >= MIN_STEM_LENGTH) {
			stem = stem.slice(0, -ending.length);
			break;
		}
	}
	if (derivingSuffix.test(stem) && stem.length - 2 >= MIN_STEM_LENGTH) stem = stem.slice(0, -2);
	if (stem.length < MIN_ALTERNATION_LENGTH) return stem;
	stem = stem.replace(closedSyllable, 'o');
	return stem.length > MIN_ALTERNATION_LENGTH ? stem.replace(fleetingVowel, '') : stem;
}

/**
 * The form a word is indexed and searched under beside its spelling as written: folded, then stemmed. Empty for a
 * word with a digit (ids, numbers and dates have tokens of their own) or with nothing left once folded.
 */
export function searchForm(word: string): string {
	if (/\p{N}/u.test(word)) return '';
	return stemFolded(foldWord(word));
}

/** A word: letters and digits, with an apostrophe inside a Cyrillic word kept in it (Мар'яна, п’ять). */
export const searchWordPattern =
	/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:(?<=\p{Script=Cyrillic})['’](?=\p{Script=Cyrillic})[\p{L}\p{M}]+)*/gu;
/**
 * The words of a text (not a name) that are folded: only those a reader may type in another script or spelling,
 * Cyrillic words and capitalised Latin ones (Zelensky, Istanbul), so that common English words are never folded into
 * one another ("data" and "date" share a stem).
 */
const textWordPattern =
	/(?<![\p{L}\p{N}\p{M}'’])(?:\p{Lu}|\p{Script=Cyrillic})[\p{L}\p{N}\p{M}]*(?:(?<=\p{Script=Cyrillic})['’](?=\p{Script=Cyrillic})[\p{L}\p{M}]+)*/gu;

/** Whether a word of a text (not a name) has a search form in the index: the rule of {@link textWordPattern}. */
export function hasFormInText(word: string): boolean {
	return /^(?:\p{Lu}|\p{Script=Cyrillic})/u.test(word);
}

/** Most words whose search forms are remembered; past it the memory starts again, so that it stays bounded. */
const FORM_CACHE_SIZE = 50_000;
const formCache = new Map<string, string>();

/** {@link searchForm}, remembered: a dataset repeats its names and words thousands of times. */
function cachedSearchForm(word: string): string {
	let form = formCache.get(word);
	if (form === undefined) {
		if (formCache.size >= FORM_CACHE_SIZE) formCache.clear();
		form = searchForm(word);
		formCache.set(word, form);
	}
	return form;
}

/**
 * The search forms of texts' words, once each, space separated, for the index: of every word of names (`allWords`:
 * a claimant's, an outlet's, mediators'), of the Cyrillic and capitalised words of other texts ({@link textWordPattern}).
 * A name's words are held by their folded spelling too, so that a name typed in part still finds it past the end of
 * its stem ("Будано" finds Буданов, whose search form is "budan").
 */
export function searchForms(texts: readonly string[], allWords: boolean): string {
	const forms = new Set<string>();
	const words = new RegExp(allWords ? searchWordPattern : textWordPattern);
	for (const text of texts) {
		words.lastIndex = 0;
		for (let match = words.exec(text); match !== null; match = words.exec(text)) {
			const form = cachedSearchForm(match[0]);
			if (form === '') continue;
			forms.add(form);
			if (allWords) forms.add(foldWord(match[0]));
		}
	}
	return [...forms].join(' ');
}
