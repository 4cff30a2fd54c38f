import type { ReactNode } from 'react';
import type { ErrorDto } from '../../../preload/contract.ts';
import { ERROR_TITLES } from '../messages.ts';
import { useT } from '../i18n.ts';

/** A readable error: what happened (by code) and what to do (the main process's message). */
export function ErrorNotice({ error, action }: { error: ErrorDto; action?: ReactNode }): ReactNode {
  const t = useT();
  return (
    <div className="notice notice-error" role="alert" data-code={error.code}>
      <strong>{t(ERROR_TITLES[error.code])}</strong>
      <p>{error.message}</p>
      {action}
    </div>
  );
}

/** A lasting, non-error notice (e.g. the session will not be remembered). */
export function InfoNotice({ children }: { children: ReactNode }): ReactNode {
  return (
    <div className="notice notice-info" role="status">
      {children}
    </div>
  );
}
