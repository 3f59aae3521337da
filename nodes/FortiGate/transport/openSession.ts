import type { ICredentialDataDecryptedObject, INodeProperties } from 'n8n-workflow';
import type { Redactor } from '../../shared/redactor';
import { readConnection, type FortiGateAuthentication } from './connection';
import { FortiGateSession } from './FortiGateSession';

/** The credential type each authentication method uses (names are part of the public contract). */
export const CREDENTIAL_BY_AUTHENTICATION: Readonly<Record<FortiGateAuthentication, string>> = Object.freeze({
	apiKey: 'fortiGateApiKeyApi',
	adminLogin: 'fortiGateAdminLoginApi',
});

/** What the FortiGate and FortiGate Trigger nodes share to open a session: their parameter and credentials. */
export interface SessionSource {
	getNodeParameter(name: 'authentication', itemIndex: number): unknown;
	getCredentials(type: string, itemIndex?: number): Promise<ICredentialDataDecryptedObject>;
}

/** Opens a FortiGate session with the credential the node's `authentication` selects. */
export async function openFortiGateSession(source: SessionSource, options: { timeoutMs: number; redactor: Redactor }): Promise<FortiGateSession> {
	const authentication = source.getNodeParameter('authentication', 0) as FortiGateAuthentication;
	const credentials = await source.getCredentials(CREDENTIAL_BY_AUTHENTICATION[authentication]);
	return await FortiGateSession.open(readConnection(authentication, credentials), options);
}

export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'API Key', value: 'apiKey' },
		{ name: 'Admin Login', value: 'adminLogin' },
	],
	default: 'apiKey',
	description: 'A REST API admin\'s key (recommended), or an admin username and password (one session per use, always logged out)',
};
