/**
 * The desktop app's behaviour, free of Electron: it owns the current {@link AuthService}, turns its
 * events into the {@link AppStatus} the window shows (main/ipc/wire.ts turns that into the wire's
 * AppState), and carries out the account and profile actions the window and the menu ask for.
 * Starting a sign-in is its {@link SignInStarts}', the Settings screen's actions are its
 * {@link SettingsUseCases}' and a proxy's question its {@link ProxyQuestion}'s. main/index.ts wires
 * it to Electron; the browser journeys drive it through the same IPC handlers without Electron.
 */
import type { AuthService } from '../core/session/auth-service.ts';
import { watchSession } from './session-watch.ts';
import { createAuthService, createAwsCredentials } from './compose.ts';
import type { Policy } from '../core/settings/policy.ts';
import {
  leaveReplacedPool,
  policyChange,
  policyProblemsNotice,
  replacedPoolNotice,
} from './follow-policy.ts';
import type { ApiAnswer } from '../core/session/api-call.ts';
import type { AwsCredentialSource, AwsCredentialsStatus } from '../core/aws/aws-credentials.ts';
import { SettingsUseCases, type SettingsDeps } from './settings-use-cases.ts';
import { AuthError, toAuthError } from '../core/errors.ts';
import { appLanguage, systemLocale, t, useLanguage } from '../core/i18n.ts';
import type { Clipboard } from '../core/ports.ts';
import type { Profile } from '../core/session/session.ts';
import { isProviderConfigured } from '../core/settings/settings.ts';
import type { AppStatus, SessionStatus, SwitcherView } from './app-status.ts';
import { ProxyQuestion, type ProxyQuestionShown } from './proxy-question.ts';
import { signedInState, signedOutState, waitingState } from './session-states.ts';
import { SignInStarts } from './sign-in-starts.ts';
import { ProfilesAndAccounts } from './profiles-and-accounts.ts';
import { collectDiagnostics, type DiagnosticsInput } from './diagnostics.ts';
import type { SettingsDocument } from '../core/settings/profiles.ts';
import type { ProfileSettings } from './compose.ts';

export interface AppControllerDeps extends SettingsDeps {
  clipboard: Clipboard;
  onStateChanged: (state: AppStatus) => void;
  /** Shows an OS notification (a session ended without the user asking); its click opens the app. */
  notify?: (notification: { title: string; body: string }) => void;
  /** A proxy asks for credentials: show the sign-in dialog (undefined: close it). */
  onProxySignIn?: (request: ProxyQuestionShown | undefined) => void;
  /** Called when a sign-in completes: the window comes to the front. */
  onSignedIn?: () => void;
}

export type { EmulatorLauncher, InstallerSettings } from './settings-use-cases.ts';

/** The app: one instance per process. */
export class AppController {
  private service: AuthService | undefined;
  private current: AppStatus = { status: 'unconfigured', emulatorOffered: false };
  private readonly deps: AppControllerDeps;
  /** The Settings screen's actions (the IPC handlers call them directly). */
  readonly settings: SettingsUseCases;
  /** The AWS credentials of the current session (its Identity Pool setting). */
  private aws: AwsCredentialSource | undefined;
  /**
   * Puts a proxy's request for credentials (core/network/proxy-sign-in.ts) to the person through
   * the window's dialog, and takes the dialog's reply.
   */
  readonly proxyQuestion: ProxyQuestion;
  /** The window's ways to start a sign-in, and the waiting screen's actions. */
  readonly signIns: SignInStarts;
  private readonly accounts: ProfilesAndAccounts;
  /** The profiles and accounts as last listed, shown with every state. */
  private switcher: SwitcherView | undefined;
  private stopFollowingAccounts: (() => void) | undefined;
  /** An "Add Account…" sign-in under way: its account is not the active one until it succeeds. */
  private adding: AuthService | undefined;
  /** Changes of the settings by a policy in this run: an open Settings screen reloads on each. */
  private settingsRevision = 0;

  constructor(deps: AppControllerDeps) {
    this.deps = deps;
    this.settings = new SettingsUseCases(deps, {
      rebuild: (resolved) => this.rebuild(resolved),
      service: () => this.service,
    });
    // The settings' options as they are now: a new policy reaches both at once.
    this.accounts = new ProfilesAndAccounts(() => this.settings.composeOptions());
    this.proxyQuestion = new ProxyQuestion((request) => this.deps.onProxySignIn?.(request));
    this.signIns = new SignInStarts(
      {
        service: () => this.requireService(),
        serviceIfAny: () => this.service,
        showFailure: (service, error) => {
          const profile = service.profile();
          this.publish(profile ? { ...this.signedInState(profile), error } : this.signedOutState(error));
        },
        showDeviceCode: (service, device) => {
          // Still waiting (not cancelled, nor already signed in while the QR code was drawn).
          if (this.service === service && this.current.status === 'waiting')
            this.publish(waitingState(service, device));
        },
      },
      deps.clipboard,
    );
  }

  /** Whether closing the window keeps the app running (the setting in effect; macOS always does). */
  keepRunning(): 'on' | 'off' {
    return this.service?.settings.keepRunning ?? this.settings.resolve().values.keepRunning;
  }

  /** Whether the OS should start the app at login. */
  startAtLogin(): 'on' | 'off' {
    return this.service?.settings.startAtLogin ?? this.settings.resolve().values.startAtLogin;
  }

  /** The state the window shows now. */
  state(): AppStatus {
    return this.current;
  }

  /**
   * Loads settings and restores a stored session (no network). Call once at start-up. From then on
   * the app follows the account and profile chosen in other processes (the CLI's `account use`).
   */
  async init(): Promise<void> {
    await this.rebuild();
    this.stopFollowingAccounts = this.accounts.watch(() => void this.followAccounts());
  }

  // ── policy ─────────────────────────────────────────────────────────────────────────────────

  /**
   * The organisation's policy from now on (at start-up: before {@link init}). Its problems go to
   * the log and, as the administrator's to fix, into one OS notification.
   */
  usePolicy(policy: Policy): void {
    this.deps.policy = policy;
    for (const problem of policy.problems) this.deps.logger?.warn(problem.message);
    const problems = policyProblemsNotice(policy);
    if (problems) this.deps.notify?.(problems);
  }

  /**
   * The organisation changed its policy while the app runs. Settings follow at once; when the
   * profile's provider or client changed, every account of the profile is signed out of the old
   * one (its refresh token revoked where the provider allows, its tokens deleted; no browser),
   * and the person is told why.
   */
  async applyPolicy(policy: Policy): Promise<void> {
    const change = policyChange(this.settings.composeOptions(), policy);
    const leaving = change.poolReplaced ? this.accounts.servicesOf(change.before, this.service) : [];
    this.usePolicy(policy);
    // Even with the same values in effect, what the policy manages may differ: Settings reloads.
    this.settingsRevision++;
    if (!change.settingsChanged) return this.relist(change.after.document);
    await leaveReplacedPool(leaving, this.service);
    // Signing out leaves the settings and the accounts list as `after` read them.
    await this.rebuild(change.after);
    if (leaving.length > 0 && this.current.status === 'signed-out' && this.service)
      this.publish(this.signedOutState(undefined, replacedPoolNotice(change.before)));
  }

  /** Stops timers and any waiting sign-in. */
  dispose(): void {
    this.stopFollowingAccounts?.();
    this.service?.dispose();
  }

  // ── session ──────────────────────────────────────────────────────────────────────────────

  /**
   * Signs the active account out here and at the provider and removes it; the profile's next
   * account (if any) becomes active, else the state is signed-out.
   */
  async signOut(): Promise<void> {
    const service = this.requireService();
    const result = await this.accounts.signOut(service);
    if (this.service !== service) return;
    const resolved = this.settings.resolve();
    // Another account of the profile is active now: show it (its session, no network).
    if (this.accounts.activeAccount(resolved) !== (service.scope.account ?? ''))
      return this.rebuild(resolved);
    await this.refreshSwitcher(resolved.document);
    // The signed-out screen is up since the session ended; the notes join it unless the user has
    // moved on meanwhile (an error of a newer action stays).
    const notice = result.notes.length > 0 ? result.notes.join(' ') : undefined;
    const { current } = this;
    this.publish(
      current.status === 'signed-out' && !current.error ? this.signedOutState(undefined, notice) : current,
    );
  }

  /**
   * "Add Account…": a sign-in as another person that keeps the accounts signed in so far. Until it
   * succeeds the new account is nobody's: cancelled or failed, the app goes back to the active one.
   */
  async addAccount(): Promise<void> {
    const service = await this.accounts.serviceForNewAccount();
    if (service.scope.account !== this.service?.scope.account) {
      this.replaceService(service);
      this.publish(this.signedOutState());
    }
    this.adding = service;
    await this.signIns.start(async () => {
      try {
        return await (service.scope.account ? service.signInAsSomeoneElse() : service.signIn());
      } catch (error) {
        this.adding = undefined;
        // Back to the active account, with the failure shown there (a cancel needs no words).
        if (this.service === service && !service.profile()) {
          await this.rebuild();
          const mapped = toAuthError(error);
          const { current } = this;
          if (
            mapped.code !== 'cancelled' &&
            (current.status === 'signed-in' || current.status === 'signed-out')
          )
            this.publish({ ...current, error: mapped });
        }
        throw error;
      } finally {
        if (this.adding === service) this.adding = undefined;
      }
    });
  }

  /** Makes `account` of `profile` active (no network while its tokens are valid). */
  async useAccount(ref: { profile: string; id: string }): Promise<void> {
    await this.accounts.useAccount(ref.id, ref.profile);
    await this.rebuild();
  }

  /** Signs one account out (no browser) and removes it; the active one goes through {@link signOut}. */
  async signOutAccount(ref: { profile: string; id: string }): Promise<void> {
    const scope = this.service?.scope;
    if (scope?.profile === ref.profile && (scope.account ?? '') === ref.id) return this.signOut();
    await this.accounts.signOut(this.accounts.listedService(ref.profile, ref.id), { openBrowser: false });
    await this.relist();
  }

  /** Uses profile `name` from now on. */
  async useProfile(name: string): Promise<void> {
    await this.accounts.useProfile(name);
    await this.rebuild();
  }

  /** Adds profile `name` (empty: Settings sets it up) and uses it. */
  async addProfile(name: string): Promise<void> {
    await this.accounts.addProfile(name.trim());
    await this.useProfile(name.trim());
  }

  /** Signs out every account of profile `name` and removes it. */
  async removeProfile(name: string): Promise<void> {
    await this.accounts.removeProfile(name);
    await this.rebuild();
  }

  /** Calls the provider's userinfo endpoint with the access token (kept in main). */
  async callUserInfo(): Promise<Record<string, unknown>> {
    return this.requireService().fetchUserInfo();
  }

  /** Calls the `apiUrl` setting's API with the token it expects (kept in main). */
  async callApi(): Promise<ApiAnswer> {
    const service = this.requireService();
    const { apiUrl, apiToken } = service.settings;
    if (!apiUrl) throw new AuthError('invalid_settings', t('No API URL is set.'), { setting: 'apiUrl' });
    return service.callApi(apiUrl, apiToken);
  }

  /** The AWS credentials' status, fetching them when needed. */
  async awsStatus(): Promise<AwsCredentialsStatus> {
    this.requireService();
    return this.aws ? this.aws.status() : { state: 'not-configured' };
  }

  /**
   * Help → Copy Diagnostics: versions, OS, settings with their sources, the configuration check
   * (at most 15 s), the accounts and the last log lines — redacted — to the clipboard. Returns it.
   */
  async copyDiagnostics(context: Pick<DiagnosticsInput, 'versions' | 'os' | 'logLines'>): Promise<string> {
    const text = await collectDiagnostics(
      context,
      this.settings,
      this.service,
      this.switcher?.accounts ?? [],
    );
    await this.deps.clipboard.writeText(text);
    return text;
  }

  async copyText(text: string): Promise<void> {
    await this.deps.clipboard.writeText(text);
  }

  // ── internals ──────────────────────────────────────────────────────────────────────────────

  /**
   * Shows the session of the profile and account in use, then the list of every account: the list
   * costs a keychain read per account, and the window (at start-up too) does not wait for it.
   */
  private async rebuild(resolved: ProfileSettings = this.settings.resolve()): Promise<void> {
    await this.showSession(resolved);
    await this.relist(resolved.document);
  }

  private async showSession(resolved: ProfileSettings): Promise<void> {
    this.replaceService(undefined);
    // Menus, notifications and the browser pages follow the setting as saved, else the same OS
    // language the sign-in asks the provider's page for (compose.ts); the window follows the
    // language each state carries. A catalog that fails to load leaves the app in English.
    const os = this.deps.systemLanguage?.() ?? systemLocale();
    await useLanguage(appLanguage(resolved.values.language, os)).catch((error: unknown) =>
      this.deps.logger?.warn(`The app's texts could not be loaded: ${String(error)}`),
    );
    if (!isProviderConfigured(resolved.input)) {
      this.publish({ status: 'unconfigured', emulatorOffered: this.deps.emulator !== undefined });
      return;
    }
    let service: AuthService;
    try {
      service = createAuthService(this.settings.composeOptions(), resolved);
    } catch (error) {
      this.publish({
        status: 'unconfigured',
        emulatorOffered: this.deps.emulator !== undefined,
        error: toAuthError(error),
      });
      return;
    }
    this.replaceService(service);
    try {
      const profile = await service.restore();
      this.publish(profile ? this.signedInState(profile) : this.signedOutState());
      service.startAutoRefresh();
      service.followSharedSession();
      // Warm the discovery cache in the background: the next click opens the browser at once.
      void service.directory.metadata().catch(() => undefined);
    } catch (error) {
      this.publish(this.signedOutState(toAuthError(error)));
    }
  }

  /** Another process changed the accounts: follow a new active account or profile, else relist. */
  private async followAccounts(): Promise<void> {
    const resolved = this.settings.resolve();
    const scope = this.service?.scope;
    const active = this.accounts.activeAccount(resolved);
    const waiting = this.current.status === 'waiting' || this.adding !== undefined;
    if (!waiting && (scope?.profile !== resolved.profile || (scope.account ?? '') !== active))
      return this.rebuild(resolved);
    await this.relist(resolved.document);
  }

  /** Lists the profiles and accounts again and shows them with the state as it is. */
  private async relist(document?: SettingsDocument): Promise<void> {
    await this.refreshSwitcher(document);
    this.publish(this.current);
  }

  private async refreshSwitcher(document?: SettingsDocument): Promise<void> {
    this.switcher = await this.accounts.switcherView(document);
  }

  /** Makes `service` (or none) the one the window shows, with its events wired. */
  private replaceService(service: AuthService | undefined): void {
    this.service?.dispose();
    this.service?.removeAllListeners();
    this.service = service;
    this.aws = undefined;
    if (!service) return;
    this.aws = createAwsCredentials(this.settings.composeOptions(), service);
    watchSession(service, {
      isCurrent: (candidate) => this.service === candidate,
      current: () => this.current,
      publish: (state) => this.publish(state),
      signedInState: (profile) => this.signedInState(profile),
      signedOutState: (error, notice) => this.signedOutState(error, notice),
      ...(this.deps.notify ? { notify: this.deps.notify } : {}),
      ...(this.deps.onSignedIn ? { onSignedIn: this.deps.onSignedIn } : {}),
      recordSignIn: (signedIn, profile) =>
        void this.accounts
          .recordSignIn(signedIn, profile)
          .then(() => this.relist())
          .catch(() => undefined),
    });
  }

  private signedInState(profile: Profile): Extract<AppStatus, { status: 'signed-in' }> {
    this.signIns.signedIn(profile);
    return signedInState(this.requireService(), profile);
  }

  private signedOutState(error?: AuthError, notice?: string): AppStatus {
    return signedOutState(this.requireService(), error, notice);
  }

  private publish(state: SessionStatus): void {
    this.current = {
      ...state,
      ...(this.switcher ? { switcher: this.switcher } : {}),
      ...(this.settingsRevision ? { settingsRevision: this.settingsRevision } : {}),
    };
    this.deps.onStateChanged(this.current);
  }

  private requireService(): AuthService {
    if (!this.service) {
      throw new AuthError(
        'invalid_settings',
        t('The app is not set up yet: open Settings and enter your provider’s details.'),
      );
    }
    return this.service;
  }
}
