import type { HandlersOf } from '../../rpc/handlers.ts';
import type { HealthService } from './health-service.ts';

export function healthHandlers(health: HealthService): HandlersOf<'health.checkIn' | 'health.today' | 'health.recheck'> {
  return {
    'health.checkIn': (input, ctx) => health.checkIn(input, ctx.userId),
    'health.today': ({ day }) => health.today(day),
    'health.recheck': () => health.recheck(),
  };
}
