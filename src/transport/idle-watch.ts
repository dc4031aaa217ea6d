/**
 * Fails a body whose server stays silent for `limit` milliseconds: a stalled connection must not keep
 * a reader (and its caller) waiting forever. The clock starts when the headers arrive, so a body
 * nobody reads does not hold its socket forever either; from then on only the time a read spends
 * waiting counts: a caller who pauses between reads is not a silent server.
 *
 * One timer per body, re-armed only when it fires, and a timestamp per read: a timer per read cost
 * about a third of a stream's whole CPU time in bench/stream.bench.ts. The timer is unref'd: it
 * watches a socket, which keeps the process alive by itself; a body someone read past the watch
 * (`stream.response` read directly) must not keep a finished script alive until the limit.
 */
export class IdleWatch {
  readonly #limit: number;
  readonly #onIdle: () => void;
  /** Since when (`performance.now()`) the server has been awaited; undefined while no read waits. */
  #since: number | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** Starts watching now (the headers just arrived); `onIdle` is called once, if the limit passes. */
  constructor(limit: number, onIdle: () => void) {
    this.#limit = limit;
    this.#onIdle = onIdle;
    this.#since = performance.now();
    this.#arm(limit);
  }

  /** A read starts waiting for the server. */
  waiting(): void {
    this.#since = performance.now();
  }

  /** The read got its data: the caller's time until the next read does not count. */
  served(): void {
    this.#since = undefined;
  }

  /** The body ended, failed or was given up: no more checks. */
  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #arm(ms: number): void {
    const timer = setTimeout(this.#check, ms);
    // Node's timers have unref(); a browser's are numbers, and never keep anything alive.
    (timer as { unref?: () => void }).unref?.();
    this.#timer = timer;
  }

  readonly #check = (): void => {
    const silent = this.#since === undefined ? 0 : performance.now() - this.#since;
    if (silent < this.#limit) {
      this.#arm(this.#limit - silent);
      return;
    }
    this.#timer = undefined;
    this.#onIdle();
  };
}
