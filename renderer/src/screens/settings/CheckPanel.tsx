import type { ReactNode } from 'react';
import type { DoctorReportDto } from '../../../../preload/contract.ts';

/** The configuration check's result: each check with a tick or what to fix. */
export function CheckPanel({ report }: { report: DoctorReportDto }): ReactNode {
  return (
    <section aria-labelledby="check-title" className="panel">
      <h2 id="check-title">Configuration check</h2>
      <ul className="checks">
        {report.checks.map((c) => (
          <li key={c.id} className={c.ok ? (c.warning ? 'warn' : 'ok') : 'bad'}>
            <span aria-hidden="true">{c.ok ? (c.warning ? '!' : '✓') : '✗'}</span> <strong>{c.label}</strong>
            <span className="visually-hidden">
              {c.ok ? (c.warning ? ' passed with a warning' : ' passed') : ' failed'}
            </span>
            <div>{c.detail}</div>
            {c.fix ? <div className="fix">{c.fix}</div> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
