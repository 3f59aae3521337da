import type { INodeProperties } from 'n8n-workflow';
import { concurrencyOption, timeoutOption } from '../../../shared/executionOptions';

export const optionsCollection: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [concurrencyOption, timeoutOption],
};
