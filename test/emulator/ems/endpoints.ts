import { seededRandom } from '../shared/random';

/**
 * Deterministic endpoint inventory for the EMS emulators: the same seed and
 * count give the same endpoints, so 50,000 of them cost no fixture file.
 * Field names and types follow what public EMS clients read from
 * /api/v1/endpoints/index (flags mixed as integers and booleans, as EMS does).
 */
export interface EmsEndpoint {
	device_id: number;
	name: string;
	host: string;
	ip_addr: string;
	mac_addr: string;
	os_version: string;
	fct_version: string;
	username: string;
	user_domain: string;
	group_path: string;
	last_seen: number;
	is_quarantined: number;
	is_ems_online: boolean;
	is_ems_onnet: boolean;
	is_ems_registered: boolean;
	fct_sn: string;
}

const OS = ['Microsoft Windows 11 Enterprise Edition, 64-bit (build 22631)', 'Microsoft Windows 10 Professional Edition, 64-bit (build 19045)', 'macOS Sonoma 14.5', 'Ubuntu 22.04 LTS'];
const FCT = ['7.2.4.0972', '7.2.5.1010', '7.4.0.1658'];
const GROUPS = ['All Groups/CORP/Workstations', 'All Groups/CORP/Laptops', 'All Groups/CORP/Servers'];

export function generateEndpoints(count: number, seed: number, now = 1795000000): EmsEndpoint[] {
	const next = seededRandom(seed);
	return Array.from({ length: count }, (_, index) => {
		const id = index + 1;
		const number = String(id).padStart(5, '0');
		const online = next() < 0.6;
		const mac = Array.from({ length: 6 }, (_unused, byte) => (byte === 0 ? 0x02 : Math.floor(next() * 256)).toString(16).padStart(2, '0').toUpperCase()).join('-');
		return {
			device_id: id,
			name: `WS-${number}`,
			host: `ws-${number}.corp.example`,
			ip_addr: `10.${Math.floor(id / 65536) % 256}.${Math.floor(id / 256) % 256}.${id % 256}`,
			mac_addr: mac,
			os_version: OS[Math.floor(next() * OS.length)],
			fct_version: FCT[Math.floor(next() * FCT.length)],
			username: `user${number}`,
			user_domain: 'CORP',
			group_path: GROUPS[Math.floor(next() * GROUPS.length)],
			last_seen: online ? now - Math.floor(next() * 300) : now - Math.floor(next() * 864000),
			is_quarantined: next() < 0.02 ? 1 : 0,
			is_ems_online: online,
			is_ems_onnet: next() < 0.7,
			is_ems_registered: true,
			fct_sn: `FCT8001${String(id).padStart(9, '0')}`,
		};
	});
}
