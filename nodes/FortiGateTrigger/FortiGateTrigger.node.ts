import { randomBytes } from 'node:crypto';
import {
	NodeConnectionTypes,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { timeoutOption } from '../shared/executionOptions';
import { readStatus } from '../FortiGate/actions/system/getStatus.operation';
import { fortiGateAdminLoginTest, fortiGateApiKeyTest } from '../FortiGate/credentialTests';
import { authenticationProperty } from '../FortiGate/transport/openSession';
import { hasSecret, logFields } from './stitch/delivery';
import { VERIFICATION_HEADER, stillMatches, stitchName, stitchObjects } from './stitch/objects';
import { createStitch, deleteStitch, readStitch, sendTestEvent } from './stitch/registration';
import { readStitchSettings } from './stitch/settings';
import { parseFortiOsVersion } from './stitch/version';
import { withFortiGate } from './withFortiGate';
import { getEventTypes } from './methods/loadOptions';

/** What activation keeps in the workflow's static data: the objects' name and the secret the FortiGate sends. */
interface Registration {
	name?: string;
	secret?: string;
}

export class FortiGateTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'FortiGate Trigger',
		name: 'fortiGateTrigger',
		icon: { light: 'file:fortigate.svg', dark: 'file:fortigate.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"on " + $parameter["event"]}}',
		description: 'Starts the workflow when a FortiGate event happens. Registers its own automation stitch on activation and removes it on deactivation.',
		defaults: { name: 'FortiGate Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// The FortiGate node's two credentials, written out so that n8n's linter sees what tests them.
		credentials: [
			{
				name: 'fortiGateApiKeyApi',
				required: true,
				testedBy: 'fortiGateApiKeyTest',
				displayOptions: { show: { authentication: ['apiKey'] } },
			},
			{
				name: 'fortiGateAdminLoginApi',
				required: true,
				testedBy: 'fortiGateAdminLoginTest',
				displayOptions: { show: { authentication: ['adminLogin'] } },
			},
		],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName:
					'On activation this node creates an automation trigger, a webhook action and a stitch on the FortiGate (names start with "n8n-"), and removes them on deactivation. The FortiGate must reach this workflow\'s production URL; the account needs System read/write.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			authenticationProperty,
			{
				displayName: 'Event Name or ID',
				name: 'event',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getEventTypes', loadOptionsDependsOn: ['authentication'] },
				default: 'event-log',
				description:
					'The FortiGate event that starts the workflow; the list shows what the connected FortiOS supports. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Log IDs',
				name: 'logIds',
				type: 'string',
				default: '',
				required: true,
				placeholder: '32102, 20099',
				description:
					'5-digit message IDs (the last five digits of a log\'s 10-digit logid; both forms are accepted). FortiOS 6.4 takes one, 7.x up to 16.',
				displayOptions: { show: { event: ['event-log'] } },
			},
			{
				displayName: 'Field Filters',
				name: 'fieldFilters',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Filter',
				default: {},
				description: 'Only logs whose fields match (at most 5); * in a value matches anything',
				displayOptions: { show: { event: ['event-log'] } },
				options: [
					{
						name: 'filter',
						displayName: 'Filter',
						values: [
							{ displayName: 'Field', name: 'name', type: 'string', default: '', placeholder: 'user', description: 'A field of the FortiGate log entry' },
							{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'admin*', description: 'The value it must have; * matches anything' },
						],
					},
				],
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Send Test Event on Listen',
						name: 'sendTestEvent',
						type: 'boolean',
						default: true,
						description: 'Whether "Listen for test event" also asks the FortiGate to fire the stitch once with a sample log, so a sample arrives at once',
					},
					timeoutOption,
					{
						displayName: 'Verify n8n\'s Certificate',
						name: 'verifyCertificate',
						type: 'boolean',
						default: true,
						description: 'Whether the FortiGate checks the certificate of an HTTPS n8n URL. Turn off only for a self-signed n8n certificate.',
					},
				],
			},
		],
	};

	methods = {
		credentialTest: { fortiGateApiKeyTest, fortiGateAdminLoginTest },
		loadOptions: { getEventTypes },
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const registration = this.getWorkflowStaticData('node') as Registration;
				if (!registration.name || !registration.secret) return false;
				const { name, secret } = registration;
				return await withFortiGate(this, async (session) => {
					const held = await readStitch(session, name);
					if (!held) return false;
					const settings = readStitchSettings(this, parseFortiOsVersion((await readStatus(session)).version), { name, secret });
					return stillMatches(held, stitchObjects(settings));
				});
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const registration = this.getWorkflowStaticData('node') as Registration;
				// "Listen for test event" gets objects of its own, so that testing never touches the active workflow's.
				const testing = this.getMode() === 'manual';
				const name = stitchName(this.getWorkflow().id, this.getNode().id, testing);
				const secret = randomBytes(24).toString('base64url');
				const options = this.getNodeParameter('options', {}) as IDataObject;
				// Recorded before anything is created: after a failure n8n calls delete
				// (mode "internal"), which must remove exactly these objects and no others.
				registration.name = name;
				registration.secret = secret;
				await withFortiGate(this, async (session) => {
					const settings = readStitchSettings(this, parseFortiOsVersion((await readStatus(session)).version), { name, secret });
					await createStitch(session, stitchObjects(settings));
					if (testing && options.sendTestEvent !== false) await sendTestEvent(session, name, settings.logIds[0]);
				});
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const registration = this.getWorkflowStaticData('node') as Registration;
				// Only what create recorded is deleted; nothing recorded, nothing to delete.
				const name = registration.name;
				if (name) await withFortiGate(this, async (session) => await deleteStitch(session, name));
				delete registration.name;
				delete registration.secret;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const registration = this.getWorkflowStaticData('node') as Registration;
		if (!hasSecret(this.getHeaderData()[VERIFICATION_HEADER.toLowerCase()], registration.secret)) {
			this.getResponseObject().status(401).json({ message: `Missing or wrong ${VERIFICATION_HEADER} header` });
			return { noWebhookResponse: true };
		}
		const rawBody = (this.getRequestObject() as { rawBody?: Buffer }).rawBody;
		const fields = logFields(this.getBodyData(), rawBody);
		return { workflowData: [[{ json: { ...fields, receivedAt: new Date().toISOString(), stitch: registration.name ?? null } }]] };
	}
}
