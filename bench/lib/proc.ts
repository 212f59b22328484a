/**
 * Memory and CPU of the processes under test, read from Linux's /proc (no sampling profiler needed): peak resident
 * memory (VmHWM), resident memory sampled during a phase, proportional memory (Pss, shared pages split between the
 * processes sharing them, so a PostgreSQL server's processes add up correctly), and CPU time including reaped children
 * (a PostgreSQL backend per connection exits and is reaped by the postmaster, which keeps its CPU time in cutime).
 * Everything returns null where /proc is missing.
 */
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/** Linux reports CPU times in clock ticks; USER_HZ is 100 on every mainstream architecture. */
const TICKS_PER_SECOND = 100;
/** RSS every quarter second catches a peak that lasts a moment without costing measurable CPU. */
const SAMPLE_MS = 250;

function statusField(pid: number, field: string): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match?.[1] ? Number(match[1]) : null;
  } catch {
    return null;
  }
}


function pssKb(pid: number): number | null {
  try {
    const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"));
    return match?.[1] ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

const mb = (kb: number | null) => (kb === null ? null : Math.round(kb / 102.4) / 10);

interface Stat {
  pid: number;
  ppid: number;
  comm: string;
  /** utime + stime + cutime + cstime, in seconds. */
  cpuSeconds: number;
}

function readStat(pid: number): Stat | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may hold spaces; fields after it are space-separated from `state`.
    const close = stat.lastIndexOf(")");
    const fields = stat.slice(close + 2).split(" ");
    const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0);
    return { pid, ppid: Number(fields[1]), comm: stat.slice(stat.indexOf("(") + 1, close), cpuSeconds: ticks / TICKS_PER_SECOND };
  } catch {
    return null;
  }
}

function allStats(): Stat[] {
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return [];
  }
  return entries.flatMap((entry) => (/^\d+$/.test(entry) ? (readStat(Number(entry)) ?? []) : []));
}

/** Processes below `root` (any depth) with this command name. */
export function descendantsNamed(root: number, comm: string): number[] {
  const stats = new Map(allStats().map((s) => [s.pid, s]));
  return processTree(root).filter((pid) => pid !== root && stats.get(pid)?.comm === comm);
}

/** `root` and every process below it. */
export function processTree(root: number): number[] {
  const stats = allStats();
  const children = new Map<number, number[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s.pid]);
  const out: number[] = [];
  const walk = (pid: number) => {
    out.push(pid);
    for (const child of children.get(pid) ?? []) walk(child);
  };
  if (stats.some((s) => s.pid === root)) walk(root);
  return out;
}

/** The process listening on a TCP port on this machine (from /proc/net/tcp and the owners of socket inodes). */
export function pidListeningOn(port: number): number | null {
  const inodes = new Set<string>();
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let table: string;
    try {
      table = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    for (const line of table.split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      // State 0A is LISTEN; the local address ends in the port in hex.
      if (cols[3] === "0A" && cols[1]?.endsWith(`:${port.toString(16).toUpperCase().padStart(4, "0")}`) && cols[9]) inodes.add(cols[9]);
    }
  }
  if (inodes.size === 0) return null;
  for (const s of allStats()) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${s.pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${s.pid}/fd/${fd}`);
        const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
        if (inode && inodes.has(inode)) return s.pid;
      } catch {
        // The descriptor closed while we looked.
      }
    }
  }
  return null;
}

export interface Watched {
  name: string;
  /** Processes to watch, looked up when watching starts (wrangler may have restarted workerd since); summed. */
  pids: () => number[];
  /** Include every process below them (a PostgreSQL server's backends); CPU of reaped children counts either way. */
  children: boolean;
}

export interface PhaseUsage {
  name: string;
  /** Average cores busy during the phase (CPU seconds / wall seconds). */
  cores: number;
  cpuSeconds: number;
  /** Highest sampled memory of the tree during the phase (summed Pss; RSS where Pss is unreadable), MiB. */
  maxMemoryMb: number | null;
  /** Sum of VmHWM of the watched processes at the end of the phase: each one's peak over its whole life, MiB. */
  lifetimePeakRssMb: number | null;
}

export interface WatchOptions {
  /**
   * Sample memory every SAMPLE_MS (default true). Off where only CPU is reported: each sample reads every process's
   * /proc/PID/stat and the watched ones' smaps_rollup, which walks their page tables. Measured during a chat run at 100
   * connections, that was ~1.2 s of kernel time in 8 s (~15 % of one of the machine's two cores), taken from the
   * processes being measured and counted as the load generator's (BENCHMARKS.md, "Issue 10, session 16").
   */
  memory?: boolean;
}

/** Watches CPU and memory of some processes from now until `stop()`. */
export function watch(targets: Watched[], options: WatchOptions = {}): { stop(): PhaseUsage[] } {
  const started = performance.now();
  const roots = new Map(targets.map((t) => [t, t.pids()]));
  const members = (t: Watched) => {
    const pids = roots.get(t) ?? [];
    return t.children ? pids.flatMap(processTree) : pids;
  };
  const cpu = (t: Watched) => members(t).reduce((sum, pid) => sum + (readStat(pid)?.cpuSeconds ?? 0), 0);
  const cpuBefore = targets.map(cpu);
  const maxMemory = targets.map(() => 0);
  const sample = () => {
    targets.forEach((t, i) => {
      const kb = members(t).reduce((sum, pid) => sum + (pssKb(pid) ?? statusField(pid, "VmRSS") ?? 0), 0);
      maxMemory[i] = Math.max(maxMemory[i] ?? 0, kb);
    });
  };
  const memory = options.memory ?? true;
  if (memory) sample();
  // Unreferenced: a phase that throws before stop() must not keep the process alive.
  const timer = memory ? setInterval(sample, SAMPLE_MS).unref() : undefined;
  return {
    stop() {
      clearInterval(timer);
      if (memory) sample();
      const seconds = (performance.now() - started) / 1000;
      return targets.map((t, i) => {
        const cpuSeconds = cpu(t) - (cpuBefore[i] ?? 0);
        const peaks = (roots.get(t) ?? []).map((pid) => statusField(pid, "VmHWM"));
        return {
          name: t.name,
          cores: Math.round((cpuSeconds / seconds) * 100) / 100,
          cpuSeconds: Math.round(cpuSeconds * 10) / 10,
          maxMemoryMb: maxMemory[i] ? mb(maxMemory[i] ?? 0) : null,
          lifetimePeakRssMb: peaks.every((kb) => kb === null) ? null : mb(peaks.reduce<number>((sum, kb) => sum + (kb ?? 0), 0)),
        };
      });
    },
  };
}
