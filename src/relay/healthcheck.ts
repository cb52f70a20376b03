// `node dist-relay/relay-healthcheck.js`: asks the relay on this machine for /health (as the
// container's HEALTHCHECK does) — over https when it serves TLS itself (its own certificate is
// not checked: the question goes to loopback). Exits 0 when it answers 200, else 1.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

const port = Number(process.env.PORT ?? 1234);
const tls = !!process.env.TLS_CERT;
const ask = tls ? httpsRequest : httpRequest;
const req = ask({ host: '127.0.0.1', port, path: '/health', timeout: 2500, rejectUnauthorized: false }, (response) => {
  response.resume();
  process.exit(response.statusCode === 200 ? 0 : 1);
});
req.on('timeout', () => req.destroy(new Error('timeout')));
req.on('error', () => process.exit(1));
req.end();
