// The confirmation rules as a specification: each row is a set of claims about one count and the status they must yield.
import { describe, it, expect } from 'vitest';
import { statusLabel } from '../../src/lib/format/figures';
import {
	ABOUT_TOLERANCE_PERCENT,
	confirmationStatuses,
	deriveConfirmation,
	hasConfirmedPart,
	isConfirmed,
	isConsistentWith,
	type Confirmation,
	type ConfirmationStatus,
	type FigureScope,
	type StatedFigure
} from '../../src/lib/domain/confirmation';
import type { ClaimantSide, Qualifier } from '../../src/lib/schemas/vocabulary';

let nextClaimId = 1;

/** Makes a figure factory for one claimant, so that table rows read like "kyiv(189)" or "moscow(1000, 'more_than')". */
function claimant(side: ClaimantSide, name: string) {
	return (number: number | null, qualifier: Qualifier = 'exact', scope: FigureScope = 'all'): StatedFigure => ({
		claimId: `claim-${nextClaimId++}`,
		claimant: name,
		claimantNameUk: name,
		claimantNameRu: name,
		side,
		number,
		qualifier: number === null ? null : qualifier,
		scope
	});
}

const kyiv = claimant('ukraine', 'Coordination Headquarters for the Treatment of Prisoners of War');
const zelensky = claimant('ukraine', 'President of Ukraine');
const moscow = claimant('russia', 'Russian Ministry of Defence');
const uae = claimant('mediator', 'UAE Ministry of Foreign Affairs');
const icrc = claimant('international', 'International Committee of the Red Cross');
const lbua = claimant('independent', 'LB.ua');

type Expected = Pick<Confirmation, 'status' | 'confirmedNumber' | 'range' | 'explanation'> &
	Partial<Pick<Confirmation, 'confirmedScope' | 'disputedScope'>>;

const announced = (explanation: string): Expected => ({
	status: 'announced',
	confirmedNumber: null,
	range: null,
	explanation
});
const disputed = (low: number, high: number, explanation: string): Expected => ({
	status: 'disputed',
	confirmedNumber: null,
	range: { low, high },
	explanation
});
const corroborated = (n: number, explanation: string): Expected => ({
	status: 'corroborated',
	confirmedNumber: n,
	range: null,
	explanation
});
const thirdPartyConfirmed = (n: number, explanation: string): Expected => ({
	status: 'third_party_confirmed',
	confirmedNumber: n,
	range: null,
	explanation
});
const partlyConfirmed = (n: number, explanation: string): Expected => ({
	status: 'partly_confirmed',
	confirmedNumber: n,
	range: null,
	explanation
});
const scopeDiffers = (explanation: string): Expected => ({
	status: 'scope_differs',
	confirmedNumber: null,
	range: null,
	explanation
});
const noFigure: Expected = {
	status: 'no_figure',
	confirmedNumber: null,
	range: null,
	explanation: 'No figure is on record for this direction.'
};

const UAE = 'UAE Ministry of Foreign Affairs';
const ICRC = 'International Committee of the Red Cross';

/** Servicemen and civilians, for the scope cases: `military(kyiv, 185)` is Kyiv's 185 servicemen. */
const military = (voice: typeof kyiv, number: number, qualifier: Qualifier = 'exact') =>
	voice(number, qualifier, 'military');
const civilians = (voice: typeof kyiv, number: number, qualifier: Qualifier = 'exact') =>
	voice(number, qualifier, 'civilians');

/** One part of the day's returns, for the part cases: `inExchange(moscow(175))` is Moscow's 175 of the exchange itself. */
const inExchange = (figure: StatedFigure): StatedFigure => ({ ...figure, part: 'in_exchange' });
const outsideExchange = (figure: StatedFigure): StatedFigure => ({ ...figure, part: 'outside_exchange' });
const ean = claimant('independent', 'EAN');
const mediaLine = claimant('independent', 'The Media Line');

const cases: { name: string; figures: StatedFigure[]; combined?: StatedFigure[]; expected: Expected }[] = [
	// Rule 1: nothing to go on
	{ name: 'no figures', figures: [], expected: noFigure },
	{ name: 'only statements without a figure', figures: [kyiv(null), moscow(null)], expected: noFigure },

	// Rule 5, announced: one voice only
	{
		name: 'single exact figure from Ukraine',
		figures: [kyiv(189)],
		expected: announced('Only Kyiv gave a figure: 189.')
	},
	{
		name: 'single exact figure from Russia',
		figures: [moscow(150)],
		expected: announced('Only Moscow gave a figure: 150.')
	},
	{
		name: 'single exact figure from a mediator',
		figures: [uae(150)],
		expected: announced(`Only ${UAE} gave a figure: 150.`)
	},
	{
		name: 'single exact figure from an international body',
		figures: [icrc(150)],
		expected: announced(`Only ${ICRC} gave a figure: 150.`)
	},
	{
		name: 'single exact figure from independent media',
		figures: [lbua(29)],
		expected: announced('Only LB.ua gave a figure: 29.')
	},
	{
		name: 'a statement without a figure is ignored',
		figures: [kyiv(189), moscow(null)],
		expected: announced('Only Kyiv gave a figure: 189.')
	},
	{
		name: 'numbers are formatted with thousands separators',
		figures: [moscow(1200)],
		expected: announced('Only Moscow gave a figure: 1,200.')
	},
	{
		name: 'two Ukrainian claimants with the same number are one side',
		figures: [kyiv(390), zelensky(390)],
		expected: announced("Kyiv reported 390; no other side's figure confirms it.")
	},
	{
		name: 'a mediator alone, repeated by media',
		figures: [uae(150), lbua(150)],
		expected: announced(`${UAE} reported 150, repeated by LB.ua; neither Kyiv nor Moscow confirmed it.`)
	},
	{
		name: 'a mediator and an international body agreeing without any party',
		figures: [uae(150), icrc(150)],
		expected: announced(`${UAE} and ${ICRC} reported 150; neither Kyiv nor Moscow confirmed it.`)
	},
	{
		name: 'independent media matching a party does not confirm',
		figures: [kyiv(29), lbua(29)],
		expected: announced("Kyiv reported 29, repeated by LB.ua; no other side's figure confirms it.")
	},

	// Rule 5, corroborated
	{
		name: 'Ukraine and Russia agree',
		figures: [kyiv(390), moscow(390)],
		expected: corroborated(390, 'Kyiv and Moscow both reported 390.')
	},
	{
		name: 'several Ukrainian claimants and Russia agree',
		figures: [kyiv(390), zelensky(390), moscow(390)],
		expected: corroborated(390, 'Kyiv and Moscow both reported 390.')
	},
	{
		name: 'both parties agree and media repeat them',
		figures: [kyiv(390), moscow(390), lbua(390)],
		expected: corroborated(390, 'Kyiv and Moscow both reported 390.')
	},
	{
		name: 'a consistent bound alongside a corroborated pair',
		figures: [kyiv(390), moscow(390), uae(400, 'about'), lbua(300, 'more_than')],
		expected: corroborated(390, 'Kyiv and Moscow both reported 390.')
	},

	// Rule 5, third-party confirmed
	{
		name: 'a mediator matches Ukraine',
		figures: [uae(150), kyiv(150)],
		expected: thirdPartyConfirmed(150, `${UAE} reported 150, matching Kyiv's figure.`)
	},
	{
		name: 'a mediator matches Russia',
		figures: [uae(150), moscow(150)],
		expected: thirdPartyConfirmed(150, `${UAE} reported 150, matching Moscow's figure.`)
	},
	{
		name: 'a mediator matches both parties',
		figures: [uae(150), moscow(150), kyiv(150)],
		expected: thirdPartyConfirmed(150, `Kyiv, Moscow and ${UAE} all reported 150.`)
	},
	{
		name: 'an international body matches a party',
		figures: [kyiv(150), icrc(150)],
		expected: thirdPartyConfirmed(150, `${ICRC} reported 150, matching Kyiv's figure.`)
	},
	{
		name: 'two third parties match one party',
		figures: [moscow(150), icrc(150), uae(150)],
		expected: thirdPartyConfirmed(150, `${UAE} and ${ICRC} reported 150, matching Moscow's figure.`)
	},
	{
		name: 'a consistent bound alongside a third-party confirmation',
		figures: [uae(150), moscow(150), kyiv(100, 'at_least')],
		expected: thirdPartyConfirmed(150, `${UAE} reported 150, matching Moscow's figure.`)
	},

	// Rule 4, disputed between exact figures
	{
		name: 'Ukraine and Russia differ',
		figures: [kyiv(189), moscow(150)],
		expected: disputed(150, 189, 'Kyiv reported 189 and Moscow reported 150: the figures differ by 39.')
	},
	{
		name: 'one side gives two different numbers: not a dispute',
		figures: [kyiv(207), zelensky(206)],
		expected: announced('Kyiv reported 206 and 207, and no other side gave a figure.')
	},
	{
		// Two groups (a ship's 14 sailors and 4 Rosatom staff, 9 Apr 2022) are not two answers to one question: the
		// sentence names one side's figures without calling them different or contradictory.
		name: "one side's figures for two groups are named, not called a contradiction",
		figures: [civilians(moscow, 14), civilians(moscow, 4)],
		expected: announced('Moscow reported 4 civilians and 14 civilians, and no other side gave a figure.')
	},
	{
		name: "one side's differing numbers, one of which the other side gave: neither confirmed nor disputed",
		figures: [moscow(25), moscow(26), kyiv(26)],
		expected: announced(
			"Kyiv reported 26, and Moscow reported 25 and 26; Moscow gave differing figures, which neither confirm nor contradict anyone else's."
		)
	},
	{
		name: 'three speakers with three numbers',
		figures: [kyiv(189), moscow(150), uae(300)],
		expected: disputed(
			150,
			300,
			`Kyiv reported 189, Moscow reported 150 and ${UAE} reported 300: the figures differ by up to 150.`
		)
	},
	{
		name: 'three speakers with two numbers',
		figures: [kyiv(189), moscow(150), uae(150)],
		expected: disputed(
			150,
			189,
			`Kyiv reported 189, Moscow reported 150 and ${UAE} reported 150: the figures differ by 39.`
		)
	},
	{
		name: 'a mediator contradicts the only party figure',
		figures: [moscow(150), uae(157)],
		expected: disputed(150, 157, `Moscow reported 150 and ${UAE} reported 157: the figures differ by 7.`)
	},
	{
		name: 'independent media contradict a party',
		figures: [kyiv(29), lbua(30)],
		expected: disputed(29, 30, 'Kyiv reported 29 and LB.ua reported 30: the figures differ by 1.')
	},
	{
		name: 'a speaker with several numbers among several speakers',
		figures: [kyiv(206), zelensky(207), moscow(150)],
		expected: disputed(150, 207, 'Kyiv reported 206 and 207, and Moscow reported 150: the figures differ by up to 57.')
	},

	// Rules 3 and 4, each qualifier against one exact figure (boundaries included)
	{
		name: 'at least 100 is consistent with 100',
		figures: [moscow(100), kyiv(100, 'at_least')],
		expected: announced("Moscow reported 100; no other side's figure confirms it.")
	},
	{
		name: 'at least 101 is inconsistent with 100',
		figures: [moscow(100), kyiv(101, 'at_least')],
		expected: disputed(100, 101, 'Kyiv reported at least 101 and Moscow reported 100, which do not agree.')
	},
	{
		name: 'more than 99 is consistent with 100',
		figures: [moscow(100), kyiv(99, 'more_than')],
		expected: announced("Moscow reported 100; no other side's figure confirms it.")
	},
	{
		name: 'more than 1,000 is inconsistent with 1,000',
		figures: [kyiv(1000), moscow(1000, 'more_than')],
		expected: disputed(1000, 1000, 'Kyiv reported 1,000 and Moscow reported more than 1,000, which do not agree.')
	},
	{
		name: 'up to 100 is consistent with 100',
		figures: [moscow(100), kyiv(100, 'up_to')],
		expected: announced("Moscow reported 100; no other side's figure confirms it.")
	},
	{
		name: 'up to 100 is inconsistent with 101',
		figures: [moscow(101), kyiv(100, 'up_to')],
		expected: disputed(100, 101, 'Kyiv reported up to 100 and Moscow reported 101, which do not agree.')
	},
	{
		name: 'about 100 is consistent with 110',
		figures: [moscow(110), kyiv(100, 'about')],
		expected: announced("Moscow reported 110; no other side's figure confirms it.")
	},
	{
		name: 'about 100 is inconsistent with 111',
		figures: [moscow(111), kyiv(100, 'about')],
		expected: disputed(100, 111, 'Kyiv reported about 100 and Moscow reported 111, which do not agree.')
	},
	{
		name: 'about 100 is consistent with 90',
		figures: [moscow(90), uae(100, 'about')],
		expected: announced("Moscow reported 90; no other side's figure confirms it.")
	},
	{
		name: 'about 100 is inconsistent with 89',
		figures: [moscow(89), uae(100, 'about')],
		expected: disputed(89, 100, `Moscow reported 89 and ${UAE} reported about 100, which do not agree.`)
	},
	{
		name: 'independent media bounds can create a dispute',
		figures: [kyiv(390), moscow(390), lbua(400, 'more_than')],
		expected: disputed(
			390,
			400,
			'Kyiv reported 390, Moscow reported 390 and LB.ua reported more than 400, which do not agree.'
		)
	},

	// Rule 4 with several exact figures and bounds
	{
		name: 'a bound consistent with every exact figure stays out of the dispute',
		figures: [kyiv(150), moscow(189), lbua(100, 'more_than')],
		expected: disputed(150, 189, 'Kyiv reported 150 and Moscow reported 189: the figures differ by 39.')
	},
	{
		name: 'a bound inconsistent with one of the exact figures joins the dispute',
		figures: [kyiv(150), moscow(189), uae(160, 'at_least')],
		expected: disputed(
			150,
			189,
			`Kyiv reported 150, Moscow reported 189 and ${UAE} reported at least 160, which do not agree.`
		)
	},
	{
		name: 'an inconsistent bound widens the range',
		figures: [kyiv(150), moscow(189), uae(100, 'up_to')],
		expected: disputed(
			100,
			189,
			`Kyiv reported 150, Moscow reported 189 and ${UAE} reported up to 100, which do not agree.`
		)
	},
	{
		name: 'one speaker with several numbers plus a bound',
		figures: [kyiv(206), zelensky(207), moscow(300, 'more_than')],
		expected: disputed(206, 300, 'Kyiv reported 206 and 207, and Moscow reported more than 300, which do not agree.')
	},

	// Rule 6, bounds only
	{
		name: 'a single bound',
		figures: [moscow(1200, 'at_least')],
		expected: announced('Only bounds were given: Moscow reported at least 1,200.')
	},
	{
		name: 'bounds that could not all hold are still not a dispute',
		figures: [moscow(200, 'more_than'), kyiv(100, 'up_to')],
		expected: announced('Only bounds were given: Kyiv reported up to 100 and Moscow reported more than 200.')
	},
	{
		name: 'bounds of every kind from several speakers',
		figures: [lbua(1000, 'about'), uae(950, 'more_than'), zelensky(1000, 'at_least'), kyiv(1200, 'up_to')],
		expected: announced(
			`Only bounds were given: Kyiv reported at least 1,000 and up to 1,200, ${UAE} reported more than 950, and LB.ua reported about 1,000.`
		)
	},

	// Rule 2, like for like: figures are compared only within one scope
	{
		name: 'servicemen alike on both sides, civilians from one side only (2 Oct 2025)',
		figures: [military(kyiv, 185), military(zelensky, 185), civilians(zelensky, 20), military(moscow, 185)],
		expected: {
			...partlyConfirmed(
				185,
				"Kyiv and Moscow both reported 185 servicemen; Kyiv reported 20 civilians, which no other side's figure confirms."
			),
			confirmedScope: 'military'
		}
	},
	{
		name: 'servicemen alike and nothing else reported: the whole figure is confirmed, for servicemen',
		figures: [military(kyiv, 300), military(moscow, 300)],
		expected: { ...corroborated(300, 'Kyiv and Moscow both reported 300 servicemen.'), confirmedScope: 'military' }
	},
	{
		name: "one side's servicemen and civilians add up to the other side's figure for everyone",
		figures: [military(kyiv, 185), civilians(kyiv, 20), moscow(205)],
		expected: {
			...corroborated(205, 'Kyiv and Moscow both reported 205 (Kyiv: 185 servicemen + 20 civilians).'),
			confirmedScope: 'all'
		}
	},
	{
		name: 'everyone against servicemen only: different things, not a dispute (as 30 Dec 2024 would read without the UAE)',
		figures: [kyiv(189), civilians(zelensky, 2), military(moscow, 150)],
		expected: scopeDiffers(
			"Kyiv reported 189 people in all and 2 civilians, and Moscow reported 150 servicemen: they count different things, so the figures are not compared (Kyiv's 189 includes 2 civilians)."
		)
	},
	{
		name: 'everyone against a mediator on the same scope is a dispute, whatever a party said of servicemen (30 Dec 2024)',
		figures: [kyiv(189), civilians(zelensky, 2), military(moscow, 150), uae(150)],
		expected: {
			...disputed(
				150,
				189,
				`Kyiv reported 189 and ${UAE} reported 150: the figures differ by 39; not in the comparison, as they count only part of those returned: Kyiv reported 2 civilians and Moscow reported 150 servicemen.`
			),
			disputedScope: 'all'
		}
	},
	{
		// The gap between totals is never said without the sub-count a voice gave beside its total, even when the data
		// does not mark the sub-count as a part of the day's returns (the parts cases above).
		name: 'a dispute on totals names a sub-count stated beside them',
		figures: [kyiv(197), moscow(175), military(moscow, 22)],
		expected: {
			...disputed(
				175,
				197,
				'Kyiv reported 197 and Moscow reported 175: the figures differ by 22; not in the comparison, as they count only part of those returned: Moscow reported 22 servicemen.'
			),
			disputedScope: 'all'
		}
	},
	// Rule 2, parts of a day's returns: a voice's part inside the exchange and its part outside it add up to its whole,
	// which is compared with the other side's whole; a part alone is never compared with a whole.
	{
		name: "a voice's parts add up and match the other side's whole (19 Mar 2025)",
		figures: [
			kyiv(197),
			inExchange(military(kyiv, 175)),
			inExchange(moscow(175)),
			outsideExchange(military(moscow, 22)),
			outsideExchange(military(ean, 23))
		],
		expected: {
			...corroborated(
				197,
				'Kyiv and Moscow both reported 197 (Moscow: 175 in the exchange + 22 servicemen outside the exchange).'
			),
			confirmedScope: 'all'
		}
	},
	{
		name: 'parts of different scopes add up to everyone returned (26 Apr 2023)',
		figures: [
			kyiv(44),
			military(kyiv, 42),
			civilians(kyiv, 2),
			inExchange(moscow(40)),
			outsideExchange(military(moscow, 4))
		],
		expected: {
			...corroborated(
				44,
				'Kyiv and Moscow both reported 44 (Moscow: 40 in the exchange + 4 servicemen outside the exchange).'
			),
			confirmedScope: 'all'
		}
	},
	{
		name: 'a part alone is named, never compared with a whole',
		figures: [kyiv(197), inExchange(moscow(175))],
		expected: announced(
			"Kyiv reported 197 and Moscow reported 175 in the exchange; no other side's figure confirms them."
		)
	},
	{
		name: "a sum of parts that differs from the other side's whole is a dispute, and says what it adds up",
		figures: [kyiv(200), inExchange(moscow(175)), outsideExchange(military(moscow, 22))],
		expected: {
			...disputed(
				197,
				200,
				'Kyiv reported 200 and Moscow reported 197 (175 in the exchange + 22 servicemen outside the exchange): the figures differ by 3.'
			),
			disputedScope: 'all'
		}
	},
	{
		name: 'a part beside disputed wholes is named as a part',
		figures: [kyiv(200), moscow(190), outsideExchange(military(moscow, 22))],
		expected: {
			...disputed(
				190,
				200,
				'Kyiv reported 200 and Moscow reported 190: the figures differ by 10; not in the comparison, as they count only part of those returned: Moscow reported 22 servicemen outside the exchange.'
			),
			disputedScope: 'all'
		}
	},
	{
		name: "servicemen and civilians add up, and a medium's exchange part is named as such (24 Aug 2025, to Russia)",
		figures: [military(moscow, 146), civilians(moscow, 8), inExchange(mediaLine(146))],
		expected: announced(
			"Moscow reported 146 servicemen and 8 civilians, and The Media Line reported 146 in the exchange; no other side's figure confirms them."
		)
	},
	{
		name: 'two figures for one part do not add up with the other part',
		figures: [kyiv(197), inExchange(moscow(175)), inExchange(moscow(170)), outsideExchange(military(moscow, 22))],
		expected: announced(
			"Kyiv reported 197 people in all, and Moscow reported 170 in the exchange, 175 in the exchange and 22 servicemen outside the exchange; no other side's figure confirms them."
		)
	},
	{
		name: 'a dispute on servicemen names a total stated beside them',
		figures: [military(kyiv, 10), military(moscow, 5), kyiv(12)],
		expected: {
			...disputed(
				5,
				10,
				'Kyiv reported 10 servicemen and Moscow reported 5 servicemen: the figures differ by 5; not in the comparison, as they count another group: Kyiv reported 12 people in all.'
			),
			disputedScope: 'military'
		}
	},
	{
		name: "a dispute on a voice's sum does not name the sub-counts again",
		figures: [military(kyiv, 10), civilians(kyiv, 2), moscow(5)],
		expected: {
			...disputed(
				5,
				12,
				'Kyiv reported 12 (10 servicemen + 2 civilians) and Moscow reported 5: the figures differ by 7.'
			),
			disputedScope: 'all'
		}
	},
	{
		name: 'servicemen that differ are a dispute on servicemen',
		figures: [military(kyiv, 187), military(moscow, 150)],
		expected: {
			...disputed(
				150,
				187,
				'Kyiv reported 187 servicemen and Moscow reported 150 servicemen: the figures differ by 37.'
			),
			disputedScope: 'military'
		}
	},
	{
		name: "one side's servicemen and civilians alone",
		figures: [military(kyiv, 185), civilians(kyiv, 20)],
		expected: announced("Kyiv reported 185 servicemen and 20 civilians; no other side's figure confirms them.")
	},
	{
		name: 'one civilian reads in the singular',
		figures: [civilians(kyiv, 1)],
		expected: announced('Only Kyiv gave a figure: 1 civilian.')
	},
	{
		name: 'one side, servicemen only',
		figures: [military(moscow, 185)],
		expected: announced('Only Moscow gave a figure: 185 servicemen.')
	},
	{
		name: 'bodies: one side contradicts itself, the other side differs from both (19 Dec 2025, to Ukraine)',
		figures: [moscow(1000), kyiv(1003)],
		expected: disputed(1000, 1003, 'Kyiv reported 1,003 and Moscow reported 1,000: the figures differ by 3.')
	},

	{
		name: 'a figure known only from a copy of a page never confirms another',
		figures: [kyiv(390), { ...moscow(390), onlyCopies: true }],
		expected: announced(
			'Kyiv and Moscow reported 390, but the figure of Moscow is known only from a copy of a page (a mirror or re-post), so it does not confirm it.'
		)
	},

	// Rules 8 and 9: a combined figure, and figures of other statements
	{
		name: 'only a figure for both directions together (24 Apr 2026)',
		figures: [],
		combined: [uae(386)],
		expected: {
			status: 'combined_only',
			confirmedNumber: null,
			range: null,
			explanation: `No figure for this direction alone is on record, only one for both directions together: ${UAE} reported 386.`
		}
	}
];

describe('deriveConfirmation', () => {
	it.each(cases)('$name', ({ figures, combined, expected }) => {
		const result = deriveConfirmation(figures, { combined });
		const checked = Object.fromEntries(Object.keys(expected).map((key) => [key, result[key as keyof Expected]]));
		expect(checked).toEqual(expected);
	});

	it.each(cases)('returns every figure with a number, and only those: $name', ({ figures }) => {
		const numbered = figures.filter((figure) => figure.number !== null);
		const returned = deriveConfirmation(figures).figures;
		expect(returned).toHaveLength(numbered.length);
		expect(returned).toEqual(expect.arrayContaining(numbered));
	});

	it.each(cases)('explains in one sentence: $name', ({ figures, combined }) => {
		const { explanation } = deriveConfirmation(figures, { combined });
		expect(explanation).toMatch(/^[A-Z][^]*\.$/);
		expect(explanation).not.toMatch(/\.\s+[A-Z]/);
	});

	it('sets a confirmed number and its scope exactly when some part is confirmed', () => {
		for (const { figures, combined } of cases) {
			const confirmation = deriveConfirmation(figures, { combined });
			expect(confirmation.confirmedNumber !== null).toBe(hasConfirmedPart(confirmation.status));
			expect(confirmation.confirmedScope !== null).toBe(hasConfirmedPart(confirmation.status));
		}
	});

	it('names the figures of other statements, never "no figure", when no report gives one', () => {
		const offer = {
			...moscow(300),
			claimant: 'Russian side',
			claimantNameUk: 'Russian side',
			claimantNameRu: 'Russian side'
		};
		expect(deriveConfirmation([], { otherStatements: [offer] }).explanation).toBe(
			'No report of what happened gives a figure; only statements made before or about it do: Moscow reported 300.'
		);
	});

	it('covers every status in the table', () => {
		const statuses = new Set(cases.map(({ figures, combined }) => deriveConfirmation(figures, { combined }).status));
		expect([...statuses].sort()).toEqual([...confirmationStatuses].sort());
	});

	it('sorts figures by number, then side, then claimant, keeping input order for full ties', () => {
		const input: StatedFigure[] = [
			{
				claimId: 'a',
				claimant: 'LB.ua',
				claimantNameUk: 'LB.ua',
				claimantNameRu: 'LB.ua',
				side: 'independent',
				number: 150,
				qualifier: 'exact'
			},
			{
				claimId: 'b',
				claimant: 'UAE Ministry of Foreign Affairs',
				claimantNameUk: 'UAE Ministry of Foreign Affairs',
				claimantNameRu: 'UAE Ministry of Foreign Affairs',
				side: 'mediator',
				number: 150,
				qualifier: 'exact'
			},
			{
				claimId: 'c',
				claimant: 'Russian Ministry of Defence',
				claimantNameUk: 'Russian Ministry of Defence',
				claimantNameRu: 'Russian Ministry of Defence',
				side: 'russia',
				number: 189,
				qualifier: 'exact'
			},
			{
				claimId: 'd',
				claimant: 'President of Ukraine',
				claimantNameUk: 'President of Ukraine',
				claimantNameRu: 'President of Ukraine',
				side: 'ukraine',
				number: 150,
				qualifier: 'exact'
			},
			{
				claimId: 'e',
				claimant: 'Coordination Headquarters',
				claimantNameUk: 'Coordination Headquarters',
				claimantNameRu: 'Coordination Headquarters',
				side: 'ukraine',
				number: 150,
				qualifier: 'exact'
			},
			{
				claimId: 'f',
				claimant: 'Russian Ministry of Defence',
				claimantNameUk: 'Russian Ministry of Defence',
				claimantNameRu: 'Russian Ministry of Defence',
				side: 'russia',
				number: null,
				qualifier: null
			},
			{
				claimId: 'g',
				claimant: 'Russian Ministry of Defence',
				claimantNameUk: 'Russian Ministry of Defence',
				claimantNameRu: 'Russian Ministry of Defence',
				side: 'russia',
				number: 100,
				qualifier: 'at_least'
			},
			{
				claimId: 'h',
				claimant: 'Coordination Headquarters',
				claimantNameUk: 'Coordination Headquarters',
				claimantNameRu: 'Coordination Headquarters',
				side: 'ukraine',
				number: 150,
				qualifier: 'about'
			},
			{
				claimId: 'i',
				claimant: 'Qatar Ministry of Foreign Affairs',
				claimantNameUk: 'Qatar Ministry of Foreign Affairs',
				claimantNameRu: 'Qatar Ministry of Foreign Affairs',
				side: 'mediator',
				number: 150,
				qualifier: 'exact'
			}
		];
		const snapshot = structuredClone(input);

		const ids = deriveConfirmation(input).figures.map((figure) => figure.claimId);

		expect(ids).toEqual(['g', 'e', 'h', 'd', 'i', 'b', 'a', 'c']);
		expect(input).toEqual(snapshot);
	});

	it('rejects a number without a qualifier, which the claim schema rules out', () => {
		const malformed: StatedFigure = {
			claimId: 'x',
			claimant: 'Russian Ministry of Defence',
			claimantNameUk: 'Russian Ministry of Defence',
			claimantNameRu: 'Russian Ministry of Defence',
			side: 'russia',
			number: 150,
			qualifier: null
		};
		expect(() => deriveConfirmation([malformed])).toThrow(/no qualifier/);
	});
});

describe('isConsistentWith', () => {
	const consistencyCases: {
		name: string;
		figure: Pick<StatedFigure, 'number' | 'qualifier'>;
		n: number;
		expected: boolean;
	}[] = [
		{ name: 'exact 100 vs 100', figure: { number: 100, qualifier: 'exact' }, n: 100, expected: true },
		{ name: 'exact 100 vs 101', figure: { number: 100, qualifier: 'exact' }, n: 101, expected: false },
		{ name: 'at least 100 vs 100', figure: { number: 100, qualifier: 'at_least' }, n: 100, expected: true },
		{ name: 'at least 100 vs 250', figure: { number: 100, qualifier: 'at_least' }, n: 250, expected: true },
		{ name: 'at least 100 vs 99', figure: { number: 100, qualifier: 'at_least' }, n: 99, expected: false },
		{ name: 'more than 100 vs 101', figure: { number: 100, qualifier: 'more_than' }, n: 101, expected: true },
		{ name: 'more than 100 vs 100', figure: { number: 100, qualifier: 'more_than' }, n: 100, expected: false },
		{ name: 'more than 100 vs 99', figure: { number: 100, qualifier: 'more_than' }, n: 99, expected: false },
		{ name: 'up to 100 vs 100', figure: { number: 100, qualifier: 'up_to' }, n: 100, expected: true },
		{ name: 'up to 100 vs 0', figure: { number: 100, qualifier: 'up_to' }, n: 0, expected: true },
		{ name: 'up to 100 vs 101', figure: { number: 100, qualifier: 'up_to' }, n: 101, expected: false },
		{ name: 'about 100 vs 100', figure: { number: 100, qualifier: 'about' }, n: 100, expected: true },
		{ name: 'about 100 vs 110', figure: { number: 100, qualifier: 'about' }, n: 110, expected: true },
		{ name: 'about 100 vs 111', figure: { number: 100, qualifier: 'about' }, n: 111, expected: false },
		{ name: 'about 100 vs 90', figure: { number: 100, qualifier: 'about' }, n: 90, expected: true },
		{ name: 'about 100 vs 89', figure: { number: 100, qualifier: 'about' }, n: 89, expected: false },
		{ name: 'about 1,000 vs 1,100', figure: { number: 1000, qualifier: 'about' }, n: 1100, expected: true },
		{ name: 'about 1,000 vs 1,101', figure: { number: 1000, qualifier: 'about' }, n: 1101, expected: false },
		{
			name: 'about 70 vs 77 (where 0.1 × 70 is not exact in floating point)',
			figure: { number: 70, qualifier: 'about' },
			n: 77,
			expected: true
		},
		{
			name: 'a statement without a figure contradicts nothing',
			figure: { number: null, qualifier: null },
			n: 100,
			expected: true
		}
	];

	it.each(consistencyCases)('$name -> $expected', ({ figure, n, expected }) => {
		expect(isConsistentWith(figure, n)).toBe(expected);
	});

	it('uses a 10% tolerance for "about"', () => {
		expect(ABOUT_TOLERANCE_PERCENT).toBe(10);
	});
});

describe('status helpers', () => {
	const statusCases: { status: ConfirmationStatus; label: string; confirmed: boolean }[] = [
		{ status: 'no_figure', label: 'No reported figure', confirmed: false },
		{ status: 'combined_only', label: 'Combined figure only', confirmed: false },
		{ status: 'announced', label: 'Unconfirmed', confirmed: false },
		{ status: 'scope_differs', label: 'Count different things', confirmed: false },
		{ status: 'partly_confirmed', label: 'Partly confirmed', confirmed: false },
		{ status: 'corroborated', label: 'Both sides agree', confirmed: true },
		{ status: 'third_party_confirmed', label: 'Third party agrees', confirmed: true },
		{ status: 'disputed', label: 'Figures conflict', confirmed: false }
	];

	it.each(statusCases)('$status is labelled "$label" and confirmed: $confirmed', ({ status, label, confirmed }) => {
		expect(statusLabel(status)).toBe(label);
		expect(isConfirmed(status)).toBe(confirmed);
	});
});
