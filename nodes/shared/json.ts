/** Parses JSON, or returns undefined for text that is not JSON (callers explain why). */
export function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}
