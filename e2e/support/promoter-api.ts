import type { Event } from '../../sdks/js/src/openapi.ts';
import { promoterApi } from './api-client.ts';
import { demoEventId } from './stack.ts';

/** The promoter's API on the demo event, to check what a buyer's actions changed. */
export class PromoterApi {
  event(): Promise<Event> {
    return promoterApi<Event>(`/v1/events/${demoEventId()}`);
  }

  async available(tier: string): Promise<number> {
    const event = await this.event();
    const found = event.tiers.find((t) => t.name === tier);
    if (!found) throw new Error(`No tier ${tier}`);
    return found.available;
  }
}
