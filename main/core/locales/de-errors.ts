/**
 * German texts of the main process's errors: the provider, the network, the keychain and the
 * session lock (part of ./de.ts, which the code's `t`/`msg` read).
 */
export const DE_ERRORS: Record<string, string> = {
  // ── Errors of the provider and the network ────────────────────────────────────────────────────
  'The sign-in has expired or was revoked. Sign in again.':
    'Die Anmeldung ist abgelaufen oder wurde widerrufen. Melden Sie sich erneut an.',
  'The provider did not accept the client id or secret. Check both in the settings (a client with a secret needs it stored; a public client must have none).':
    'Der Anbieter hat die Client-ID oder das Client-Geheimnis nicht akzeptiert. Prüfen Sie beides in den Einstellungen (ein Client mit Geheimnis braucht es gespeichert; ein öffentlicher Client darf keines haben).',
  'This app client may not use the authorization code flow. Enable it in the app client settings.':
    'Dieser App-Client darf den Autorisierungscode-Ablauf nicht verwenden. Aktivieren Sie ihn in den Einstellungen des App-Clients.',
  'The provider refused a scope. Check the scopes setting against the app client’s allowed scopes.':
    'Der Anbieter hat einen Scope abgelehnt. Vergleichen Sie „Scopes“ in den Einstellungen mit den erlaubten Scopes des App-Clients.',
  'The callback URL is not registered. Register the exact callback URL (the redirectUri setting) with the provider.':
    'Die Rückruf-URL ist nicht registriert. Registrieren Sie genau die Rückruf-URL aus den Einstellungen.',
  'The provider had an internal error. Try again in a moment.':
    'Beim Anbieter ist ein interner Fehler aufgetreten. Versuchen Sie es gleich noch einmal.',
  'The provider is temporarily unavailable. Try again in a moment.':
    'Der Anbieter ist vorübergehend nicht verfügbar. Versuchen Sie es gleich noch einmal.',
  'Sign-in was cancelled in the browser.': 'Die Anmeldung wurde im Browser abgebrochen.',
  'Check the app client settings in your provider.':
    'Prüfen Sie die Einstellungen des App-Clients bei Ihrem Anbieter.',
  'The provider refused: {{error}} ({{said}}). {{advice}}':
    'Der Anbieter lehnte ab: {{error}} ({{said}}). {{advice}}',
  'The provider refused: {{error}}. {{advice}}': 'Der Anbieter lehnte ab: {{error}}. {{advice}}',
  'The provider did not answer in time.': 'Der Anbieter hat nicht rechtzeitig geantwortet.',
  'Something unexpected went wrong. Try again; if it keeps happening, report it.':
    'Etwas Unerwartetes ist schiefgegangen. Versuchen Sie es erneut; wenn es wieder passiert, melden Sie den Fehler.',
  'The provider answered HTTP {{status}} where an OpenID Connect answer was expected. Check the discovery URL.':
    'Der Anbieter antwortete mit HTTP {{status}}, wo eine OpenID-Connect-Antwort erwartet wurde. Prüfen Sie die Discovery-URL.',
  'The browser returned a sign-in that this app did not start. Try again.':
    'Der Browser brachte eine Anmeldung zurück, die diese App nicht gestartet hat. Versuchen Sie es erneut.',
  "The provider's ID token failed validation ({{detail}}). Check the client id and your computer's clock.":
    'Das ID-Token des Anbieters hat die Prüfung nicht bestanden ({{detail}}). Prüfen Sie die Client-ID und die Uhr Ihres Computers.',
  "The provider's ID token failed validation ({{detail}}). Check the discovery URL; if it persists, report it.":
    'Das ID-Token des Anbieters hat die Prüfung nicht bestanden ({{detail}}). Prüfen Sie die Discovery-URL; wenn es wieder passiert, melden Sie den Fehler.',
  "The provider's answer was not valid: {{detail}}.": 'Die Antwort des Anbieters war ungültig: {{detail}}.',
  'The provider publishes no jwks_uri: ID tokens cannot be checked.':
    'Der Anbieter veröffentlicht keine jwks_uri: ID-Tokens können nicht geprüft werden.',
  'Could not reach the API at {{host}}: {{reason}}. Check the API URL setting and your connection.':
    'Die API unter {{host}} ist nicht erreichbar: {{reason}}. Prüfen Sie die Einstellung „API-URL“ und Ihre Verbindung.',
  "Check the proxy's address, or set the proxy setting to direct if this network needs none.":
    'Prüfen Sie die Adresse des Proxys, oder setzen Sie die Proxy-Einstellung auf direct, wenn dieses Netz keinen braucht.',
  'Could not reach the proxy {{proxy}} (from {{decidedBy}}): {{detail}}. {{advice}}':
    'Der Proxy {{proxy}} (aus {{decidedBy}}) ist nicht erreichbar: {{detail}}. {{advice}}',
  'Could not reach the proxy {{proxy}}: {{detail}}. {{advice}}':
    'Der Proxy {{proxy}} ist nicht erreichbar: {{detail}}. {{advice}}',
  'The proxy {{proxy}} refused the user name and password. Check them; {{advice}}':
    'Der Proxy {{proxy}} hat Benutzername und Passwort abgelehnt. Prüfen Sie beides; {{advice}}',
  'The proxy {{proxy}} requires a user name and password. {{advice}}':
    'Der Proxy {{proxy}} verlangt Benutzername und Passwort. {{advice}}',
  "The proxy {{proxy}} would not connect to {{host}} (HTTP {{status}}). Ask your network's admin to allow it, then try again.":
    'Der Proxy {{proxy}} hat die Verbindung zu {{host}} verweigert (HTTP {{status}}). Bitten Sie die Verwaltung Ihres Netzes, sie zu erlauben, und versuchen Sie es dann erneut.',
  'Sign in to the proxy when the app asks (a wrong user name or password is asked for again, three times at most), or ask your IT team which account to use.':
    'Melden Sie sich beim Proxy an, wenn die App danach fragt (bei falschem Benutzernamen oder Passwort wird höchstens dreimal erneut gefragt), oder fragen Sie Ihr IT-Team, welches Konto Sie verwenden sollen.',
  'A network that inspects TLS presents such certificates: get its root certificate from your IT team and set "Extra CA certificates file" (COGNITO_CA_FILE) to it, or add it to the operating system’s certificate store.':
    'Ein Netz, das TLS prüft, legt solche Zertifikate vor: Holen Sie sich sein Stammzertifikat von Ihrem IT-Team und tragen Sie es unter „Zusätzliche CA-Zertifikatsdatei“ (COGNITO_CA_FILE) ein, oder fügen Sie es dem Zertifikatsspeicher des Betriebssystems hinzu.',
  'Check the computer’s date and the provider’s address; if a network device presents this certificate, ask your IT team.':
    'Prüfen Sie das Datum des Computers und die Adresse des Anbieters; wenn ein Netzwerkgerät dieses Zertifikat vorlegt, fragen Sie Ihr IT-Team.',
  'The connection to {{host}} is not trusted: {{what}}. {{fix}}':
    'Der Verbindung zu {{host}} wird nicht vertraut: {{what}}. {{fix}}',
  'its certificate has expired or is not valid yet': 'sein Zertifikat ist abgelaufen oder noch nicht gültig',
  'its certificate is for another host name': 'sein Zertifikat gilt für einen anderen Hostnamen',
  'its certificate was issued by a certificate authority this computer does not trust':
    'sein Zertifikat stammt von einer Zertifizierungsstelle, der dieser Computer nicht vertraut',
  'its certificate issued by "{{issuer}}" has expired or is not valid yet':
    'sein von „{{issuer}}“ ausgestelltes Zertifikat ist abgelaufen oder noch nicht gültig',
  'its certificate issued by "{{issuer}}" is for another host name':
    'sein von „{{issuer}}“ ausgestelltes Zertifikat gilt für einen anderen Hostnamen',
  'its certificate was issued by "{{issuer}}" this computer does not trust':
    'sein Zertifikat wurde von „{{issuer}}“ ausgestellt, dem dieser Computer nicht vertraut',
  'set in the system’s settings': 'in den Systemeinstellungen festgelegt',
  'Chromium says {{name}}': 'Chromium meldet {{name}}',
  'Could not reach the provider: nothing answers at {{host}} ({{name}}).':
    'Der Anbieter ist nicht erreichbar: Unter {{host}} antwortet niemand ({{name}}).',
  'Could not reach the provider: the name {{host}} was not found ({{name}}).':
    'Der Anbieter ist nicht erreichbar: Der Name {{host}} wurde nicht gefunden ({{name}}).',
  'Could not reach the provider: this computer is offline ({{name}}).':
    'Der Anbieter ist nicht erreichbar: Dieser Computer ist offline ({{name}}).',
  'Could not reach the provider ({{name}}).': 'Der Anbieter ist nicht erreichbar ({{name}}).',
  'The certificates file {{file}} (caFile) cannot be read.':
    'Die Zertifikatsdatei {{file}} (caFile) kann nicht gelesen werden.',
  'proxy setting': 'Proxy-Einstellung',
  'the proxy setting': 'die Proxy-Einstellung',
  'the system’s proxy settings': 'die Proxy-Einstellungen des Systems',
  'through {{proxy}} (from {{by}})': 'über {{proxy}} (aus {{by}})',
  'direct (this computer: never through a proxy)': 'direkt (dieser Computer: nie über einen Proxy)',
  'direct (listed in {{by}})': 'direkt (in {{by}} aufgeführt)',
  'as the system’s proxy settings say': 'wie die Proxy-Einstellungen des Systems es vorgeben',
  'direct ({{by}} says direct)': 'direkt ({{by}} sagt direkt)',
  'direct (no proxy set)': 'direkt (kein Proxy eingestellt)',
  'direct ({{by}})': 'direkt ({{by}})',

  // ── Keychain and session lock ─────────────────────────────────────────────────────────────────
  'Unlock your login keychain (Keychain Access) and try again.':
    'Entsperren Sie Ihren Anmeldeschlüsselbund (Schlüsselbundverwaltung) und versuchen Sie es erneut.',
  'Check that Windows Credential Manager is running and try again.':
    'Prüfen Sie, ob die Windows-Anmeldeinformationsverwaltung läuft, und versuchen Sie es erneut.',
  'Install and unlock GNOME Keyring or KWallet (a Secret Service on D-Bus), then try again.':
    'Installieren und entsperren Sie GNOME Keyring oder KWallet (einen Secret Service über D-Bus) und versuchen Sie es erneut.',
  'Unlock your login keychain in Keychain Access, then try again.':
    'Entsperren Sie Ihren Anmeldeschlüsselbund in der Schlüsselbundverwaltung und versuchen Sie es erneut.',
  'Sign in to Windows again to unlock Credential Manager, then try again.':
    'Melden Sie sich erneut bei Windows an, um die Anmeldeinformationsverwaltung zu entsperren, und versuchen Sie es erneut.',
  'Unlock your keyring (Passwords and Keys / Seahorse, or `gnome-keyring-daemon --unlock` in an SSH session), then try again.':
    'Entsperren Sie Ihren Schlüsselbund (Passwörter und Verschlüsselung / Seahorse, oder `gnome-keyring-daemon --unlock` in einer SSH-Sitzung) und versuchen Sie es erneut.',
  'The OS keychain has stopped answering. {{fix}}':
    'Der Schlüsselbund des Systems antwortet nicht mehr. {{fix}}',
  'The OS keychain did not answer within {{seconds}} s. {{fix}}':
    'Der Schlüsselbund des Systems hat nicht innerhalb von {{seconds}} s geantwortet. {{fix}}',
  'The OS keychain is locked. {{fix}}': 'Der Schlüsselbund des Systems ist gesperrt. {{fix}}',
  'This app client’s secret is kept in the OS keychain, which is not available: {{reason}} Signing in needs it.':
    'Das Geheimnis dieses App-Clients liegt im Schlüsselbund des Systems, der nicht verfügbar ist: {{reason}} Die Anmeldung braucht es.',
  'Could not reach the provider: it did not answer in time.':
    'Der Anbieter ist nicht erreichbar: Er hat nicht rechtzeitig geantwortet.',
  'at {{address}}': 'unter {{address}}',
  'Could not reach the provider: nothing answers{{where}} (connection refused).':
    'Der Anbieter ist nicht erreichbar: Niemand antwortet{{where}} (Verbindung abgelehnt).',
  'Could not reach the provider: its host name was not found.':
    'Der Anbieter ist nicht erreichbar: Sein Hostname wurde nicht gefunden.',
  'Could not reach the provider: the request failed.':
    'Der Anbieter ist nicht erreichbar: Die Anfrage ist fehlgeschlagen.',
  'Check that the provider is running and that the port in the discovery URL is right.':
    'Prüfen Sie, ob der Anbieter läuft und der Port in der Discovery-URL stimmt.',
  'Check the discovery URL’s host name for typos, and your network or VPN.':
    'Prüfen Sie den Hostnamen der Discovery-URL auf Tippfehler sowie Ihr Netz oder VPN.',
  'Check your internet connection, then try again.':
    'Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
  'Try again in a few minutes.': 'Versuchen Sie es in einigen Minuten erneut.',
  'Check both, then try again.': 'Prüfen Sie beides und versuchen Sie es erneut.',
  'The provider is having trouble (HTTP {{status}}).': 'Der Anbieter hat Probleme (HTTP {{status}}).',
  'The provider answered with a web page (HTTP {{status}}) where OpenID Connect JSON was expected: a network sign-in page (Wi-Fi, proxy) may be in the way, or the discovery URL is a web site’s.':
    'Der Anbieter antwortete mit einer Webseite (HTTP {{status}}), wo OpenID-Connect-JSON erwartet wurde: Eine Anmeldeseite des Netzes (WLAN, Proxy) steht vielleicht im Weg, oder die Discovery-URL gehört zu einer Website.',
  'The provider refused the client ({{error}}). If the client id and secret are right, it may want the secret sent as {{other}}, which its discovery document offers (it went as {{sent}}): set tokenAuthMethod (Token endpoint authentication) to {{other}}, then sign in again.':
    'Der Anbieter lehnte den Client ab ({{error}}). Wenn Client-ID und Geheimnis stimmen, erwartet er das Geheimnis vielleicht als {{other}}, das sein Discovery-Dokument anbietet (gesendet wurde es als {{sent}}): Stellen Sie tokenAuthMethod (Authentifizierung am Token-Endpunkt) auf {{other}} und melden Sie sich erneut an.',
  'This provider offers no sign-in on another device (its discovery lists no device_authorization_endpoint).':
    'Dieser Anbieter bietet keine Anmeldung auf einem anderen Gerät an (sein Discovery-Dokument nennt keinen device_authorization_endpoint).',
  'The code was not used within {{time}}. Sign in again for a new one.':
    'Der Code wurde nicht innerhalb von {{time}} verwendet. Melden Sie sich erneut an, um einen neuen zu erhalten.',
  'See the network check above.': 'Siehe die Netzwerkprüfung oben.',
  'The OS keychain is not available. {{fix}}': 'Der Schlüsselbund des Systems ist nicht verfügbar. {{fix}}',
  'Another cognito-desktop process has been updating your session for over {{seconds}} s. Wait for it to finish (or end it), then try again.':
    'Ein anderer cognito-desktop-Prozess aktualisiert Ihre Sitzung seit über {{seconds}} s. Warten Sie, bis er fertig ist (oder beenden Sie ihn), und versuchen Sie es dann erneut.',
  'Could not create the session lock in the settings folder ({{code}}). Check that the folder is writable.':
    'Die Sitzungssperre im Einstellungsordner konnte nicht angelegt werden ({{code}}). Prüfen Sie, ob der Ordner beschreibbar ist.',
};
