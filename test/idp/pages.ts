/** HTML pages of the emulator's hosted UI: small, self-contained, no outside resources. */

const escapeMap: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapeMap[c] ?? c);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>body{font:16px system-ui,sans-serif;max-width:24rem;margin:3rem auto;padding:0 1rem}
label{display:block;margin:.75rem 0 .25rem}input{width:100%;padding:.5rem;box-sizing:border-box}
button{margin-top:1rem;padding:.5rem 1rem}.error{color:#b00020}</style></head>
<body><main>${body}</main></body></html>`;
}

/** The sign-in form; the field names match oidc-provider's dev form so scripts can drive either. */
export function signInPage(options: {
  uid: string;
  clientId: string;
  error?: string;
  login?: string;
}): string {
  const error = options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : '';
  return page(
    'Sign in',
    `<h1>Sign in</h1><p>Cognito emulator · app client <code>${escapeHtml(options.clientId)}</code></p>${error}
<form method="post" action="/login/${escapeHtml(options.uid)}" autocomplete="off">
<label for="login">Username or email</label><input id="login" name="login" required autofocus value="${escapeHtml(options.login ?? '')}">
<label for="password">Password</label><input id="password" name="password" type="password" required>
<button type="submit">Sign in</button></form>
<p><a href="/login/${escapeHtml(options.uid)}/abort">Cancel</a></p>`,
  );
}

/**
 * A standard provider's "Sign out?" page: it asks before ending its session, then returns the
 * browser to the app. The fields go back in the form so the confirmation needs no server state.
 */
export function signOutConfirmPage(fields: Record<string, string>): string {
  const hidden = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  return page(
    'Sign out?',
    `<h1>Sign out?</h1><p>You are signing out of this provider.</p>
<form method="post" action="/logout/confirm">${hidden}<button type="submit">Sign out</button></form>`,
  );
}

/** An error page, as Cognito shows for a bad redirect or sign-out URL (the browser stays here). */
export function errorPage(message: string): string {
  return page(
    'Error',
    `<h1>An error was encountered with the requested page.</h1><p>${escapeHtml(message)}</p>`,
  );
}
