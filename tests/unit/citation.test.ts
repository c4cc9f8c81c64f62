// Citations name the original claimant and source first, then our page, version and access date; fact boxes stay neutral.
import { describe, expect, it } from 'vitest';
import { citeClaim, citeRound, roundFactBox } from '../../src/lib/domain/citation';

const page = {
	url: 'https://pem.example/claims/c0382',
	title: 'x',
	datasetVersion: 'abc123def456',
	accessed: '25 Nov 2026'
};
const source = { outlet: 'Sputnik', url: 'https://sputnik.example/a', published: '6 Aug 2025' };

describe('citeClaim', () => {
	it('starts with the claimant and the source, then our page', () => {
		const { text, bibtex } = citeClaim(
			{
				id: 'c0382',
				claimant: 'Vladimir Medinsky',
				statedOn: '2025-08-06',
				statedOnText: '6 Aug 2025',
				figure: 'about 1,000',
				counted: 'held by Russia',
				statement: 'allegation',
				source
			},
			page
		);
		expect(text).toBe(
			'Vladimir Medinsky, statement of 6 Aug 2025: about 1,000 held by Russia. Reported by Sputnik (6 Aug 2025), https://sputnik.example/a. Cited from Prisoner Exchange Monitor, https://pem.example/claims/c0382, dataset version abc123def456, accessed 25 Nov 2026.'
		);
		expect(bibtex.split('\n')).toEqual([
			'@misc{pem-c0382,',
			'  author = {{Vladimir Medinsky}},',
			'  title = {about 1,000 held by Russia},',
			'  howpublished = {Sputnik, 6 Aug 2025},',
			'  url = {https://sputnik.example/a},',
			'  year = {2025},',
			'  note = {Cited from Prisoner Exchange Monitor, https://pem.example/claims/c0382, dataset version abc123def456, accessed 25 Nov 2026}',
			'}'
		]);
	});

	it('names the kind of statement when there is no figure, and says when a source is undated', () => {
		const { text } = citeClaim(
			{
				id: 'c1',
				claimant: 'Centre for Countering Disinformation',
				statedOn: '2025-08-06',
				statedOnText: '6 Aug 2025',
				figure: null,
				counted: '(see the note)',
				statement: 'rebuttal',
				source: { ...source, published: null }
			},
			page
		);
		expect(
			text.startsWith(
				'Centre for Countering Disinformation, statement of 6 Aug 2025 (rebuttal). Reported by Sputnik (undated)'
			)
		).toBe(true);
	});
});

describe('citeRound', () => {
	it('lists each party with its figure and source before our page', () => {
		const { text } = citeRound(
			'2024-12-30-exchange',
			'2024',
			[
				{
					party: 'Kyiv',
					claimant: 'Volodymyr Zelensky',
					figure: '189',
					counted: 'people returned to Ukraine',
					source: { outlet: 'Al Jazeera', url: 'https://aj.example', published: '30 Dec 2024' }
				},
				{
					party: 'Moscow',
					claimant: 'Russian Ministry of Defence',
					figure: '150',
					counted: 'people each way',
					source: { outlet: 'WION', url: 'https://wion.example', published: '30 Dec 2024' }
				}
			],
			{ ...page, url: 'https://pem.example/rounds/2024-12-30-exchange', title: 'Prisoner exchange, 30 Dec 2024' }
		);
		expect(text).toBe(
			'Kyiv (Volodymyr Zelensky, via Al Jazeera, 30 Dec 2024, https://aj.example) reported 189 people returned to Ukraine; Moscow (Russian Ministry of Defence, via WION, 30 Dec 2024, https://wion.example) reported 150 people each way. Compiled in Prisoner Exchange Monitor, “Prisoner exchange, 30 Dec 2024”, https://pem.example/rounds/2024-12-30-exchange, dataset version abc123def456, accessed 25 Nov 2026.'
		);
	});

	it('does not repeat the name of a third party speaking for itself', () => {
		const { text } = citeRound(
			'r',
			'2024',
			[
				{
					party: 'UAE Ministry of Foreign Affairs',
					claimant: 'UAE Ministry of Foreign Affairs',
					figure: '150',
					counted: 'people each way',
					source: { outlet: 'WAM', url: 'https://wam.example', published: null }
				}
			],
			{ ...page, title: 'T' }
		);
		expect(
			text.startsWith(
				'UAE Ministry of Foreign Affairs (via WAM, undated, https://wam.example) reported 150 people each way.'
			)
		).toBe(true);
	});

	it('says so when no figure is on record', () => {
		expect(
			citeRound('r', '2025', [], { ...page, title: 'T' }).text.startsWith('No figure is on record for this round.')
		).toBe(true);
	});
});

describe('roundFactBox', () => {
	it('says what the round was and, per direction, the status and its explanation', () => {
		expect(
			roundFactBox({
				kind: 'Prisoner exchange',
				date: '30 Dec 2024',
				mediators: ['UAE'],
				exchangeNumber: 59,
				directions: [
					{
						population: 'People returned alive',
						direction: 'to Ukraine',
						status: 'Disputed',
						explanation: 'Kyiv reported 189 and Moscow reported 150: the figures differ by 39.'
					},
					{
						population: 'People returned alive',
						direction: 'to Russia',
						status: 'Announced',
						explanation: 'Only Moscow gave a figure: 150.'
					}
				],
				datasetVersion: 'abc123def456'
			})
		).toBe(
			"Prisoner exchange on 30 Dec 2024, mediated by UAE (Kyiv's exchange no. 59). People returned alive to Ukraine: Disputed. Kyiv reported 189 and Moscow reported 150: the figures differ by 39. People returned alive to Russia: Announced. Only Moscow gave a figure: 150. Source: Prisoner Exchange Monitor, dataset version abc123def456."
		);
	});
});
