// Permalinks: a removed record answers 410 Gone with its reason and replacement, on its page, its .json twin and the API.
import { isHttpError } from '@sveltejs/kit';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	ApiError,
	ClaimDetailResponse,
	RoundDetailResponse,
	SourceDetailResponse
} from '../../src/lib/schemas/exports';
import { buildInto, fixtureDir } from '../helpers/dataset';

type Handler = (event: { params: Record<string, string>; url: URL }) => Response;
type Load = (event: { params: Record<string, string>; url: URL }) => unknown;
const json: Record<string, Handler> = {};
let roundPage: Load;

beforeAll(async () => {
	process.env.DATASET_DB_PATH = buildInto(fixtureDir('valid-data'));
	json.round = (await import('../../src/routes/rounds/[id].json/+server')).GET as unknown as Handler;
	json.claim = (await import('../../src/routes/claims/[id].json/+server')).GET as unknown as Handler;
	json.source = (await import('../../src/routes/sources/[id].json/+server')).GET as unknown as Handler;
	json.api = (await import('../../src/routes/api/v1/rounds/[id]/+server')).GET as unknown as Handler;
	roundPage = (await import('../../src/routes/rounds/[id]/+page.server')).load as unknown as Load;
});

const call = async (name: string, id: string) => {
	const response = (json[name] as Handler)({ params: { id }, url: new URL(`https://example.org/${name}s/${id}.json`) });
	return { status: response.status, body: await response.json() };
};

describe('record .json twins', () => {
	it.each([
		{ name: 'round', id: '2024-12-30-exchange', schema: RoundDetailResponse },
		{ name: 'api', id: '2024-12-30-exchange', schema: RoundDetailResponse },
		{ name: 'claim', id: 'c1', schema: ClaimDetailResponse },
		{ name: 'source', id: 's-kyiv', schema: SourceDetailResponse }
	])('$name $id answers with its schema', async ({ name, id, schema }) => {
		const { status, body } = await call(name, id);
		expect(status).toBe(200);
		expect(() => schema.parse(body)).not.toThrow();
	});

	it.each([
		{ name: 'round', id: '2024-12-31-exchange', status: 410, error: 'gone' },
		{ name: 'api', id: '2024-12-31-exchange', status: 410, error: 'gone' },
		{ name: 'round', id: '1999-01-01-exchange', status: 404, error: 'not_found' },
		{ name: 'claim', id: 'c999', status: 404, error: 'not_found' },
		{ name: 'source', id: 'Not An Id', status: 400, error: 'invalid_id' }
	])('$name $id answers $status', async ({ name, id, status, error }) => {
		const result = await call(name, id);
		expect(result.status).toBe(status);
		expect(ApiError.parse(result.body).error).toBe(error);
	});

	it('names the reason and the replacement of a removed round', async () => {
		const { body } = await call('round', '2024-12-31-exchange');
		expect(body.message).toContain('filed at the end of the month by mistake');
		expect(body.replaced_by).toBe('https://example.org/rounds/2024-12-30-exchange');
	});
});

describe('record pages', () => {
	it('answer 410 with the reason and the replacement for a removed round, 404 for an unknown one', () => {
		const statusOf = (id: string) => {
			try {
				roundPage({ params: { id }, url: new URL(`https://example.org/rounds/${id}`) });
				return null;
			} catch (thrown) {
				if (!isHttpError(thrown)) throw thrown;
				return thrown;
			}
		};
		const gone = statusOf('2024-12-31-exchange');
		expect(gone?.status).toBe(410);
		expect(gone?.body.message).toContain('was removed from the dataset on 15 Jan 2026');
		expect(gone?.body.replacement).toBe('/rounds/2024-12-30-exchange');
		expect(statusOf('1999-01-01-exchange')?.status).toBe(404);
	});
});
