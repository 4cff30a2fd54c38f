/**
 * The pages the loopback receiver serves in the user's browser. Self-contained (no outside
 * resources), and never built from the request: nothing from the query is echoed.
 */
import { createHash } from 'node:crypto';

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;' +
  'background:#f6f7f9;color:#1b1f24}main{max-width:30rem;padding:2rem;text-align:center}' +
  'h1{font-size:1.4rem}a{color:#0b5cad}@media (prefers-color-scheme:dark){body{background:#16181c;color:#e8eaed}a{color:#6cb0f5}}';

/** Only this inline style may apply: `default-src 'none'` blocks everything else. */
export const LOOPBACK_PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256')
  .update(STYLE)
  .digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

/** Opens (focuses) the installed app through its registered scheme; carries no sign-in data. */
const RETURN_LINK = '<p><a href="cognito-desktop://open">Return to cognito-desktop</a></p>';

function page(title: string, heading: string, text: string, extra = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><style>${STYLE}</style></head>
<body><main><h1>${heading}</h1><p>${text}</p>${extra}</main></body></html>`;
}

export const SIGNED_IN_PAGE = page(
  'Signed in — cognito-desktop',
  'Signed in',
  'You can close this tab and return to cognito-desktop.',
  RETURN_LINK,
);

export const SIGN_IN_FAILED_PAGE = page(
  'Sign-in did not complete — cognito-desktop',
  'Sign-in did not complete',
  'Return to cognito-desktop to see what happened and try again.',
);

export const SIGNED_OUT_PAGE = page(
  'Signed out — cognito-desktop',
  'Signed out',
  'You are signed out of cognito-desktop and of the provider. You can close this tab.',
);

export const FOREIGN_CALLBACK_PAGE = page(
  'Not this sign-in — cognito-desktop',
  'This link does not belong to a sign-in in progress',
  'If you are signing in to cognito-desktop, finish in the tab the app opened, or start again from the app.',
);

export const NOT_FOUND_PAGE = page('Not found — cognito-desktop', 'Not found', 'Nothing is served here.');
export const BAD_REQUEST_PAGE = page(
  'Bad request — cognito-desktop',
  'Bad request',
  'This address is not one cognito-desktop serves.',
);
