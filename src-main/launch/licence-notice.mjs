// The third-party licence notice: every package the installed app ships (production dependencies,
// recursively, plus what the renderer bundles from devDependencies) and the embedded fonts, with
// each licence's own text. Generated at build time (electron.vite.config.ts) for Settings → About.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Bundled into the renderer although they are devDependencies (the build inlines them). */
const RENDERER_BUNDLED = ['react', 'react-dom', 'scheduler'];
const LICENCE_FILE = /^(licen[cs]e|copying|notice)(\.(md|txt|markdown))?$/i;

function findPackageDir(name, fromDir, root) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === root || dirname(dir) === dir) return undefined;
  }
}

/** [{ name, version, license, text }] sorted by name; each package once. */
export function collectLicences(root) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const seen = new Map();
  const visit = (name, fromDir) => {
    const dir = findPackageDir(name, fromDir, root);
    if (!dir || seen.has(dir)) return;
    const p = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const file = readdirSync(dir).find((f) => LICENCE_FILE.test(f));
    const license = typeof p.license === 'string' ? p.license : (p.license?.type ?? (Array.isArray(p.licenses) ? p.licenses.map((l) => l.type).join(' OR ') : 'see text'));
    seen.set(dir, { name: p.name ?? name, version: p.version ?? '', license, text: file ? readFileSync(join(dir, file), 'utf8').trim() : '' });
    for (const dep of Object.keys({ ...p.dependencies, ...p.optionalDependencies })) visit(dep, dir);
  };
  for (const dep of [...Object.keys(pkg.dependencies ?? {}), ...RENDERER_BUNDLED]) visit(dep, root);
  const unique = new Map();
  for (const l of seen.values()) unique.set(`${l.name}@${l.version}`, l);
  return [...unique.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Fonts embedded in printed forms, tickets and stamps, with their licence texts. */
function fontNotices(root) {
  const dir = join(root, 'src-main', 'documents', 'fonts');
  const liberation = join(dir, 'LiberationSerif-LICENSE.txt');
  return [
    { name: 'Liberation Serif (font)', version: '2.1.5', license: 'OFL-1.1', text: existsSync(liberation) ? readFileSync(liberation, 'utf8').trim() : '' },
    { name: 'Noto Sans (font)', version: '', license: 'OFL-1.1', text: 'Copyright 2022 The Noto Project Authors (https://github.com/notofonts/latin-greek-cyrillic). Licensed under the SIL Open Font License, Version 1.1 (https://openfontlicense.org).' },
  ];
}

export function licenceNotice(root) {
  const all = [...collectLicences(root), ...fontNotices(root)];
  const head = [
    'Quầy Một cửa — giấy phép của phần mềm bên thứ ba / third-party software licences',
    `${all.length} thành phần / components`,
    '',
    ...all.map((l) => `  ${l.name} ${l.version} — ${l.license}`),
    '',
  ];
  const bodies = all.map((l) => `=== ${l.name} ${l.version} (${l.license}) ===\n${l.text || '(không kèm văn bản giấy phép / no licence text shipped; see the package)'}\n`);
  return [...head, ...bodies].join('\n');
}
