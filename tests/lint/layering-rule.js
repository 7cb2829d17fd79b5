// ESLint rule in the spirit of VS Code's code-layering: the folder a file lives in says which
// runtime and which layer it belongs to, and that decides what it may import. Closed world: a file
// under src-main that no layer covers is itself an error, so a new folder needs a rule first.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve, relative, sep } from 'node:path';

const NODE_BUILTINS = /^(node:|fs$|fs\/|path$|os$|child_process$|crypto$|http$|https$|net$|url$|util$|stream$|worker_threads$|zlib$|events$|buffer$)/;
const NATIVE = /^(better-sqlite3|serialport|@serialport\/|node-hid|sharp|tesseract\.js|pkcs11js|ws)(\/|$)/;

/** The folders of src-main, each one layer; `features/<name>/` and the two root files are matched below. */
const MAIN_LAYERS = {
  contract: 'contract',
  domain: 'domain',
  devices: 'devices',
  store: 'store',
  documents: 'documents',
  kernel: 'kernel',
  rpc: 'kernel',
  platform: 'kernel',
  'reference-server': 'reference-server',
  electron: 'electron',
  web: 'web',
  cli: 'cli',
  launch: 'launch',
};
const ROOT_FILES = new Set(['core.ts', 'feature-list.ts']);

/** Which layer a path belongs to ({ layer, feature }), or layer 'uncovered' for a src-main file no rule covers. */
export function placeOf(file, root) {
  const rel = relative(root, file).split(sep).join('/');
  const parts = rel.split('/');
  if (parts[0] === 'src-main') {
    if (parts.length === 2 && ROOT_FILES.has(parts[1])) return { layer: 'root' };
    if (parts[1] === 'features' && parts.length >= 4) return { layer: 'feature', feature: parts[2] };
    const layer = parts.length >= 3 ? MAIN_LAYERS[parts[1]] : undefined;
    return { layer: layer ?? 'uncovered' };
  }
  if (parts[0] === 'src-renderer') {
    if (parts[1] === 'features' && parts.length >= 4) return { layer: 'renderer', feature: parts[2] };
    return { layer: 'renderer' };
  }
  return { layer: 'other' };
}

/** Kept for callers that only need the layer name. */
export function layerOf(file, root) {
  return placeOf(file, root).layer;
}

const SHELLS = new Set(['electron', 'web', 'cli', 'launch']);
/** The shared layers below the features: they never reach up into a feature or the composition root. */
const KERNEL = new Set(['contract', 'domain', 'devices', 'store', 'documents', 'kernel']);

/** Returns the reason an import is forbidden, or undefined when it is allowed. `from`/`target` are places. */
export function violation(from, spec, target) {
  const fromLayer = from.layer;
  const pure = fromLayer === 'contract' || fromLayer === 'domain';
  if (spec === 'electron' || spec.startsWith('electron/')) {
    if (fromLayer !== 'electron') return "only src-main/electron/ may import 'electron'";
    return undefined;
  }
  if (pure || fromLayer === 'renderer') {
    if (NODE_BUILTINS.test(spec) || NATIVE.test(spec)) return `${fromLayer} code may not import Node or native module '${spec}'`;
  }
  if (pure && (spec === 'react' || spec.startsWith('react/') || spec === 'react-dom' || spec.startsWith('react-dom/'))) {
    return `${fromLayer} code may not import the DOM/React`;
  }
  if (!target) return undefined;
  const to = target.layer;
  if (fromLayer === 'contract' && to !== 'contract') return 'contract/ may import only contract/';
  if (fromLayer === 'domain' && to !== 'domain' && to !== 'contract') return 'domain/ may import only domain/ and contract/';
  if (fromLayer === 'renderer') {
    if (to !== 'renderer' && to !== 'contract' && to !== 'domain') return 'the renderer may import only contract/ and domain/ from src-main';
    if (from.feature && target.feature && from.feature !== target.feature) {
      return `renderer feature ${from.feature} never imports renderer feature ${target.feature} (shared pieces go to src-renderer/ui/, pages compose in src-renderer/app/)`;
    }
    return undefined;
  }
  if (fromLayer === 'devices' && to === 'store') return 'a device driver never imports the store';
  if (KERNEL.has(fromLayer) && (to === 'feature' || to === 'root')) return `${fromLayer} is kernel: it never imports a feature or the feature list`;
  if (fromLayer === 'feature' && to === 'feature' && from.feature !== target.feature) {
    return `feature ${from.feature} never imports feature ${target.feature}: call its methods through kernel.call or listen on kernel.bus`;
  }
  if (fromLayer === 'feature' && to === 'root') return 'a feature never imports the composition root';
  if (fromLayer === 'reference-server' && to !== 'reference-server' && to !== 'contract' && to !== 'domain') {
    return 'the reference server is its own program: it shares only contract/ and domain/ with the app';
  }
  if (!SHELLS.has(fromLayer) && fromLayer !== 'other' && SHELLS.has(to)) return 'a service never imports a shell';
  return undefined;
}

// The import graph read from disk (relative specifiers, `import type` included), for the cycle check.
const SPEC = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\bexport\s*\*\s*from\s*)['"](\.\.?\/[^'"]+)['"]/g;
const edges = new Map();
function importsOnDisk(file) {
  let out = edges.get(file);
  if (!out) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      /* a file that does not exist has no imports */
    }
    out = [...text.matchAll(SPEC)].map((m) => resolve(dirname(file), m[1])).filter((t) => /\.(ts|tsx|js|mjs)$/.test(t) && existsSync(t));
    edges.set(file, out);
  }
  return out;
}

/** A path of imports from `start` back to `file` ([start, …, file]), or undefined. */
export function cycleThrough(file, start) {
  const seen = new Set();
  const walk = (at, path) => {
    if (at === file) return path;
    if (seen.has(at)) return undefined;
    seen.add(at);
    for (const next of importsOnDisk(at)) {
      const found = walk(next, [...path, next]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(start, [start]);
}

export const layeringRule = {
  meta: { type: 'problem', schema: [], messages: { bad: 'Bad layering: {{why}}' } },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const from = placeOf(file, root);
    const rel = (p) => relative(root, p).split(sep).join('/');
    const check = (node, spec) => {
      if (typeof spec !== 'string') return;
      const targetFile = spec.startsWith('.') ? resolve(dirname(file), spec) : undefined;
      const why = violation(from, spec, targetFile ? placeOf(targetFile, root) : undefined);
      if (why) context.report({ node, messageId: 'bad', data: { why } });
      if (targetFile && /^(src-main|src-renderer)\//.test(rel(file)) && existsSync(targetFile)) {
        const cycle = cycleThrough(file, targetFile);
        if (cycle) context.report({ node, messageId: 'bad', data: { why: `import cycle (type-only imports count): ${[file, ...cycle].map(rel).join(' → ')}` } });
      }
    };
    return {
      Program: (node) => {
        if (from.layer === 'uncovered') context.report({ node, messageId: 'bad', data: { why: `no layer covers ${rel(file)}: put it in a kernel folder or under src-main/features/<name>/, or give its folder a rule here` } });
      },
      ImportDeclaration: (n) => check(n, n.source.value),
      ExportAllDeclaration: (n) => check(n, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source.value),
    };
  },
};
