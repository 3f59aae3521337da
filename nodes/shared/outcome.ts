/** A settled request: its value, or the error it failed with. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Waits for a request and returns its outcome instead of throwing, so that an
 * operation can decide on a device's refusal (a name already taken, an object
 * still in use) in plain code; whatever it does not handle it throws on, and
 * the router turns that into an n8n error like any other.
 */
export async function outcomeOf<T>(promise: Promise<T>): Promise<Outcome<T>> {
	try {
		return { ok: true, value: await promise };
	} catch (error) {
		return { ok: false, error };
	}
}
