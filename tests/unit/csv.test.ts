// Reading the dataset's CSV files: cells, the line each record starts on, and misplaced quotes refused.
import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv } from '../../src/lib/server/db/csv';

describe('parseCsv', () => {
	it.each([
		[
			'plain rows',
			'a,b\n1,2\n3,4\n',
			[2, 3],
			[
				{ a: '1', b: '2' },
				{ a: '3', b: '4' }
			]
		],
		['no final line break', 'a,b\n1,2', [2], [{ a: '1', b: '2' }]],
		['a byte order mark', '\uFEFFa,b\n1,2\n', [2], [{ a: '1', b: '2' }]],
		[
			'empty lines skipped, and counted',
			'a,b\n\n1,2\n\n\n3,4\n\n',
			[3, 6],
			[
				{ a: '1', b: '2' },
				{ a: '3', b: '4' }
			]
		],
		[
			'a line break inside a quoted cell',
			'a,b\n"x\ny",2\n3,4\n',
			[2, 4],
			[
				{ a: 'x\ny', b: '2' },
				{ a: '3', b: '4' }
			]
		],
		[
			'CRLF line endings',
			'a,b\r\n1,"2\r\n3"\r\n4,5\r\n',
			[2, 4],
			[
				{ a: '1', b: '2\r\n3' },
				{ a: '4', b: '5' }
			]
		],
		['quotes, commas and empty cells', 'a,b,c\n"1,""2""",,""\n', [2], [{ a: '1,"2"', b: '', c: '' }]],
		['a short record has the columns it gives', 'a,b,c\n1,2\n', [2], [{ a: '1', b: '2' }]],
		['a long record loses its extra cells', 'a,b\n1,2,3\n', [2], [{ a: '1', b: '2' }]],
		['only a header', 'a,b\n', [], []],
		['nothing at all', '', [], []]
	])('%s', (_, text, lines, records) => {
		const { rows } = parseCsv(text);
		expect(rows.map((row) => row.line)).toEqual(lines);
		expect(rows.map((row) => row.record)).toEqual(records);
	});

	it('reads the header as written', () => {
		expect(parseCsv('\uFEFFid,"name, full",note\n').header).toEqual(['id', 'name, full', 'note']);
	});

	it.each([
		['text after a closing quote', 'a,b\n1,2\n3,"x"y\n', 'CSV line 3'],
		['a quote never closed', 'a,b\n"1\n2",3\n4,"5\n', 'CSV line 4']
	])('refuses %s, naming the line', (_, text, message) => {
		expect(() => parseCsv(text)).toThrow(message);
	});

	it('reads back what formatCsv writes', () => {
		const records = [
			{ id: 'a', note: 'one, "two"\nthree', number: '' },
			{ id: 'b', note: '', number: '5' }
		];
		expect(parseCsv(formatCsv(['id', 'note', 'number'], records)).rows.map((row) => row.record)).toEqual(records);
	});
});
