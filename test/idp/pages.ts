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

function page(title: string, body: string, lang = 'en'): string {
  return `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>body{font:16px system-ui,sans-serif;max-width:24rem;margin:3rem auto;padding:0 1rem}
label{display:block;margin:.75rem 0 .25rem}input{width:100%;padding:.5rem;box-sizing:border-box}
button{margin-top:1rem;padding:.5rem 1rem}.error{color:#b00020}</style></head>
<body><main>${body}</main></body></html>`;
}

/** The sign-in page's words in the languages the emulator shows (managed login has more). */
const WORDS: Record<string, { title: string; login: string; password: string; cancel: string }> = {
  en: { title: 'Sign in', login: 'Username or email', password: 'Password', cancel: 'Cancel' },
  de: { title: 'Anmelden', login: 'Benutzername oder E-Mail', password: 'Passwort', cancel: 'Abbrechen' },
  fr: {
    title: 'Se connecter',
    login: 'Nom d’utilisateur ou e-mail',
    password: 'Mot de passe',
    cancel: 'Annuler',
  },
};

/**
 * The sign-in form; the field names match oidc-provider's dev form so scripts can drive either.
 * `lang` picks the words (English when the emulator has none for it); `brand` names the provider
 * an emulator plays ("Google").
 */
export function signInPage(options: {
  uid: string;
  clientId: string;
  error?: string;
  login?: string;
  lang?: string;
  brand?: string;
}): string {
  const lang = options.lang && WORDS[options.lang] ? options.lang : 'en';
  const words = WORDS[lang]!;
  const error = options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : '';
  const who = options.brand
    ? `${escapeHtml(options.brand)} (emulated) · for <code>${escapeHtml(options.clientId)}</code>`
    : `Cognito emulator · app client <code>${escapeHtml(options.clientId)}</code>`;
  const title = options.brand ? `${words.title} – ${options.brand}` : words.title;
  return page(
    title,
    `<h1>${escapeHtml(title)}</h1><p>${who}</p>${error}
<form method="post" action="/login/${escapeHtml(options.uid)}" autocomplete="off">
<label for="login">${escapeHtml(words.login)}</label><input id="login" name="login" required autofocus value="${escapeHtml(options.login ?? '')}">
<label for="password">${escapeHtml(words.password)}</label><input id="password" name="password" type="password" required>
<button type="submit">${escapeHtml(words.title)}</button></form>
<p><a href="/login/${escapeHtml(options.uid)}/abort">${escapeHtml(words.cancel)}</a></p>`,
    lang,
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

/**
 * The device flow's pages (a standard provider's `/device`), in place of oidc-provider's own,
 * which load a web font from the internet: enter the code, confirm it, then the success page.
 * `form` is oidc-provider's form (its hidden fields and the code input).
 */
export function deviceCodePage(form: string, formId: string, wrongCode: boolean): string {
  return page(
    'Enter the code',
    `<h1>Sign in on another device</h1>${wrongCode ? '<p>That code is not right, or it has expired.</p>' : '<p>Enter the code your device shows.</p>'}
${form}<button type="submit" form="${escapeHtml(formId)}">Continue</button>`,
  );
}

export function deviceSuccessPage(): string {
  return page('Signed in', '<h1>Signed in</h1><p>You can close this page and go back to your device.</p>');
}
