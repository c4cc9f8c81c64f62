// The verdict on a statement by kind, and its sentence: one table, every kind of verdict.
import { afterEach, describe, expect, it } from 'vitest';
import {
	deriveVerdict,
	offerDelivery,
	verdictKinds,
	type ClaimRef,
	type LinkedRound,
	type VerdictInput
} from '../../src/lib/domain/claim-context';
import { roundFigures, type ClaimFigure } from '../../src/lib/domain/round-figures';
import { verdictHref, verdictText, verdictTone } from '../../src/lib/format/verdict';
import type { Counted, Qualifier } from '../../src/lib/schemas/vocabulary';
import { getLocale, overwriteGetLocale } from '../../src/lib/paraglide/runtime.js';

const ref = (overrides: Partial<ClaimRef>): ClaimRef => ({
	id: 'c1',
	claimant: 'Coordination Headquarters',
	claimantNameUk: 'Координаційний штаб',
	claimantNameRu: 'Координационный штаб',
	side: 'ukraine',
	statement: 'running_total',
	statedOn: '2026-03-11',
	...overrides
});
const medinsky = ref({
	id: 'c381',
	claimant: 'Vladimir Medinsky',
	claimantNameUk: 'Володимир Мединський',
	claimantNameRu: 'Владимир Мединский',
	side: 'russia',
	statement: 'allegation',
	statedOn: '2025-08-06'
});
const rebuttal = ref({
	id: 'c384',
	claimant: 'Centre for Countering Disinformation',
	claimantNameUk: 'Центр протидії дезінформації',
	claimantNameRu: 'Центр противодействия дезинформации',
	side: 'ukraine',
	statement: 'rebuttal',
	statedOn: '2025-08-06'
});
const input = (overrides: Partial<VerdictInput> & { claim: VerdictInput['claim'] }): VerdictInput => ({
	answers: null,
	responses: [],
	supporting: [],
	otherTotals: [],
	round: null,
	delivery: null,
	...overrides
});
const figure = (id: string, side: 'ukraine' | 'russia', counted: Counted, number: number): ClaimFigure => ({
	id,
	claimant: side,
	claimantNameUk: side,
	claimantNameRu: side,
	claimantSide: side,
	statement: 'report',
	counted,
	number,
	qualifier: 'exact'
});
const round = (id: string, date: string, claims: ClaimFigure[]): LinkedRound => ({
	id,
	date,
	reason: 'linked',
	kind: 'pow_exchange',
	figures: roundFigures(claims)
});
const delivered = offerDelivery({ counted: 'people_each_way' }, [
	round('2025-08-24-exchange', '2025-08-24', [figure('m1', 'russia', 'people_each_way', 146)]),
	round('2025-10-02-exchange', '2025-10-02', [
		figure('m2', 'russia', 'people_each_way', 185),
		figure('k2', 'ukraine', 'people_to_ukraine', 205)
	])
])!;
const offered = (counted: Counted, number: number | null, qualifier: Qualifier | null) => ({
	counted,
	number,
	qualifier
});
const noFigure = offered('other', null, null);

const rows = [
	{
		name: "an official running total with no other side's total of the same thing near it",
		input: input({ claim: { ...ref({}), respondsTo: null, counted: 'people_to_ukraine' } }),
		kind: 'own_total',
		text: "Kyiv's own total; no other side's total of the same thing is on record within 30 days of it.",
		tone: 'neutral',
		href: null
	},
	{
		name: "another side's total of another day is named as the nearest, not as a difference",
		input: input({
			claim: { ...ref({}), respondsTo: null, counted: 'people_to_ukraine' },
			otherTotals: [
				ref({
					id: 'far',
					claimant: 'Far',
					claimantNameUk: 'Далекий',
					claimantNameRu: 'Дальний',
					side: 'independent',
					statedOn: '2026-02-12'
				}),
				ref({
					id: 'near',
					claimant: 'Near',
					claimantNameUk: 'Близький',
					claimantNameRu: 'Ближний',
					side: 'independent',
					statedOn: '2026-03-09'
				})
			]
		}),
		kind: 'own_total',
		text: "Kyiv's own total; no other side's total of the same thing is on record for that day (the nearest: Near (independent), 9 Mar 2026).",
		tone: 'neutral',
		href: '/claims/near'
	},
	{
		name: 'a total counting something unnamed is compared with nothing',
		input: input({
			claim: {
				...ref({
					side: 'russia',
					claimant: 'Russian MoD',
					claimantNameUk: 'Міноборони РФ',
					claimantNameRu: 'Минобороны РФ'
				}),
				respondsTo: null,
				counted: 'other'
			}
		}),
		kind: 'own_total',
		text: "Moscow's own total; what it counts is not compared with other statements (see what it counts).",
		tone: 'neutral',
		href: null
	},
	{
		name: 'a different total from another side the same day',
		input: input({
			claim: {
				...ref({
					side: 'russia',
					claimant: 'Russian MoD',
					claimantNameUk: 'Міноборони РФ',
					claimantNameRu: 'Минобороны РФ'
				}),
				respondsTo: null,
				counted: 'held_by_ukraine'
			},
			otherTotals: [ref({ id: 'c2' }), ref({ id: 'c3', statedOn: '2026-03-01' })]
		}),
		kind: 'own_total_differs',
		text: "Moscow's own total; Coordination Headquarters (Ukraine) gave a different total the same day.",
		tone: 'neutral',
		href: '/claims/c2'
	},
	{
		name: "a mediator's total is stated by the mediator, not 'its own'",
		input: input({
			claim: {
				...ref({ side: 'mediator', claimant: 'UAE', claimantNameUk: 'ОАЕ', claimantNameRu: 'ОАЭ' }),
				respondsTo: null,
				counted: 'people_both_ways'
			}
		}),
		kind: 'own_total',
		text: "A total stated by UAE; no other side's total of the same thing is on record within 30 days of it.",
		tone: 'neutral',
		href: null
	},
	{
		name: 'a figure another side supports says who',
		input: input({
			claim: { ...ref({}), respondsTo: null, counted: 'people_to_ukraine' },
			supporting: [
				ref({
					id: 'c9',
					claimant: 'UAE Ministry of Foreign Affairs',
					claimantNameUk: 'МЗС ОАЕ',
					claimantNameRu: 'МИД ОАЭ',
					side: 'mediator'
				})
			]
		}),
		kind: 'supported',
		text: "Consistent with another side's figure: UAE Ministry of Foreign Affairs (mediator).",
		tone: 'supported',
		href: '/claims/c9'
	},
	{
		name: 'several supporters and an answer',
		input: input({
			claim: { ...medinsky, respondsTo: null, counted: 'people_to_ukraine' },
			supporting: [
				ref({ id: 'c9', claimant: 'A', claimantNameUk: 'А', claimantNameRu: 'А', side: 'mediator' }),
				ref({ id: 'c10', claimant: 'B', claimantNameUk: 'Б', claimantNameRu: 'Б' })
			],
			responses: [rebuttal]
		}),
		kind: 'supported',
		text: "Consistent with another side's figure: A (mediator) and 1 more; answered by Centre for Countering Disinformation (Ukraine).",
		tone: 'supported',
		href: '/claims/c9'
	},
	{
		name: 'an allegation nobody supports or answered',
		input: input({ claim: { ...medinsky, respondsTo: null, counted: 'people_to_ukraine' } }),
		kind: 'unsupported_allegation',
		text: 'Unsupported allegation: no statement by another side on record supports it.',
		tone: 'caution',
		href: null
	},
	{
		name: 'an allegation answered by the other side links the answer',
		input: input({ claim: { ...medinsky, respondsTo: null, counted: 'people_to_ukraine' }, responses: [rebuttal] }),
		kind: 'answered_allegation',
		text: 'Answered by Centre for Countering Disinformation (Ukraine); no statement by another side on record supports it.',
		tone: 'caution',
		href: '/claims/c384'
	},
	{
		name: "the claimant's own follow-up is not an answer by another party",
		input: input({
			claim: { ...medinsky, respondsTo: null, counted: 'people_to_ukraine' },
			responses: [{ ...medinsky, id: 'c498', statedOn: '2025-08-14' }]
		}),
		kind: 'unsupported_allegation',
		text: 'Unsupported allegation: no statement by another side on record supports it.',
		tone: 'caution',
		href: null
	},
	{
		name: 'a follow-up by the same side names what it follows',
		input: input({
			claim: { ...medinsky, id: 'c498', statedOn: '2025-08-14', respondsTo: 'c381', counted: 'other' },
			answers: medinsky
		}),
		kind: 'follow_up',
		text: "Follows up Vladimir Medinsky's statement of 6 Aug 2025; no statement by another side on record supports it.",
		tone: 'caution',
		href: '/claims/c381'
	},
	{
		name: 'a rebuttal shows what it answers',
		input: input({ claim: { ...rebuttal, respondsTo: 'c381', counted: 'other' }, answers: medinsky }),
		kind: 'rebuttal',
		text: "Answers Vladimir Medinsky's allegation of 6 Aug 2025.",
		tone: 'neutral',
		href: '/claims/c381'
	},
	{
		name: 'a rebuttal of something not on record',
		input: input({ claim: { ...rebuttal, respondsTo: null, counted: 'people_to_ukraine' } }),
		kind: 'rebuttal_unlinked',
		text: 'A rebuttal; the statement it answers is not on record.',
		tone: 'neutral',
		href: null
	},
	{
		name: 'an offer per side with rounds under it: what each side says was delivered, and by when',
		input: input({
			claim: { ...medinsky, statement: 'offer', respondsTo: null, counted: 'people_to_ukraine' },
			delivery: delivered
		}),
		offered: offered('people_each_way', 1200, 'at_least'),
		kind: 'offer_followed',
		text:
			"2 rounds linked to it, up to 2 Oct 2025. Returned to Ukraine: 205 by Kyiv's figures (for 1 of the rounds); 331 by Moscow's figures. " +
			"Returned to Russia: no figure from Kyiv; 331 by Moscow's figures. Offered: at least 1,200 per side.",
		tone: 'neutral',
		href: null
	},
	{
		name: 'an offer of a total of unclear scope: what followed, without "of"',
		input: input({
			claim: { ...medinsky, statement: 'offer', respondsTo: null, counted: 'people_to_ukraine' },
			delivery: delivered
		}),
		offered: offered('other', 1200, 'exact'),
		kind: 'offer_followed',
		text:
			"2 rounds linked to it, up to 2 Oct 2025. Returned to Ukraine: 205 by Kyiv's figures (for 1 of the rounds); 331 by Moscow's figures. " +
			"Returned to Russia: no figure from Kyiv; 331 by Moscow's figures.",
		tone: 'neutral',
		href: null
	},
	{
		name: 'a figure announced before a swap points to the swap',
		input: input({
			claim: { ...medinsky, statement: 'offer', respondsTo: null, counted: 'people_to_ukraine' },
			round: { id: '2022-10-17-exchange', date: '2022-10-17', kind: 'pow_exchange' }
		}),
		kind: 'offer_before_round',
		text: "Announced before the round of 17 Oct 2022; the round's page has what each side then reported.",
		tone: 'neutral',
		href: '/rounds/2022-10-17-exchange'
	},
	{
		name: 'an offer nothing on record followed',
		input: input({ claim: { ...medinsky, statement: 'offer', respondsTo: null, counted: 'people_to_ukraine' } }),
		kind: 'offer_unlinked',
		text: 'No round on record is linked to this offer.',
		tone: 'neutral',
		href: null
	},
	{
		name: "a report belongs to its round, whose page compares the sides' figures",
		input: input({
			claim: { ...ref({ statement: 'report' }), respondsTo: null, counted: 'people_to_ukraine' },
			round: { id: '2025-10-02-exchange', date: '2025-10-02', kind: 'pow_exchange' },
			supporting: [medinsky]
		}),
		kind: 'round_report',
		text: "A report of one round (2 Oct 2025); the round's page compares it with the other sides' figures.",
		tone: 'neutral',
		href: '/rounds/2025-10-02-exchange'
	}
] as const;

describe('deriveVerdict and verdictText', () => {
	it.each(rows)('$name', (row) => {
		const verdict = deriveVerdict(row.input);
		expect(verdict.kind).toBe(row.kind);
		expect(verdictText(verdict, 'offered' in row ? row.offered : noFigure)).toBe(row.text);
		expect(verdictTone(verdict)).toBe(row.tone);
		expect(verdictHref(verdict)).toBe(row.href);
	});

	it('the table covers every kind of verdict', () => {
		expect(new Set(rows.map((row) => row.kind))).toEqual(new Set(verdictKinds));
	});
});

describe('verdictText on a Ukrainian or Russian page', () => {
	const original = getLocale;
	afterEach(() => overwriteGetLocale(original));

	it.each(rows.flatMap((row) => (['uk', 'ru'] as const).map((locale) => ({ ...row, locale }))))(
		'$locale: $name — no word in Latin script, claimants named in the language',
		({ input, locale, ...row }) => {
			overwriteGetLocale(() => locale);
			const text = verdictText(deriveVerdict(input), 'offered' in row ? row.offered : noFigure);
			expect(text).not.toMatch(/[A-Za-z]/);
		}
	);

	it.each([
		['uk', 'Володимир Мединський (Росія)', 'Центр протидії дезінформації'],
		['ru', 'Владимир Мединский (Россия)', 'Центр противодействия дезинформации']
	] as const)('%s: the answerer and the answered are named by the claimants table', (locale, who, answerer) => {
		overwriteGetLocale(() => locale);
		const answered = verdictText(
			deriveVerdict(
				input({ claim: { ...medinsky, respondsTo: null, counted: 'people_to_ukraine' }, responses: [rebuttal] })
			),
			noFigure
		);
		expect(answered).toContain(answerer);
		const rebutted = verdictText(
			deriveVerdict(input({ claim: { ...rebuttal, respondsTo: 'c381', counted: 'other' }, answers: medinsky })),
			noFigure
		);
		expect(rebutted).toContain(who.split(' (')[0]);
	});
});
