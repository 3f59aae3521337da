import { formatReport, runSoak } from './soak';

/**
 * The short form of `npm run soak` (500 executions): 100 executions with a
 * fixed seed, the same table, and the zeros that must hold.
 */
jest.setTimeout(180_000);

test('100 executions under injected faults: no unhandled exception, no open session, no secret, no double reboot, no reboot reported that was not sent', async () => {
	const report = await runSoak({ executions: 100, seed: 20261127 });
	console.log(`Soak (short form)\n${formatReport(report)}`);
	expect(report.unhandled).toEqual([]);
	expect(report.unhandledExceptions).toBe(0);
	expect(report.sessionsLeftOpen).toBe(0);
	expect(report.secretOccurrences).toBe(0);
	expect(report.rebootsSentTwice).toBe(0);
	expect(report.powerActionsReportedNotSent).toBe(0);
	expect(report.executions).toBe(100);
	expect(Object.values(report.faults).reduce((sum, count) => sum + count, 0)).toBeGreaterThan(50);
	expect(report.successes + report.cleanErrors).toBe(100);
});

test('the same seed reproduces the same run', async () => {
	const first = await runSoak({ executions: 40, seed: 7 });
	const second = await runSoak({ executions: 40, seed: 7 });
	expect(second).toEqual(first);
});
