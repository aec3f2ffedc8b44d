/**
 * The benchmark's Bot Connector, in its own process: Teams' service does not share the bot's event
 * loop, so its clock (the arrival times it enforces limits on) must not stall when the bot is busy.
 * Talks to the parent over IPC: sends {url} when listening, answers 'stats' with what arrived.
 */
import { FakeConnector, TEAMS_CONNECTOR_LIMITS } from '../test/helpers/fakeConnector';

async function main(): Promise<void> {
  const latencyMs = Number(process.env.CONNECTOR_LATENCY_MS ?? 30);
  const connector = await new FakeConnector({ limits: TEAMS_CONNECTOR_LIMITS, latencyMs }).start();
  process.on('message', async (msg: unknown) => {
    if (msg === 'stats') {
      const perConversation: Record<string, number> = {};
      let cardSize = 0;
      for (const r of connector.requests) {
        if (r.method !== 'POST') continue;
        const content = r.body?.attachments?.[0]?.content;
        if (!content || !JSON.stringify(content).includes('Weekly Secure Score digest')) continue;
        perConversation[r.conversationId] = (perConversation[r.conversationId] ?? 0) + 1;
        cardSize = JSON.stringify(content).length;
      }
      process.send!({ perConversation, throttled: connector.throttled.length, cardSize });
    } else if (msg === 'stop') {
      await connector.stop();
      process.exit(0);
    }
  });
  process.send!({ url: connector.url });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
