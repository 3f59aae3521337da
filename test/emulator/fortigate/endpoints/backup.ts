import { createCipheriv, createHash } from 'node:crypto';
import type { FortiOsProfile } from '../profiles';
import { DeviceError, RawReply, type Endpoint, type EndpointRequest } from './types';

export interface BackupRequest {
	scope: 'global' | 'vdom';
	vdom: string;
	user: string;
	password?: string;
	passwordMask?: boolean;
	fileFormat?: 'fos' | 'yaml';
}

/** What the backup is made of: the device's identity and its address objects per VDOM. */
export interface BackupSource {
	hostname: string;
	vdoms: string[];
	addressNames: (vdom: string) => string[];
}

/**
 * `system/config/backup`: GET with query parameters on 6.x and 7.0-7.4, POST
 * with a JSON body on 7.6 (GET answers 405 there), per the profile. The reply
 * is the configuration text with `Content-Disposition: attachment`, never an
 * envelope; errors still are. The text is deterministic for a given state, so
 * tests can compare checksums.
 */
export class ConfigBackup {
	constructor(
		private readonly profile: FortiOsProfile,
		private readonly source: BackupSource,
		/** The methods this firmware accepts; a test may narrow them to force a 405. */
		readonly methods: Array<'GET' | 'POST'>,
	) {}

	endpoint(method: string, monitorPath: string): Endpoint | undefined {
		if (monitorPath !== 'system/config/backup' || (method !== 'GET' && method !== 'POST')) return undefined;
		return {
			path: 'system',
			name: 'config',
			action: 'backup',
			accessGroup: 'mnt',
			results: (request) => {
				if (!this.methods.includes(method)) throw new DeviceError(405, -1);
				const backup = this.readRequest(method, request);
				const text = this.text(backup);
				return new RawReply(text, {
					'content-type': 'application/octet-stream',
					'content-disposition': `attachment; filename="${this.source.hostname}.conf"`,
				});
			},
		};
	}

	/** The configuration text for a backup request, as the device would send it. */
	text(request: BackupRequest): string {
		const plain = request.fileFormat === 'yaml' ? this.yaml(request) : this.fos(request);
		if (!request.password) return plain;
		// An encrypted backup keeps its header line readable; the rest is ciphertext.
		const key = createHash('sha256').update(request.password).digest();
		const iv = createHash('md5').update(this.source.hostname).digest();
		const cipher = createCipheriv('aes-256-cbc', key, iv);
		const body = Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
		return `${this.header(request)}:encrypted=1\n${body}\n`;
	}

	private readRequest(method: string, { vdom, params, body, user }: EndpointRequest): BackupRequest {
		const get = (name: string) => (method === 'GET' ? (params.get(name) ?? undefined) : (body[name] as unknown));
		const scope = get('scope');
		if (scope !== 'global' && scope !== 'vdom') throw new DeviceError(424, -651);
		const fileFormat = method === 'POST' ? get('file_format') : undefined;
		if (fileFormat !== undefined && fileFormat !== 'fos' && fileFormat !== 'yaml') throw new DeviceError(424, -651);
		const password = get('password');
		return {
			scope,
			vdom,
			user,
			password: password ? String(password) : undefined,
			passwordMask: method === 'POST' ? get('password_mask') === true : false,
			fileFormat: (fileFormat as 'fos' | 'yaml' | undefined) ?? 'fos',
		};
	}

	private header(request: BackupRequest): string {
		const [major, minor, patch] = this.profile.version.replace(/^v/, '').split('.');
		const version = `${major}.${minor.padStart(2, '0')}.${patch}`;
		return `#config-version=FGT200F-${version}-FW-build${this.profile.build}-240215:opmode=0:vdom=1:user=${request.user}`;
	}

	private fos(request: BackupRequest): string {
		const admin = request.passwordMask ? 'ENC XXXX' : `ENC SH2${createHash('sha256').update(this.source.hostname).digest('hex').slice(0, 40)}`;
		const lines = [this.header(request), '#conf_file_ver=7382643129483', `#buildno=${this.profile.build}`, '#global_vdom=1'];
		if (request.scope === 'global') {
			lines.push('config system global', `    set hostname "${this.source.hostname}"`, '    set timezone 04', 'end');
			lines.push('config system admin', '    edit "admin"', '        set accprofile "super_admin"', `        set password ${admin}`, '    next', 'end');
		}
		const vdoms = request.scope === 'global' ? this.source.vdoms : [request.vdom];
		for (const vdom of vdoms) {
			lines.push('config vdom', `edit ${vdom}`, 'config firewall address');
			for (const name of this.source.addressNames(vdom)) lines.push(`    edit "${name}"`, '    next');
			lines.push('end', 'end');
		}
		return `${lines.join('\n')}\n`;
	}

	private yaml(request: BackupRequest): string {
		const vdoms = request.scope === 'global' ? this.source.vdoms : [request.vdom];
		const lines = [`# ${this.header(request).slice(1)}`];
		if (request.scope === 'global') lines.push('system_global:', `  hostname: ${this.source.hostname}`);
		lines.push('vdom:');
		for (const vdom of vdoms) {
			lines.push(`  ${vdom}:`, '    firewall_address:');
			for (const name of this.source.addressNames(vdom)) lines.push(`      - name: "${name}"`);
		}
		return `${lines.join('\n')}\n`;
	}
}
