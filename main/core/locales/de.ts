/**
 * German texts of the main process, keyed by the English text the code passes to `t`/`msg`
 * (see ../i18n.ts). A unit test holds this table to the code: every key used has an entry here,
 * every entry is used, and both sides have the same `{{placeholders}}`.
 */
export const DE: Record<string, string> = {
  // ── Menus and tray ────────────────────────────────────────────────────────────────────────────
  '&File': '&Datei',
  '&Edit': '&Bearbeiten',
  '&View': '&Ansicht',
  '&Window': '&Fenster',
  '&Help': '&Hilfe',
  Undo: 'Rückgängig',
  Redo: 'Wiederholen',
  Cut: 'Ausschneiden',
  Copy: 'Kopieren',
  Paste: 'Einfügen',
  'Select All': 'Alles auswählen',
  Minimize: 'Minimieren',
  Zoom: 'Zoomen',
  'Close Window': 'Fenster schließen',
  'Actual Size': 'Originalgröße',
  'Zoom In': 'Vergrößern',
  'Zoom Out': 'Verkleinern',
  'Toggle Full Screen': 'Vollbild ein/aus',
  'Sign In…': 'Anmelden…',
  'Sign Out': 'Abmelden',
  'Settings…': 'Einstellungen…',
  Accounts: 'Konten',
  'Add Account…': 'Konto hinzufügen…',
  'Manage Profiles…': 'Profile verwalten…',
  'First account': 'Erstes Konto',
  '{{name}} ({{profile}})': '{{name}} ({{profile}})',
  '{{account}} — signed out': '{{account}} – abgemeldet',
  'cognito-desktop Help': 'Hilfe zu cognito-desktop',
  'Open Logs Folder': 'Protokollordner öffnen',
  'Copy Diagnostics': 'Diagnose kopieren',
  'Restart to Update ({{version}})': 'Neu starten und aktualisieren ({{version}})',
  'Check for Updates…': 'Nach Updates suchen…',
  'About cognito-desktop': 'Über cognito-desktop',
  'Install Command Line Tool…': 'Befehlszeilenprogramm installieren…',
  'Hide cognito-desktop': 'cognito-desktop ausblenden',
  'Hide Others': 'Andere ausblenden',
  'Show All': 'Alle einblenden',
  'Quit cognito-desktop': 'cognito-desktop beenden',
  Quit: 'Beenden',
  'Open cognito-desktop': 'cognito-desktop öffnen',
  'Not set up: open the app to enter your provider':
    'Nicht eingerichtet: Öffnen Sie die App und geben Sie Ihren Anbieter ein',
  'Signed out': 'Abgemeldet',
  'Waiting for you to finish in your browser…': 'Warten, bis Sie die Anmeldung im Browser abschließen…',
  'Signed in as {{name}} · expires in {{minutes}} min':
    'Angemeldet als {{name}} · läuft in {{minutes}} min ab',

  // ── Notifications and dialogs ─────────────────────────────────────────────────────────────────
  'An update is ready': 'Ein Update ist bereit',
  'cognito-desktop {{version}} is downloaded. Click to restart and update.':
    'cognito-desktop {{version}} ist heruntergeladen. Klicken Sie, um neu zu starten und zu aktualisieren.',
  'Your session could not be refreshed': 'Ihre Sitzung konnte nicht erneuert werden',
  '{{reason}} The app keeps trying; you stay signed in until the session expires.':
    '{{reason}} Die App versucht es weiter; Sie bleiben angemeldet, bis die Sitzung abläuft.',
  'You were signed out': 'Sie wurden abgemeldet',
  'Your sign-in was revoked or has expired at the provider. Sign in again to continue.':
    'Ihre Anmeldung wurde beim Anbieter widerrufen oder ist abgelaufen. Melden Sie sich erneut an, um fortzufahren.',
  'Your session has expired. Sign in again to continue.':
    'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an, um fortzufahren.',
  'You signed out from the command line or another window.':
    'Sie haben sich über die Befehlszeile oder in einem anderen Fenster abgemeldet.',
  'The cognito-desktop command is installed.': 'Der Befehl cognito-desktop ist installiert.',
  '{{path}} now runs it: try “cognito-desktop status” in a new Terminal window.':
    '{{path}} startet ihn jetzt: Probieren Sie „cognito-desktop status“ in einem neuen Terminalfenster.',
  'The cognito-desktop command was not installed.': 'Der Befehl cognito-desktop wurde nicht installiert.',
  '{{path}} exists and is not a link this app made: move it away, then try again.':
    '{{path}} existiert und ist kein Link dieser App: Verschieben Sie die Datei und versuchen Sie es erneut.',
  'The command was not installed: {{reason}}': 'Der Befehl wurde nicht installiert: {{reason}}',

  // ── Updates ───────────────────────────────────────────────────────────────────────────────────
  'Updates are off in development builds.': 'In Entwicklungsversionen sind Updates ausgeschaltet.',
  'Your organisation has turned updates off.': 'Ihre Organisation hat Updates ausgeschaltet.',
  'Updates are off.': 'Updates sind ausgeschaltet.',
  'No update is ready.': 'Es ist kein Update bereit.',
  'A sign-in is waiting for your browser. Finish or cancel it, then restart to update.':
    'Eine Anmeldung wartet auf Ihren Browser. Schließen Sie sie ab oder brechen Sie sie ab und starten Sie dann neu, um zu aktualisieren.',
  'cognito-desktop {{version}} is the newest version.':
    'cognito-desktop {{version}} ist die neueste Version.',
  'cognito-desktop {{version}} is downloaded and verified. Choose Restart to Update in the Help menu when it suits you.':
    'cognito-desktop {{version}} ist heruntergeladen und geprüft. Wählen Sie im Menü Hilfe „Neu starten und aktualisieren“, wann es Ihnen passt.',
  'Could not check for updates: {{reason}}. The app keeps working; it tries again in a few hours.':
    'Die Suche nach Updates ist fehlgeschlagen: {{reason}}. Die App arbeitet weiter und versucht es in einigen Stunden erneut.',

  // ── The browser pages of the sign-in ──────────────────────────────────────────────────────────
  'Return to cognito-desktop': 'Zurück zu cognito-desktop',
  'Signed in — cognito-desktop': 'Angemeldet – cognito-desktop',
  'Signed in': 'Angemeldet',
  'You can close this tab and return to cognito-desktop.':
    'Sie können diesen Tab schließen und zu cognito-desktop zurückkehren.',
  'Sign-in did not complete — cognito-desktop': 'Anmeldung nicht abgeschlossen – cognito-desktop',
  'Sign-in did not complete': 'Die Anmeldung wurde nicht abgeschlossen',
  'Return to cognito-desktop to see what happened and try again.':
    'Kehren Sie zu cognito-desktop zurück, um zu sehen, was passiert ist, und versuchen Sie es erneut.',
  'Signed out — cognito-desktop': 'Abgemeldet – cognito-desktop',
  'You are signed out of cognito-desktop and of the provider. You can close this tab.':
    'Sie sind bei cognito-desktop und beim Anbieter abgemeldet. Sie können diesen Tab schließen.',
  'Not this sign-in — cognito-desktop': 'Nicht diese Anmeldung – cognito-desktop',
  'This link does not belong to a sign-in in progress': 'Dieser Link gehört zu keiner laufenden Anmeldung',
  'If you are signing in to cognito-desktop, finish in the tab the app opened, or start again from the app.':
    'Wenn Sie sich bei cognito-desktop anmelden, schließen Sie die Anmeldung in dem Tab ab, den die App geöffnet hat, oder beginnen Sie in der App neu.',
  'Not found — cognito-desktop': 'Nicht gefunden – cognito-desktop',
  'Not found': 'Nicht gefunden',
  'Nothing is served here.': 'Hier gibt es nichts.',
  'Bad request — cognito-desktop': 'Ungültige Anfrage – cognito-desktop',
  'Bad request': 'Ungültige Anfrage',
  'This address is not one cognito-desktop serves.': 'Diese Adresse wird von cognito-desktop nicht bedient.',

  // ── Sign-in, refresh and sign-out ─────────────────────────────────────────────────────────────
  'No sign-in is waiting for the browser.': 'Es wartet keine Anmeldung auf den Browser.',
  'Type the email address (or identifier) to sign in with.':
    'Geben Sie die E-Mail-Adresse (oder Kennung) ein, mit der Sie sich anmelden.',
  'The provider could not be reached, so its sign-in session was not ended.':
    'Der Anbieter ist nicht erreichbar; seine Anmeldesitzung wurde daher nicht beendet.',
  'The provider has no end-session endpoint: its own sign-in session may still be active.':
    'Der Anbieter hat keinen Abmelde-Endpunkt (end_session_endpoint): Seine eigene Anmeldesitzung ist möglicherweise noch aktiv.',
  'The "Signed out" page cannot be shown: {{reason}}':
    'Die Seite „Abgemeldet“ kann nicht angezeigt werden: {{reason}}',
  'The provider did not return to the app: its sign-in session may still be active. If its page asks you to confirm, do so in the browser.':
    'Der Anbieter ist nicht zur App zurückgekehrt: Seine Anmeldesitzung ist möglicherweise noch aktiv. Wenn seine Seite um Bestätigung bittet, bestätigen Sie im Browser.',
  'You are still signed in: the session could not be deleted. {{reason}}':
    'Sie sind noch angemeldet: Die Sitzung konnte nicht gelöscht werden. {{reason}}',
  'The OS keychain could not be reached; this session was kept in memory only and has ended.':
    'Der Schlüsselbund des Systems war nicht erreichbar; diese Sitzung lag nur im Arbeitsspeicher und ist beendet.',
  'The provider has no revocation endpoint: the refresh token stays valid until it expires.':
    'Der Anbieter hat keinen Widerrufs-Endpunkt: Das Aktualisierungstoken bleibt gültig, bis es abläuft.',
  'The refresh token could not be revoked ({{code}}); it expires on its own.':
    'Das Aktualisierungstoken konnte nicht widerrufen werden ({{code}}); es läuft von selbst ab.',
  'You are not signed in. Sign in first.': 'Sie sind nicht angemeldet. Melden Sie sich zuerst an.',
  'You were signed out elsewhere. Sign in again.':
    'Sie wurden an anderer Stelle abgemeldet. Melden Sie sich erneut an.',
  'Your session has expired. Sign in again.': 'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an.',
  'The provider\'s refreshed ID token is not for this sign-in (its "{{claim}}" differs). Sign in again; if it persists, report it.':
    'Das erneuerte ID-Token des Anbieters gehört nicht zu dieser Anmeldung (sein „{{claim}}“ weicht ab). Melden Sie sich erneut an; wenn es wieder passiert, melden Sie den Fehler.',
  'Your sign-in has expired or was revoked. Sign in again.':
    'Ihre Anmeldung ist abgelaufen oder wurde widerrufen. Melden Sie sich erneut an.',
  'The stored session changed during a refresh.':
    'Die gespeicherte Sitzung hat sich während einer Erneuerung geändert.',
  'Sign-in was cancelled.': 'Die Anmeldung wurde abgebrochen.',
  'Port {{port}} on this computer is in use by another program, so the browser cannot return to the app. Close the other program (or another cognito-desktop window), or register a redirect URI with a different port in your provider and in the settings (redirectUri).':
    'Port {{port}} auf diesem Computer wird von einem anderen Programm verwendet, daher kann der Browser nicht zur App zurückkehren. Schließen Sie das andere Programm (oder ein anderes cognito-desktop-Fenster), oder registrieren Sie eine Weiterleitungs-URI mit einem anderen Port bei Ihrem Anbieter und in den Einstellungen.',
  'Could not listen on port {{port}}: {{code}}.': 'Port {{port}} kann nicht geöffnet werden: {{code}}.',
  'The browser did not come back within {{time}}. If the provider showed an error page, check that the callback URL {{url}} is registered exactly (port and path included); then try again.':
    'Der Browser ist nicht innerhalb von {{time}} zurückgekehrt. Wenn der Anbieter eine Fehlerseite zeigte, prüfen Sie, ob die Rückruf-URL {{url}} genau so registriert ist (mit Port und Pfad), und versuchen Sie es erneut.',
  'No API URL is set.': 'Es ist keine API-URL eingestellt.',
  'The app is not set up yet: open Settings and enter your provider’s details.':
    'Die App ist noch nicht eingerichtet: Öffnen Sie die Einstellungen und geben Sie die Daten Ihres Anbieters ein.',
  'the configuration check took over 15 s': 'die Konfigurationsprüfung dauerte länger als 15 s',

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

  // ── AWS credentials ───────────────────────────────────────────────────────────────────────────
  'No Identity Pool is set (identityPoolId), so there are no AWS credentials to get.':
    'Es ist kein Identity Pool eingestellt: Setzen Sie identityPoolId (Einstellungen › Identity-Pool-ID), um AWS-Zugangsdaten zu erhalten.',
  'The Identity Pool refused this sign-in: check that it lists this user pool and app client as an authentication provider (and that the role may be assumed).':
    'Der Identity Pool hat diese Anmeldung abgelehnt: Prüfen Sie, ob er diesen User Pool und App-Client als Authentifizierungsanbieter führt (und ob die Rolle übernommen werden darf).',
  'No Identity Pool has that ID in that region: check the Identity Pool ID setting.':
    'In dieser Region hat kein Identity Pool diese ID: Prüfen Sie die Einstellung „Identity-Pool-ID“.',
  'The Identity Pool’s roles are not set up: give it an authenticated role (and a trust policy for it).':
    'Die Rollen des Identity Pools sind nicht eingerichtet: Geben Sie ihm eine Rolle für angemeldete Benutzer (mit einer Vertrauensrichtlinie).',
  'Could not reach Cognito Identity: {{reason}}': 'Cognito Identity ist nicht erreichbar: {{reason}}',
  'Cognito Identity: {{name}}: {{message}} {{advice}}': 'Cognito Identity: {{name}}: {{message}} {{advice}}',
  'The Identity Pool answered without credentials.': 'Der Identity Pool hat ohne Zugangsdaten geantwortet.',

  // ── Profiles and accounts ─────────────────────────────────────────────────────────────────────
  '(first account)': '(erstes Konto)',
  none: 'keine',
  'Several accounts of profile "{{profile}}" are called "{{ref}}": name one by its id (cognito-desktop account list).':
    'Mehrere Konten des Profils „{{profile}}“ heißen „{{ref}}“: Nennen Sie eines über seine ID (cognito-desktop account list).',
  'Profile "{{profile}}" has no account "{{ref}}". Accounts: {{known}}.':
    'Das Profil „{{profile}}“ hat kein Konto „{{ref}}“. Konten: {{known}}.',
  '"{{name}}" cannot name a profile: use letters, digits, dots, dashes or underscores (at most 40), starting with a letter or digit.':
    '„{{name}}“ ist kein gültiger Profilname: Verwenden Sie Buchstaben, Ziffern, Punkte, Bindestriche oder Unterstriche (höchstens 40), beginnend mit einem Buchstaben oder einer Ziffer.',
  'There is no profile "{{name}}". Profiles: {{names}}.':
    'Es gibt kein Profil „{{name}}“. Profile: {{names}}.',
  'Your organisation’s installer does not allow adding profiles. Ask your administrator.':
    'Der Installer Ihrer Organisation erlaubt keine weiteren Profile. Fragen Sie Ihre Administration.',
  'There is already a profile "{{name}}".': 'Es gibt bereits ein Profil „{{name}}“.',
  'There is no profile "{{name}}".': 'Es gibt kein Profil „{{name}}“.',
  'The default profile cannot be removed: clear its settings instead.':
    'Das Standardprofil kann nicht entfernt werden: Leeren Sie stattdessen seine Einstellungen.',

  // ── Settings: labels and problems ─────────────────────────────────────────────────────────────
  'The local emulator is offered only in development (npm start).':
    'Der lokale Emulator wird nur in der Entwicklung angeboten (npm start).',
  'The settings in effect are not valid yet.': 'Die wirksamen Einstellungen sind noch nicht gültig.',
  'Discovery URL': 'Discovery-URL',
  'Client ID': 'Client-ID',
  'Redirect URI': 'Weiterleitungs-URI',
  'Sign-out URI': 'Abmelde-URI',
  Scopes: 'Scopes',
  'Username claim': 'Claim für den Benutzernamen',
  'Groups claim': 'Claim für die Gruppen',
  'Token endpoint authentication': 'Authentifizierung am Token-Endpunkt',
  'Keychain service name': 'Dienstname im Schlüsselbund',
  Proxy: 'Proxy',
  'Extra CA certificates file': 'Zusätzliche CA-Zertifikatsdatei',
  'Identity providers': 'Identitätsanbieter',
  'Email-first sign-in': 'Anmeldung mit E-Mail zuerst',
  'Language (app and sign-in page)': 'Sprache (App und Anmeldeseite)',
  'Identity Pool ID': 'Identity-Pool-ID',
  'AWS role ARN': 'ARN der AWS-Rolle',
  'API URL': 'API-URL',
  'API token': 'API-Token',
  'Start at login': 'Beim Anmelden starten',
  'Keep running in the tray': 'Im Infobereich weiterlaufen',
  'is required: the user pool’s issuer or discovery URL.':
    'ist erforderlich: Fügen Sie den Issuer oder die Discovery-URL des User Pools ein.',
  'is not a URL.': 'ist keine URL.',
  'must use https (plain http is allowed only for a provider on this machine).':
    'muss https verwenden (einfaches http ist nur für einen Anbieter auf diesem Computer erlaubt).',
  'must not have a query or fragment.': 'darf keine Query und kein Fragment haben.',
  'is not a URL: write it like http://proxy.example.com:3128, or {{direct}} for none.':
    'ist keine URL: Schreiben Sie sie wie http://proxy.example.com:3128, oder {{direct}} für keinen.',
  'must be an http or https proxy.': 'muss ein http- oder https-Proxy sein.',
  'must not hold a user name or password: the settings file is plain text. In a shell, put them in HTTPS_PROXY instead.':
    'darf keinen Benutzernamen und kein Passwort enthalten: Die Einstellungsdatei ist Klartext. Setzen Sie sie in einer Shell stattdessen in HTTPS_PROXY.',
  'must be only a scheme, host and port.': 'darf nur aus Schema, Host und Port bestehen.',
  'must be {{choices}} or {{last}}.': 'muss {{choices}} oder {{last}} sein.',
  'must use https (plain http is allowed only for an API on this machine): the token goes with it.':
    'muss https verwenden (einfaches http ist nur für eine API auf diesem Computer erlaubt): Das Token wird mitgesendet.',
  'must be an http URL on 127.0.0.1 or localhost: the app receives the {{what}} on this machine.':
    'muss eine http-URL auf 127.0.0.1 oder localhost sein: Die App empfängt die {{what}} auf diesem Computer.',
  'sign-in answer': 'Antwort der Anmeldung',
  'signed-out page': 'Abmeldeseite',
  'must name a port, as registered in the provider (Cognito matches the port exactly).':
    'muss einen Port nennen, wie beim Anbieter registriert (Cognito vergleicht den Port genau).',
  'must have a path, like /callback.': 'muss einen Pfad haben, etwa /callback.',
  'is required: copy it from the app client.': 'ist erforderlich: Kopieren Sie sie vom App-Client.',
  'must be one word of at most 128 characters.': 'muss ein Wort mit höchstens 128 Zeichen sein.',
  'must be on the same host and port as the redirect URI (one receiver serves both).':
    'muss auf demselben Host und Port liegen wie die Weiterleitungs-URI (ein Empfänger bedient beide).',
  'must have a different path from the redirect URI.':
    'muss einen anderen Pfad haben als die Weiterleitungs-URI.',
  'must include openid.': 'muss openid enthalten.',
  'must be scope names separated by spaces.': 'müssen durch Leerzeichen getrennte Scope-Namen sein.',
  'must name a claim, like email.': 'muss einen Claim nennen, etwa email.',
  'must name one claim, like cognito:groups or groups.':
    'muss einen Claim nennen, etwa cognito:groups oder groups.',
  'must be the full path of a PEM file.': 'muss der vollständige Pfad einer PEM-Datei sein.',
  'must be a language code like de or pt-BR, or empty for the system’s language.':
    'muss ein Sprachcode wie de oder pt-BR sein, oder leer für die Sprache des Systems.',
  'must look like eu-west-1:0a1b2c3d-… (the Identity Pool’s ID, region first).':
    'muss wie eu-west-1:0a1b2c3d-… aussehen (die ID des Identity Pools, Region zuerst).',
  'must be an IAM role ARN, like arn:aws:iam::123456789012:role/Name.':
    'muss der ARN einer IAM-Rolle sein, etwa arn:aws:iam::123456789012:role/Name.',
  'needs an Identity Pool ID: the role is asked of the Identity Pool.':
    'braucht eine Identity-Pool-ID: Die Rolle wird beim Identity Pool angefragt.',
  'must be printable text.': 'muss druckbarer Text sein.',
  'has a provider name that is not one word of at most {{max}} characters: "{{name}}".':
    'enthält einen Anbieternamen, der kein Wort mit höchstens {{max}} Zeichen ist: „{{name}}“.',
  'has a label that is not plain text of at most {{max}} characters: "{{label}}".':
    'enthält eine Beschriftung, die kein einfacher Text mit höchstens {{max}} Zeichen ist: „{{label}}“.',
  'lists COGNITO: the pool’s own users sign in on the hosted page already.':
    'führt COGNITO auf: Die eigenen Benutzer des Pools melden sich bereits auf der gehosteten Seite an.',
  'lists {{name}} twice.': 'führt {{name}} zweimal auf.',
  'Configured: {{names}}.': 'Eingerichtet: {{names}}.',
  'None is configured.': 'Es ist keiner eingerichtet.',
  'No identity provider named "{{name}}" is configured for this app. {{known}} Add it to the Identity providers setting (identityProviders) if the pool has it.':
    'Für diese App ist kein Identitätsanbieter „{{name}}“ eingerichtet. {{known}} Fügen Sie ihn der Einstellung „Identitätsanbieter“ (identityProviders) hinzu, wenn der Pool ihn hat.',

  // ── The configuration check ───────────────────────────────────────────────────────────────────
  'Settings are complete and valid': 'Die Einstellungen sind vollständig und gültig',
  'All settings are valid.': 'Alle Einstellungen sind gültig.',
  'Correct the settings named above.': 'Korrigieren Sie die oben genannten Einstellungen.',
  'Discovery document is reachable and well-formed': 'Das Discovery-Dokument ist erreichbar und wohlgeformt',
  'Use the user pool’s issuer: https://cognito-idp.<region>.amazonaws.com/<poolId> (no trailing slash).':
    'Verwenden Sie den Issuer des User Pools: https://cognito-idp.<region>.amazonaws.com/<poolId> (ohne abschließenden Schrägstrich).',
  'Use the provider’s issuer URL: its discovery document is at <issuer>/.well-known/openid-configuration.':
    'Verwenden Sie die Issuer-URL des Anbieters: Sein Discovery-Dokument liegt unter <issuer>/.well-known/openid-configuration.',
  'Issuer {{issuer}}.': 'Issuer {{issuer}}.',
  '{{endpoint}} on {{origin}}': '{{endpoint}} auf {{origin}}',
  'Endpoints needed for sign-in are published': 'Die für die Anmeldung nötigen Endpunkte sind veröffentlicht',
  'The provider publishes no {{endpoints}}.': 'Der Anbieter veröffentlicht kein {{endpoints}}.',
  'Provider sign-out page (end_session_endpoint)': 'Abmeldeseite des Anbieters (end_session_endpoint)',
  'Sign-out opens {{url}}.': 'Die Abmeldung öffnet {{url}}.',
  'None published: sign-out ends the app’s session, but not the provider’s (the next sign-in may not ask for a password).':
    'Keine veröffentlicht: Die Abmeldung beendet die Sitzung der App, aber nicht die des Anbieters (die nächste Anmeldung fragt eventuell nicht nach einem Passwort).',
  'Give the user pool a domain: /logout lives there.':
    'Geben Sie dem User Pool eine Domain: Dort liegt /logout.',
  'Ask the provider’s admin to enable RP-initiated logout (an end_session_endpoint in discovery).':
    'Bitten Sie die Verwaltung des Anbieters, RP-initiated Logout einzuschalten (einen end_session_endpoint im Discovery-Dokument).',
  'Redirect port {{port}} is free': 'Weiterleitungsport {{port}} ist frei',
  'The app can listen on {{host}}.': 'Die App kann auf {{host}} empfangen.',
  'Close the program using the port, or pick another port in both Cognito and Settings.':
    'Schließen Sie das Programm, das den Port verwendet, oder wählen Sie in Cognito und in den Einstellungen einen anderen Port.',
  'OS keychain is reachable and unlocked': 'Der Schlüsselbund des Systems ist erreichbar und entsperrt',
  'Entries are kept under the service name "{{service}}".':
    'Einträge liegen unter dem Dienstnamen „{{service}}“.',
  'Unlock the keychain: until then the app can neither read nor store your session or the client secret.':
    'Entsperren Sie den Schlüsselbund: Bis dahin kann die App weder Ihre Sitzung noch das Client-Geheimnis lesen oder speichern.',
  'Without a keychain, sign-in lasts only until the app quits.':
    'Ohne Schlüsselbund hält eine Anmeldung nur, bis die App beendet wird.',
  'Client secret': 'Client-Geheimnis',
  'A client secret is stored in the keychain (sent as {{method}}).':
    'Ein Client-Geheimnis ist im Schlüsselbund gespeichert (gesendet als {{method}}).',
  'No client secret stored: the app signs in as a public client. Store one if the app client has a secret.':
    'Kein Client-Geheimnis gespeichert: Die App meldet sich als öffentlicher Client an. Speichern Sie eines, wenn der App-Client ein Geheimnis hat.',
  'TLS certificates are trusted.': 'Den TLS-Zertifikaten wird vertraut.',
  'Network route to the provider (proxy and TLS)': 'Netzwerkweg zum Anbieter (Proxy und TLS)',
  'cognito-desktop cannot start': 'cognito-desktop kann nicht starten',
  'The API at {{host}} redirected the call to {{target}}. Your token was not sent there. If that address is the API, set the API URL to it.':
    'Die API unter {{host}} hat den Aufruf nach {{target}} umgeleitet. Ihr Token wurde nicht dorthin gesendet. Wenn diese Adresse die API ist, tragen Sie sie als API-URL ein.',
  'The provider sent no new ID token when the session was refreshed. Sign in again.':
    'Der Anbieter hat beim Erneuern der Sitzung kein neues ID-Token gesendet. Melden Sie sich erneut an.',
  'The provider sent an access token that has already expired. Check this computer’s clock.':
    'Der Anbieter hat ein bereits abgelaufenes Zugriffstoken gesendet. Prüfen Sie die Uhr dieses Computers.',
  'Choose a settings folder inside your home folder (COGNITO_DESKTOP_CONFIG_DIR).':
    'Wählen Sie einen Einstellungsordner in Ihrem Benutzerordner (COGNITO_DESKTOP_CONFIG_DIR).',
  'Remove it, or choose another settings folder (COGNITO_DESKTOP_CONFIG_DIR).':
    'Entfernen Sie ihn oder wählen Sie einen anderen Einstellungsordner (COGNITO_DESKTOP_CONFIG_DIR).',
  'Run: chmod go-w "{{path}}"': 'Führen Sie aus: chmod go-w "{{path}}"',
  'The settings folder is not safe: {{path}} belongs to user {{owner}} with mode {{mode}}, so another user could change what this app trusts. {{fix}}':
    'Der Einstellungsordner ist nicht sicher: {{path}} gehört Benutzer {{owner}} mit Modus {{mode}}, sodass ein anderer Benutzer ändern könnte, wem diese App vertraut. {{fix}}',
  'Link already used — cognito-desktop': 'Link bereits verwendet — cognito-desktop',
  'This link was already used': 'Dieser Link wurde bereits verwendet',
  'Each link the app opens works once. If you did not open it before, start again from the app.':
    'Jeder Link, den die App öffnet, funktioniert einmal. Wenn Sie ihn nicht schon geöffnet hatten, beginnen Sie in der App neu.',
  'The sign-in link was opened twice, so another program on this computer may have seen it. This sign-in was stopped to keep your session safe: sign in again.':
    'Der Anmeldelink wurde zweimal geöffnet, also hat ihn womöglich ein anderes Programm auf diesem Computer gesehen. Diese Anmeldung wurde zum Schutz Ihrer Sitzung abgebrochen: Melden Sie sich erneut an.',
  'COGNITO_CLIENT_SECRET is ignored: it is used only when COGNITO_DISCOVERY_URL and COGNITO_CLIENT_ID in the same environment name the provider and client it belongs to.':
    'COGNITO_CLIENT_SECRET wird ignoriert: Es wird nur verwendet, wenn COGNITO_DISCOVERY_URL und COGNITO_CLIENT_ID in derselben Umgebung den Anbieter und den Client nennen, zu denen es gehört.',
  'Your organization’s policy has a problem': 'Die Richtlinie Ihrer Organisation hat ein Problem',
  'Your organization changed the sign-in settings, so you were signed out of {{provider}}. Sign in again.':
    'Ihre Organisation hat die Anmeldeeinstellungen geändert, daher wurden Sie bei {{provider}} abgemeldet. Melden Sie sich erneut an.',
  'Your organisation’s policy does not allow adding profiles. Ask your administrator.':
    'Die Richtlinie Ihrer Organisation erlaubt keine weiteren Profile. Wenden Sie sich an Ihre Administration.',
  'Profile "{{name}}" is set by your organisation and cannot be removed.':
    'Das Profil „{{name}}“ wird von Ihrer Organisation festgelegt und kann nicht entfernt werden.',
  'Organization policy': 'Richtlinie der Organisation',
  'Ask your administrator to correct the policy ({{origin}}).':
    'Bitten Sie Ihre Administration, die Richtlinie zu korrigieren ({{origin}}).',
  '{{count}} settings are managed by your organization ({{origin}}).':
    '{{count}} Einstellungen werden von Ihrer Organisation verwaltet ({{origin}}).',
  'The policy file {{path}} is not valid JSON ({{reason}}): no policy is applied from it.':
    'Die Richtliniendatei {{path}} ist kein gültiges JSON ({{reason}}): Aus ihr wird keine Richtlinie angewendet.',
  'The managed preferences {{path}} are not a property list ({{reason}}): no policy is applied from them.':
    'Die verwalteten Einstellungen {{path}} sind keine Property List ({{reason}}): Aus ihnen wird keine Richtlinie angewendet.',
  'its top level is not a dictionary': 'ihre oberste Ebene ist kein Dictionary',
  'it is not a file': 'es ist keine Datei',
  '{{path}} belongs to user {{uid}}, not root': '{{path}} gehört Benutzer {{uid}}, nicht root',
  '{{path}} has mode {{mode}}: others can write it':
    '{{path}} hat den Modus {{mode}}: Andere können es schreiben',
  'The policy file {{path}} is not used: {{why}}. Make it root’s and not writable by others (chown root:root, chmod 644).':
    'Die Richtliniendatei {{path}} wird nicht verwendet: {{why}}. Machen Sie sie zu einer Datei von root, die andere nicht schreiben können (chown root:root, chmod 644).',
  'The policy in the registry could not be read ({{reason}}).':
    'Die Richtlinie in der Registrierung konnte nicht gelesen werden ({{reason}}).',
  'must be text.': 'muss Text sein.',
  'The policy must be an object of settings.': 'Die Richtlinie muss ein Objekt aus Einstellungen sein.',
  '"{{name}}" is not a profile name.': '„{{name}}“ ist kein Profilname.',
  'The policy value of {{setting}} is ignored: {{message}}':
    'Der Richtlinienwert von {{setting}} wird ignoriert: {{message}}',
};
