import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | null | undefined;

/**
 * CPU seconds (user and system) used so far by this process's children that have
 * ended, from Linux's /proc/self/stat (cutime and cstime): what a build, a Pandoc run
 * or a browser cost in CPU whatever else loads the machine, where wall-clock seconds
 * grow with the load. Null where there is no /proc.
 */
export function childrenCpuSeconds(): number | null {
  let stat: string;
  try {
    stat = readFileSync('/proc/self/stat', 'utf8');
  } catch {
    return null;
  }
  // Fields after the command name in parentheses, from field 3 (state) on: cutime is field 16, cstime 17.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[13]) + Number(fields[14]);
  const hz = clockTicks();
  return Number.isFinite(ticks) && hz ? ticks / hz : null;
}

function clockTicks(): number | null {
  if (ticksPerSecond === undefined) {
    const run = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
    const value = Number(run.stdout?.trim());
    ticksPerSecond = run.status === 0 && value > 0 ? value : null;
  }
  return ticksPerSecond;
}
