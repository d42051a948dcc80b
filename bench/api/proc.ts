// CPU accounting from /proc (Linux, 100 clock ticks per second).
import { readFileSync } from 'node:fs';

/** A process's parent and its utime + stime in ms, from /proc/PID/stat (throws when the process is gone). */
export function procCpu(pid: number | string): { ppid: number; cpuMs: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // after the command name, which may hold spaces
  return { ppid: Number(fields[1]), cpuMs: (Number(fields[11]) + Number(fields[12])) * 10 };
}
