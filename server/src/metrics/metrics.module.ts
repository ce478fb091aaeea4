import { Module } from '@nestjs/common';
import { MetricsService } from './metrics.service';

/** Prometheus metrics; the HTTP hooks and the `/metrics` route are added in app.factory (outside `/api`). */
@Module({ providers: [MetricsService], exports: [MetricsService] })
export class MetricsModule {}
