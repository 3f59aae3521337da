import { formatReport, runSoak } from '../test/reliability/soak';

/**
 * `npm run soak [-- --executions 500 --seed 42]`: the fault-injection run.
 * Prints the table; exits non-zero when an unhandled exception, an open
 * session, a leaked secret or a twice-sent reboot is found.
 */
async function main(): Promise<void> {
	const option = (name: string, fallback: number) => {
		const index = process.argv.indexOf(`--${name}`);
		return index >= 0 ? Number(process.argv[index + 1]) : fallback;
	};
	const seed = option('seed', Math.floor(Math.random() * 2 ** 31));
	const executions = option('executions', 500);
	console.log(`Soak run: ${executions} executions, seed ${seed} (repeat with --seed ${seed})`);
	const started = Date.now();
	const report = await runSoak({ executions, seed, log: true });
	console.log(formatReport(report));
	console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
	for (const line of report.unhandled) console.log(`unhandled: ${line}`);
	const clean = report.unhandledExceptions === 0 && report.sessionsLeftOpen === 0 && report.secretOccurrences === 0 && report.rebootsSentTwice === 0;
	process.exit(clean ? 0 : 1);
}

void main();
