import { refusesMethod } from '../../nodes/FortiGate/transport/replies';

const reply = (status: number, body: unknown) => ({ status, headers: {}, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('a refusal of the HTTP method itself (configuration backup)', () => {
	test.each([
		['a 405', reply(405, ''), true],
		['a 400 envelope that says "method not allowed"', reply(400, { http_method: 'GET', status: 'error', http_status: 400, message: 'Method not allowed' }), true],
		['a 500 envelope that names the method', reply(500, { http_method: 'GET', status: 'error', http_status: 500, cli_error: 'GET is not supported for this endpoint' }), true],
		['an ordinary 403 envelope (http_method alone does not count)', reply(403, { http_method: 'GET', status: 'error', http_status: 403 }), false],
		['a 404 envelope', reply(404, { http_method: 'GET', status: 'error', http_status: 404, error: -3 }), false],
		['an HTML 500 page', reply(500, '<html>GET failed</html>'), false],
		['a success', reply(200, { status: 'success' }), false],
	])('%s', (_name, response, expected) => {
		expect(refusesMethod(response, 'GET')).toBe(expected);
	});
});
