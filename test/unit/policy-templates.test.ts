/**
 * What administrators deploy policies with: the files in assets/policy/ are exactly what the
 * generator writes from the settings table (so a new setting cannot be left out of them), the
 * ADMX and ADML pass the ADMX schema in xmllint, the configuration profile parses back as a
 * property list that the macOS reader takes, and the example policy passes the JSON schema and
 * the policy reader without a problem.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'plist';
import { describe, expect, it } from 'vitest';
import {
  EXAMPLE_POLICY,
  POLICY_TEMPLATES_DIR,
  admx,
  adml,
  jsonSchema,
  policyTemplates,
} from '../../scripts/policy-templates.ts';
import { SETTING_CHOICES, SETTING_KEYS } from '../../main/core/settings/settings.ts';
import { parsePolicy } from '../../main/core/settings/policy.ts';
import { BUNDLE_ID } from '../../main/adapters/policy/macos-managed-preferences.ts';

const XSD = 'test/fixtures/policy/policy-definitions.xsd';
const XMLLINT = spawnSync('xmllint', ['--version']).status === 0;
if (!XMLLINT)
  console.warn(
    'policy-templates: xmllint is not installed (Debian: libxml2-utils); the schema check is skipped.',
  );

describe('the policy templates', () => {
  it('are committed exactly as the generator writes them (run: npm run policy-templates)', () => {
    for (const [name, text] of Object.entries(policyTemplates()))
      expect(readFileSync(join(POLICY_TEMPLATES_DIR, name), 'utf8'), name).toBe(text);
  });

  it('describe every setting: a Group Policy with its strings, and a schema property', () => {
    const schema = jsonSchema() as { properties: Record<string, unknown> };
    for (const key of SETTING_KEYS) {
      expect(admx(), key).toContain(`<policy name="${key}" `);
      expect(adml(), key).toContain(`<string id="${key}_Explain">`);
      expect(schema.properties, key).toHaveProperty(key);
      for (const choice of SETTING_CHOICES[key] ?? []) expect(admx()).toContain(`<string>${choice}</string>`);
    }
  });

  it.skipIf(!XMLLINT)('ADMX and ADML pass the ADMX schema (xmllint), which refuses a broken one', () => {
    const dir = POLICY_TEMPLATES_DIR;
    execFileSync(
      'xmllint',
      [
        '--noout',
        '--schema',
        XSD,
        join(dir, 'cognito-desktop.admx'),
        join(dir, 'en-US/cognito-desktop.adml'),
      ],
      {
        stdio: 'pipe',
      },
    );
    const broken = admx().replace('class="Both"', 'class="Everyone"');
    expect(() =>
      execFileSync('xmllint', ['--noout', '--schema', XSD, '-'], { input: broken, stdio: 'pipe' }),
    ).toThrow();
  });

  it('every string and presentation the ADMX names is in the ADML', () => {
    const ids = new Set([...adml().matchAll(/<string id="([^"]+)"/g)].map((m) => m[1]));
    const presentations = new Set([...adml().matchAll(/<presentation id="([^"]+)"/g)].map((m) => m[1]));
    for (const [, id] of admx().matchAll(/\$\(string\.([^)]+)\)/g)) expect(ids, id).toContain(id);
    for (const [, id] of admx().matchAll(/\$\(presentation\.([^)]+)\)/g))
      expect(presentations, id).toContain(id);
  });

  it('the configuration profile parses back as a property list the macOS reader takes', () => {
    const profile = parse(
      readFileSync(join(POLICY_TEMPLATES_DIR, 'cognito-desktop.mobileconfig'), 'utf8'),
    ) as {
      PayloadContent: Record<string, unknown>[];
    };
    const [payload] = profile.PayloadContent;
    expect(payload?.PayloadType).toBe(BUNDLE_ID);
    const policy = parsePolicy('mobileconfig', payload);
    expect(policy.problems).toEqual([]);
    expect(policy.values.discoveryUrl).toBe(EXAMPLE_POLICY.discoveryUrl);
  });

  it('the example policy passes the JSON schema and the reader; the schema refuses a typo and a bad choice', () => {
    const validate = new Ajv2020({ strict: true }).compile(
      JSON.parse(readFileSync(join(POLICY_TEMPLATES_DIR, 'policy.schema.json'), 'utf8')),
    );
    const example = JSON.parse(
      readFileSync(join(POLICY_TEMPLATES_DIR, 'policy.example.json'), 'utf8'),
    ) as object;
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    expect(parsePolicy('example', example).problems).toEqual([]);
    expect(validate({ discoveryURL: 'https://x' })).toBe(false);
    expect(validate({ apiToken: 'refresh' })).toBe(false);
    expect(validate({ profiles: { default: {} } })).toBe(false);
  });
});
