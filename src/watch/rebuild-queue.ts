/**
 * Runs one build at a time for a stream of file changes. Changes are gathered for
 * `debounceMs` after the last one (an editor's save is several events, a checkout is
 * hundreds), then one build runs with them. Changes that arrive while a build runs
 * make one pending build, started when it ends: builds never overlap and never pile up.
 */
export class RebuildQueue {
  private timer: NodeJS.Timeout | null = null;
  private gathered = new Set<string>();
  /** A build was asked for without a change (the first one). */
  private asked = false;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly build: (changed: string[]) => Promise<void>,
    private readonly debounceMs = 150,
  ) {}

  /** A file changed (a project-relative path). */
  changed(file: string): void {
    if (this.stopped) return;
    this.gathered.add(file);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.startIfIdle();
    }, this.debounceMs);
  }

  /** Runs a build now, or as soon as the running one ends. */
  runNow(): void {
    if (this.stopped) return;
    this.asked = true;
    this.startIfIdle();
  }

  /** Whether a build is running. */
  get busy(): boolean {
    return this.running !== null;
  }

  /** Stops taking changes; resolves when the running build, if any, has ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private startIfIdle(): void {
    // The running build starts the pending one when it ends.
    if (this.running || this.stopped) return;
    if (this.gathered.size === 0 && !this.asked) return;
    const changed = [...this.gathered].sort();
    this.gathered.clear();
    this.asked = false;
    this.running = this.build(changed)
      .catch(() => undefined) // the build reports its own failures; watching goes on
      .finally(() => {
        this.running = null;
        // Changes still settling (their debounce not run out) start the build themselves.
        if (!this.timer) this.startIfIdle();
      });
  }
}
