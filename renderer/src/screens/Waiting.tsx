import { useState, type ReactNode } from 'react';
import type { AppState } from '../../../preload/contract.ts';
import { useApi, useNow } from '../api.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { formatDuration } from '../messages.ts';
import { useT } from '../i18n.ts';
import type { DeviceCodeDto, ErrorDto } from '../../../preload/contract.ts';
import { Marked } from '../components/Marked.tsx';

type WaitingState = Extract<AppState, { status: 'waiting' }>;

/** A QR code drawn from its rows of 1s and 0s: crisp at any size, no markup from elsewhere. */
function QrCode({ rows, label }: { rows: string[]; label: string }): ReactNode {
  const size = rows.length;
  return (
    <svg
      className="qr"
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      {rows.flatMap((row, y) =>
        [...row].map((cell, x) =>
          cell === '1' ? <rect key={`${x}-${y}`} x={x} y={y} width={1} height={1} /> : null,
        ),
      )}
    </svg>
  );
}

/** Waiting for a code to be used on another device: where to go, the code, a QR code, time left. */
function WaitingForDevice({ state }: { state: WaitingState & { device: DeviceCodeDto } }): ReactNode {
  const api = useApi();
  const t = useT();
  const now = useNow();
  const { device } = state;
  return (
    <main className="centered" aria-labelledby="waiting-title" aria-busy="true">
      <h1 id="waiting-title">{t('Sign in on another device')}</h1>
      <p>
        <Marked
          text={t('On your phone or another computer, open <b>{{address}}</b> and enter this code:', {
            address: device.verificationUri,
          })}
          tags={{ b: (address) => <strong className="mono">{address}</strong> }}
        />
      </p>
      <p className="device-code" aria-label={t('Code')}>
        {device.userCode}
      </p>
      <QrCode rows={device.qr} label={t('QR code of the address with the code')} />
      <p role="status">
        {t('The code expires in {{left}}.', { left: formatDuration(state.expiresAt - now) })}
      </p>
      <div className="actions">
        <button type="button" onClick={() => void api.cancelSignIn()} autoFocus>
          {t('Cancel')}
        </button>
      </div>
    </main>
  );
}

/** Waiting for the browser: progress, time left, cancel, copy link, open again, another device. */
export function Waiting({ state }: { state: WaitingState }): ReactNode {
  if (state.device) return <WaitingForDevice state={{ ...state, device: state.device }} />;
  return <WaitingForBrowser state={state} />;
}

function WaitingForBrowser({ state }: { state: WaitingState }): ReactNode {
  const api = useApi();
  const t = useT();
  const now = useNow();
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<ErrorDto | undefined>(undefined);
  const copy = async (): Promise<void> => {
    const result = await api.copySignInLink();
    setCopied(result.ok);
    if (!result.ok) setError(result.error);
  };
  const reopen = async (): Promise<void> => {
    const result = await api.openBrowserAgain();
    if (!result.ok) setError(result.error);
  };
  const elsewhere = async (): Promise<void> => {
    const result = await api.signInOnAnotherDevice();
    if (!result.ok) setError(result.error);
  };
  return (
    <main className="centered" aria-labelledby="waiting-title" aria-busy="true">
      <div className="spinner" aria-hidden="true" />
      <h1 id="waiting-title">{t('Finish signing in in your browser')}</h1>
      <p role="status">
        {t('Waiting for {{domain}}… {{elapsed}} so far, gives up in {{left}}.', {
          domain: state.provider.name,
          elapsed: formatDuration(now - state.startedAt),
          left: formatDuration(state.expiresAt - now),
        })}
      </p>
      {state.warning ? <ErrorNotice error={state.warning} /> : null}
      {error ? <ErrorNotice error={error} /> : null}
      <div className="actions">
        <button type="button" onClick={() => void api.cancelSignIn()} autoFocus>
          {t('Cancel')}
        </button>
        <button type="button" onClick={() => void copy()}>
          {copied ? t('Link copied') : t('Copy sign-in link')}
        </button>
        <button type="button" onClick={() => void reopen()}>
          {t('Open browser again')}
        </button>
        {state.offersDevice ? (
          <button type="button" onClick={() => void elsewhere()}>
            {t('Sign in on another device')}
          </button>
        ) : null}
      </div>
      <p className="hint">{t('If no browser opened, copy the link and paste it into your browser.')}</p>
    </main>
  );
}
