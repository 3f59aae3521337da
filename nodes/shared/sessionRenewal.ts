/**
 * What the FortiGate and EMS sessions share when the device ends a session
 * in the middle of an execution (idle timeout, a reboot, another admin): the
 * request is answered "not logged in", the session logs in again once and
 * the request is sent again. Items running in parallel share one new login,
 * and a request sent before another item renewed the session just uses the
 * new one. The number of new logins per execution is bounded, so that a
 * device that keeps ending sessions cannot make the node log in forever.
 */
export class SessionRenewal {
	/** Counts renewals; a request remembers the value it was sent with. */
	private generation = 0;
	private renewals = 0;
	private pending?: Promise<void>;

	constructor(
		private readonly maxRenewals: number,
		private readonly logIn: () => Promise<void>,
	) {}

	/**
	 * Runs `send`; when `expired` says the device refused it for a lost
	 * session, renews the session once and runs `send` again. Returns the
	 * last outcome: the caller explains one that is still refused.
	 */
	async run<T>(send: () => Promise<T>, expired: (outcome: T) => boolean): Promise<T> {
		const sentWith = this.generation;
		const outcome = await send();
		if (!expired(outcome) || !this.canRenew(sentWith)) return outcome;
		await this.renew(sentWith);
		return await send();
	}

	/** Logs in again now (after a reboot ended the session), shared with parallel callers. */
	async renewNow(): Promise<void> {
		await this.renew(this.generation, false);
	}

	private canRenew(sentWith: number): boolean {
		// Another item renewed since this request left: sending again is free.
		return this.generation !== sentWith || this.pending !== undefined || this.renewals < this.maxRenewals;
	}

	private async renew(sentWith: number, counted = true): Promise<void> {
		if (this.generation !== sentWith) return;
		this.pending ??= (async () => {
			if (counted) this.renewals++;
			await this.logIn();
			this.generation++;
		})().finally(() => {
			this.pending = undefined;
		});
		await this.pending;
	}
}
