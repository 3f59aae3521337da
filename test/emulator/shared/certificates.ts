import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Certificates the emulators serve, made with the openssl CLI at start (EC
 * P-256, so it takes milliseconds). Real FortiGates ship a self-signed
 * certificate whose CN is the serial number and that names no host; the other
 * kinds let tests prove the CA, expiry and host-name checks.
 */
export type CertificateKind = 'selfSigned' | 'caSigned' | 'expired' | 'wrongHost';

export interface CertificateSet {
	key: string;
	cert: string;
	/** PEM of the CA that signed `cert` (for caSigned / expired), or the cert itself when self-signed. */
	caCertificate: string;
	/** SHA-256 fingerprint, upper-case hex with colons, as FortiOS and openssl print it. */
	fingerprint: string;
}

function openssl(args: string[], cwd: string): void {
	execFileSync('openssl', args, { cwd, stdio: 'pipe' });
}

export function createCertificates(kind: CertificateKind, commonName: string): CertificateSet {
	const dir = mkdtempSync(join(tmpdir(), 'fortinet-emulator-'));
	try {
		const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
		if (kind === 'selfSigned') {
			openssl(['req', '-x509', ...ecKey, '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '3650', '-subj', `/CN=${commonName}/O=Fortinet/OU=FortiGate`], dir);
		} else {
			openssl(['req', '-x509', ...ecKey, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '3650', '-subj', '/CN=Emulator Test CA'], dir);
			openssl(['req', '-new', ...ecKey, '-keyout', 'key.pem', '-out', 'leaf.csr', '-subj', `/CN=${commonName}`], dir);
			const names = kind === 'wrongHost' ? 'DNS:fortigate.example.net' : 'IP:127.0.0.1,DNS:localhost';
			writeFileSync(join(dir, 'ext.cnf'), `subjectAltName=${names}\n`);
			// An expired certificate is issued with its validity already over:
			// `openssl x509 -days` cannot go negative, `openssl ca` can set dates.
			const dates =
				kind === 'expired'
					? ['-startdate', '20200101000000Z', '-enddate', '20210101000000Z']
					: ['-days', '825'];
			if (kind === 'expired') {
				writeFileSync(join(dir, 'index.txt'), '');
				writeFileSync(
					join(dir, 'ca.cnf'),
					['[ca]', 'default_ca=emu', '[emu]', 'database=index.txt', 'new_certs_dir=.', 'serial=serial', 'default_md=sha256', 'policy=any', 'copy_extensions=copy', '[any]', 'commonName=supplied', ''].join('\n'),
				);
				writeFileSync(join(dir, 'serial'), '1000\n');
				openssl(['ca', '-batch', '-config', 'ca.cnf', '-cert', 'ca.pem', '-keyfile', 'ca.key', '-in', 'leaf.csr', '-out', 'cert.pem', '-extfile', 'ext.cnf', ...dates], dir);
			} else {
				openssl(['x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'cert.pem', '-extfile', 'ext.cnf', ...dates], dir);
			}
		}
		const cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
		const key = readFileSync(join(dir, 'key.pem'), 'utf8');
		const caCertificate = kind === 'selfSigned' ? cert : readFileSync(join(dir, 'ca.pem'), 'utf8');
		const der = new X509Certificate(cert).raw;
		const fingerprint = createHash('sha256').update(der).digest('hex').toUpperCase().match(/.{2}/g)!.join(':');
		return { key, cert, caCertificate, fingerprint };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
