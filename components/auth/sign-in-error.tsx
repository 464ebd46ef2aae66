/** The reason a sign-in failed, from the `?error=` code (see lib/auth/sign-in-errors.ts). */
export function SignInError({ title, detail, code }: { title: string; detail: string; code: string }) {
  return (
    <div id="sign-in-error" role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
      <p className="font-semibold">{title}</p>
      <p className="mt-1">{detail}</p>
      <p className="mt-1 text-xs text-red-800">Error code: {code}</p>
    </div>
  );
}
