/**
 * What administrators deploy policies with, written from the settings table (core's settings.ts)
 * so that it never drifts from the code: an ADMX/ADML pair for Group Policy and Intune, a sample
 * configuration profile for macOS MDMs, and a JSON schema (with an example) for the Linux file.
 * `npm run policy-templates` writes them to assets/policy/; a test holds the files equal to what
 * this writes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'plist';
import {
  SETTING_CHOICES,
  SETTING_ENV,
  SETTING_KEYS,
  SETTING_LABELS,
  settingDefault,
  type Settings,
} from '../main/core/settings/settings.ts';
import { DEFAULT_PROFILE, PROFILE_NAME } from '../main/core/settings/profiles.ts';
import { BUNDLE_ID } from '../main/adapters/policy/macos-managed-preferences.ts';
import { LINUX_POLICY_FILE } from '../main/adapters/policy/linux-policy-file.ts';

export const POLICY_TEMPLATES_DIR = 'assets/policy';
const REGISTRY_KEY = 'Software\\Policies\\cognito-desktop';
const ADMX_NAMESPACE = 'IoGithub.CognitoDesktop.Policies';
const GPO_SCHEMA = 'http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions';
const SWITCHES = ['emailFirst', 'keepRunning', 'startAtLogin'] as const;

/** What one setting means, for every template: its label, the default, the environment variable. */
function describe(key: keyof Settings): string {
  const fallback = settingDefault(key);
  const choices = SETTING_CHOICES[key];
  return [
    `${SETTING_LABELS[key]} (${key}).`,
    choices ? `One of: ${choices.join(', ')}.` : '',
    fallback ? `Default: ${fallback}.` : 'Default: none.',
    `Overrides the user's setting and ${SETTING_ENV[key]}; the user cannot change it.`,
  ]
    .filter(Boolean)
    .join(' ');
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The ADMX: one policy per setting (a text box, or a list for the settings with choices), and the profile and update switches. */
export function admx(): string {
  const policies = SETTING_KEYS.map((key) => {
    const choices = SETTING_CHOICES[key];
    const element = choices
      ? `<enum id="${key}" valueName="${key}" required="true">${choices
          .map(
            (choice) =>
              `<item displayName="$(string.${key}_${choice})"><value><string>${choice}</string></value></item>`,
          )
          .join('')}</enum>`
      : `<text id="${key}" valueName="${key}" required="true" />`;
    return `    <policy name="${key}" class="Both" displayName="$(string.${key})" explainText="$(string.${key}_Explain)" presentation="$(presentation.${key})" key="${REGISTRY_KEY}">
      <parentCategory ref="Settings" />
      <supportedOn ref="Supported_1" />
      <elements>${element}</elements>
    </policy>`;
  });
  const switchPolicy = (
    name: string,
    valueName: string,
  ) => `    <policy name="${name}" class="Both" displayName="$(string.${name})" explainText="$(string.${name}_Explain)" key="${REGISTRY_KEY}" valueName="${valueName}">
      <parentCategory ref="CognitoDesktop" />
      <supportedOn ref="Supported_1" />
      <enabledValue><decimal value="0" /></enabledValue>
    </policy>`;
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- Written by scripts/policy-templates.ts from the settings table: do not edit. -->
<policyDefinitions xmlns="${GPO_SCHEMA}" revision="1.0" schemaVersion="1.0">
  <policyNamespaces>
    <target prefix="cognitodesktop" namespace="${ADMX_NAMESPACE}" />
  </policyNamespaces>
  <resources minRequiredRevision="1.0" />
  <supportedOn>
    <definitions>
      <definition name="Supported_1" displayName="$(string.Supported_1)" />
    </definitions>
  </supportedOn>
  <categories>
    <category name="CognitoDesktop" displayName="$(string.CognitoDesktop)" />
    <category name="Settings" displayName="$(string.Settings)">
      <parentCategory ref="CognitoDesktop" />
    </category>
  </categories>
  <policies>
${[...policies, switchPolicy('NoUserProfiles', 'userProfiles'), switchPolicy('NoUpdates', 'updates')].join('\n')}
  </policies>
</policyDefinitions>
`;
}

/** The ADML (en-US): the names, explanations and boxes the Group Policy editor shows. */
export function adml(): string {
  const strings: [string, string][] = [
    ['CognitoDesktop', 'cognito-desktop'],
    ['Settings', 'Sign-in settings (default profile)'],
    ['Supported_1', 'cognito-desktop 1.0 and later'],
    ['NoUserProfiles', 'Do not allow people to add profiles'],
    [
      'NoUserProfiles_Explain',
      'Enabled: people use only the default profile and the profiles the policy or the installer defines.',
    ],
    ['NoUpdates', 'Turn off updates'],
    ['NoUpdates_Explain', 'Enabled: the app neither looks for nor installs updates.'],
  ];
  for (const key of SETTING_KEYS) {
    strings.push([key, SETTING_LABELS[key]], [`${key}_Explain`, describe(key)]);
    for (const choice of SETTING_CHOICES[key] ?? []) strings.push([`${key}_${choice}`, choice]);
  }
  const presentations = SETTING_KEYS.map((key) =>
    SETTING_CHOICES[key]
      ? `      <presentation id="${key}"><dropdownList refId="${key}" noSort="true">${xml(SETTING_LABELS[key])}</dropdownList></presentation>`
      : `      <presentation id="${key}"><textBox refId="${key}"><label>${xml(SETTING_LABELS[key])}</label></textBox></presentation>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- Written by scripts/policy-templates.ts from the settings table: do not edit. -->
<policyDefinitionResources xmlns="${GPO_SCHEMA}" revision="1.0" schemaVersion="1.0">
  <displayName>cognito-desktop</displayName>
  <description>Policies of the cognito-desktop sign-in app.</description>
  <resources>
    <stringTable>
${strings.map(([id, text]) => `      <string id="${id}">${xml(text)}</string>`).join('\n')}
    </stringTable>
    <presentationTable>
${presentations.join('\n')}
    </presentationTable>
  </resources>
</policyDefinitionResources>
`;
}

/** An example policy (the pool, the client, a proxy, a second profile, no profiles of people's own). */
export const EXAMPLE_POLICY = {
  discoveryUrl: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123',
  clientId: '1example23456789',
  proxy: 'http://proxy.corp.example:3128',
  keepRunning: true,
  profiles: {
    prod: {
      discoveryUrl: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Prod12345',
      clientId: '2example23456789',
    },
  },
  userProfiles: false,
};

/** The JSON schema of the Linux policy file (and of what every OS's policy turns into). */
export function jsonSchema(): object {
  const settings = Object.fromEntries(
    SETTING_KEYS.map((key) => {
      const choices = SETTING_CHOICES[key];
      const text = choices ? { type: 'string', enum: [...choices] } : { type: 'string' };
      const schema =
        key === 'identityProviders'
          ? {
              anyOf: [
                text,
                {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: { name: { type: 'string' }, label: { type: 'string' } },
                    required: ['name'],
                    additionalProperties: false,
                  },
                },
              ],
            }
          : (SWITCHES as readonly string[]).includes(key)
            ? { anyOf: [text, { type: 'boolean' }] }
            : text;
      return [key, { description: describe(key), ...schema }];
    }),
  );
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://github.com/cognito-desktop/cognito-desktop/assets/policy/policy.schema.json',
    title: `cognito-desktop policy (${LINUX_POLICY_FILE})`,
    description:
      'Settings an organisation sets for every user of the machine: each one set here is locked. The top level is the default profile.',
    type: 'object',
    $defs: { settings: { type: 'object', properties: settings, additionalProperties: false } },
    properties: {
      ...settings,
      profiles: {
        description: 'Named profiles, each with its own settings; they exist on every managed machine.',
        type: 'object',
        propertyNames: { pattern: PROFILE_NAME.source, not: { const: DEFAULT_PROFILE } },
        additionalProperties: { $ref: '#/$defs/settings' },
      },
      userProfiles: { description: 'false: people cannot add profiles of their own.', const: false },
      updates: {
        description: 'false turns updates off; { "url": "https://…" } names the update feed.',
        anyOf: [
          { const: false },
          {
            type: 'object',
            properties: { url: { type: 'string', pattern: '^https://' } },
            required: ['url'],
            additionalProperties: false,
          },
        ],
      },
    },
    additionalProperties: false,
  };
}

/** A sample configuration profile: the example policy as a custom-settings payload for the app's domain. */
export function mobileconfig(): string {
  const payload = {
    PayloadContent: [
      {
        PayloadType: BUNDLE_ID,
        PayloadIdentifier: `${BUNDLE_ID}.policy`,
        PayloadUUID: '6F1C3A52-6A4B-4E0C-9C1E-2D5B8A7E4F10',
        PayloadVersion: 1,
        PayloadDisplayName: 'cognito-desktop settings',
        ...EXAMPLE_POLICY,
      },
    ],
    PayloadDisplayName: 'cognito-desktop',
    PayloadDescription: 'Sets the sign-in settings of cognito-desktop. Replace the example values.',
    PayloadIdentifier: `${BUNDLE_ID}.profile`,
    PayloadOrganization: 'Example Corp',
    PayloadScope: 'System',
    PayloadType: 'Configuration',
    PayloadUUID: '0B8E5C3D-2F7A-4A51-8D6C-3E9F1B2A7C44',
    PayloadVersion: 1,
  };
  const keys = SETTING_KEYS.map((key) => `       ${key}: ${describe(key).replace(/--/g, '—')}`).join('\n');
  return build(payload).replace(
    '<plist version="1.0">',
    `<!-- Written by scripts/policy-templates.ts from the settings table: do not edit.
     Every key the payload may hold besides the example's (see docs/admin-guide.md):
${keys}
       profiles, userProfiles, updates: as in policy.schema.json. -->
<plist version="1.0">`,
  );
}

/** Every template file, by its path under assets/policy/. */
export function policyTemplates(): Record<string, string> {
  return {
    'cognito-desktop.admx': admx(),
    'en-US/cognito-desktop.adml': adml(),
    'cognito-desktop.mobileconfig': mobileconfig(),
    'policy.schema.json': `${JSON.stringify(jsonSchema(), null, 2)}\n`,
    'policy.example.json': `${JSON.stringify(EXAMPLE_POLICY, null, 2)}\n`,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [name, text] of Object.entries(policyTemplates())) {
    const path = join(POLICY_TEMPLATES_DIR, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    console.log(`wrote ${path}`);
  }
}
