// Live IPv4 connections by their unordered endpoint pair, in an open-addressing hash table whose keys sit in
// Int32Arrays: the tracking hot path does no Map lookup on boxed 48-bit numbers and allocates nothing per
// packet. Linear probing; deletion shifts the rest of the probe run back (no tombstones).

/** Key of the endpoint pair (ip1:port1, ip2:port2), the smaller endpoint first, so both directions meet. */
export interface V4Key { x: number; y: number; z: number }

const mix = (x: number, y: number, z: number) => {
  let h = Math.imul(x, 0x9e3779b1) ^ Math.imul(y ^ 0x85ebca77, 0xc2b2ae3d) ^ Math.imul(z, 0x27d4eb2f);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) ^ (h >>> 13);
};

/** Writes the key of (s4:sport, d4:dport) into k (no allocation). */
export function v4Key(s4: number, sport: number, d4: number, dport: number, k: V4Key): V4Key {
  const sFirst = s4 < d4 || (s4 === d4 && sport <= dport);
  k.x = (sFirst ? s4 : d4) | 0;
  k.y = (sFirst ? d4 : s4) | 0;
  k.z = ((sFirst ? sport : dport) << 16) | (sFirst ? dport : sport);
  return k;
}

export class V4Table<V> {
  private x = new Int32Array(64); private y = new Int32Array(64); private z = new Int32Array(64);
  private vals: Array<V | undefined> = new Array(64).fill(undefined);
  private mask = 63;
  size = 0;

  private find(k: V4Key): number {
    let i = mix(k.x, k.y, k.z) & this.mask;
    while (this.vals[i] !== undefined && (this.x[i] !== k.x || this.y[i] !== k.y || this.z[i] !== k.z)) i = (i + 1) & this.mask;
    return i;
  }

  get(k: V4Key): V | undefined { return this.vals[this.find(k)]; }

  set(k: V4Key, v: V): void {
    const i = this.find(k);
    if (this.vals[i] === undefined) this.size++;
    this.x[i] = k.x; this.y[i] = k.y; this.z[i] = k.z; this.vals[i] = v;
    if (this.size * 2 > this.mask) this.grow();
  }

  delete(k: V4Key): void {
    let i = this.find(k);
    if (this.vals[i] === undefined) return;
    this.vals[i] = undefined;
    this.size--;
    // Shift later members of the probe run back over the hole when their home slot is not after it.
    for (let j = (i + 1) & this.mask; this.vals[j] !== undefined; j = (j + 1) & this.mask) {
      const home = mix(this.x[j], this.y[j], this.z[j]) & this.mask;
      const stays = i <= j ? home > i && home <= j : home > i || home <= j;
      if (stays) continue;
      this.x[i] = this.x[j]; this.y[i] = this.y[j]; this.z[i] = this.z[j]; this.vals[i] = this.vals[j];
      this.vals[j] = undefined;
      i = j;
    }
  }

  values(): V[] { return this.vals.filter((v): v is V => v !== undefined); }

  private grow(): void {
    const { x, y, z, vals } = this;
    const cap = 2 * vals.length;
    this.x = new Int32Array(cap); this.y = new Int32Array(cap); this.z = new Int32Array(cap);
    this.vals = new Array(cap).fill(undefined);
    this.mask = cap - 1;
    this.size = 0;
    const k: V4Key = { x: 0, y: 0, z: 0 };
    for (let i = 0; i < vals.length; i++) if (vals[i] !== undefined) { k.x = x[i]; k.y = y[i]; k.z = z[i]; this.set(k, vals[i]!); }
  }
}
