/**
 * The pages the loopback receiver serves in the user's browser. Self-contained (no outside
 * resources), and never built from the request: nothing from the query is echoed.
 */
import { createHash } from 'node:crypto';
import { currentLanguage, t } from '../i18n.ts';

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;' +
  'background:#f6f7f9;color:#1b1f24}main{max-width:30rem;padding:2rem;text-align:center}' +
  'h1{font-size:1.4rem}a{color:#0b5cad}@media (prefers-color-scheme:dark){body{background:#16181c;color:#e8eaed}a{color:#6cb0f5}}';

/** Only this inline style may apply: `default-src 'none'` blocks everything else. */
export const LOOPBACK_PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256')
  .update(STYLE)
  .digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

/** Opens (focuses) the installed app through its registered scheme; carries no sign-in data. */
function returnLink(): string {
  return `<p><a href="cognito-desktop://open">${t('Return to cognito-desktop')}</a></p>`;
}

function page(title: string, heading: string, text: string, extra = ''): string {
  return `<!doctype html><html lang="${currentLanguage()}"><head><meta charset="utf-8"><title>${title}</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><style>${STYLE}</style></head>
<body><main><h1>${heading}</h1><p>${text}</p>${extra}</main></body></html>`;
}

// Built when served, in the app's language at that moment (the texts hold no markup characters).
export const signedInPage = (): string =>
  page(
    t('Signed in — cognito-desktop'),
    t('Signed in'),
    t('You can close this tab and return to cognito-desktop.'),
    returnLink(),
  );

export const signInFailedPage = (): string =>
  page(
    t('Sign-in did not complete — cognito-desktop'),
    t('Sign-in did not complete'),
    t('Return to cognito-desktop to see what happened and try again.'),
  );

export const signedOutPage = (): string =>
  page(
    t('Signed out — cognito-desktop'),
    t('Signed out'),
    t('You are signed out of cognito-desktop and of the provider. You can close this tab.'),
  );

export const foreignCallbackPage = (): string =>
  page(
    t('Not this sign-in — cognito-desktop'),
    t('This link does not belong to a sign-in in progress'),
    t(
      'If you are signing in to cognito-desktop, finish in the tab the app opened, or start again from the app.',
    ),
  );

export const launchUsedPage = (): string =>
  page(
    t('Link already used — cognito-desktop'),
    t('This link was already used'),
    t('Each link the app opens works once. If you did not open it before, start again from the app.'),
  );

export const notFoundPage = (): string =>
  page(t('Not found — cognito-desktop'), t('Not found'), t('Nothing is served here.'));

export const badRequestPage = (): string =>
  page(
    t('Bad request — cognito-desktop'),
    t('Bad request'),
    t('This address is not one cognito-desktop serves.'),
  );
