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

/** Medians of several measurements taken in turn, run after run, after one warm-up round. */
export async function interleavedMedians(runs: number, measures: Array<() => Promise<number>>): Promise<number[]> {
	for (const measure of measures) await measure();
	const values = measures.map(() => [] as number[]);
	for (let run = 0; run < runs; run++) {
		for (const [index, measure] of measures.entries()) values[index].push(await measure());
	}
	return values.map((list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]);
}
