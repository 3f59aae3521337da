/** Median of several runs after one warm-up run. */
export async function median(runs: number, measure: () => Promise<number>): Promise<{ median: number; values: number[] }> {
	await measure();
	const values: number[] = [];
	for (let run = 0; run < runs; run++) values.push(await measure());
	const sorted = [...values].sort((a, b) => a - b);
	return { median: sorted[Math.floor(sorted.length / 2)], values };
}

export async function timed(action: () => Promise<unknown>): Promise<number> {
	const started = process.hrtime.bigint();
	await action();
	return Number(process.hrtime.bigint() - started) / 1e6;
}
