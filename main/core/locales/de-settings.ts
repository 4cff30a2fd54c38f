/**
 * German texts of the settings: their labels, their problems and the configuration check (part of
 * ./de.ts, which the code's `t`/`msg` read).
 */
export const DE_SETTINGS: Record<string, string> = {
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
