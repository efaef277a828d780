// Headers on every response. The UI is built to need nothing inline: scripts and styles come only from
// this origin, so an article that smuggles markup past escaping still cannot run code or load anything.
import { isIP } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export async function securityHeaders(_request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'no-referrer');
  reply.header('x-frame-options', 'DENY');
  reply.header('cross-origin-opener-policy', 'same-origin');
  return payload;
}

/**
 * Host names a request may name in its Host header. A page on an attacker's site can point its own DNS
 * name at 127.0.0.1 ("DNS rebinding") and then read this server as same-origin; that request still says
 * `Host: attacker.example`, so refusing Host names the server was not asked to answer for closes the hole.
 * Allowed: the bound address, localhost names (localhost, *.localhost, 127.0.0.1, ::1), every IP address
 * when bound to all interfaces (an IP in Host cannot be rebound), and `extra` names ("*" allows any host;
 * ".example.org" allows that domain and its subdomains).
 */
export function allowedHost(boundHost: string, extra: readonly string[] = []): (host: string | undefined) => boolean {
  const bound = bareHost(boundHost);
  const wildcard = bound === '0.0.0.0' || bound === '::' || bound === '';
  const names = extra.map((h) => h.trim().toLowerCase()).filter(Boolean);
  if (names.includes('*')) return () => true;
  return (header) => {
    if (!header) return false;
    const host = bareHost(header);
    if (host === null) return false;
    if (host === bound) return true;
    if (host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host)) return true;
    if (wildcard && isIP(host) !== 0) return true;
    return names.some((name) => (name.startsWith('.') ? host === name.slice(1) || host.endsWith(name) : host === bareHost(name)));
  };
}

// "Example.org:8080" -> "example.org"; "[::1]:80" -> "::1"; null for something no Host header holds.
function bareHost(value: string): string | null {
  const v = value.trim().toLowerCase();
  const bracketed = /^\[([0-9a-f:.]+)\](?::\d+)?$/.exec(v);
  if (bracketed) return bracketed[1];
  if (isIP(v) === 6) return v;
  const plain = /^([a-z0-9.-]*?)\.?(?::\d+)?$/.exec(v);
  return plain ? plain[1] : null;
}

/** onRequest hook refusing (403) requests whose Host header `isAllowed` rejects. */
export function hostGuard(isAllowed: (host: string | undefined) => boolean) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const host = request.headers.host;
    if (isAllowed(host)) return;
    const shown = (host ?? '').slice(0, 100).replace(/[^\x20-\x7e]/g, '?');
    await reply
      .status(403)
      .type('application/json; charset=utf-8')
      .send({
        error: {
          status: 403,
          code: 'forbidden-host',
          message: host ? `requests for host "${shown}" are refused; allow it with --allow-host ${shown.replace(/:\d+$/, '')}` : 'the request has no Host header',
        },
      });
  };
}
