import type { ICredentialDataDecryptedObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { FortiClientEms } from '../../nodes/FortiClientEms/FortiClientEms.node';
import { CLOUD_ACCOUNT, ON_PREM_ADMINS, type EmsEmulator } from '../emulator/ems/EmsEmulator';
import { runNode, type RunNodeResult } from './runNode';

export type EmsAuthentication = 'cloudAccessKey' | 'onPremLogin';

/**
 * Credential data pointing at an EMS emulator. The cloud emulator's
 * certificate is issued by a test CA, passed as the credential's CA
 * certificate (as behind a TLS-inspecting proxy); on-premises is pinned.
 */
export function emsCredentialsFor(
	emulator: EmsEmulator,
	authentication: EmsAuthentication,
	overrides: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	if (authentication === 'cloudAccessKey') {
		return { baseUrl: emulator.url, ...CLOUD_ACCOUNT, caCertificate: emulator.caCertificate, ...overrides };
	}
	const [admin] = ON_PREM_ADMINS;
	return {
		baseUrl: emulator.url,
		username: admin.name,
		password: admin.password,
		site: '',
		certificateFingerprint: emulator.fingerprint,
		allowUnauthorizedCerts: false,
		caCertificate: '',
		...overrides,
	};
}

export async function runEms(options: {
	authentication: EmsAuthentication;
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
}): Promise<RunNodeResult> {
	return await runNode({
		nodeType: new FortiClientEms(),
		typeName: 'n8n-nodes-fortinet.fortiClientEms',
		parameters: { authentication: options.authentication, ...options.parameters },
		credentialType: options.authentication === 'cloudAccessKey' ? 'fortiClientCloudApi' : 'fortiClientEmsApi',
		credentials: options.credentials,
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
}
