import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE_KEY = 'beian:public';
/** Marks a route that needs no login. Every other route does. */
export const Public = () => SetMetadata(PUBLIC_ROUTE_KEY, true);
