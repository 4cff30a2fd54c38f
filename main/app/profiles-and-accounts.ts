/**
 * Profiles and accounts, for the CLI and the app alike: which profile and account a session
 * belongs to, recording sign-ins, switching, signing one account out, adding and removing
 * profiles. The decisions are core's (profiles.ts, accounts.ts); this class carries them out on
 * the settings file, the accounts file and the keychain.
 */
import type { AuthService, SignOutResult } from '../core/session/auth-service.ts';
import { AuthError, toAuthError } from '../core/errors.ts';
import { t } from '../core/i18n.ts';
import { nodeCrypto } from '../core/lazy-builtins.ts';
import type { Profile } from '../core/session/session.ts';
import {
  DEFAULT_PROFILE,
  checkProfileName,
  profileNames,
  withProfileSettings,
  withoutProfile,
  type SettingsDocument,
} from '../core/settings/profiles.ts';
import {
  FIRST_ACCOUNT,
  accountsOf,
  findAccount,
  newAccountId,
  withActiveAccount,
  withSelectedProfile,
  withSignedIn,
  withoutAccount,
  withoutProfileAccounts,
  type AccountRecord,
  type AccountsState,
  type AccountsStore,
} from '../core/settings/accounts.ts';
import { isProviderConfigured, type SettingsInput } from '../core/settings/settings.ts';
import {
  accountInUse,
  accountsStore,
  createAuthService,
  createAwsCredentials,
  newProfilesForbiddenBy,
  organisationProfiles,
  resolveComposedSettings,
  type ComposeOptions,
  type ProfileSettings,
} from './compose.ts';

/** One account as lists show it: never a token. */
export interface AccountSummary {
  profile: string;
  id: string;
  /** Email or user name; undefined for a first account never signed in. */
  name: string | undefined;
  /** The profile's active account. */
  active: boolean;
  signedIn: boolean;
  /** When its access token expires (signed in only). */
  expiresAt?: number;
  /** Why its session could not be read (the keychain, a profile's bad settings). */
  problem?: string;
}

export interface ProfileSummary {
  name: string;
  /** The profile in use. */
  selected: boolean;
  /** Defined by the installer or the policy: cannot be removed. */
  fromInstaller: boolean;
  /** Its settings name a provider. */
  configured: boolean;
}

/** The profiles and accounts, for the switcher (window and menu) in every state. */
export interface SwitcherView {
  /** The profile in use. */
  profile: string;
  profiles: ProfileSummary[];
  /** Every profile's accounts. */
  accounts: AccountSummary[];
  /** The installer and the policy let people add profiles. */
  canAddProfiles: boolean;
}

/** A short id for a new account's keychain entries. */
function randomAccountId(): string {
  return nodeCrypto().randomBytes(3).toString('hex');
}

export class ProfilesAndAccounts {
  private readonly accounts: AccountsStore;
  private readonly currentOptions: () => ComposeOptions;

  /**
   * `options`, or where they change while it lives (the app's policy) the function that gives
   * them as they are now: every call reads them afresh.
   */
  constructor(options: ComposeOptions | (() => ComposeOptions)) {
    this.currentOptions = typeof options === 'function' ? options : () => options;
    this.accounts = accountsStore(this.options);
  }

  private get options(): ComposeOptions {
    return this.currentOptions();
  }

  // ── profiles ───────────────────────────────────────────────────────────────────────────────

  /** `profile` (default: the one in use) and its settings; `document` when the caller has the file in hand. */
  resolve(profile?: string, document?: SettingsDocument, accounts?: AccountsState): ProfileSettings {
    return resolveComposedSettings(this.withProfile(profile), document, accounts);
  }

  profiles(document: SettingsDocument = this.options.settingsStore.read()): ProfileSummary[] {
    const accounts = this.accounts.read();
    const selected = this.resolve(undefined, document, accounts).profile;
    const fromInstaller = new Set(organisationProfiles(this.options).names);
    return this.names(document).map((name) => ({
      name,
      selected: name === selected,
      fromInstaller: fromInstaller.has(name),
      configured: isProviderConfigured(this.resolve(name, document, accounts).input),
    }));
  }

  /** Adds a profile with `settings` (validated when the profile is used, like any settings). */
  async addProfile(name: string, settings: SettingsInput = {}): Promise<void> {
    checkProfileName(name);
    const forbiddenBy = newProfilesForbiddenBy(this.options);
    if (forbiddenBy) {
      throw new AuthError(
        'invalid_settings',
        forbiddenBy === 'policy'
          ? t('Your organisation’s policy does not allow adding profiles. Ask your administrator.')
          : t('Your organisation’s installer does not allow adding profiles. Ask your administrator.'),
      );
    }
    const document = this.options.settingsStore.read();
    if (this.names(document).includes(name)) {
      throw new AuthError('invalid_settings', t('There is already a profile "{{name}}".', { name }));
    }
    await this.options.settingsStore.write(withProfileSettings(document, name, settings));
  }

  /** Makes `name` the profile in use (the app follows). */
  async useProfile(name: string): Promise<void> {
    this.resolve(name);
    await this.accounts.update((state) => ({ state: withSelectedProfile(state, name), result: undefined }));
  }

  /**
   * Removes a profile the user added: signs each of its accounts out (no browser), deletes its
   * client secret, its settings and its accounts. The default profile and the installer's stay.
   */
  async removeProfile(name: string): Promise<void> {
    const document = this.options.settingsStore.read();
    if (!this.names(document).includes(name))
      throw new AuthError('invalid_settings', t('There is no profile "{{name}}".', { name }));
    if (name === DEFAULT_PROFILE || organisationProfiles(this.options).names?.includes(name)) {
      throw new AuthError(
        'invalid_settings',
        name === DEFAULT_PROFILE
          ? t('The default profile cannot be removed: clear its settings instead.')
          : t('Profile "{{name}}" is set by your organisation and cannot be removed.', { name }),
      );
    }
    const resolved = this.resolve(name, document);
    if (resolved.problems.length === 0) {
      for (const account of accountsOf(resolved.accounts, name).accounts) {
        await this.signOutQuietly(this.service(name, account.id));
      }
      await this.service(name, FIRST_ACCOUNT).setClientSecret(undefined);
    }
    await this.accounts.update((state) => ({
      state: withoutProfileAccounts(state, name),
      result: undefined,
    }));
    await this.options.settingsStore.write(withoutProfile(document, name));
  }

  // ── accounts ───────────────────────────────────────────────────────────────────────────────

  /** What the account switcher shows: the profiles, the one in use, every account of each. */
  async switcherView(document: SettingsDocument = this.options.settingsStore.read()): Promise<SwitcherView> {
    const profiles = this.profiles(document);
    return {
      profile: profiles.find((p) => p.selected)?.name ?? DEFAULT_PROFILE,
      profiles,
      accounts: await this.list(undefined, document).catch(() => []),
      canAddProfiles: newProfilesForbiddenBy(this.options) === undefined,
    };
  }

  /**
   * The service of account `id` of `profile` when the list has that account, else
   * `invalid_settings`: for ids that come from outside (the window), never taken on trust.
   */
  listedService(profile: string, id: string): AuthService {
    const options = this.withProfile(profile);
    const resolved = resolveComposedSettings(options);
    return createAuthService(options, resolved, findAccount(resolved.accounts, resolved.profile, id).id);
  }

  /**
   * A service for each account of `resolved`'s profile, `current` (the app's own) where it is one
   * of them; none while the profile's settings are not valid.
   */
  servicesOf(resolved: ProfileSettings, current?: AuthService): AuthService[] {
    if (resolved.problems.length > 0) return [];
    const mine = current?.scope.profile === resolved.profile ? current : undefined;
    return accountsOf(resolved.accounts, resolved.profile).accounts.map((account) =>
      mine && (mine.scope.account ?? FIRST_ACCOUNT) === account.id
        ? mine
        : this.listedService(resolved.profile, account.id),
    );
  }

  /** The service of `profile`'s account with id `account` (default: the one the options name, or the active one). */
  service(profile?: string, account?: string): AuthService {
    const options = this.withProfile(profile);
    const resolved = resolveComposedSettings(options);
    return createAuthService(options, resolved, account ?? accountInUse(options, resolved));
  }

  /**
   * The service to sign in to as another person: a new account, unless the active one is signed
   * out (then signing in there adds nobody twice). Nothing is recorded until the sign-in succeeds.
   */
  async serviceForNewAccount(profile?: string): Promise<AuthService> {
    const resolved = this.resolve(profile);
    const active = this.service(resolved.profile);
    if (!(await active.restore().catch(() => undefined))) return active;
    const id = newAccountId(resolved.accounts, resolved.profile, randomAccountId);
    return createAuthService(this.withProfile(resolved.profile), resolved, id);
  }

  /**
   * Records that `signedIn` signed in through `service`: its account is active and named. The same
   * person's other account in the profile is the older sign-in: signed out and dropped.
   */
  async recordSignIn(service: AuthService, signedIn: Profile): Promise<void> {
    const { profile = DEFAULT_PROFILE, account = FIRST_ACCOUNT } = service.scope;
    const who = { name: signedIn.email ?? signedIn.username, subject: signedIn.subject };
    const replaced = await this.accounts.update((state) => {
      const recorded = withSignedIn(state, profile, account, who);
      return { state: recorded.state, result: recorded.replaced };
    });
    for (const id of replaced) await this.signOutQuietly(this.service(profile, id));
  }

  /** Makes account `ref` (id or name) of `profile` active; no network. */
  async useAccount(ref: string, profile?: string): Promise<AccountRecord> {
    const { profile: name } = this.resolve(profile);
    return this.accounts.update((state) => {
      const account = findAccount(state, name, ref);
      return {
        state: withSelectedProfile(withActiveAccount(state, name, account.id), name),
        result: account,
      };
    });
  }

  /**
   * Signs account `service.scope` out and drops it from the list; the next one becomes active.
   * `openBrowser`: also end the provider's browser session.
   */
  async signOut(service: AuthService, options: { openBrowser?: boolean } = {}): Promise<SignOutResult> {
    const result = await service.signOut(options);
    await this.forget(service);
    return result;
  }

  /** Drops `service`'s account from the list (its session is already gone) and its AWS credentials. */
  async forget(service: AuthService): Promise<void> {
    const { profile = DEFAULT_PROFILE, account = FIRST_ACCOUNT } = service.scope;
    await createAwsCredentials(this.options, service).forget();
    await this.accounts.update((state) => ({
      state: withoutAccount(state, profile, account),
      result: undefined,
    }));
  }

  /**
   * Every account of `profiles` (default: all) with whether it is signed in: one keychain read
   * each, no network. A first account never signed in is left out.
   */
  async list(
    profiles?: string[],
    document: SettingsDocument = this.options.settingsStore.read(),
  ): Promise<AccountSummary[]> {
    const state = this.accounts.read();
    const summaries: AccountSummary[] = [];
    for (const profile of profiles ?? this.names(document)) {
      const entry = accountsOf(state, profile);
      const resolved = this.resolve(profile, document, state);
      for (const account of entry.accounts) {
        const summary = await this.summary(resolved, account, entry.active === account.id);
        if (summary.signedIn || summary.name !== undefined || summary.problem) summaries.push(summary);
      }
    }
    return summaries;
  }

  /** The id of the resolved profile's active account. */
  activeAccount(resolved: ProfileSettings): string {
    return accountsOf(resolved.accounts, resolved.profile).active;
  }

  /** Calls `listener` when another process changed the accounts or the profile in use. */
  watch(listener: () => void): () => void {
    return this.accounts.watch(listener);
  }

  private async summary(
    resolved: ProfileSettings,
    account: AccountRecord,
    active: boolean,
  ): Promise<AccountSummary> {
    const { profile } = resolved;
    const base = { profile, id: account.id, name: account.name, active, signedIn: false };
    if (!isProviderConfigured(resolved.input)) return base;
    try {
      const signedIn = await createAuthService(this.withProfile(profile), resolved, account.id).restore();
      if (!signedIn) return base;
      return {
        ...base,
        name: signedIn.email ?? signedIn.username,
        signedIn: true,
        expiresAt: signedIn.expiresAt,
      };
    } catch (error) {
      return { ...base, problem: toAuthError(error).message };
    }
  }

  private async signOutQuietly(service: AuthService): Promise<void> {
    await service.signOut({ openBrowser: false }).catch(() => undefined);
    await this.forget(service).catch(() => undefined);
  }

  private names(document: SettingsDocument): string[] {
    return profileNames(document, organisationProfiles(this.options));
  }

  private withProfile(profile?: string): ComposeOptions {
    return { ...this.options, ...(profile !== undefined ? { profile } : {}) };
  }
}
