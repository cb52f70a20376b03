// The policy the built app runs under, in one place: the build puts it in the page, and every
// server of the built app (`npm run preview`, the room relay) sends it as headers.

/**
 * The production build runs under a strict Content-Security-Policy: only this origin,
 * no inline scripts, no eval. (The dev server needs inline scripts for hot reload, so
 * the policy is added at build time only.)
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * Sent as headers by the server (`npm run preview`, and any server of the built app): the
 * policy again, with what only a header can say — no framing by other sites (clickjacking).
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': `${CSP}; frame-ancestors 'none'`,
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
