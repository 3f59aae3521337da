/**
 * The FortiOS generations the emulator imitates. Each differs where the
 * reference (fortios-rest-api.md) records a difference that breaks clients.
 */
export type ProfileName = '6.0' | '6.4' | '7.2' | '7.6.3' | '7.6.4';

export interface FortiOsProfile {
	name: ProfileName;
	version: string;
	build: number;
	serial: string;
	/** POST /api/v2/authentication exists (6.4.2+). */
	jsonLogin: boolean;
	/**
	 * Where a JSON login puts the session (fortios-rest-api.md section 1): `body`,
	 * a `session_key` for Bearer use; `cookie` (7.6.3+, KB 227837), the cookies
	 * `session_key_<port>_<hash>` and `ccsrf_token_<port>_<hash>`, nothing in the body.
	 */
	jsonSessionForm: 'body' | 'cookie';
	/**
	 * What POST /logincheck does (section 1): `sessions` up to 7.6.2; from 7.6.3
	 * `noSessionCookie`, the usual "1" answer but no APSCOOKIE, so nothing works after it.
	 */
	legacyLogin: 'sessions' | 'noSessionCookie';
	/** `access_token=` in the query string is accepted (disabled by default since 7.4.5 / 7.6.1). */
	queryTokenAllowed: boolean;
	/** IPv6 policy statistics live at /firewall/policy6 (before 6.4). */
	separatePolicy6: boolean;
	/** /monitor/system/status returns `results: {}` (6.0 / 6.2). */
	emptyStatusResults: boolean;
	/** Methods `system/config/backup` accepts: GET before 7.6, POST from 7.6 (GET answers 405). */
	backupMethods: ReadonlyArray<'GET' | 'POST'>;
	/** `user/banned/check` exists (7.6). */
	bannedCheck: boolean;
	/** Names of the CSRF cookies set at login, for a given admin port. */
	csrfCookieNames: (port: number) => string[];
	/** The JavaScript redirect /logincheck answers with on success. */
	loginRedirect: string;
}

function hash(): string {
	return Math.floor(Math.random() * 0xfffffff).toString(16);
}

export const PROFILES: Record<ProfileName, FortiOsProfile> = {
	'6.0': {
		name: '6.0',
		version: 'v6.0.4',
		build: 231,
		serial: 'FGVMEVZFNTS3OAC8',
		jsonLogin: false,
		jsonSessionForm: 'body',
		legacyLogin: 'sessions',
		queryTokenAllowed: true,
		separatePolicy6: true,
		emptyStatusResults: true,
		backupMethods: ['GET'],
		bannedCheck: false,
		// 5.6 / 6.x: `ccsrftoken` plus a numbered copy.
		csrfCookieNames: () => ['ccsrftoken', `ccsrftoken_${Math.floor(Math.random() * 1e9)}`],
		loginRedirect: '/ng/prompt?viewOnly&redir=%2Fng%2F',
	},
	'6.4': {
		name: '6.4',
		version: 'v6.4.14',
		build: 2093,
		serial: 'FG100FTK20006404',
		jsonLogin: true,
		jsonSessionForm: 'body',
		legacyLogin: 'sessions',
		queryTokenAllowed: true,
		separatePolicy6: false,
		emptyStatusResults: false,
		backupMethods: ['GET'],
		bannedCheck: false,
		// 6.x: `ccsrftoken` plus a numbered copy.
		csrfCookieNames: () => ['ccsrftoken', `ccsrftoken_${Math.floor(Math.random() * 1e9)}`],
		loginRedirect: '/ng/prompt?viewOnly&redir=%2Fng%2F',
	},
	'7.2': {
		name: '7.2',
		version: 'v7.2.8',
		build: 1639,
		serial: 'FG200FT123456789',
		jsonLogin: true,
		jsonSessionForm: 'body',
		legacyLogin: 'sessions',
		queryTokenAllowed: true,
		separatePolicy6: false,
		emptyStatusResults: false,
		// Recent 7.0-7.4 builds accept both.
		backupMethods: ['GET', 'POST'],
		bannedCheck: false,
		// 7.0.13+ / 7.2.4+: port-suffixed, then port and hash.
		csrfCookieNames: (port) => [`ccsrftoken_${port}_${hash()}`],
		loginRedirect: '/prompt?viewOnly&redir=%2F',
	},
	// 7.6.3+ with the session in cookies (KB 227837): what Terraform 1.22.2 and Ansible 2.4.x adapted to.
	'7.6.3': {
		name: '7.6.3',
		version: 'v7.6.3',
		build: 3510,
		serial: 'FG100FTK24007603',
		jsonLogin: true,
		jsonSessionForm: 'cookie',
		legacyLogin: 'noSessionCookie',
		queryTokenAllowed: false,
		separatePolicy6: false,
		emptyStatusResults: false,
		backupMethods: ['POST'],
		// The reference records banned/check on 7.6.5 only.
		bannedCheck: false,
		csrfCookieNames: (port) => [`ccsrf_token_${port}_${hash()}`],
		loginRedirect: '/prompt?viewOnly&redir=%2F',
	},
	// 7.6.4 still honouring `request_key: true` (unknown on real devices, so both forms are emulated).
	'7.6.4': {
		name: '7.6.4',
		version: 'v7.6.4',
		build: 3596,
		serial: 'FG200FTK24000001',
		jsonLogin: true,
		jsonSessionForm: 'body',
		legacyLogin: 'noSessionCookie',
		queryTokenAllowed: false,
		separatePolicy6: false,
		emptyStatusResults: false,
		backupMethods: ['POST'],
		bannedCheck: true,
		csrfCookieNames: (port) => [`ccsrf_token_${port}_${hash()}`],
		loginRedirect: '/prompt?viewOnly&redir=%2F',
	},
};
