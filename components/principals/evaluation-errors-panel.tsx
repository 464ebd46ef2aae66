import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';

/** Problems met while evaluating (a policy that failed to parse), and "no Bedrock access" when there is nothing else to show. */
export function EvaluationErrorsPanel({ errors, hasNoAccess }: { errors: string[]; hasNoAccess: boolean }) {
  return (
    <>
      {errors.length > 0 ? (
        <Card title="Evaluation problems" id="errors">
          <ul className="list-disc pl-5 text-sm text-red-900">
            {errors.map((message, index) => (
              <li key={index}>{message}</li>
            ))}
          </ul>
        </Card>
      ) : null}
      {hasNoAccess ? (
        <EmptyState title="No Bedrock access" headingLevel={2}>
          This principal cannot use Bedrock in this snapshot.
        </EmptyState>
      ) : null}
    </>
  );
}
