/** A TCP port nothing listens on at the time of the call. */
export function freePort(): number;
