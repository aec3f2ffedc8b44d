/**
 * The Bot Framework adapter. CloudAdapter + ConfigurationBotFrameworkAuthentication validate the tokens
 * Teams sends (when an app id is set) and sign the bot's outgoing calls to the connector.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, TurnContext } from 'botbuilder';
import type { AppConfig } from '../config';
import type { Logger } from '../log';

export function createAdapter(config: AppConfig, log: Logger): CloudAdapter {
  const env = config.env;
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.microsoftAppId,
    MicrosoftAppPassword: env.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.microsoftAppType,
    MicrosoftAppTenantId: config.microsoftAppTenantId,
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => onTurnError(context, error, log);
  return adapter;
}

/**
 * Logs the detail for us and tells the user only that something went wrong: a stack trace in a chat
 * helps nobody and may leak internals. Never throws, so the HTTP answer stays a 200.
 */
export async function onTurnError(context: TurnContext, error: Error, log: Logger): Promise<void> {
  const activity = context.activity;
  log.error('unhandled error in turn', {
    error,
    activityType: activity?.type,
    conversationId: activity?.conversation?.id,
    tenantId: activity?.conversation?.tenantId,
  });
  try {
    if (activity?.type === 'invoke') {
      // An invoke needs an answer in the HTTP response, or Teams shows "Unable to reach app".
      await context.sendActivity({
        type: 'invokeResponse',
        value: {
          status: 200,
          body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Sorry, something went wrong. Please try again.' },
        },
      });
    } else if (activity?.type === 'message') {
      await context.sendActivity('Sorry, something went wrong on my side. Please try again in a moment.');
    }
  } catch (sendError) {
    log.error('could not tell the user about the error', { error: sendError as Error });
  }
}
