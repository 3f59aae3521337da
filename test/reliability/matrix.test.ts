import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmsEmulator } from '../emulator/ems/EmsEmulator';
import { FortiGateEmulator } from '../emulator/fortigate/FortiGateEmulator';
import { catchNodeError, expectNoSecrets } from '../harness/expectations';
import { MATRIX, matrixRows, type Devices } from './matrix';

let devices: Devices | undefined;

afterEach(async () => {
	await devices?.fortiGate.stop();
	await devices?.ems?.stop();
	devices = undefined;
});

test(`the matrix has at least 30 cases (${MATRIX.length})`, () => {
	expect(MATRIX.length).toBeGreaterThanOrEqual(30);
});

test.each(MATRIX.map((entry) => [`${entry.area}: ${entry.title}`, entry] as const))('%s', async (_title, entry) => {
	const fortiGate = new FortiGateEmulator({ profile: '7.2', ...entry.fortiGate });
	await fortiGate.start();
	devices = { fortiGate };
	if (entry.ems) {
		devices.ems = new EmsEmulator(entry.ems);
		await devices.ems.start();
	}
	if (entry.succeeds) {
		expect(entry.succeeds(await entry.run(devices))).toBe(true);
		return;
	}
	const error = await catchNodeError(entry.run(devices));
	const port = /:(\d+)$/.exec(error.message)?.[1] ?? '';
	expect(error.message).toBe(entry.message.replace('<port>', port));
	expect(error.description.length).toBeGreaterThan(20);
	expectNoSecrets(`${error.message} ${error.description} ${error.serialized}`, [
		...fortiGate.apiUsers.map((user) => user.key),
		...fortiGate.admins.map((admin) => admin.password),
		...fortiGate.issuedSecrets(),
		...(devices.ems?.issuedSecrets() ?? []),
		'abcd1234',
		'not-the-password',
		'wrong-wrong-wrong-wrong',
	]);
});

test('docs/RELIABILITY.md shows every case with its current message', () => {
	const document = readFileSync(join(__dirname, '..', '..', 'docs', 'RELIABILITY.md'), 'utf8');
	for (const row of matrixRows()) expect(document).toContain(row);
});
