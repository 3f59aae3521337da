import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { updateDisplayOptions } from '../../../shared/displayOptions';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions({ show: { resource: ['firmware'], operation: ['getStatus'] } }, properties);

/**
 * The running firmware, the images FortiGuard offers for this model, and
 * `upgradeAvailable`: an offered image is newer and FortiOS says it can
 * upgrade to it. `latestVersion` is the newest such image.
 */
export async function execute(this: IExecuteFunctions, session: FortiGateSession): Promise<IDataObject[]> {
	const [envelope] = await session.request({
		method: 'GET',
		path: '/api/v2/monitor/system/firmware',
		vdom: '',
		purpose: { action: 'read the firmware status', permission: { group: 'sysgrp.mnt', access: 'read' } },
	});
	const results = (envelope?.results ?? {}) as IDataObject;
	const current = (results.current ?? {}) as IDataObject;
	const available = Array.isArray(results.available) ? (results.available as IDataObject[]) : [];
	const upgrades = available.filter((image) => image.can_upgrade !== false && compareVersions(image, current) > 0).sort((a, b) => compareVersions(b, a));
	return [
		{
			currentVersion: current.version ?? envelope?.version ?? null,
			currentBuild: current.build ?? envelope?.build ?? null,
			upgradeAvailable: upgrades.length > 0,
			latestVersion: upgrades[0]?.version ?? null,
			current,
			available,
		},
	];
}

/** Orders images by major, minor, patch, then build (the fields FortiOS gives for every image). */
function compareVersions(a: IDataObject, b: IDataObject): number {
	for (const field of ['major', 'minor', 'patch', 'build']) {
		const difference = Number(a[field] ?? 0) - Number(b[field] ?? 0);
		if (difference !== 0) return difference;
	}
	return 0;
}
