// Human interactive sessions as end-to-end messages: log-normal inter-key gaps, think pauses, echoes and
// command-output bursts, relayed hop by hop through a chain of nodes (origin → relay … → target).
import type { Rng } from './random.ts';
import type { Segment } from './tcp-session.ts';

const COMMANDS = ['whoami', 'id', 'uname -a', 'ls -la', 'cd /tmp', 'ps aux', 'netstat -antp', 'cat /etc/passwd',
  'ifconfig', 'w', 'df -h', 'find / -name "*.docx" 2>/dev/null | head', 'tar czf /tmp/.c.tgz /home/share/docs', 'history -c', 'exit'];

export interface ChainTiming { latency: number[]; relayDelay: number } // latency[k]: one-way on hop k

/** Segments on every hop for an up-message from node 0 reaching node `depth`, and its reply. */
export class ChainSession {
  readonly hops: Segment[][];
  constructor(private readonly r: Rng, readonly timing: ChainTiming, hopCount: number, private readonly sizes: number[]) {
    this.hops = Array.from({ length: hopCount }, () => []);
  }

  private upSend(t: number, k: number): number {
    let s = t;
    for (let i = 0; i < k; i++) s += this.timing.latency[i] + this.timing.relayDelay * this.r.range(0.5, 1.5);
    return s;
  }

  /** Sends `len`-ish bytes from node 0 to node `depth`; returns the time it arrives there. */
  up(t: number, depth: number, size?: number): number {
    let arrive = t;
    for (let k = 0; k < depth; k++) {
      const s = this.upSend(t, k);
      this.hops[k].push({ fromClient: true, send: s, len: size ?? this.sizes[k] });
      arrive = s + this.timing.latency[k];
    }
    return arrive;
  }

  /** Sends from node `depth` back to node 0 starting at `t`; returns the arrival time at node 0. */
  down(t: number, depth: number, size: number): number {
    let s = t;
    for (let k = depth - 1; k >= 0; k--) {
      this.hops[k].push({ fromClient: false, send: s, len: Math.max(this.sizes[k], size) });
      s += this.timing.latency[k] + (k > 0 ? this.timing.relayDelay * this.r.range(0.5, 1.5) : 0);
    }
    return s;
  }

  /** Hop-local exchange (SSH banner and key exchange) on hop k starting at t; returns when it ends. */
  handshake(t: number, k: number): number {
    const L = this.timing.latency[k];
    const steps: Array<[boolean, number | string]> = [[true, 'SSH-2.0-OpenSSH_7.4\r\n'], [false, 'SSH-2.0-OpenSSH_6.6.1p1 Ubuntu-2ubuntu2.8\r\n'], [true, 1392], [false, 1080], [true, 48], [false, 580], [true, 52], [false, 36], [true, 84], [false, 52]];
    let s = t;
    for (const [fromClient, body] of steps) {
      this.hops[k].push(typeof body === 'string' ? { fromClient, send: s, len: body.length, text: body } : { fromClient, send: s, len: body });
      s += L + this.r.range(0.0005, 0.004);
    }
    return s;
  }

  /** Types `cmd` (one keystroke per character, echoed), presses Enter, waits for output. Returns the end time. */
  typeCommand(t: number, depth: number, cmd: string, outputBytes: number): number {
    let now = t;
    for (let i = 0; i <= cmd.length; i++) {
      const arrive = this.up(now, depth);
      this.down(arrive + this.r.range(0.0001, 0.0015), depth, this.sizes[depth - 1]);
      now += Math.min(2.5, this.r.logNormal(0.17, 0.45));
    }
    let out = this.timing.latency.slice(0, depth).reduce((a, b) => a + b, 0) + now;
    let left = outputBytes;
    while (left > 0) {
      const len = Math.min(left, 1200 + this.r.int(0, 200));
      this.down(out, depth, len);
      out += this.r.range(0.0005, 0.004);
      left -= len;
    }
    return out + 0.05;
  }

  /** A run of commands at `depth`, with think pauses; returns the end time. */
  work(t: number, depth: number, n: number): number {
    let now = t;
    for (let i = 0; i < n; i++) {
      const cmd = this.r.pick(COMMANDS.slice(0, -1));
      now = this.typeCommand(now, depth, cmd, Math.round(this.r.logNormal(900, 1.2)));
      now += this.r.logNormal(3.5, 0.8);
    }
    return now;
  }
}
