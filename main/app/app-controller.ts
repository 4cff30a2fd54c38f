/**
 * The desktop app's behaviour, free of Electron: it owns the current {@link AuthService}, turns its
 * events into the {@link AppState} the window shows, and carries out what the window and the menu
 * ask. main/index.ts wires it to Electron; the browser journeys drive it through the same IPC
 * handlers without Electron.
 */
import type { AuthService, SessionChange } from '../core/auth-service.ts';
import { createAuthService, effectiveSettingsInput, type ComposeOptions } from './compose.ts';
import { runDoctor } from '../core/doctor.ts';
import { AuthError, toAuthError } from '../core/errors.ts';
import type { Browser, Clipboard, Logger, SecretStore, SettingsStore } from '../core/ports.ts';
import type { Fetch } from '../core/provider.ts';
import type { Profile } from '../core/session.ts';
import {
  SETTING_KEYS,
  findSettingsProblems,
  isLoopbackHost,
  isProviderConfigured,
  validateSettings,
  withDefaults,
  type SettingsInput,
} from '../core/settings.ts';
import type {
  AppState,
  DoctorReportDto,
  ErrorDto,
  ProviderDto,
  SaveSettingsInput,
  SettingsDto,
  SettingsProblemDto,
  SettingsValidationDto,
  SettingsView,
} from '../../preload/contract.ts';
import { SETTINGS_FIELDS } from '../../preload/contract.ts';

/** Settings an installer ships (provider.json): defaults, some of them locked. */
export interface InstallerSettings {
  values: SettingsInput;
  locked: (keyof SettingsDto)[];
}

/** The local Cognito emulator, offered in development when nothing is configured. */
export interface EmulatorLauncher {
  /** Starts it (if needed) and returns the settings that point the app at it. */
  start(): Promise<SettingsInput & { clientSecret?: string }>;
}

export interface AppControllerDeps {
  configDir: string;
  settingsStore: SettingsStore;
  secretStore: SecretStore;
  browser: Browser;
  clipboard: Clipboard;
  onStateChanged: (state: AppState) => void;
  /** Called when a sign-in completes: the window comes to the front. */
  onSignedIn?: () => void;
  env?: NodeJS.ProcessEnv;
  installer?: InstallerSettings;
  emulator?: EmulatorLauncher;
  fetch?: Fetch;
  logger?: Logger;
}

/** What the user sees after a session ends on its own. */
const ENDED_NOTICE: Record<string, string> = {
  revoked: 'Your sign-in was revoked or has expired at the provider. Sign in again to continue.',
  expired: 'Your session has expired. Sign in again to continue.',
  elsewhere: 'You signed out from the command line or another window.',
};

/** An error as it crosses to the renderer: its code, its user-safe message, the setting at fault. */
export function toErrorDto(error: unknown): ErrorDto {
  const mapped = toAuthError(error);
  return {
    code: mapped.code,
    message: mapped.message,
    ...(mapped.setting ? { setting: mapped.setting } : {}),
  };
}

function pickDto(input: SettingsInput): SettingsDto {
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  return {
    discoveryUrl: text(input.discoveryUrl),
    clientId: text(input.clientId),
    redirectUri: text(input.redirectUri),
    logoutUri: text(input.logoutUri),
    scopes: text(input.scopes),
    usernameClaim: text(input.usernameClaim),
  };
}

/** The app: one instance per process. */
export class AppController {
  private service: AuthService | undefined;
  private current: AppState = { status: 'unconfigured', emulatorOffered: false };
  private readonly deps: AppControllerDeps;

  constructor(deps: AppControllerDeps) {
    this.deps = deps;
  }

  /** The state the window shows now. */
  state(): AppState {
    return this.current;
  }

  /** Loads settings and restores a stored session (no network). Call once at start-up. */
  async init(): Promise<void> {
    await this.rebuild();
  }

  /** Stops timers and any waiting sign-in. */
  dispose(): void {
    this.service?.dispose();
  }

  // ── session ────────────────────────────────────────────────────────────────────────────────

  /** Starts a sign-in: returns once the browser was asked to open; the outcome arrives as state. */
  async signIn(): Promise<void> {
    const service = this.requireService();
    await this.startSignIn(() => service.signIn());
  }

  cancelSignIn(): void {
    this.service?.cancelSignIn();
  }

  /** Copies the waiting sign-in's URL, for when the browser did not open. */
  async copySignInLink(): Promise<void> {
    const attempt = this.service?.currentAttempt();
    if (!attempt) throw new AuthError('not_signed_in', 'No sign-in is waiting for the browser.');
    await this.deps.clipboard.writeText(attempt.url);
  }

  async openBrowserAgain(): Promise<void> {
    await this.requireService().reopenBrowser();
  }

  /** Signs out here and at the provider; the state changes to signed-out at once. */
  async signOut(): Promise<void> {
    const service = this.requireService();
    const result = await service.signOut();
    const notice = result.notes.length > 0 ? result.notes.join(' ') : undefined;
    this.publish(this.signedOutState(undefined, notice));
  }

  async signInAsSomeoneElse(): Promise<void> {
    const service = this.requireService();
    await this.startSignIn(() => service.signInAsSomeoneElse());
  }

  /** Calls the provider's userinfo endpoint with the access token (kept in main). */
  async callUserInfo(): Promise<Record<string, unknown>> {
    return this.requireService().fetchUserInfo();
  }

  // ── settings ───────────────────────────────────────────────────────────────────────────────

  /** The settings as the Settings screen shows them. */
  async settingsView(): Promise<SettingsView> {
    const input = this.effectiveInput();
    const values = pickDto(input);
    const inEffect = withDefaults(input);
    const stored = this.deps.settingsStore.read();
    const installerKeys = Object.keys(this.deps.installer?.values ?? {}) as (keyof SettingsDto)[];
    return {
      values,
      locked: [...(this.deps.installer?.locked ?? [])],
      fromInstaller: installerKeys.filter((k) => SETTINGS_FIELDS.includes(k) && stored[k] === undefined),
      hasClientSecret: (await this.service?.hasClientSecret().catch(() => false)) ?? false,
      callbackUrl: inEffect.redirectUri,
      signOutUrl: inEffect.logoutUri,
    };
  }

  /** Problems with `values`, per field, and the URLs to register that they mean. */
  validate(values: SettingsDto): SettingsValidationDto {
    const input = this.withLocked(values);
    const inEffect = withDefaults(input);
    return {
      problems: this.problemsOf(input),
      callbackUrl: inEffect.redirectUri,
      signOutUrl: inEffect.logoutUri,
    };
  }

  private problemsOf(input: SettingsInput): SettingsProblemDto[] {
    return findSettingsProblems(input).filter((p): p is SettingsProblemDto =>
      SETTINGS_FIELDS.includes(p.setting as keyof SettingsDto),
    );
  }

  /** Validates and saves; the secret goes to the keychain only. Rebuilds the session for the new settings. */
  async saveSettings(input: SaveSettingsInput): Promise<SettingsView> {
    const values = this.withLocked(input.values);
    validateSettings(values);
    const stored = { ...this.deps.settingsStore.read() };
    for (const key of SETTINGS_FIELDS) {
      const value = values[key];
      if (typeof value === 'string' && value.trim() !== '') stored[key] = value.trim();
      else delete stored[key];
    }
    await this.deps.settingsStore.write(stored);
    await this.rebuild();
    if (input.clientSecret !== undefined) await this.requireService().setClientSecret(input.clientSecret);
    return this.settingsView();
  }

  /** Runs the configuration doctor on `values` (saved or not). */
  async checkConfiguration(values: SettingsDto): Promise<DoctorReportDto> {
    const input = { ...this.effectiveInput(), ...this.withLocked(values) };
    return runDoctor({
      input,
      secretStore: this.deps.secretStore,
      ...(this.deps.fetch ? { fetch: this.deps.fetch } : {}),
    });
  }

  async copyText(text: string): Promise<void> {
    await this.deps.clipboard.writeText(text);
  }

  /** Development: start the local emulator and point the app at it. */
  async useEmulator(): Promise<void> {
    if (!this.deps.emulator)
      throw new AuthError(
        'invalid_settings',
        'The local emulator is offered only in development (npm start).',
      );
    const { clientSecret, ...values } = await this.deps.emulator.start();
    await this.deps.settingsStore.write({ ...this.deps.settingsStore.read(), ...values });
    await this.rebuild();
    if (clientSecret !== undefined) await this.requireService().setClientSecret(clientSecret);
  }

  // ── internals ──────────────────────────────────────────────────────────────────────────────

  /** The wiring the CLI uses too (./compose.ts), with the installer's presets. */
  private composeOptions(): ComposeOptions {
    const { installer, fetch, logger } = this.deps;
    return {
      configDir: this.deps.configDir,
      settingsStore: this.deps.settingsStore,
      secretStore: this.deps.secretStore,
      browser: this.deps.browser,
      env: this.deps.env ?? {},
      ...(installer ? { defaults: installer.values, overrides: this.lockedSettings() } : {}),
      ...(fetch ? { fetch } : {}),
      ...(logger ? { logger } : {}),
    };
  }

  private effectiveInput(): SettingsInput {
    return effectiveSettingsInput(this.composeOptions());
  }

  /** The installer's locked settings: they win over anything typed. */
  private lockedSettings(): SettingsInput {
    const locked: SettingsInput = {};
    for (const key of this.deps.installer?.locked ?? []) locked[key] = this.deps.installer?.values[key];
    return locked;
  }

  private withLocked(values: SettingsInput): SettingsInput {
    const result: SettingsInput = {};
    for (const key of SETTING_KEYS) if (values[key] !== undefined) result[key] = values[key];
    return { ...result, ...this.lockedSettings() };
  }

  private async rebuild(): Promise<void> {
    this.service?.dispose();
    this.service?.removeAllListeners();
    this.service = undefined;
    const input = this.effectiveInput();
    if (!isProviderConfigured(input)) {
      this.publish({ status: 'unconfigured', emulatorOffered: this.deps.emulator !== undefined });
      return;
    }
    let service: AuthService;
    try {
      service = createAuthService(this.composeOptions());
    } catch (error) {
      this.publish({
        status: 'unconfigured',
        emulatorOffered: this.deps.emulator !== undefined,
        error: toErrorDto(error),
      });
      return;
    }
    this.service = service;
    service.on('session-changed', (change) => this.onSessionChanged(service, change));
    service.on('sign-in-started', () => this.publish(this.waitingState(service)));
    service.on('sign-in-problem', (error) => {
      if (this.service === service && this.current.status === 'waiting')
        this.publish({ ...this.current, warning: toErrorDto(error) });
    });
    try {
      const profile = await service.restore();
      this.publish(profile ? this.signedInState(profile) : this.signedOutState());
      service.startAutoRefresh();
      service.followSharedSession();
      // Warm the discovery cache in the background: the next click opens the browser at once, and
      // the screen can name the user-pool domain rather than the issuer.
      void service.directory.metadata().then(
        () => this.republishProvider(service),
        () => undefined,
      );
    } catch (error) {
      this.publish(this.signedOutState(toErrorDto(error)));
    }
  }

  private async startSignIn(run: () => Promise<Profile>): Promise<void> {
    const service = this.requireService();
    // The outcome arrives through events; a failure lands in the state as a readable error.
    const done = run().catch((error: unknown) => {
      if (this.service !== service) return;
      const dto = toErrorDto(error);
      const profile = service.profile();
      this.publish(profile ? { ...this.signedInState(profile), error: dto } : this.signedOutState(dto));
    });
    let started: () => void = () => undefined;
    const waiting = new Promise<void>((resolve) => (started = resolve));
    service.once('sign-in-started', started);
    await Promise.race([done, waiting]);
    service.off('sign-in-started', started);
  }

  private onSessionChanged(service: AuthService, change: SessionChange): void {
    if (this.service !== service) return;
    if (change.type === 'signed-out') {
      this.publish(this.signedOutState(undefined, ENDED_NOTICE[change.reason]));
      return;
    }
    // While this window waits for its own sign-in, a session another process stored must not
    // replace the waiting screen.
    if (change.type === 'synced' && this.current.status === 'waiting') return;
    this.publish(this.signedInState(change.profile));
    if (change.type === 'signed-in') this.deps.onSignedIn?.();
  }

  private republishProvider(service: AuthService): void {
    if (this.service !== service || this.current.status === 'unconfigured') return;
    this.publish({ ...this.current, provider: this.provider() });
  }

  private provider(): ProviderDto {
    const service = this.requireService();
    const issuer = service.settings.discoveryUrl;
    const authorize = service.directory.cachedMetadata()?.authorization_endpoint;
    const host = new URL(authorize ?? issuer).host;
    return { domain: host, issuer, isEmulator: isLoopbackHost(new URL(issuer).hostname) };
  }

  private signedInState(profile: Profile): Extract<AppState, { status: 'signed-in' }> {
    return {
      status: 'signed-in',
      provider: this.provider(),
      profile,
      autoRefresh: true,
    };
  }

  private signedOutState(error?: ErrorDto, notice?: string): AppState {
    return {
      status: 'signed-out',
      provider: this.provider(),
      ...(error ? { error } : {}),
      ...(notice ? { notice } : {}),
    };
  }

  private waitingState(service: AuthService): AppState {
    const attempt = service.currentAttempt();
    const now = Date.now();
    return {
      status: 'waiting',
      provider: this.provider(),
      startedAt: attempt?.startedAt ?? now,
      expiresAt: attempt?.expiresAt ?? now,
    };
  }

  private publish(state: AppState): void {
    this.current = state;
    this.deps.onStateChanged(state);
  }

  private requireService(): AuthService {
    if (!this.service) {
      throw new AuthError(
        'invalid_settings',
        'The app is not set up yet: open Settings and enter your provider’s details.',
      );
    }
    return this.service;
  }
}
