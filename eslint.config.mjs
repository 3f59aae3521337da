import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import tseslint from 'typescript-eslint';

// The only files that touch undici, tough-cookie and node:tls.
const transportFiles = [
	'nodes/shared/httpClient.ts',
	'nodes/shared/tls.ts',
	'nodes/shared/proxy.ts',
	'nodes/shared/cookies.ts',
];

export default [
	{ ignores: ['dist/**', 'node_modules/**', '.cache/**', 'test/**', 'scripts/**', '**/*.js', '**/*.mjs'] },
	n8nCommunityNodesPlugin.configs.recommended,
	{
		files: ['**/*.ts', '**/*.json'],
		languageOptions: { parser: tseslint.parser },
	},
	{
		// n8n Cloud verification allows no runtime dependencies. This package is
		// for self-hosted n8n and needs exactly two: undici (one connection pool
		// per execution, with TLS checks that allow certificate pinning) and
		// tough-cookie (the FortiGate and EMS session cookies).
		files: ['package.json'],
		rules: { '@n8n/community-nodes/no-runtime-dependencies': 'off' },
	},
	{
		// Same reason: these files import undici and tough-cookie, and tls.ts
		// node:tls for the system CA list that a credential's CA extends.
		files: transportFiles,
		rules: { '@n8n/community-nodes/no-restricted-imports': 'off' },
	},
	{
		// HTTPS_PROXY / NO_PROXY are read from the environment, as n8n's own
		// HTTP nodes do; that needs `process.env`.
		files: ['nodes/shared/proxy.ts'],
		rules: { '@n8n/community-nodes/no-restricted-globals': 'off' },
	},
	{
		// The transport throws FortinetError; the router turns every error into
		// NodeApiError / NodeOperationError in one place (nodes/shared/nodeErrors.ts).
		files: ['nodes/shared/**/*.ts', 'nodes/*/transport/**/*.ts'],
		rules: { '@n8n/community-nodes/require-node-api-error': 'off' },
	},
	{
		// The FortiClient Cloud access key is the account's secret.
		files: ['credentials/FortiClientCloudApi.credentials.ts'],
		rules: { '@n8n/community-nodes/credential-unnecessary-password': 'off' },
	},
];
