/**
 * German texts of the main process, keyed by the English text the code passes to `t`/`msg`
 * (see ../i18n.ts). A unit test holds this table to the code: every key used has an entry here,
 * every entry is used, and both sides have the same `{{placeholders}}`. The errors and the settings
 * have files of their own; no key is in two of the files.
 */
import { DE_ERRORS } from './de-errors.ts';
import { DE_SETTINGS } from './de-settings.ts';

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

  ...DE_ERRORS,
  ...DE_SETTINGS,
};
