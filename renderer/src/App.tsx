import { Suspense, lazy, useEffect, useState, type ReactNode } from 'react';
import { useApi, useAppState } from './api.tsx';
import { SignedIn } from './screens/SignedIn.tsx';
import { SignedOut } from './screens/SignedOut.tsx';
import { Waiting } from './screens/Waiting.tsx';
import { ErrorNotice } from './components/ErrorNotice.tsx';
import { ProxySignInDialog } from './components/ProxySignInDialog.tsx';
import { followLanguage, useT } from './i18n.ts';

/**
 * Settings loads when it first opens: most starts show a session, and the window's first paint
 * carries only what that needs.
 */
const Settings = lazy(() =>
  import('./screens/Settings.tsx').then((module) => ({ default: module.Settings })),
);

/** The screen for the app's state, and over it the proxy sign-in dialog when a proxy asks. */
export function App(): ReactNode {
  return (
    <>
      <Screen />
      <ProxySignInDialog />
    </>
  );
}

/** Shows the screen for the app's state; Settings on request (menu, or first run). */
function Screen(): ReactNode {
  const api = useApi();
  const t = useT();
  const state = useAppState();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const language = state?.language;
  // A catalog that cannot load leaves the window in English, which every text has.
  useEffect(() => void followLanguage(language).catch(() => undefined), [language]);
  useEffect(() => api.onOpenSettings(() => setSettingsOpen(true)), [api]);
  // First run: Settings stays open after saving, until the user closes it. (Set while rendering,
  // as React recommends for state that follows other state.)
  const unconfigured = state?.status === 'unconfigured';
  const [wasUnconfigured, setWasUnconfigured] = useState(false);
  if (unconfigured !== wasUnconfigured) {
    setWasUnconfigured(unconfigured);
    if (unconfigured) setSettingsOpen(true);
  }

  if (!state)
    return (
      <main className="centered" aria-busy="true">
        {t('Loading…')}
      </main>
    );
  if (state.status === 'unconfigured' || settingsOpen) {
    return (
      <>
        {state.status === 'unconfigured' && state.error ? <ErrorNotice error={state.error} /> : null}
        <Suspense
          fallback={
            <main className="centered" aria-busy="true">
              {t('Loading settings…')}
            </main>
          }
        >
          <Settings
            // Another profile's settings: a fresh editor.
            key={state.switcher?.profile}
            switcher={state.switcher}
            revision={state.settingsRevision ?? 0}
            firstRun={state.status === 'unconfigured'}
            emulatorOffered={state.status === 'unconfigured' && state.emulatorOffered}
            onClose={() => setSettingsOpen(false)}
          />
        </Suspense>
      </>
    );
  }
  const settingsButton = (
    <nav className="topbar">
      <button type="button" className="link" onClick={() => setSettingsOpen(true)}>
        {t('Settings')}
      </button>
    </nav>
  );
  return (
    <>
      {state.status !== 'signed-in' ? settingsButton : null}
      {state.status === 'signed-out' ? (
        <SignedOut state={state} onOpenSettings={() => setSettingsOpen(true)} />
      ) : null}
      {state.status === 'waiting' ? <Waiting state={state} /> : null}
      {state.status === 'signed-in' ? (
        <SignedIn state={state} onManageProfiles={() => setSettingsOpen(true)} />
      ) : null}
    </>
  );
}
