#!/usr/bin/env bash
# Real stepping-stone capture: OpenSSH interactive sessions relayed through two relay hosts, each in its own
# network namespace, with human keystroke timing (drive.py), concurrent decoy sessions and scp bulk copies.
# Run as root. Private addresses only (10.9.0.0/24 on a bridge inside its own namespace); nothing leaves it.
#   sudo test/relays-netns/make-capture.sh [OUT_DIR] [SEED]
# Writes OUT_DIR/relay1.pcapng (dumpcap on relay 1), OUT_DIR/relay2.pcap (relay 2) and OUT_DIR/ground-truth.json.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$(realpath -m "${1:-$HERE/fixture}")
SEED=${2:-5}
W=/tmp/hrl # short: relays type paths under it
NS=(hr-net hr-cli hr-r1 hr-r2 hr-tgt)
declare -A ADDRS=([hr-cli]="10.9.0.2 10.9.0.3 10.9.0.4 10.9.0.5 10.9.0.6 10.9.0.7 10.9.0.8 10.9.0.9"
                  [hr-r1]="10.9.0.11" [hr-r2]="10.9.0.12" [hr-tgt]="10.9.0.21 10.9.0.22 10.9.0.23")

cleanup() {
  for f in "$W"/sshd-*.pid "$W"/dumpcap-*.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true; done
  sleep 0.5
  for n in "${NS[@]}"; do ip netns del "$n" 2>/dev/null || true; done
}
trap cleanup EXIT
cleanup
rm -rf "$W" && mkdir -p "$W" "$OUT" /run/sshd

# --- network: one bridge in hr-net, a veth from it to every other namespace ---
for n in "${NS[@]}"; do ip netns add "$n"; ip -n "$n" link set lo up; done
ip -n hr-net link add br0 type bridge && ip -n hr-net link set br0 up
for n in hr-cli hr-r1 hr-r2 hr-tgt; do
  s=${n#hr-}
  ip link add "hv-$s" netns "$n" type veth peer name "hb-$s" netns hr-net
  ip -n hr-net link set "hb-$s" master br0 up
  ip -n "$n" link set "hv-$s" up
  for a in ${ADDRS[$n]}; do ip -n "$n" addr add "$a/24" dev "hv-$s"; done
done

# --- keys and sshd on the relays and the target ---
ssh-keygen -q -t ed25519 -N '' -f "$W/id" && ssh-keygen -q -t ed25519 -N '' -f "$W/hostkey"
cp "$W/id.pub" "$W/authorized_keys"
cat > "$W/c" <<CFG
Host *
  User root
  IdentityFile $W/id
  StrictHostKeyChecking no
  UserKnownHostsFile /dev/null
  LogLevel ERROR
CFG
dd if=/dev/urandom of="$W/bulk.bin" bs=1M count=2 status=none
for n in hr-r1 hr-r2 hr-tgt; do
  s=${n#hr-}
  { for a in ${ADDRS[$n]}; do echo "ListenAddress $a"; done
    cat <<CFG
HostKey $W/hostkey
PidFile $W/sshd-$s.pid
UsePAM no
PermitRootLogin yes
PasswordAuthentication no
AuthorizedKeysFile $W/authorized_keys
StrictModes no
UseDNS no
PrintMotd no
Subsystem sftp internal-sftp
CFG
  } > "$W/sshd-$s.conf"
  ip netns exec "$n" /usr/sbin/sshd -f "$W/sshd-$s.conf"
done
sleep 1

# --- capture on both relays (snap length 128: headers only, keeps the fixture small) ---
ip netns exec hr-r1 dumpcap -q -i hv-r1 -s 128 -w "$W/relay1.pcapng" & echo $! > "$W/dumpcap-r1.pid"
ip netns exec hr-r2 dumpcap -q -P -i hv-r2 -s 128 -w "$W/relay2.pcap" & echo $! > "$W/dumpcap-r2.pid"
sleep 2

if [ -n "${HRL_SETUP_ONLY:-}" ]; then trap - EXIT; echo "set up; clean up by running again"; exit 0; fi
python3 "$HERE/drive.py" --seed "$SEED" --work "$W" --out "$W/ground-truth.json"

sleep 2
for f in "$W"/dumpcap-*.pid; do kill -INT "$(cat "$f")"; done
sleep 2
cp "$W/relay1.pcapng" "$W/relay2.pcap" "$W/ground-truth.json" "$OUT/"
ls -la "$OUT"
