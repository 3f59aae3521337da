// `npm run check:package`: packs the package exactly as `npm pack` does
// (prepack builds dist/ from a clean dist folder) and checks the tarball a
// user would install: every node and credential the "n8n" attribute lists,
// each node's codex file and icons beside it, the documents, and nothing of
// the development tree (tests, emulators, fixtures, sources, source maps).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'n8n-fortinet-pack-'));
const problems = [];
try {
	const output = execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
	// prepack's build prints to the same stdout; npm's JSON report comes last.
	const [packed] = JSON.parse(output.slice(output.lastIndexOf('\n[\n') + 1));
	const files = new Set(packed.files.map((file) => file.path));
	const tarball = join(work, packed.filename);
	const read = (path) => execFileSync('tar', ['xzOf', tarball, `package/${path}`], { encoding: 'utf8' });

	for (const document of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md']) {
		if (!files.has(document)) problems.push(`${document} is missing`);
	}
	for (const path of [...manifest.n8n.credentials, ...manifest.n8n.nodes]) {
		if (!files.has(path)) problems.push(`${path}, listed in the "n8n" attribute, is missing`);
	}
	for (const node of manifest.n8n.nodes) {
		if (!files.has(node)) continue;
		const folder = posix.dirname(node);
		const codex = node.replace(/\.js$/, '.json');
		if (!files.has(codex)) problems.push(`${codex}, the codex file of ${node}, is missing`);
		// Icons are referenced as "file:<name>.svg" in the node's description.
		for (const [, icon] of read(node).matchAll(/["'`]file:([^"'`]+\.svg)["'`]/g)) {
			if (!files.has(posix.join(folder, icon))) problems.push(`${posix.join(folder, icon)}, an icon of ${node}, is missing`);
		}
	}
	for (const file of files) {
		if (/^(test|scripts|examples|docs|\.cache|\.ci)\//.test(file) || /(^|\/)(emulator|fixtures|harness)\//.test(file)) problems.push(`${file} belongs to the development tree`);
		if (/\.ts$/.test(file) && !/\.d\.ts$/.test(file)) problems.push(`${file} is a TypeScript source`);
		if (/\.map$/.test(file)) problems.push(`${file} is a source map whose sources are not shipped`);
	}
	console.log(`package: ${packed.filename}, ${files.size} files, ${Math.round(packed.size / 1024)} kB packed`);
} finally {
	rmSync(work, { recursive: true, force: true });
}
for (const problem of problems) console.log(`ERROR  ${problem}`);
console.log(problems.length === 0 ? 'package: complete' : `package: ${problems.length} problems`);
process.exit(problems.length === 0 ? 0 : 1);
