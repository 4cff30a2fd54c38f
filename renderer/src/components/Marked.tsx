import { Fragment, type ReactNode } from 'react';

/**
 * A translated sentence with a part marked up (`Signs in with <b>example.com</b>`): each
 * `<tag>…</tag>` pair becomes the element `tags` gives for it; everything else stays text (React
 * escapes it). The marks live in the catalogs, so a translation can move them within its sentence.
 */
export function Marked({
  text,
  tags,
}: {
  text: string;
  tags: Record<string, (content: string) => ReactNode>;
}): ReactNode {
  const parts = text.split(/<(\w+)>(.*?)<\/\1>/);
  // split() with two groups: text, tag, content, text, tag, content, …, text.
  return parts.map((part, index) => {
    if (index % 3 === 0) return part ? <Fragment key={index}>{part}</Fragment> : null;
    if (index % 3 === 2) return null;
    const render = tags[part] ?? ((content: string) => content);
    return <Fragment key={index}>{render(parts[index + 1]!)}</Fragment>;
  });
}
