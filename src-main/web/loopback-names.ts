/**
 * The names under which this host may be reached. Checking the Host header (not only the Origin)
 * defeats DNS rebinding: a page on evil.example whose name now resolves to 127.0.0.1 still sends
 * `Host: evil.example:<port>`.
 */
export function loopbackNames(port: number): { hosts: ReadonlySet<string>; origins: ReadonlySet<string> } {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return { hosts, origins: new Set([...hosts].map((h) => `http://${h}`)) };
}

/** Path and query of a request target, or undefined for anything that is not an origin-form path. */
export function requestPath(target: string | undefined): { pathname: string; params: URLSearchParams } | undefined {
  if (!target || !target.startsWith('/') || target.startsWith('//')) return undefined;
  try {
    const url = new URL(target, 'http://loopback.invalid');
    return { pathname: url.pathname, params: url.searchParams };
  } catch {
    return undefined;
  }
}
