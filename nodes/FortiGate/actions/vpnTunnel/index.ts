import type { INodeProperties } from 'n8n-workflow';
import * as bringDown from './bringDown.operation';
import * as bringUp from './bringUp.operation';
import * as getMany from './getMany.operation';

export { bringDown, bringUp, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['vpnTunnel'] } },
		options: [
			{ name: 'Bring Down', value: 'bringDown', description: 'Take an IPsec tunnel\'s phase 2 selectors down', action: 'Bring an IPsec tunnel down' },
			{ name: 'Bring Up', value: 'bringUp', description: 'Negotiate an IPsec tunnel\'s phase 2 selectors', action: 'Bring an IPsec tunnel up' },
			{ name: 'Get Many', value: 'getMany', description: 'List IPsec tunnels with their state', action: 'Get many IPsec tunnels' },
		],
		default: 'getMany',
	},
	...bringDown.description,
	...bringUp.description,
	...getMany.description,
];
