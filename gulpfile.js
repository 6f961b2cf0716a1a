const { src, dest } = require('gulp');

// tsc emits only JavaScript; n8n also needs the icons and codex files next to it.
// `encoding: false` keeps binary icons (PNG) intact under gulp 5.
function buildIcons() {
	return src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}', 'nodes/**/*.node.json'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:icons'] = buildIcons;
