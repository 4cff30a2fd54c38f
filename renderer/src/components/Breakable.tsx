import { Fragment, type ReactNode } from 'react';

/**
 * A value people read whole — an email, a URL, an id — that may wrap only after its separators
 * (`@ . / : _ -`), never inside a word: "gina@google.⏎example", not "gina@google.e⏎xample".
 */
export function Breakable({ text }: { text: string }): ReactNode {
  const parts = text.split(/(?<=[@./:_-])/);
  return parts.map((part, index) => (
    <Fragment key={index}>
      {part}
      {index < parts.length - 1 ? <wbr /> : null}
    </Fragment>
  ));
}
