import { methods, type MethodName } from '../contract/methods.ts';
import type { Handlers } from '../rpc/handlers.ts';

/** The handlers of every method, each added by the one feature whose prefix it carries. */
export class MethodTable {
  private readonly owners = new Map<string, string>();
  private readonly table: Record<string, unknown> = {};

  add(feature: string, prefixes: readonly string[], handlers: Partial<Handlers>): void {
    for (const [method, handler] of Object.entries(handlers)) {
      if (!prefixes.some((p) => method.startsWith(`${p}.`))) throw new Error(`feature ${feature} answers ${method}, outside its prefixes ${prefixes.join(', ')}`);
      const owner = this.owners.get(method);
      if (owner) throw new Error(`method ${method} has two handlers: features ${owner} and ${feature}`);
      this.owners.set(method, feature);
      this.table[method] = handler;
    }
  }

  /** Contract methods nobody answers. */
  missing(): MethodName[] {
    return (Object.keys(methods) as MethodName[]).filter((m) => !this.owners.has(m));
  }

  ownerOf(method: string): string | undefined {
    return this.owners.get(method);
  }

  handlers(): Handlers {
    return this.table as Handlers;
  }
}
