/** A FortiOS version as the API reports it ("v7.2.8"). */
export interface FortiOsVersion {
	major: number;
	minor: number;
	patch: number;
}

export function parseFortiOsVersion(text: unknown): FortiOsVersion | undefined {
	const match = /v?(\d+)\.(\d+)\.(\d+)/.exec(String(text ?? ''));
	return match ? { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) } : undefined;
}

export function atLeast(version: FortiOsVersion, minimum: FortiOsVersion): boolean {
	return (version.major - minimum.major || version.minor - minimum.minor || version.patch - minimum.patch) >= 0;
}

export function formatVersion(version: FortiOsVersion): string {
	return `${version.major}.${version.minor}.${version.patch}`;
}

/**
 * Where the automation objects' field names changed (fortios-automation-stitch.md):
 * - `logid`: one integer on 6.x, a table `[{id}]` on 7.x;
 * - headers: `headers: [{header: "Name:Value"}]` up to 7.0.5 and on 7.2.0,
 *   `http-headers: [{id, key, value}]` from 7.0.6 / 7.2.1;
 * - stitch actions: `action: [{name}]` on 6.x and 7.0.0, `actions: [...]` from 7.0.1;
 * - `description` on triggers and stitches from 7.0.
 */
export interface StitchShapes {
	logidTable: boolean;
	httpHeaders: boolean;
	stitchActions: boolean;
	description: boolean;
}

export function stitchShapes(version: FortiOsVersion): StitchShapes {
	const { major, minor, patch } = version;
	return {
		logidTable: major >= 7,
		httpHeaders: atLeast(version, { major: 7, minor: 4, patch: 0 }) || (major === 7 && minor === 2 && patch >= 1) || (major === 7 && minor === 0 && patch >= 6),
		stitchActions: atLeast(version, { major: 7, minor: 0, patch: 1 }),
		description: major >= 7,
	};
}
