import { createHash } from 'node:crypto';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { FortinetError } from '../../../shared/errors';
import { outcomeOf } from '../../../shared/outcome';
import { FileItem, type OperationOutput } from '../../../shared/runItems';
import type { ApiRequest, FortiGateSession } from '../../transport/FortiGateSession';
import { METHOD_REFUSED } from '../../transport/replies';
import { isBefore } from '../common/envelopes';
import { vdomFor } from '../common/options';
import { readStatus } from './getStatus.operation';
import { updateDisplayOptions } from '../../../shared/displayOptions';

/** The configuration comes back as a file. */
export const returnsFile = true;

const properties: INodeProperties[] = [
	{
		displayName: 'Scope',
		name: 'scope',
		type: 'options',
		options: [
			{ name: 'Global', value: 'global', description: 'The whole device: global settings and every VDOM' },
			{ name: 'VDOM', value: 'vdom', description: 'One VDOM only (the VDOM option, else the credential\'s, else root)' },
		],
		default: 'global',
		description: 'What the backup holds: the whole device, or one VDOM',
	},
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: 'Encrypts the backup with this password; the FortiGate asks for it on restore. Empty gives a plain-text backup.',
	},
	{
		displayName: 'Mask Secrets',
		name: 'passwordMask',
		type: 'boolean',
		default: false,
		description: 'Whether to replace passwords and keys in the backup with a mask (FortiOS 7.6 and later). Such a backup cannot restore those secrets.',
	},
	{
		displayName: 'File Format',
		name: 'fileFormat',
		type: 'options',
		options: [
			{ name: 'FortiOS Configuration', value: 'fos' },
			{ name: 'YAML (FortiOS 7.6 and Later)', value: 'yaml' },
		],
		default: 'fos',
		description: 'The CLI configuration as FortiOS writes it, or YAML (7.6 and later)',
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
		description: 'The binary field of the output item that holds the configuration file',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['system'], operation: ['backupConfig'] } }, properties);

const purpose = { action: 'back up the configuration', permission: { group: 'sysgrp.mnt' as const, access: 'read' as const } };
const BACKUP_PATH = '/api/v2/monitor/system/config/backup';

/**
 * Downloads the configuration as a file (fortios-more-operations.md,
 * configuration backup): POST with a JSON body from 7.0, GET with query
 * parameters before. The version from the status decides, and a refusal of
 * the method itself gets one try with the other method (7.0-7.4 builds differ).
 */
export async function execute(this: IExecuteFunctions, session: FortiGateSession, itemIndex: number): Promise<OperationOutput> {
	const scope = this.getNodeParameter('scope', itemIndex, 'global') as 'global' | 'vdom';
	const password = String(this.getNodeParameter('password', itemIndex, '') ?? '');
	const passwordMask = this.getNodeParameter('passwordMask', itemIndex, false) as boolean;
	const fileFormat = this.getNodeParameter('fileFormat', itemIndex, 'fos') as 'fos' | 'yaml';
	const binaryPropertyName = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data'));
	session.addSecret(password);

	const status = await readStatus(session);
	const version = typeof status.version === 'string' ? status.version : undefined;
	const before76 = isBefore(version, 7, 6);
	if (before76 && (passwordMask || fileFormat === 'yaml')) {
		throw new FortinetError({
			kind: 'parameter',
			message: `${passwordMask ? 'Mask Secrets' : 'YAML backups'} need FortiOS 7.6 or later; this FortiGate runs ${version}`,
			description: passwordMask
				? 'Turn off Mask Secrets, or use Password to encrypt the backup instead. Nothing was downloaded, so no unmasked copy exists.'
				: 'Choose the FortiOS Configuration file format.',
		});
	}
	const vdom = scope === 'vdom' ? (vdomFor(this, itemIndex) ?? session.defaultVdom ?? 'root') : '';
	const fields = { scope, destination: 'file', ...(password ? { password } : {}) };
	const newerFields = before76 ? {} : { password_mask: passwordMask, file_format: fileFormat };
	const byMethod = (method: 'GET' | 'POST'): ApiRequest =>
		method === 'GET'
			? { method, path: BACKUP_PATH, query: fields, vdom, purpose }
			: { method, path: BACKUP_PATH, body: { ...fields, ...newerFields }, vdom, purpose };

	// FNDN documents POST from 7.0 and GET breaks within 7.4; GET is for firmware before 7.0.
	// GET carries its fields in the URL: with a password, POST is tried first on every version,
	// so that the password reaches a URL (and the logs that keep URLs) only where GET is all there is.
	const first = isBefore(version, 7, 0) && !password ? 'GET' : 'POST';
	const firstTry = await outcomeOf(session.download(byMethod(first)));
	// A firmware that routes the endpoint for the other method only may also answer 404.
	const otherMethodMayWork = (error: unknown) => error instanceof FortinetError && (error.code === METHOD_REFUSED || error.httpStatus === 404);
	if (!firstTry.ok && !otherMethodMayWork(firstTry.error)) throw firstTry.error;
	const file = firstTry.ok ? firstTry.value : await session.download(byMethod(first === 'GET' ? 'POST' : 'GET'));

	const hostname = String(status.hostname ?? 'fortigate');
	const fileName = `${hostname}_${timestamp(new Date())}.${fileFormat === 'yaml' ? 'yaml' : 'conf'}`;
	const binary = await this.helpers.prepareBinaryData(file.bytes, fileName, fileFormat === 'yaml' ? 'application/yaml' : 'text/plain');
	const json: IDataObject = {
		hostname,
		serial: status.serial,
		version: status.version,
		build: status.build,
		scope,
		vdom: vdom || null,
		fileName,
		fileFormat,
		encrypted: password !== '',
		secretsMasked: passwordMask,
		size: file.bytes.length,
		sha256: createHash('sha256').update(file.bytes).digest('hex'),
	};
	return [new FileItem(json, { [binaryPropertyName]: binary })];
}

/** yyyymmdd-hhmm in UTC, so that nightly backups sort by name. */
function timestamp(date: Date): string {
	const iso = date.toISOString();
	return `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 16).replace(':', '')}`;
}
