import type { ReactNode } from 'react';
import { cardClass } from './form-styles';

/** A card of a form or detail page, named by its heading (`headingId` labels the section for screen readers). */
export function TitledCard({ headingId, title, children }: { headingId: string; title: string; children: ReactNode }) {
  return (
    <section className={cardClass} aria-labelledby={headingId}>
      <h2 id={headingId} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
