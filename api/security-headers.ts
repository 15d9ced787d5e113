// Security headers on every response: the dashboard may not be framed (X-Frame-Options,
// frame-ancestors), nothing is sniffed into another type, no referrer leaves, and the page
// runs only its own bundle (CSP). The built Lit + Vega dashboard works under this policy:
// Vega's expressions run in its interpreter, not through eval (components/vega-chart.ts);
// styles may be inline because Lit templates and Vega write style attributes.
import { secureHeaders } from 'hono/secure-headers';

export const securityHeaders = () =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    // Served over plain HTTP on the local network: a Strict-Transport-Security header there
    // would only be ignored, and behind an HTTPS proxy it is the proxy's to send.
    strictTransportSecurity: false,
  });
