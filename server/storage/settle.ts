/**
 * Waits for statements sent back to back on one connection. Unlike Promise.all it waits for
 * every one of them (so none is still running when the caller rolls back) and marks each as
 * handled; then it rejects with the first error, if any.
 */
export async function settleAll(sent: readonly Promise<unknown>[]): Promise<void> {
  const results = await Promise.allSettled(sent);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}
