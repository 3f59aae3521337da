/**
 * Collects every secret an execution handles (passwords, keys, session keys,
 * CSRF tokens, cookie values) and removes them from any text before it leaves
 * the node. One instance per execution; nothing is shared between executions.
 */
export class Redactor {
	private readonly secrets = new Set<string>();

	add(...values: Array<string | undefined | null>): void {
		for (const value of values) {
			// Very short values would redact ordinary words and digits.
			if (typeof value === 'string' && value.length >= 4) {
				this.secrets.add(value);
				const encoded = encodeURIComponent(value);
				if (encoded !== value) this.secrets.add(encoded);
			}
		}
	}

	redact(text: string): string {
		let result = text;
		// Longest first, so that a secret containing another one is removed whole.
		const ordered = [...this.secrets].sort((a, b) => b.length - a.length);
		for (const secret of ordered) {
			result = result.split(secret).join('[redacted]');
		}
		return result;
	}
}
