import { sleep } from 'n8n-workflow';

/**
 * Runs an idempotent action, and once more after a short pause if it fails.
 * Used for logouts: a transient 500 must not leave an admin session open
 * until the device's idle timeout.
 */
export async function retryOnce<T>(action: () => Promise<T>, pauseMs = 300): Promise<T> {
	try {
		return await action();
	} catch {
		await sleep(pauseMs);
		return await action();
	}
}
