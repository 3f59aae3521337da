const { src, dest, parallel } = require('gulp');

// n8n loads node icons and codex files from beside the compiled node, so they
// are copied into dist/ with the same folder structure as the sources.
function copyNodeAssets() {
	return src(['nodes/**/*.svg', 'nodes/**/*.node.json'], { base: '.' }).pipe(dest('dist'));
}

function copyCredentialAssets() {
	return src(['credentials/**/*.svg'], { base: '.', allowEmpty: true }).pipe(dest('dist'));
}

exports['build:icons'] = parallel(copyNodeAssets, copyCredentialAssets);
