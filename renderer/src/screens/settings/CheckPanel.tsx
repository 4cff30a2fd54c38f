import type { ReactNode } from 'react';
import type { DoctorReportDto } from '../../../../preload/contract.ts';
import { useT } from '../../i18n.ts';

/** The configuration check's result: each check with a tick or what to fix. */
export function CheckPanel({ report }: { report: DoctorReportDto }): ReactNode {
  const t = useT();
  return (
    <section aria-labelledby="check-title" className="panel">
      <h2 id="check-title">{t('Configuration check')}</h2>
      <ul className="checks">
        {report.checks.map((c) => (
          <li key={c.id} className={c.ok ? (c.warning ? 'warn' : 'ok') : 'bad'}>
            <span aria-hidden="true">{c.ok ? (c.warning ? '!' : '✓') : '✗'}</span> <strong>{c.label}</strong>
            <span className="visually-hidden">
              {` ${c.ok ? (c.warning ? t('passed with a warning') : t('passed')) : t('failed')}`}
            </span>
            <div>{c.detail}</div>
            {c.fix ? <div className="fix">{c.fix}</div> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
