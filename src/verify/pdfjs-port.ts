/**
 * The two ends of an in-thread channel between pdf.js's API and its worker code, both
 * run in this thread, for `new PDFWorker({ port })` on one side and
 * `WorkerMessageHandler.initializeFromPort` on the other (what pdf.js's worker script
 * does in a real worker).
 *
 * As between threads, the receiver gets a copy made when the message is posted: pdf.js
 * goes on changing some objects after sending them (a page's text is sent in chunks, and
 * the object a chunk was sent in is refilled for the next one). The copy is `copy`'s, and
 * it is delivered later, in a microtask, as pdf.js expects of a port. Listeners go as
 * they go from a MessagePort: removed, or their `signal` aborted.
 */
export interface InThreadPort {
  postMessage(message: unknown, transfer?: readonly unknown[]): void;
  addEventListener(type: string, listener: Listener, options?: { signal?: AbortSignal }): void;
  removeEventListener(type: string, listener: Listener): void;
  terminate(): void;
}

type Listener = (event: { data: unknown }) => void;
export type MessageCopy = (message: unknown, transfer?: readonly unknown[]) => unknown;

class End implements InThreadPort {
  readonly listeners = new Set<Listener>();
  other: End | null = null;

  constructor(private readonly copy: MessageCopy) {}

  postMessage(message: unknown, transfer?: readonly unknown[]): void {
    const other = this.other;
    if (!other) return;
    const event = { data: this.copy(message, transfer ?? []) };
    queueMicrotask(() => {
      for (const listener of [...other.listeners]) listener.call(other, event);
    });
  }

  /** pdf.js removes its listeners by aborting their signal, when a document is done with. */
  addEventListener(type: string, listener: Listener, options?: { signal?: AbortSignal }): void {
    if (type !== 'message') return;
    const signal = options?.signal;
    if (signal?.aborted) return;
    this.listeners.add(listener);
    signal?.addEventListener('abort', () => this.listeners.delete(listener), { once: true });
  }

  removeEventListener(type: string, listener: Listener): void {
    if (type === 'message') this.listeners.delete(listener);
  }

  terminate(): void {
    this.listeners.clear();
  }
}

/** A connected pair: what one end posts, the other end's listeners receive, copied by `copy`. */
export function portPair(copy: MessageCopy): [InThreadPort, InThreadPort] {
  const a = new End(copy);
  const b = new End(copy);
  a.other = b;
  b.other = a;
  return [a, b];
}
