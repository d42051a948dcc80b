#!/usr/bin/env python3
"""Drives real OpenSSH sessions through the relays with human keystroke timing and records ground truth.

Relayed sessions log in to relay 1 from the client namespace and, at the relay's shell prompt, *type* the
onward `ssh` (the classic stepping stone), then work on the target. At every hop the driver types
`echo HOP $SSH_CONNECTION` and reads the server's view of the TCP connection (client ip/port → server
ip/port): that is the ground truth. Decoys: interactive sessions that end on a relay, interactive sessions
that the relays open themselves (outbound with no inbound), and scp bulk copies in both directions.
"""
import argparse, json, math, os, pty, random, re, select, subprocess, threading, time

R1, R2 = '10.9.0.11', '10.9.0.12'
TARGETS = ['10.9.0.21', '10.9.0.22', '10.9.0.23']
CLIENTS = ['10.9.0.2', '10.9.0.3', '10.9.0.4', '10.9.0.5', '10.9.0.6', '10.9.0.7', '10.9.0.8', '10.9.0.9']
COMMANDS = ['uname -a', 'id', 'ls -la /etc | head -20', 'cat /etc/os-release', 'ps aux | head -15', 'df -h',
            'ls /var/log', 'tail -5 /etc/passwd', 'uptime', 'free -m', 'ip -br addr', 'hostname',
            'find /etc -maxdepth 1 -name "*.conf" | head', 'w', 'ls -la /tmp | head', 'cat /proc/cpuinfo | head -8']
ANSI = re.compile(rb'\x1b\[[0-9;?]*[a-zA-Z]')
HOP = re.compile(rb'HOP (\d+\.\d+\.\d+\.\d+) (\d+) (\d+\.\d+\.\d+\.\d+) (\d+)')


class Term:
    """One interactive ssh under a pty, typed into like a person."""

    def __init__(self, argv, rng):
        self.rng, self.buf, self.mark = rng, b'', 0
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execvp(argv[0], argv)
        self.lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        while True:
            try:
                r, _, _ = select.select([self.fd], [], [], 0.5)
                if r:
                    data = os.read(self.fd, 4096)
                    if not data:
                        return
                    with self.lock:
                        self.buf += data
            except OSError:
                return

    def wait(self, pattern, timeout=30):
        """Waits for pattern in the ANSI-stripped output after the previous match."""
        end = time.time() + timeout
        text = b''
        while time.time() < end:
            with self.lock:
                text = ANSI.sub(b'', self.buf)
            m = re.compile(pattern).search(text, self.mark)
            if m:
                self.mark = m.end()
                return m
            time.sleep(0.05)
        raise TimeoutError(f'no {pattern!r} in {text[self.mark:][-300:]!r}')

    def prompt(self):
        return self.wait(rb'[#$] $')

    def type(self, line):
        for ch in line:
            os.write(self.fd, ch.encode())
            gap = self.rng.lognormvariate(math.log(0.13), 0.5)
            if ch == ' ':
                gap += self.rng.lognormvariate(math.log(0.08), 0.8)
            time.sleep(min(gap, 1.5))
        time.sleep(self.rng.lognormvariate(math.log(0.2), 0.4))
        os.write(self.fd, b'\r')

    def think(self, median=2.0):
        time.sleep(min(self.rng.lognormvariate(math.log(median), 0.7), 12))

    def hop(self):
        self.type('echo HOP $SSH_CONNECTION')
        m = self.wait(HOP)
        self.prompt()
        return {'src': m[1].decode(), 'sport': int(m[2]), 'dst': m[3].decode(), 'dport': int(m[4]), 'proto': 'tcp'}

    def close(self):
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass


def ssh_argv(ns, work, src, dst):
    return ['ip', 'netns', 'exec', ns, 'ssh', '-tt', '-F', f'{work}/c', '-b', src, dst]


def work_on(t, rng, n):
    for cmd in rng.sample(COMMANDS, n):
        t.think()
        t.type(cmd)
        t.prompt()


def relayed(work, rng, src, path):
    """Client → path[0] → … → path[-1]; the onward ssh is typed at each relay's shell."""
    t = Term(ssh_argv('hr-cli', work, src, path[0]), rng)
    t.prompt()
    hops = [t.hop()]
    for nxt in path[1:]:
        t.think(1.5)
        t.type(f'ssh -F {work}/c {nxt}')
        t.prompt()
        hops.append(t.hop())
    work_on(t, rng, rng.randint(5, 9))
    for _ in path:
        t.think(1.0)
        t.type('exit')
        time.sleep(0.8)
    t.close()
    return {'kind': 'relayed', 'hops': hops}


def interactive(work, rng, ns, src, dst, kind):
    t = Term(ssh_argv(ns, work, src, dst), rng)
    t.prompt()
    hop = t.hop()
    work_on(t, rng, rng.randint(4, 8))
    t.type('exit')
    t.close()
    return {'kind': kind, 'hops': [hop]}


def bulk(work, ns, src, dst, name):
    subprocess.run(['ip', 'netns', 'exec', ns, 'scp', '-q', '-F', f'{work}/c', '-o', f'BindAddress={src}',
                    f'{work}/bulk.bin', f'{dst}:{work}/recv-{name}'], check=True)
    return {'kind': 'scp', 'src': src, 'dst': dst}


def plan(work, rng):
    jobs = []
    clients = CLIENTS[:]
    rng.shuffle(clients)
    for i in range(5):
        jobs.append((rng.uniform(0, 40), relayed, (work, random.Random(rng.random()), clients[i], [R1, R2, rng.choice(TARGETS)])))
    jobs.append((rng.uniform(0, 40), relayed, (work, random.Random(rng.random()), clients[5], [R2, R1, rng.choice(TARGETS)])))
    jobs.append((rng.uniform(0, 40), relayed, (work, random.Random(rng.random()), clients[6], [R1, rng.choice(TARGETS)])))
    for i, relay in enumerate([R1, R2, R1, R2]):
        jobs.append((rng.uniform(0, 50), interactive, (work, random.Random(rng.random()), 'hr-cli', clients[i + 1], relay, 'ends-on-relay')))
    for ns, src in [('hr-r1', R1), ('hr-r2', R2), ('hr-r1', R1)]:
        jobs.append((rng.uniform(0, 50), interactive, (work, random.Random(rng.random()), ns, src, rng.choice(TARGETS), 'relay-own-session')))
    for i, (ns, src, dst) in enumerate([('hr-cli', clients[7], R1), ('hr-r1', R1, TARGETS[0]), ('hr-r2', R2, TARGETS[1]), ('hr-cli', clients[0], R2)]):
        jobs.append((rng.uniform(0, 60), bulk, (work, ns, src, dst, str(i))))
    return jobs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--seed', type=int, default=5)
    ap.add_argument('--work', required=True)
    ap.add_argument('--out', required=True)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    results, errors, threads = [], [], []
    t0 = time.time()

    def run(delay, fn, args):
        time.sleep(delay)
        try:
            results.append(fn(*args))
        except Exception as e:  # a failed session must fail the recipe, not vanish
            errors.append(f'{fn.__name__}{args[2:]}: {e}')

    for delay, fn, args in plan(a.work, rng):
        th = threading.Thread(target=run, args=(delay, fn, args))
        th.start()
        threads.append(th)
    for th in threads:
        th.join()
    if errors:
        raise SystemExit('sessions failed:\n' + '\n'.join(errors))
    pairs = []
    for s in results:
        if s['kind'] == 'relayed':
            for a_, b_ in zip(s['hops'], s['hops'][1:]):
                pairs.append({'relay': a_['dst'], 'inbound': a_, 'outbound': b_})
    truth = {'seed': a.seed, 'relays': [R1, R2], 'duration_s': round(time.time() - t0, 1),
             'sessions': results, 'pairs': pairs}
    with open(a.out, 'w') as f:
        json.dump(truth, f, indent=1)
    print(f'{len(results)} sessions, {len(pairs)} relay pairs, {truth["duration_s"]} s')


if __name__ == '__main__':
    main()
