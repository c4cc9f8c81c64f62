// Search forms: one spelling for a word whatever its script, transliteration or grammatical case, and no more.
import { describe, expect, it } from 'vitest';
import { foldWord, searchForm, searchForms, stemFolded } from '../../src/lib/domain/search-folding';

describe('folding a word to one Latin spelling', () => {
	it.each([
		{ word: 'Мединский', folded: 'medinski' },
		{ word: 'Мединський', folded: 'medinski' },
		{ word: 'Medinsky', folded: 'medinski' },
		{ word: 'Medinskiy', folded: 'medinski' },
		{ word: 'MEDINSKII', folded: 'medinski' },
		{ word: 'Зеленский', folded: 'zelenski' },
		{ word: 'Зеленський', folded: 'zelenski' },
		{ word: 'Zelenskyy', folded: 'zelenski' },
		{ word: 'Zelenskyi', folded: 'zelenski' },
		{ word: 'Єрмак', folded: 'ermak' },
		{ word: 'Ермак', folded: 'ermak' },
		{ word: 'Yermak', folded: 'ermak' },
		{ word: 'Лубінець', folded: 'lubinets' },
		{ word: 'Хинштейн', folded: 'khinshtein' },
		{ word: 'Khinshtein', folded: 'khinshtein' },
		{ word: 'Гліб', folded: 'glib' },
		{ word: 'Hlib', folded: 'glib' },
		{ word: 'Ґудзь', folded: 'gudz' },
		{ word: 'Щербак', folded: 'shcherbak' },
		{ word: 'Shcherbak', folded: 'shcherbak' },
		{ word: 'Їжак', folded: 'izhak' },
		{ word: 'Yizhak', folded: 'izhak' },
		{ word: 'Фёдор', folded: 'fedor' },
		{ word: 'Объём', folded: 'obem' },
		{ word: "Мар'яна", folded: 'mariana' },
		{ word: 'Мар’яна', folded: 'mariana' },
		{ word: 'Марʼяна', folded: 'mariana' },
		{ word: 'Alexander', folded: 'aleksander' },
		{ word: 'Erdoğan', folded: 'erdogan' },
		{ word: 'Türkiye', folded: 'turke' },
		{ word: 'ΑΘΗΝΑ', folded: 'αθηνα' },
		{ word: 'MedinСкий', folded: 'medinski' },
		{ word: '', folded: '' },
		{ word: "'’", folded: '' }
	])('$word -> $folded', ({ word, folded }) => {
		expect(foldWord(word)).toBe(folded);
	});
});

describe('removing a Ukrainian or Russian ending', () => {
	it.each([
		{ folded: 'medinski', stem: 'medinsk' },
		{ folded: 'medinskogo', stem: 'medinsk' },
		{ folded: 'medinskomu', stem: 'medinsk' },
		{ folded: 'medinskim', stem: 'medinsk' },
		{ folded: 'medinskaia', stem: 'medinsk' },
		{ folded: 'ermakovi', stem: 'ermak' },
		{ folded: 'budanova', stem: 'budan' },
		{ folded: 'budanovi', stem: 'budan' },
		{ folded: 'budanov', stem: 'budan' },
		{ folded: 'lubinets', stem: 'lubints' },
		{ folded: 'lubintsia', stem: 'lubints' },
		{ folded: 'lubintsevi', stem: 'lubints' },
		{ folded: 'traven', stem: 'travn' },
		{ folded: 'obmin', stem: 'obmn' },
		{ folded: 'obmen', stem: 'obmn' },
		{ folded: 'kharkiv', stem: 'khark' },
		{ folded: 'lviv', stem: 'lvov' },
		{ folded: 'lvova', stem: 'lvov' },
		{ folded: 'kiv', stem: 'kov' },
		{ folded: 'keva', stem: 'kov' },
		{ folded: 'maia', stem: 'mai' },
		{ folded: 'us', stem: 'us' },
		{ folded: 'ets', stem: 'ets' },
		{ folded: 'don', stem: 'don' }
	])('$folded -> $stem', ({ folded, stem }) => {
		expect(stemFolded(folded)).toBe(stem);
	});
});

describe('the search form a word is indexed and searched under', () => {
	/** Every spelling and case of one name, which must all meet. */
	it.each([
		{
			form: 'medinsk',
			words: [
				'Мединский',
				'Мединський',
				'Medinsky',
				'Medinskiy',
				'Мединского',
				'Мединському',
				'Мединським',
				'Мединском',
				'Мединськім',
				'мединскому'
			]
		},
		{
			form: 'zelensk',
			words: [
				'Зеленский',
				'Зеленський',
				'Zelensky',
				'Zelenskyy',
				'Zelenskiy',
				'Зеленского',
				'Зеленського',
				'Зеленським',
				'Зеленским',
				'Зеленскому'
			]
		},
		{
			form: 'moskalk',
			words: ['Москалькова', 'Москальковій', 'Москальковой', 'Москальковою', 'Москальковим', 'Moskalkova', 'Moskalkovа']
		},
		{ form: 'ermak', words: ['Єрмак', 'Ермак', 'Yermak', 'Єрмака', 'Єрмакові', 'Ермаку', 'Єрмаком', 'Ермаке'] },
		{
			form: 'budan',
			words: ['Буданов', 'Budanov', 'Буданова', 'Буданову', 'Буданові', 'Будановим', 'Будановым', 'Буданове']
		},
		{
			form: 'lubints',
			words: ['Лубінець', 'Lubinets', 'Лубинец', 'Лубінця', 'Лубинцу', 'Лубінцем', 'Лубінцю', 'Лубінцеві']
		},
		{ form: 'pesk', words: ['Песков', 'Peskov', 'Пескова', 'Пескову', 'Пескові', 'Песковым'] },
		{ form: 'ukraon', words: ['Україна', 'України', 'Україні', 'Украина', 'Украины', 'Украине', 'Ukraina', 'Ukraine'] },
		{ form: 'umor', words: ['Умеров', 'Умєров', 'Umerov', 'Умерова', 'Умєрову', 'Умеровым'] },
		{ form: 'obmn', words: ['обмін', 'обміну', 'обміном', 'обмінів', 'обмен', 'обмена', 'обменов', 'Обмін'] },
		{ form: 'polonn', words: ['полонений', 'полонені', 'полонених', 'полоненим', 'полоненими'] },
		{
			form: 'viskovopolonn',
			words: ['військовополонений', 'військовополонені', 'військовополонених', 'військовополоненими']
		},
		{ form: 'kov', words: ['Київ', 'Києва', 'Києві', 'Kyiv', 'Киев', 'Киева', 'Kiev'] },
		{ form: 'khark', words: ['Харків', 'Харкова', 'Харкові', 'Kharkiv', 'Харьков', 'Харькова', 'Kharkov'] },
		{ form: 'travn', words: ['травень', 'травня', 'травні', 'Traven'] },
		{ form: 'pavl', words: ['Павло', 'Павла', 'Павел', 'Pavlo', 'Pavel'] }
	])('$form: $words', ({ form, words }) => {
		for (const word of words) expect([word, searchForm(word)]).toEqual([word, form]);
	});

	it.each([
		{ a: 'Медведев', b: 'Мединский' },
		{ a: 'Зеленский', b: 'Зеленин' },
		{ a: 'Budanov', b: 'Budapest' },
		{ a: 'Yermak', b: 'Yerevan' },
		{ a: 'Буданов', b: 'Бухарест' },
		{ a: 'Москалькова', b: 'Москва' },
		{ a: 'Київ', b: 'Ковальов' },
		{ a: 'обмін', b: 'обман' },
		{ a: 'Пескова', b: 'Пушкова' },
		{ a: 'Лубінець', b: 'Лубни' },
		{ a: 'полонених', b: 'Полтава' }
	])('keeps $a and $b apart', ({ a, b }) => {
		expect(searchForm(a)).not.toBe(searchForm(b));
	});

	it.each(['c11', '2025', 'r22', '1,200', ''])(
		'has no search form for %j (ids and numbers have their own tokens)',
		(word) => {
			expect(searchForm(word)).toBe('');
		}
	);
});

describe('the search forms of a record’s texts', () => {
	it('folds every word of a name, once, held by its search form and by its folded spelling', () => {
		expect(searchForms(['Vladimir Medinsky', 'Владимир Мединский', 'Володимир Мединський'], true)).toBe(
			'vladimor vladimir medinsk medinski volodimor volodimir'
		);
		expect(searchForms(['Kyrylo Budanov'], true)).toBe('kirl kirilo budan budanov');
	});

	it('folds only Cyrillic and capitalised words of a text, so that common English words stay apart', () => {
		expect(searchForms(['Zelensky said the data of the exchange, 23 травня: обмін'], false)).toBe('zelensk travn obmn');
	});

	it('reads nothing from punctuation, numbers or an empty text', () => {
		expect(searchForms(['', '— 1,200 (2025) …', '"*:^'], true)).toBe('');
	});
});
