/** Tests only: what an AWS SDK call that must fail answered (its error name, message and HTTP status). */
export async function errorOf(promise: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
  try {
    await promise;
  } catch (error) {
    const typed = error as Error & { $metadata?: { httpStatusCode?: number } };
    return { name: typed.name, message: typed.message, status: typed.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}
