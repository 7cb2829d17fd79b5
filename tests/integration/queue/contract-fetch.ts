import { OpenApiValidator } from '../../../src-main/reference-server/openapi-validator.ts';
import { BASE_PATH } from '../../../src-main/reference-server/server.ts';

/**
 * A fetch that checks every exchange against openapi.yaml: JSON request bodies of the dossier upsert,
 * and every JSON response against the schema the contract gives for that status. Violations are
 * collected, so a test can assert there were none.
 */
export function contractCheckedFetch(validator = new OpenApiValidator()): { fetch: typeof fetch; violations: string[]; exchanges: number } {
  const out = { violations: [] as string[], exchanges: 0, fetch: undefined as unknown as typeof fetch };
  out.fetch = async (input, init) => {
    const url = new URL(String(input));
    const path = url.pathname.slice(url.pathname.indexOf(BASE_PATH) + BASE_PATH.length);
    const method = (init?.method ?? 'GET').toUpperCase();
    const where = `${method} ${path}`;
    if (!validator.operation(method, path)) out.violations.push(`${where}: not in the contract`);
    if (method === 'POST' && path === '/dossiers') {
      for (const p of validator.check('HoSo', JSON.parse(String(init?.body)))) out.violations.push(`${where} request ${p}`);
    }
    if (method === 'POST' && /^\/dossiers\/[^/]+\/status$/.test(path)) {
      for (const p of validator.check('CapNhatTrangThai', JSON.parse(String(init?.body)))) out.violations.push(`${where} request ${p}`);
    }
    const res = await fetch(input, init);
    out.exchanges++;
    const pointer = validator.responsePointer(method, path, res.status);
    if (pointer === undefined) out.violations.push(`${where}: status ${res.status} not in the contract`);
    else if (pointer !== '') {
      const body = (await res.clone().json()) as unknown;
      for (const p of validator.checkPointer(pointer, body)) out.violations.push(`${where} ${res.status} response ${p}`);
    }
    return res;
  };
  return out;
}
