/** Why a button's request failed, beside the button and announced at once; nothing while there is no error. */
export function RequestError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <span role="alert" className="text-xs text-red-800">
      {error}
    </span>
  );
}
