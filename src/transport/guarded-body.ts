/** What a guarded body does around its reads. */
export interface BodyGuard {
  /** Called once when the body ends, fails or is cancelled. */
  readonly done?: (() => void) | undefined;
  /** What a failed read rejects with instead of fetch's own error (`TypeError: terminated`...). */
  readonly error?: ((error: unknown) => unknown) | undefined;
  /** Told when a read starts waiting for the server and when it got its data (an idle watch). */
  readonly watch?: { waiting(): void; served(): void } | undefined;
}

/**
 * The same response with a body read through `guard`: the body of a stream or a download outlives
 * the call that fetched it, and what must happen when it is read (release the caller's signal,
 * name a failure with a typed error, notice a silent server) has to travel with it.
 */
export function guardedBody(response: Response, guard: BodyGuard): Response {
  const source = response.body;
  if (source === null) {
    guard.done?.();
    return response;
  }
  const reader = source.getReader();
  let open = true;
  const finish = (): void => {
    if (!open) return;
    open = false;
    guard.done?.();
  };
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        guard.watch?.waiting();
        const { done, value } = await reader.read();
        guard.watch?.served();
        if (done) {
          finish();
          controller.close();
        } else {
          controller.enqueue(value);
        }
      } catch (error) {
        finish();
        controller.error(guard.error === undefined ? error : guard.error(error));
      }
    },
    cancel(reason) {
      finish();
      return reader.cancel(reason);
    },
  });
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
