import type { INodeProperties } from 'n8n-workflow';
import { timeoutOption } from '../../../shared/timeout';

export const optionsCollection: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [timeoutOption],
};
