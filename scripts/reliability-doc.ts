import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reliabilityDocument } from '../test/reliability/matrix';
import { formatReport, runSoak } from '../test/reliability/soak';

/** `npm run docs:reliability`: runs the 500-execution soak and writes docs/RELIABILITY.md. */
async function main(): Promise<void> {
	const seed = 424242;
	const report = await runSoak({ executions: 500, seed, log: true });
	writeFileSync(join(__dirname, '..', 'docs', 'RELIABILITY.md'), reliabilityDocument(formatReport(report)));
	console.log(formatReport(report));
}

void main();
