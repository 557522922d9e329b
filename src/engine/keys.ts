// Partition assignment: a stream puts an event in partition hash(key) mod partitions. The hash is
// a 32-bit integer mix (murmur3 finalizer) so consecutive keys spread evenly, as Kafka's would.
export function hashKey(key: number): number {
  let h = key | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
