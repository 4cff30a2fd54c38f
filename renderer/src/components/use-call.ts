import { useState } from 'react';
import type { ErrorDto, Result } from '../../../preload/contract.ts';

/**
 * A panel's own calls to the main process: the last one's failure (to show beside the panel), and
 * `run`, which makes a call and says whether it worked.
 */
export function useCall(): [ErrorDto | undefined, (call: Promise<Result<null>>) => Promise<boolean>] {
  const [error, setError] = useState<ErrorDto | undefined>();
  const run = async (call: Promise<Result<null>>): Promise<boolean> => {
    const result = await call;
    setError(result.ok ? undefined : result.error);
    return result.ok;
  };
  return [error, run];
}
