import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const CREDENTIALS = join(__dirname, '..', '..', 'credentials');

/** Every TypeScript file under a folder, recursively. */
function sources(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? sources(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : [],
	);
}

describe('package layout', () => {
	test('credential files import nothing from the nodes (n8n loads credentials on their own)', () => {
		const offenders = sources(CREDENTIALS).filter((file) => /from '(\.\.\/)+nodes\//.test(readFileSync(file, 'utf8')));
		expect(offenders).toEqual([]);
		expect(sources(CREDENTIALS).length).toBeGreaterThan(5);
	});
});
