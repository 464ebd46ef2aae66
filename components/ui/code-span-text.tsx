import { Fragment } from 'react';
import { splitCodeSpans } from '@/lib/text/code-spans';

/** Text whose `backtick` spans are code, rendered as <code>: never raw backticks on a page. */
export function CodeSpanText({ text }: { text: string }) {
  return (
    <>
      {splitCodeSpans(text).map((part, index) =>
        part.isCode ? (
          <code key={index} className="break-all rounded bg-slate-100 px-1 font-mono text-[0.85em]">
            {part.text}
          </code>
        ) : (
          <Fragment key={index}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
