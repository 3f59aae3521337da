import type { ICredentialTestFunctions } from 'n8n-workflow';
import { FortiClientEms } from '../../nodes/FortiClientEms/FortiClientEms.node';
import { CLOUD_ACCOUNT, EmsEmulator, ON_PREM_ADMINS, type EmsEmulatorOptions } from '../emulator/ems/EmsEmulator';
import { emsCredentialsFor, runEms, type EmsAuthentication } from '../harness/fortiClientEms';
import { catchNodeError, expectNoSecrets, type CaughtError } from '../harness/expectations';
import { rawRequest } from '../harness/rawRequest';
import { jsonOf } from '../harness/runNode';

const MODE = { cloudAccessKey: 'cloud', onPremLogin: 'onPrem' } as const;
const PAGE_PATH = { cloudAccessKey: 'GET /fct/api/public/v1/ems_api/api/v1/endpoints/index', onPremLogin: 'GET /api/v1/endpoints/index' };

let emulator: EmsEmulator;
let caught: CaughtError | undefined;

async function start(authentication: EmsAuthentication, options: Partial<EmsEmulatorOptions> = {}): Promise<EmsEmulator> {
	emulator = new EmsEmulator({ mode: MODE[authentication], ...options });
	await emulator.start();
	return emulator;
}

afterEach(async () => {
	if (caught) {
		expectNoSecrets(`${caught.message} ${caught.description} ${caught.serialized}`, [
			CLOUD_ACCOUNT.accessKey,
			...ON_PREM_ADMINS.map((admin) => admin.password),
			'wrong-key-0000000000000000000000',
			...(emulator?.issuedSecrets() ?? []),
		]);
	}
	caught = undefined;
	await emulator?.stop();
});

function expectNoSessionLeft(): void {
	expect(emulator.openSessions).toBe(0);
	expect(emulator.counters.logouts + emulator.counters.sessionsExpired).toBe(emulator.counters.logins);
}

const run = (authentication: EmsAuthentication, parameters: Record<string, unknown>, overrides: Record<string, unknown> = {}, extra: { items?: { json: object }[]; continueOnFail?: boolean } = {}) =>
	runEms({ authentication, parameters: parameters as never, credentials: emsCredentialsFor(emulator, authentication, overrides as never), ...(extra as object) });

async function fail(authentication: EmsAuthentication, parameters: Record<string, unknown>, overrides: Record<string, unknown> = {}): Promise<CaughtError> {
	caught = await catchNodeError(run(authentication, parameters, overrides));
	return caught;
}

describe.each(['cloudAccessKey', 'onPremLogin'] as EmsAuthentication[])('%s', (authentication) => {
	test.each([
		[1000, 3],
		[500, 5],
	])('Return All over 2,345 endpoints with a page cap of %i returns all of them in %i pages, one login, one logout', async (pageCap, pages) => {
		await start(authentication, { endpointCount: 2345, pageCap });
		const endpoints = jsonOf(await run(authentication, { resource: 'endpoint', operation: 'getMany', returnAll: true }));
		expect(endpoints).toHaveLength(2345);
		expect(new Set(endpoints.map((endpoint) => endpoint.device_id)).size).toBe(2345);
		expect(emulator.counters.pagesServed).toBe(pages);
		expect(emulator.counters.requests[PAGE_PATH[authentication]]).toBe(pages);
		expect(emulator.counters.logins).toBe(1);
		expectNoSessionLeft();
	});

	test('a session that expires in the middle of paging recovers with exactly one re-login and loses no item', async () => {
		await start(authentication, { endpointCount: 2345, pageCap: 1000, sessionRequestLimit: 2 });
		const endpoints = jsonOf(await run(authentication, { resource: 'endpoint', operation: 'getMany', returnAll: true }));
		expect(endpoints.map((endpoint) => endpoint.device_id)).toEqual(emulator.endpoints.map((endpoint) => endpoint.device_id));
		expect(emulator.counters.logins).toBe(2);
		expect(emulator.counters.sessionsExpired).toBe(1);
		expectNoSessionLeft();
	});

	test('each endpoint keeps its fields and gains quarantined, online and lastSeen', async () => {
		await start(authentication);
		const [first] = jsonOf(await run(authentication, { resource: 'endpoint', operation: 'getMany', limit: 3 }));
		const source = emulator.endpoints[0];
		expect(first).toEqual({
			...source,
			quarantined: source.is_quarantined === 1,
			online: source.is_ems_online,
			lastSeen: new Date(source.last_seen * 1000).toISOString(),
		});
	});

	test('filters: connection, quarantined, device ID and a search by host, IP, MAC or user', async () => {
		await start(authentication, { endpointCount: 300 });
		const get = async (filters: Record<string, unknown>) =>
			jsonOf(await run(authentication, { resource: 'endpoint', operation: 'getMany', returnAll: true, filters }));

		const online = await get({ connection: 'online' });
		expect(online.length).toBe(emulator.endpoints.filter((endpoint) => endpoint.is_ems_online).length);
		expect(online.every((endpoint) => endpoint.online === true)).toBe(true);
		const offline = await get({ connection: 'offline' });
		expect(online.length + offline.length).toBe(300);

		const quarantined = await get({ quarantined: 'yes' });
		expect(quarantined.map((endpoint) => endpoint.device_id)).toEqual(emulator.endpoints.filter((endpoint) => endpoint.is_quarantined).map((endpoint) => endpoint.device_id));

		expect((await get({ deviceId: 42 })).map((endpoint) => endpoint.device_id)).toEqual([42]);
		const ids = async (search: string) => (await get({ search })).map((endpoint) => endpoint.device_id);
		expect(await ids('WS-00015.CORP.EXAMPLE')).toEqual([15]);
		expect(await ids('ws-00015')).toEqual([15]);
		expect(await ids('user00207')).toEqual([207]);
		expect(await ids(emulator.endpoints[120].mac_addr.replace(/-/g, ':').toLowerCase())).toEqual([121]);
		// Exact, never partial: 10.0.0.1 must not match 10.0.0.15 or 10.0.0.100.
		expect(await ids('10.0.0.1')).toEqual([1]);
		expect(await ids('10.0.0')).toEqual([]);
	});

	test('get returns one endpoint with its details', async () => {
		await start(authentication);
		const [endpoint] = jsonOf(await run(authentication, { resource: 'endpoint', operation: 'get', deviceId: '7' }));
		expect(endpoint.device_id).toBe(7);
		expect(endpoint.host).toBe(emulator.endpoints[6].host);
		expect(Object.keys(endpoint).length).toBeGreaterThanOrEqual(176);
		expect(endpoint).toHaveProperty('quarantined');
	});

	test('quarantine changes the state on EMS and a later get shows it; unquarantine releases', async () => {
		await start(authentication);
		const ids = emulator.endpoints.filter((endpoint) => !endpoint.is_quarantined).slice(0, 2).map((endpoint) => endpoint.device_id);
		const [reply] = jsonOf(await run(authentication, { resource: 'endpoint', operation: 'quarantine', deviceIds: ids.join(', ') }));
		expect(reply).toMatchObject({ action: 'quarantine', deviceIds: ids, accepted: true, quarantined: true, emsMessage: 'Quarantine request sent to 2 endpoint(s).' });
		const [after] = jsonOf(await run(authentication, { resource: 'endpoint', operation: 'get', deviceId: String(ids[0]) }));
		expect(after.quarantined).toBe(true);

		await run(authentication, { resource: 'endpoint', operation: 'unquarantine', deviceIds: '={{ $json.ids }}' }, {}, { items: [{ json: { ids } }] });
		const [released] = jsonOf(await run(authentication, { resource: 'endpoint', operation: 'get', deviceId: String(ids[1]) }));
		expect(released.quarantined).toBe(false);
		expectNoSessionLeft();
	});

	test('quarantine handles items one by one: after a failure, nothing further is changed', async () => {
		await start(authentication);
		caught = await catchNodeError(
			run(authentication, { resource: 'endpoint', operation: 'quarantine', deviceIds: '={{ $json.ids }}', options: { concurrency: 8 } }, {}, { items: [{ json: { ids: '10' } }, { json: { ids: '99999' } }, { json: { ids: '11' } }] }),
		);
		expect(caught.message).toContain('Invalid client IDs: 99999');
		expect(emulator.endpoints[9].is_quarantined).toBe(1);
		expect(emulator.endpoints[10].is_quarantined).toBe(0);
		expectNoSessionLeft();
	});

	test('10 items make one login and one logout', async () => {
		await start(authentication);
		const result = await run(authentication, { resource: 'endpoint', operation: 'get', deviceId: '={{ $json.id }}' }, {}, { items: Array.from({ length: 10 }, (_, index) => ({ json: { id: index + 1 } })) });
		expect(jsonOf(result).map((endpoint) => endpoint.device_id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		expect(emulator.counters.logins).toBe(1);
		expectNoSessionLeft();
	});

	describe('bad inputs', () => {
		test('an unknown device ID', async () => {
			await start(authentication);
			const error = await fail(authentication, { resource: 'endpoint', operation: 'get', deviceId: '99999' });
			expect(error.message).toBe('EMS has no endpoint with device ID 99999');
			expectNoSessionLeft();
		});

		test('an unknown device ID to quarantine carries EMS\'s message', async () => {
			await start(authentication);
			const error = await fail(authentication, { resource: 'endpoint', operation: 'quarantine', deviceIds: '1, 99999' });
			expect(error.message).toBe('EMS answered 400 and could not quarantine endpoints 1, 99999: Invalid client IDs: 99999.');
			expect(emulator.endpoints[0].is_quarantined).toBe(0);
		});

		test('an empty ID list is refused before anything is sent', async () => {
			await start(authentication);
			const error = await fail(authentication, { resource: 'endpoint', operation: 'quarantine', deviceIds: '' });
			expect(error.message).toBe('Device IDs is empty: nothing to quarantine or release');
			expect(emulator.counters.quarantineRequests).toBe(0);
		});

		test('a non-JSON body', async () => {
			await start(authentication);
			emulator.faults.add({ path: /endpoints\/index$/, kind: 'status', status: 200, body: '<html><body>Maintenance</body></html>' });
			const error = await fail(authentication, { resource: 'endpoint', operation: 'getMany' });
			expect(error.message).toBe('EMS answered GET /api/v1/endpoints/index with an HTML page');
			expectNoSessionLeft();
		});

		test('an expired session that fails again after the re-login', async () => {
			await start(authentication, { sessionRequestLimit: 0 });
			const error = await fail(authentication, { resource: 'endpoint', operation: 'getMany' });
			expect(error.message).toBe('EMS ended the session again right after a new login');
			expect(emulator.counters.logins).toBe(2);
		});

		test('continueOnFail keeps the other items', async () => {
			await start(authentication);
			const result = await run(
				authentication,
				{ resource: 'endpoint', operation: 'get', deviceId: '={{ $json.id }}' },
				{},
				{ items: [{ json: { id: 1 } }, { json: { id: 424242 } }, { json: { id: 3 } }], continueOnFail: true },
			);
			expect(jsonOf(result).map((item) => item.device_id ?? item.error)).toEqual([1, 'EMS has no endpoint with device ID 424242', 3]);
			expectNoSessionLeft();
		});
	});

	test('the credential Test button logs in, makes one cheap call and logs out', async () => {
		await start(authentication);
		const node = new FortiClientEms();
		const method = authentication === 'cloudAccessKey' ? node.methods.credentialTest.fortiClientCloudTest : node.methods.credentialTest.fortiClientEmsTest;
		const result = await method.call({} as ICredentialTestFunctions, { id: '1', name: 'EMS', type: 'x', data: emsCredentialsFor(emulator, authentication) });
		expect(result).toEqual({ status: 'OK', message: authentication === 'cloudAccessKey' ? 'Connected to FortiClient Cloud (25 endpoints)' : 'Connected to EMS FCTEMS0000000001' });
		expectNoSessionLeft();
	});
});

describe('FortiClient Cloud', () => {
	test.each([
		['a wrong access key', { accessKey: 'wrong-key-0000000000000000000000' }],
		['a wrong email', { accountEmail: 'someone@example.com' }],
	])('%s is explained without showing the key', async (_case, overrides) => {
		await start('cloudAccessKey');
		const error = await fail('cloudAccessKey', { resource: 'endpoint', operation: 'getMany' }, overrides);
		expect(error.message).toBe('FortiClient Cloud refused the access key or account email (HTTP 401)');
		expect(error.description).toContain('Access Key > EMS API Access');
	});

	test('the login path keeps its trailing slash and the session id is sent raw, not as Bearer', async () => {
		await start('cloudAccessKey');
		await run('cloudAccessKey', { resource: 'endpoint', operation: 'getMany', limit: 1 });
		expect(emulator.counters.requests['POST /fct/api/public/v1/ems_api_cloud/login/']).toBe(1);
		expect(emulator.counters.requests['POST /fct/api/public/v1/ems_api_cloud/logout/']).toBe(1);
		const bearer = await rawRequest(`${emulator.url}/fct/api/public/v1/ems_api/api/v1/endpoints/index`, { headers: { authorization: `Bearer ${emulator.issuedSecrets()[0]}` } });
		expect(bearer.status).toBe(401);
	});
});

describe('on-premises EMS', () => {
	test('a write without Referer is refused by EMS (Django CSRF); the node sends it and succeeds', async () => {
		await start('onPremLogin');
		const signin = await rawRequest(`${emulator.url}/api/v1/auth/signin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'ems-admin', password: 'Ems-Demo-2026' }) });
		const cookies = ((signin.headers['set-cookie'] ?? []) as string[]).map((header) => header.split(';')[0]);
		const csrf = cookies.find((cookie) => cookie.startsWith('csrftoken='))!.split('=')[1];
		const refused = await rawRequest(`${emulator.url}/api/v1/clients/quarantine`, {
			method: 'POST',
			headers: { cookie: cookies.join('; '), 'x-csrftoken': csrf, 'content-type': 'application/json' },
			body: JSON.stringify({ ids: [1] }),
		});
		expect(refused.status).toBe(403);
		expect(refused.body).toContain('Referer checking failed - no Referer.');
		await rawRequest(`${emulator.url}/api/v1/auth/signout`, { headers: { cookie: cookies.join('; ') } });

		const [reply] = jsonOf(await run('onPremLogin', { resource: 'endpoint', operation: 'quarantine', deviceIds: '1' }));
		expect(reply.accepted).toBe(true);
		expect(emulator.endpoints[0].is_quarantined).toBe(1);
	});

	test('signout falls back to GET when EMS answers 405 to POST', async () => {
		await start('onPremLogin', { signoutMethods: ['GET'] });
		await run('onPremLogin', { resource: 'endpoint', operation: 'getMany', limit: 1 });
		expect(emulator.counters.requests['POST /api/v1/auth/signout']).toBe(1);
		expect(emulator.counters.requests['GET /api/v1/auth/signout']).toBe(1);
		expectNoSessionLeft();
	});

	test.each([
		[{ password: 'wrong-password' }, 'EMS refused the login of "ems-admin": Invalid username or password.'],
		[{ site: 'tokyo' }, 'EMS refused the login of "ems-admin": Site tokyo does not exist or is not accessible.'],
	])('a refused login %j', async (overrides, message) => {
		await start('onPremLogin');
		const error = await fail('onPremLogin', { resource: 'endpoint', operation: 'getMany' }, overrides);
		expect(error.message).toBe(message);
	});

	test('a multi-site login with a known site works', async () => {
		await start('onPremLogin');
		const endpoints = jsonOf(await run('onPremLogin', { resource: 'endpoint', operation: 'getMany', limit: 2 }, { site: 'branch' }));
		expect(endpoints).toHaveLength(2);
	});

	test('a read-only EMS admin gets a clear 403 on quarantine', async () => {
		await start('onPremLogin');
		const error = await fail('onPremLogin', { resource: 'endpoint', operation: 'quarantine', deviceIds: '1' }, { username: 'ems-viewer', password: 'Viewer-Demo-2026' });
		expect(error.message).toBe('403: EMS refused to quarantine endpoints 1');
		expect(error.description).toContain('Admin Roles');
		expectNoSessionLeft();
	});
});
