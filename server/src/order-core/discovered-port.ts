import type { DiscoverableDecorator, DiscoveryService } from '@nestjs/core';

/** The one provider marked with `marker` (the implementation of a port of the order core); boot fails without exactly one. */
export function discoverOne<T>(discovery: DiscoveryService, marker: DiscoverableDecorator<unknown>, port: string): T {
  const found = discovery.getProviders({ metadataKey: marker.KEY }).filter((wrapper) => wrapper.instance);
  if (found.length !== 1) throw new Error(`${port} needs exactly one provider, found ${found.length}`);
  return found[0]!.instance as T;
}
