import { parseBaseUrl } from '../../nodes/shared/baseUrl';
import { normalizeFingerprint } from '../../nodes/shared/tls';
import { parseIdList } from '../../nodes/shared/parameters';
import { isBefore } from '../../nodes/FortiGate/actions/common/envelopes';
import { parseJsonLoginAnswer, parseLegacyLoginAnswer } from '../../nodes/FortiGate/transport/login/answers';
import { Redactor } from '../../nodes/shared/redactor';

describe('parseIdList', () => {
	test.each([
		['', []],
		['1, 2,15', [1, 2, 15]],
		[[3, '4'], [3, 4]],
		[7, [7]],
	])('%j gives %j', (raw, expected) => {
		expect(parseIdList(raw, 'Policy IDs')).toEqual(expected);
	});

	test.each([
		['1,,x', 'Policy IDs must be whole numbers separated by commas: entry 2 is empty'],
		['1,x', 'Policy IDs must be whole numbers separated by commas: entry 2 is "x"'],
		['-1', 'Policy IDs must be whole numbers separated by commas: entry 1 is "-1"'],
	])('%j is refused', (raw, message) => {
		expect(() => parseIdList(raw, 'Policy IDs')).toThrow(message);
	});
});

describe('parseBaseUrl', () => {
	test.each([
		['https://192.0.2.1', 'https://192.0.2.1'],
		['https://fw.example.net:8443/', 'https://fw.example.net:8443'],
		['https://[2001:db8::1]:10443', 'https://[2001:db8::1]:10443'],
		['  https://192.0.2.1:443  ', 'https://192.0.2.1'],
	])('%s is accepted as %s', (raw, origin) => {
		expect(parseBaseUrl(raw, 'FortiGate').origin).toBe(origin);
	});

	test('user:password@ is refused without echoing it', () => {
		expect(() => parseBaseUrl('https://admin:hunter22@192.0.2.1', 'FortiGate')).toThrow('The Base URL must not contain a user name or password');
	});
});

describe('normalizeFingerprint', () => {
	const hex = 'AB'.repeat(32);
	test.each([
		[hex.match(/.{2}/g)!.join(':')],
		[hex.toLowerCase()],
		[`SHA256 Fingerprint=${hex.match(/.{2}/g)!.join(':')}`],
	])('%s', (raw) => {
		expect(normalizeFingerprint(raw)).toBe(hex);
	});
	test('empty means no pin', () => expect(normalizeFingerprint('  ')).toBeUndefined());
});

describe('login answers', () => {
	test.each([
		['1document.location="/ng/prompt?viewOnly&redir=%2Fng%2F";', { code: '1', disclaimer: false }],
		['1document.location="/logindisclaimer?viewOnly&redir=%2F";', { code: '1', disclaimer: true }],
		['0', { code: '0', disclaimer: false }],
		['{"status":2}', { code: '2', disclaimer: false }],
	])('/logincheck %s', (body, expected) => {
		expect(parseLegacyLoginAnswer(body)).toEqual(expected);
	});

	test.each([
		['{"status_code":5,"session_key":"k"}', { success: true, code: '5', sessionKey: 'k' }],
		['{"status":6,"session_key":"k"}', { success: true, code: '5', sessionKey: 'k' }],
		// The cookie form (7.6.3+): success without a key in the body.
		['{"status_code":5,"status_message":"LOGIN_SUCCESS"}', { success: true, code: '5', sessionKey: undefined }],
		['{"status":"5"}', { success: true, code: '5', sessionKey: undefined }],
		['{"status_message":"LOGIN_SUCCESS"}', { success: true, code: '5', sessionKey: undefined }],
		['{"status_code":-1}', { success: false, code: '-1', sessionKey: undefined }],
		['{"status_message":"LOGIN_FAILED"}', { success: false, code: 'LOGIN_FAILED', sessionKey: undefined }],
		// The error envelope FortiOS answers for an endpoint it does not have: not a login answer.
		['{"http_method":"POST","status":"error","http_status":404,"serial":"FGT60E","version":"v6.0.5","build":268}', undefined],
		['{"status":"success","http_status":200}', undefined],
		['<html>', undefined],
	])('/api/v2/authentication %s', (body, expected) => {
		expect(parseJsonLoginAnswer(body)).toEqual(expected);
	});
});

test('isBefore compares FortiOS versions from the envelope', () => {
	expect(isBefore('v6.2.4', 6, 4)).toBe(true);
	expect(isBefore('v6.4.0', 6, 4)).toBe(false);
	expect(isBefore('v7.0.6', 6, 4)).toBe(false);
	expect(isBefore(undefined, 6, 4)).toBe(false);
});

test('Redactor removes every secret, URL-encoded too, longest first', () => {
	const redactor = new Redactor();
	redactor.add('p@ss word', 'abcd', 'abcdef', undefined, 'ab');
	expect(redactor.redact('x p@ss word p%40ss%20word abcdef abcd ab')).toBe('x [redacted] [redacted] [redacted] [redacted] ab');
});
