import type { DiscoverableDecorator, DiscoveryService } from '@nestjs/core';

/** The one provider marked with `marker` (the implementation of a port of a lower floor); boot fails without exactly one. */
export function discoverOne<T>(discovery: DiscoveryService, marker: DiscoverableDecorator<unknown>, port: string): T {
  const found = discoverAll<T>(discovery, marker);
  if (found.length !== 1) throw new Error(`${port} needs exactly one provider, found ${found.length}`);
  return found[0]!;
}

/** Every provider marked with `marker` (the members of a multi-provider port: Nest has none across modules). */
export function discoverAll<T>(discovery: DiscoveryService, marker: DiscoverableDecorator<unknown>): T[] {
  return discovery.getProviders({ metadataKey: marker.KEY }).flatMap((wrapper) => (wrapper.instance ? [wrapper.instance as T] : []));
}
