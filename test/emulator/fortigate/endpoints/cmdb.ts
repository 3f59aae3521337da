import { createHash } from 'node:crypto';
import { DeviceError, WithFields } from './types';

export type Row = Record<string, unknown>;

/**
 * The table revision every CMDB envelope carries (fortios-rest-api.md
 * section 5: CMDB adds `revision`), changed by each write.
 */
export class Revision {
	private count = 1;

	text(offset = 0): string {
		return createHash('md5').update(String(this.count + offset)).digest('hex');
	}

	/** The envelope fields of a successful write: `mkey` and the revisions. */
	written(mkey: string | number): WithFields {
		this.count++;
		return new WithFields(undefined, { mkey, revision: this.text(), revision_changed: true, old_revision: this.text(-1) });
	}
}

/**
 * A CMDB GET (section 5: `filter`, `start`, `count`, `format`): of the table,
 * or of one entry, which FortiOS answers as a one-element list (404 / -3 when
 * missing). `format=a|b` returns only those fields and `q_origin_key`.
 */
export function selectRows(rows: Row[], one: Row | undefined | 'table', params: URLSearchParams, revision: Revision): WithFields {
	let selected: Row[];
	if (one !== 'table') {
		if (!one) throw new DeviceError(404, -3);
		selected = [one];
	} else {
		selected = rows.filter((row) => matchesFilter(row, params.get('filter')));
		const start = Number(params.get('start') ?? 0);
		const count = params.has('count') ? Number(params.get('count')) : selected.length;
		selected = selected.slice(start, start + count);
	}
	const fields = params.get('format')?.split('|').filter(Boolean);
	const shaped = fields?.length
		? selected.map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => fields.includes(key) || key === 'q_origin_key')))
		: selected;
	return new WithFields(structuredClone(shaped), { revision: revision.text(), matched_count: shaped.length });
}

/** The CMDB filter syntax clients use: `field==value` (equal) and `field=@value` (contains). */
function matchesFilter(row: Row, filter: string | null): boolean {
	if (!filter) return true;
	const match = /^([\w-]+)(==|=@)(.*)$/.exec(filter);
	if (!match) return true;
	const value = String(row[match[1]] ?? '');
	return match[2] === '==' ? value === match[3] : value.includes(match[3]);
}

/** The CLI's words for a reference to an object that does not exist, as `cli_error` carries them. */
export function missingReference(name: string): DeviceError {
	return new DeviceError(500, -3, `entry not found in datasource\n\nvalue parse error before '${name}'\nCommand fail. Return code -3`);
}

/** Names of a list field's `{ name }` entries. */
export function names(value: unknown): string[] {
	return Array.isArray(value) ? value.map((entry) => String((entry as { name?: unknown }).name ?? '')) : [];
}
