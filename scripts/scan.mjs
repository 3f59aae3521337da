// Runs n8n's community-package scanner (analyzePackage from
// @n8n/scan-community-package) on the packed tarball, as n8n does before
// listing a package. Its rule set cannot be configured, so the findings that
// follow from the package's deliberate design are listed below with their
// reason; any other finding fails the run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { analyzePackage, buildScanConfig } from '@n8n/scan-community-package/scanner/scanner.mjs';

const ACCEPTED = [
	{
		rule: '@n8n/community-nodes/no-runtime-dependencies',
		file: /^package\.json$/,
		why: 'undici and tough-cookie are runtime dependencies (self-hosted n8n only)',
	},
	{
		rule: '@n8n/community-nodes/no-restricted-imports',
		file: /^dist\/nodes\/shared\/(httpClient|tls|proxy|cookies)\.js$/,
		message: /'(undici|tough-cookie|node:tls)'/,
		why: 'nodes/shared uses undici, tough-cookie and the system CA list of node:tls',
	},
	{
		rule: '@n8n/community-nodes/no-restricted-globals',
		file: /^dist\/nodes\/shared\/proxy\.js$/,
		message: /'process'/,
		why: 'HTTPS_PROXY / NO_PROXY are read from process.env, as n8n\'s HTTP nodes do',
	},
];

const work = mkdtempSync(join(tmpdir(), 'n8n-scan-'));
try {
	execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { stdio: ['ignore', 'ignore', 'inherit'] });
	const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
	execFileSync('tar', ['xzf', join(work, tarball), '-C', work]);
	const packageDir = join(work, 'package');

	const verdict = await analyzePackage(packageDir);
	if (verdict.passed) {
		console.log('scanner: passed, 0 findings');
		process.exit(0);
	}

	// Same files and configuration as analyzePackage, with structured results.
	const eslint = new ESLint({ cwd: packageDir, allowInlineConfig: false, overrideConfigFile: true, overrideConfig: await buildScanConfig() });
	const results = await eslint.lintFiles(['**/*.js', '**/*.json']);
	const findings = results.flatMap((result) =>
		result.messages
			.filter((message) => message.severity === 2)
			.map((message) => ({ file: relative(packageDir, result.filePath), rule: message.ruleId, message: message.message, line: message.line })),
	);
	const reasonOf = (finding) =>
		ACCEPTED.find((accepted) => accepted.rule === finding.rule && accepted.file.test(finding.file) && (!accepted.message || accepted.message.test(finding.message)))?.why;
	const unexpected = findings.filter((finding) => !reasonOf(finding));
	for (const finding of findings) {
		const reason = reasonOf(finding);
		console.log(`${reason ? 'accepted' : 'ERROR   '}  ${finding.file}:${finding.line}  ${finding.rule}  ${finding.message}${reason ? `  (${reason})` : ''}`);
	}
	console.log(`scanner: ${findings.length - unexpected.length} accepted findings, ${unexpected.length} errors`);
	process.exit(unexpected.length === 0 ? 0 : 1);
} finally {
	rmSync(work, { recursive: true, force: true });
}
