import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { parse } from 'yaml';

/**
 * Checks bodies against the contract file itself (src-main/features/queue/adapters/onestop-rest/openapi.yaml),
 * so the reference server, the adapter and the document cannot drift apart unnoticed.
 */
export const OPENAPI_PATH = openApiPath();

/** Next to the sources (dev, tests, web host), else in the packaged app's resources. */
function openApiPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = [
    join(here, '..', 'features', 'queue', 'adapters', 'onestop-rest', 'openapi.yaml'),
    join(process.cwd(), 'src-main', 'features', 'queue', 'adapters', 'onestop-rest', 'openapi.yaml'),
    ...(resources ? [join(resources, 'openapi.yaml')] : []),
  ];
  return candidates.find((p) => existsSync(p)) ?? (candidates[0] as string);
}

interface OpenApiDoc {
  paths: Record<string, Record<string, { operationId?: string; requestBody?: unknown; responses?: Record<string, unknown> }>>;
}

export class OpenApiValidator {
  readonly doc: OpenApiDoc;
  private readonly ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(path = OPENAPI_PATH) {
    this.doc = parse(readFileSync(path, 'utf8')) as OpenApiDoc;
    this.ajv.addSchema(this.doc as object, 'openapi.json');
  }

  /** Validates against `#/components/schemas/<name>`; returns readable errors, empty when valid. */
  check(schemaName: string, value: unknown): string[] {
    return this.checkPointer(`#/components/schemas/${schemaName}`, value);
  }

  /** Validates against any JSON pointer into the document (e.g. a response's schema). */
  checkPointer(pointer: string, value: unknown): string[] {
    let fn = this.cache.get(pointer);
    if (!fn) {
      fn = this.ajv.compile({ $ref: `openapi.json${pointer}` });
      this.cache.set(pointer, fn);
    }
    if (fn(value)) return [];
    return (fn.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim());
  }

  /**
   * Finds the operation for a concrete request path and method, and the JSON pointer of the schema of
   * its response with this status (following one `$ref` to components/responses).
   */
  responsePointer(method: string, path: string, status: number): string | undefined {
    const op = this.operation(method, path);
    if (!op) return undefined;
    const [template, verb] = op;
    const responses = this.doc.paths[template]?.[verb]?.responses ?? {};
    const resp = responses[String(status)] as { $ref?: string; content?: Record<string, unknown> } | undefined;
    if (!resp) return undefined;
    const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
    if (resp.$ref) return `${resp.$ref}/content/application~1json/schema`;
    if (!resp.content?.['application/json']) return '';
    return `#/paths/${esc(template)}/${verb}/responses/${status}/content/application~1json/schema`;
  }

  /** The [template, verb] of the operation serving this path, or undefined if the contract has none. */
  operation(method: string, path: string): [string, string] | undefined {
    const verb = method.toLowerCase();
    for (const template of Object.keys(this.doc.paths)) {
      const re = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      if (re.test(path) && this.doc.paths[template]?.[verb]) return [template, verb];
    }
    return undefined;
  }
}
