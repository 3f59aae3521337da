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

type Option = { name?: string; displayName?: string; value?: unknown };
type Field = { name: string; displayName: string; type?: string; options?: Option[]; values?: Field[]; displayOptions?: { show?: Record<string, unknown[]> } };

async function nodesWithTables() {
	const { FortiGate } = await import('../../nodes/FortiGate/FortiGate.node');
	const { FortiClientEms } = await import('../../nodes/FortiClientEms/FortiClientEms.node');
	const { FortiManager } = await import('../../nodes/FortiManager/FortiManager.node');
	const fortiGate = await import('../../nodes/FortiGate/actions/router');
	const ems = await import('../../nodes/FortiClientEms/actions/router');
	const fortiManager = await import('../../nodes/FortiManager/actions/router');
	return [
		{ node: new FortiGate(), operations: fortiGate.operations as Record<string, Record<string, unknown>> },
		{ node: new FortiClientEms(), operations: ems.operations as Record<string, Record<string, unknown>> },
		{ node: new FortiManager(), operations: fortiManager.operations as Record<string, Record<string, unknown>> },
	];
}

/** Every field of a node, collections' and fixed collections' children included. */
function allFields(fields: Field[]): Field[] {
	return fields.flatMap((field) => [field, ...allFields([...(field.values ?? []), ...((field.options ?? []) as Field[]).filter((option) => 'displayName' in option)])]);
}

describe('structure', () => {
	test('the editor offers exactly the resources and operations the router has a module for', async () => {
		for (const { node, operations } of await nodesWithTables()) {
			const properties = node.description.properties as Field[];
			const resources = properties.find((property) => property.name === 'resource')!.options!.map((option) => option.value);
			expect(resources.sort()).toEqual(Object.keys(operations).sort());
			for (const resource of resources as string[]) {
				const operation = properties.find((property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource));
				expect({ resource, operations: operation!.options!.map((option) => option.value).sort() }).toEqual({ resource, operations: Object.keys(operations[resource]).sort() });
			}
		}
	});

	test('every operation field shows for one resource and its operations only', async () => {
		for (const { node, operations } of await nodesWithTables()) {
			for (const property of node.description.properties as Field[]) {
				const show = property.displayOptions?.show;
				if (!show?.operation) continue;
				const [resource] = show.resource as string[];
				expect({ field: property.name, resources: show.resource!.length }).toEqual({ field: property.name, resources: 1 });
				for (const operation of show.operation as string[]) expect(operations[resource]).toHaveProperty(operation);
			}
		}
	});

	test('a field keeps its own display conditions beside its operation\'s', async () => {
		const { updateDisplayOptions } = await import('../../nodes/shared/displayOptions');
		const [limit, body] = updateDisplayOptions({ show: { resource: ['custom'], operation: ['apiRequest'] }, hide: { '/authentication': ['fortiManager'] } }, [
			{ displayName: 'Limit', name: 'limit', type: 'number', default: 50, displayOptions: { show: { returnAll: [false] } } },
			{ displayName: 'Body', name: 'body', type: 'json', default: '{}', displayOptions: { hide: { method: ['GET'] } } },
		]);
		expect(limit.displayOptions).toEqual({ show: { resource: ['custom'], operation: ['apiRequest'], returnAll: [false] }, hide: { '/authentication': ['fortiManager'] } });
		expect(body.displayOptions).toEqual({ show: { resource: ['custom'], operation: ['apiRequest'] }, hide: { '/authentication': ['fortiManager'], method: ['GET'] } });
	});

	test('collections list their fields in alphabetical order, and long option lists are sorted by name', async () => {
		const { FortiGateTrigger } = await import('../../nodes/FortiGateTrigger/FortiGateTrigger.node');
		const unsorted: string[] = [];
		const sorted = (names: string[]) => names.every((name, index) => index === 0 || names[index - 1].localeCompare(name) <= 0);
		const nodes = [...(await nodesWithTables()).map(({ node }) => node), new FortiGateTrigger()];
		for (const node of nodes) {
			for (const field of allFields(node.description.properties as Field[])) {
				if (field.type === 'collection' && !sorted(field.options!.map((option) => option.displayName!))) unsorted.push(`${node.description.name}: ${field.name}`);
				if (field.type === 'options' && (field.options ?? []).length > 5 && !sorted(field.options!.map((option) => option.name!))) unsorted.push(`${node.description.name}: ${field.name}`);
			}
		}
		expect(unsorted).toEqual([]);
	});
});
