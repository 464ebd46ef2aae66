import { Fragment } from 'react';

/**
 * Text whose `backtick` spans are code (recommendation texts are written that way, for the CLI
 * and exports): rendered as <code>, never as raw backticks. An unpaired backtick stays text.
 */
export function CodeSpanText({ text }: { text: string }) {
  const parts = text.split('`');
  // An even number of parts means one backtick is unpaired: join the last two back together.
  if (parts.length % 2 === 0) parts.splice(parts.length - 2, 2, `${parts[parts.length - 2]}\`${parts[parts.length - 1]}`);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <code key={index} className="break-all rounded bg-slate-100 px-1 font-mono text-[0.85em]">
            {part}
          </code>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}
