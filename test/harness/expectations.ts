import type { FortiGateEmulator } from '../emulator/fortigate/FortiGateEmulator';
import type { RunNodeResult } from './runNode';

/**
 * Every login was followed by a logout, or ended by the device itself (a
 * reboot, or admintimeout before the node replaced it), and the device holds
 * no session of ours.
 */
export function expectNoSessionLeft(emulator: FortiGateEmulator): void {
	const { logins, logouts, sessionsDroppedByReboot, sessionsExpired } = emulator.counters;
	expect(emulator.openSessions).toBe(0);
	expect(logouts + sessionsDroppedByReboot + sessionsExpired).toBe(logins);
}

export interface CaughtError {
	message: string;
	description: string;
	httpCode?: string | null;
	/** Everything n8n would store or show of the error. */
	serialized: string;
}

export async function catchNodeError(run: Promise<RunNodeResult>): Promise<CaughtError> {
	try {
		await run;
	} catch (error) {
		const e = error as { message: string; description?: string; httpCode?: string | null; stack?: string };
		return {
			message: e.message,
			description: e.description ?? '',
			httpCode: e.httpCode,
			serialized: JSON.stringify({ ...e, message: e.message, description: e.description, stack: e.stack }),
		};
	}
	throw new Error('the node succeeded, but a failure was expected');
}

/** Asserts that none of the secrets occurs in the text. */
export function expectNoSecrets(text: string, secrets: string[]): void {
	for (const secret of secrets.filter((value) => value && value.length >= 4)) {
		expect(text.includes(secret) ? `leaked: ${secret.slice(0, 3)}…` : 'clean').toBe('clean');
	}
}
