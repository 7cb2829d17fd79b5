// ESLint rule in the spirit of VS Code's code-layering: the folder a file lives in says which
// runtime it runs in, and that decides what it may import.
import { dirname, resolve, relative, sep } from 'node:path';

const NODE_BUILTINS = /^(node:|fs$|fs\/|path$|os$|child_process$|crypto$|http$|https$|net$|url$|util$|stream$|worker_threads$|zlib$|events$|buffer$)/;
const NATIVE = /^(better-sqlite3|serialport|@serialport\/|node-hid|sharp|tesseract\.js|pkcs11js|ws)(\/|$)/;

/** Which layer a path belongs to, from the folders it sits in. */
export function layerOf(file, root) {
  const rel = relative(root, file).split(sep).join('/');
  if (rel.startsWith('src-main/contract/')) return 'contract';
  if (rel.startsWith('src-main/domain/')) return 'domain';
  if (rel.startsWith('src-main/electron/')) return 'electron';
  if (rel.startsWith('src-main/devices/')) return 'devices';
  if (rel.startsWith('src-main/store/')) return 'store';
  if (rel.startsWith('src-main/web/')) return 'web';
  if (rel.startsWith('src-main/cli/')) return 'cli';
  if (rel.startsWith('src-main/')) return 'service';
  if (rel.startsWith('src-renderer/')) return 'renderer';
  return 'other';
}

const SHELLS = new Set(['electron', 'web', 'cli']);

/** Returns the reason an import is forbidden, or undefined when it is allowed. */
export function violation(fromLayer, spec, targetLayer) {
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
  if (!targetLayer) return undefined;
  if (fromLayer === 'contract' && targetLayer !== 'contract') return 'contract/ may import only contract/';
  if (fromLayer === 'domain' && targetLayer !== 'domain' && targetLayer !== 'contract') return 'domain/ may import only domain/ and contract/';
  if (fromLayer === 'renderer' && targetLayer !== 'renderer' && targetLayer !== 'contract' && targetLayer !== 'domain') {
    return 'the renderer may import only contract/ and domain/ from src-main';
  }
  if (fromLayer === 'devices' && targetLayer === 'store') return 'a device driver never imports the store';
  if (!SHELLS.has(fromLayer) && fromLayer !== 'other' && SHELLS.has(targetLayer)) return 'a service never imports a shell';
  return undefined;
}

export const layeringRule = {
  meta: { type: 'problem', schema: [], messages: { bad: 'Bad layering: {{why}}' } },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const fromLayer = layerOf(file, root);
    const check = (node, spec) => {
      if (typeof spec !== 'string') return;
      const target = spec.startsWith('.') ? layerOf(resolve(dirname(file), spec), root) : undefined;
      const why = violation(fromLayer, spec, target);
      if (why) context.report({ node, messageId: 'bad', data: { why } });
    };
    return {
      ImportDeclaration: (n) => check(n, n.source.value),
      ExportAllDeclaration: (n) => check(n, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source.value),
    };
  },
};
