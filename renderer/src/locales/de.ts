/**
 * German texts of the window, keyed by the English text the code passes to `t`/`msg`
 * (see ../i18n.ts). A unit test holds this table to the code: every key used has an entry here,
 * every entry is used, and both sides have the same `{{placeholders}}` and `<tags>`.
 */
export const DE: Record<string, string> = {
  // ── Everywhere ────────────────────────────────────────────────────────────────────────────────
  'Loading…': 'Wird geladen…',
  Settings: 'Einstellungen',
  'Open Settings': 'Einstellungen öffnen',
  Cancel: 'Abbrechen',
  'Sign in': 'Anmelden',
  'Sign out': 'Abmelden',
  Close: 'Schließen',
  Copy: 'Kopieren',
  Copied: 'Kopiert',
  'Copy {{what}}': '{{what}} kopieren',
  none: 'keine',
  on: 'an',
  off: 'aus',

  // ── Error titles ──────────────────────────────────────────────────────────────────────────────
  'Sign-in was cancelled': 'Die Anmeldung wurde abgebrochen',
  'The browser did not come back in time': 'Der Browser ist nicht rechtzeitig zurückgekehrt',
  'Another program is using the sign-in port': 'Ein anderes Programm verwendet den Anmeldeport',
  'Could not reach the sign-in service': 'Der Anmeldedienst ist nicht erreichbar',
  'Could not reach the network’s proxy': 'Der Proxy des Netzes ist nicht erreichbar',
  'The proxy needs you to sign in to it': 'Der Proxy verlangt eine Anmeldung',
  'The connection to the sign-in service is not trusted':
    'Der Verbindung zum Anmeldedienst wird nicht vertraut',
  'The sign-in service refused': 'Der Anmeldedienst hat abgelehnt',
  'That sign-in did not come from this app': 'Diese Anmeldung stammt nicht von dieser App',
  'Settings need attention': 'Die Einstellungen müssen geprüft werden',
  'The system keychain is not available': 'Der Schlüsselbund des Systems ist nicht verfügbar',
  'The system keychain is locked': 'Der Schlüsselbund des Systems ist gesperrt',
  'Another cognito-desktop is busy with your session':
    'Ein anderes cognito-desktop arbeitet gerade mit Ihrer Sitzung',
  'You are signed out': 'Sie sind abgemeldet',
  'Something went wrong': 'Etwas ist schiefgegangen',
  'Not allowed': 'Nicht erlaubt',

  // ── Signed out ────────────────────────────────────────────────────────────────────────────────
  'Opening your browser…': 'Ihr Browser wird geöffnet…',
  'Signs in with <b>{{domain}}</b>': 'Anmeldung über <b>{{domain}}</b>',
  'Signs in with <b>{{domain}}</b> (local emulator)': 'Anmeldung über <b>{{domain}}</b> (lokaler Emulator)',
  'Your work email': 'Ihre geschäftliche E-Mail-Adresse',
  Continue: 'Weiter',
  'Sign in with': 'Anmelden mit',
  'Continue with {{provider}}': 'Weiter mit {{provider}}',
  'Other sign-in options': 'Andere Anmeldemöglichkeiten',
  'Your web browser opens to sign in; then you come back here.':
    'Zum Anmelden öffnet sich Ihr Webbrowser; danach kommen Sie hierher zurück.',

  // ── Waiting for the browser ───────────────────────────────────────────────────────────────────
  'Finish signing in in your browser': 'Schließen Sie die Anmeldung in Ihrem Browser ab',
  'Waiting for {{domain}}… {{elapsed}} so far, gives up in {{left}}.':
    'Warten auf {{domain}}… bisher {{elapsed}}, Abbruch in {{left}}.',
  'Link copied': 'Link kopiert',
  'Copy sign-in link': 'Anmeldelink kopieren',
  'Open browser again': 'Browser erneut öffnen',
  'If no browser opened, copy the link and paste it into your browser.':
    'Wenn sich kein Browser geöffnet hat, kopieren Sie den Link und fügen Sie ihn in Ihren Browser ein.',

  // ── Signed in ─────────────────────────────────────────────────────────────────────────────────
  'Signed in as': 'Angemeldet als',
  'The system keychain is not available, so this sign-in will not be remembered after you quit.':
    'Der Schlüsselbund des Systems ist nicht verfügbar; diese Anmeldung wird nach dem Beenden nicht behalten.',
  Profile: 'Profil',
  Username: 'Benutzername',
  Email: 'E-Mail',
  '(not verified)': '(nicht bestätigt)',
  Groups: 'Gruppen',
  'Signed in through': 'Angemeldet über',
  'the user pool’s own sign-in': 'die eigene Anmeldung des User Pools',
  'Sign in with Apple': 'Mit Apple anmelden',
  'Login with Amazon': 'Login mit Amazon',
  Subject: 'Subject',
  Session: 'Sitzung',
  'Expires in': 'Läuft ab in',
  'Last refreshed': 'Zuletzt erneuert',
  'not yet': 'noch nicht',
  'Automatic refresh': 'Automatische Erneuerung',
  'Signed in with': 'Angemeldet bei',
  'AWS credentials': 'AWS-Zugangsdaten',
  'Getting AWS credentials…': 'AWS-Zugangsdaten werden geholt…',
  Status: 'Status',
  ready: 'bereit',
  Identity: 'Identität',
  Role: 'Rolle',
  'the Identity Pool’s authenticated role': 'die Rolle des Identity Pools für angemeldete Benutzer',
  'No Identity Pool is set.': 'Es ist kein Identity Pool eingestellt.',
  'API call': 'API-Aufruf',
  'The app calls <mono>{{url}}</mono> with your token, which stays in the app’s main process.':
    'Die App ruft <mono>{{url}}</mono> mit Ihrem Token auf, das im Hauptprozess der App bleibt.',
  'The app calls the provider’s userinfo endpoint with your access token, which stays in the app’s main process.':
    'Die App ruft den userinfo-Endpunkt des Anbieters mit Ihrem Zugriffstoken auf, das im Hauptprozess der App bleibt.',
  'Calling…': 'Wird aufgerufen…',
  'Call API': 'API aufrufen',
  'Call userinfo': 'userinfo aufrufen',
  'API status': 'API-Status',
  'the body is cut short': 'der Inhalt ist gekürzt',
  'API answer': 'API-Antwort',
  '(empty body)': '(leerer Inhalt)',

  // ── Accounts ──────────────────────────────────────────────────────────────────────────────────
  Accounts: 'Konten',
  'First account': 'Erstes Konto',
  '{{name}} ({{profile}})': '{{name}} ({{profile}})',
  'in use': 'in Verwendung',
  'signed in': 'angemeldet',
  'signed out': 'abgemeldet',
  'Switch to {{account}}': 'Zu {{account}} wechseln',
  Switch: 'Wechseln',
  'Remove {{account}}': '{{account}} entfernen',
  'Sign this account out and remove it from the list': 'Dieses Konto abmelden und aus der Liste entfernen',
  Remove: 'Entfernen',
  'No account is signed in.': 'Es ist kein Konto angemeldet.',
  'Add account…': 'Konto hinzufügen…',
  'Manage profiles…': 'Profile verwalten…',

  // ── Proxy sign-in ─────────────────────────────────────────────────────────────────────────────
  'Sign in to the proxy': 'Beim Proxy anmelden',
  'The proxy <b>{{proxy}}</b>{{realm}} needs your network user name and password to reach the sign-in service.':
    'Der Proxy <b>{{proxy}}</b>{{realm}} braucht Ihren Netzwerk-Benutzernamen und Ihr Passwort, um den Anmeldedienst zu erreichen.',
  'The proxy refused that user name or password. Try again.':
    'Der Proxy hat diesen Benutzernamen oder dieses Passwort abgelehnt. Versuchen Sie es erneut.',
  'User name': 'Benutzername',
  Password: 'Passwort',
  'Remember in the system keychain': 'Im Schlüsselbund des Systems merken',

  // ── Settings ──────────────────────────────────────────────────────────────────────────────────
  'Loading settings…': 'Einstellungen werden geladen…',
  'Enter your Cognito user pool’s details to start. The client secret, if your app client has one, is kept in your system keychain.':
    'Geben Sie zum Start die Daten Ihres Cognito User Pools ein. Das Client-Geheimnis, falls Ihr App-Client eines hat, wird im Schlüsselbund Ihres Systems aufbewahrt.',
  'Use the local Cognito emulator': 'Den lokalen Cognito-Emulator verwenden',
  '(development: try the app without AWS)': '(Entwicklung: die App ohne AWS ausprobieren)',
  Save: 'Speichern',
  'Check configuration': 'Konfiguration prüfen',
  'Not saved: correct the fields marked below.':
    'Nicht gespeichert: Korrigieren Sie die unten markierten Felder.',
  'Settings saved.': 'Einstellungen gespeichert.',
  'Your organization changed these settings; fields you edited keep your text.':
    'Ihre Organisation hat diese Einstellungen geändert; von Ihnen bearbeitete Felder behalten Ihren Text.',
  'Checking the configuration…': 'Die Konfiguration wird geprüft…',
  'Configuration check': 'Konfigurationsprüfung',
  'passed with a warning': 'bestanden, mit Warnung',
  passed: 'bestanden',
  failed: 'nicht bestanden',
  'Settings of profile': 'Einstellungen des Profils',
  '(set by your organisation)': '(von Ihrer Organisation)',
  '(not set up)': '(nicht eingerichtet)',
  'Remove profile {{name}}': 'Profil {{name}} entfernen',
  'New profile': 'Neues Profil',
  'Add profile': 'Profil hinzufügen',
  'Register these in Cognito': 'Diese Adressen in Cognito registrieren',
  'In the app client’s login pages, add:': 'Fügen Sie in den Anmeldeseiten des App-Clients hinzu:',
  'Allowed callback URL': 'Erlaubte Rückruf-URL',
  'Allowed sign-out URL': 'Erlaubte Abmelde-URL',
  'Client secret': 'Client-Geheimnis',
  'A secret is stored — type to replace it': 'Ein Geheimnis ist gespeichert – tippen, um es zu ersetzen',
  'None stored (public client)': 'Keines gespeichert (öffentlicher Client)',
  'Write-only: kept in the system keychain, never shown again.':
    'Nur schreibbar: im Schlüsselbund des Systems aufbewahrt, nie wieder angezeigt.',
  'A secret is stored.': 'Ein Geheimnis ist gespeichert.',
  'No secret is stored.': 'Es ist kein Geheimnis gespeichert.',
  'Remove the stored secret (public client)': 'Das gespeicherte Geheimnis entfernen (öffentlicher Client)',
  'from installer': 'vom Installer',
  'set by your organisation': 'von Ihrer Organisation festgelegt',
  'the system’s language': 'die Sprache des Systems',
  'The user pool’s issuer, https://cognito-idp.<region>.amazonaws.com/<pool id>, or its /.well-known/openid-configuration URL.':
    'Der Issuer des User Pools, https://cognito-idp.<region>.amazonaws.com/<pool id>, oder seine /.well-known/openid-configuration-URL.',
  'From the app client in Cognito.': 'Vom App-Client in Cognito.',
  'Must match an allowed callback URL exactly, port included.':
    'Muss genau einer erlaubten Rückruf-URL entsprechen, einschließlich Port.',
  'Must be an allowed sign-out URL; same host and port as the redirect URI.':
    'Muss eine erlaubte Abmelde-URL sein; gleicher Host und Port wie die Weiterleitungs-URI.',
  'Separated by spaces; must include openid.': 'Durch Leerzeichen getrennt; muss openid enthalten.',
  'The claim shown as your name (#email# works too).':
    'Der Claim, der als Ihr Name angezeigt wird (#email# geht auch).',
  'The claim that lists your groups: cognito:groups for Cognito; groups or roles for other providers.':
    'Der Claim mit Ihren Gruppen: cognito:groups bei Cognito; groups oder roles bei anderen Anbietern.',
  'How a client secret is sent: auto (what the provider offers), client_secret_basic or client_secret_post.':
    'Wie ein Client-Geheimnis gesendet wird: auto (was der Anbieter anbietet), client_secret_basic oder client_secret_post.',
  'Leave empty to use the system’s proxy settings. A proxy URL to use that one instead, or direct for none.':
    'Leer lassen, um die Proxy-Einstellungen des Systems zu verwenden. Eine Proxy-URL, um stattdessen diesen zu verwenden, oder direct für keinen.',
  'A PEM file of extra CA certificates to trust, such as your network’s TLS inspection root. Full path.':
    'Eine PEM-Datei mit zusätzlichen vertrauenswürdigen CA-Zertifikaten, etwa dem Stammzertifikat der TLS-Prüfung Ihres Netzes. Vollständiger Pfad.',
  'A “Continue with …” button for each, by its name in the user pool; =label sets the button’s text. Empty: the hosted page only.':
    'Eine Schaltfläche „Weiter mit …“ für jeden, mit seinem Namen im User Pool; =Beschriftung legt den Text der Schaltfläche fest. Leer: nur die gehostete Seite.',
  'on: the sign-in screen asks for an email and Cognito picks the provider mapped to its domain (identifiers in the pool).':
    'on: Die Anmeldung fragt nach einer E-Mail-Adresse, und Cognito wählt den Anbieter, der ihrer Domain zugeordnet ist (Kennungen im Pool).',
  'The app’s language (English or German) and the sign-in page’s (Cognito managed login: de, en, es, fr, id, it, ja, ko, pt-BR, zh-CN, zh-TW). Empty: the system’s.':
    'Die Sprache der App (Englisch oder Deutsch) und der Anmeldeseite (Cognito Managed Login: de, en, es, fr, id, it, ja, ko, pt-BR, zh-CN, zh-TW). Leer: die des Systems.',
  'A Cognito Identity Pool that trusts this user pool: the app then gets temporary AWS credentials for you. Empty: none.':
    'Ein Cognito Identity Pool, der diesem User Pool vertraut: Die App holt dann zeitlich begrenzte AWS-Zugangsdaten für Sie. Leer: keiner.',
  'The IAM role to ask the Identity Pool for, when it lets users choose. Empty: its authenticated role.':
    'Die IAM-Rolle, die beim Identity Pool angefragt wird, wenn er die Wahl lässt. Leer: seine Rolle für angemeldete Benutzer.',
  'The API the signed-in view calls with your token (an API Gateway stage…). Empty: the provider’s userinfo.':
    'Die API, die die angemeldete Ansicht mit Ihrem Token aufruft (eine API-Gateway-Stage…). Leer: userinfo des Anbieters.',
  'Which token that API expects: id (API Gateway’s Cognito authorizer without scopes) or access.':
    'Welches Token diese API erwartet: id (Cognito-Authorizer von API Gateway ohne Scopes) oder access.',
  'on: closing the window keeps the app in the tray (Windows, Linux), so you stay signed in; Quit from the tray ends it. macOS always keeps it running.':
    'on: Beim Schließen des Fensters bleibt die App im Infobereich (Windows, Linux), sodass Sie angemeldet bleiben; „Beenden“ im Infobereich beendet sie. Unter macOS läuft sie immer weiter.',
  'on: the app starts when you log in to this computer, so scripts find you signed in.':
    'an: Die App startet, wenn Sie sich an diesem Computer anmelden, sodass Skripte Sie angemeldet vorfinden.',
  Provider: 'Anbieter',
  'Sign-in': 'Anmeldung',
  Network: 'Netzwerk',
  'AWS and API': 'AWS und API',
  Advanced: 'Erweitert',
  'Sign in on another device': 'Auf einem anderen Gerät anmelden',
  'On your phone or another computer, open <b>{{address}}</b> and enter this code:':
    'Öffnen Sie auf Ihrem Telefon oder einem anderen Computer <b>{{address}}</b> und geben Sie diesen Code ein:',
  Code: 'Code',
  'QR code of the address with the code': 'QR-Code der Adresse mit dem Code',
  'The code expires in {{left}}.': 'Der Code läuft in {{left}} ab.',
  'Managed by your organization': 'Von Ihrer Organisation verwaltet',
  'Some of these settings are managed by your organization and cannot be changed here.':
    'Einige dieser Einstellungen werden von Ihrer Organisation verwaltet und können hier nicht geändert werden.',
};
