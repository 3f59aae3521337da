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

describe('parameters', () => {
	test('every field a user fills in has a description', async () => {
		const { FortiGate } = await import('../../nodes/FortiGate/FortiGate.node');
		const { FortiClientEms } = await import('../../nodes/FortiClientEms/FortiClientEms.node');
		const { FortiManager } = await import('../../nodes/FortiManager/FortiManager.node');
		const { FortiGateTrigger } = await import('../../nodes/FortiGateTrigger/FortiGateTrigger.node');
		type Property = { name: string; type?: string; description?: string; options?: unknown[]; values?: Property[] };
		const missing: string[] = [];
		const walk = (node: string, properties: Property[], prefix: string) => {
			for (const property of properties) {
				const container = property.type === 'collection' || property.type === 'fixedCollection' || property.values !== undefined;
				if (!container && !property.description && property.type !== 'notice' && !['resource', 'operation'].includes(property.name)) missing.push(`${node}: ${prefix}${property.name}`);
				const children = [...(property.values ?? []), ...((property.options ?? []) as Property[]).filter((option) => typeof option === 'object' && option !== null && 'displayName' in option)];
				walk(node, children, `${prefix}${property.name}.`);
			}
		};
		for (const node of [new FortiGate(), new FortiClientEms(), new FortiManager(), new FortiGateTrigger()]) walk(node.description.name, node.description.properties as Property[], '');
		expect(missing).toEqual([]);
	});
});
