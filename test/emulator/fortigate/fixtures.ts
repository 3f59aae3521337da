import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURE_DIR = join(__dirname, '..', '..', 'fixtures', 'fortios');

/** Reads a recorded reply; the exporter's .jsonnet files are JSON with `#` comment lines. */
export function loadFortiOsFixture<T = unknown>(file: string): T {
	const text = readFileSync(join(FIXTURE_DIR, file), 'utf8');
	const json = text
		.split('\n')
		.filter((line) => !line.trim().startsWith('#'))
		.join('\n')
		// Jsonnet also allows single-quoted strings (one occurs, a date format).
		.replace(/:\s*'((?:[^'\\]|\\.)*)'/g, (_match, inner: string) => `: ${JSON.stringify(inner.replace(/\\(.)/g, '$1'))}`);
	return JSON.parse(json) as T;
}

export interface Envelope {
	http_method: string;
	results: unknown;
	vdom: string;
	path: string;
	name: string;
	action?: string;
	status: string;
	serial: string;
	version: string;
	build: number;
}

/** `results` of a per-VDOM array fixture, keyed by VDOM name. */
export function resultsByVdom(file: string): Record<string, unknown[]> {
	const envelopes = loadFortiOsFixture<Envelope[]>(file);
	return Object.fromEntries(envelopes.map((envelope) => [envelope.vdom, envelope.results as unknown[]]));
}
