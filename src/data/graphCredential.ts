/**
 * The @azure/identity credential the Graph source signs in with. Client secret is the default
 * (works anywhere); managed identity and DefaultAzureCredential suit Azure hosting.
 */
import {
  ClientSecretCredential,
  ClientSecretCredentialOptions,
  DefaultAzureCredential,
  ManagedIdentityCredential,
  TokenCredential,
} from '@azure/identity';

export const GRAPH_AUTH_MODES = ['client-secret', 'managed-identity', 'default'] as const;
export type GraphAuthMode = (typeof GRAPH_AUTH_MODES)[number];

export interface GraphCredentialSettings {
  mode: GraphAuthMode;
  tenantId: string;
  /** App (client) id; for managed identity, the user-assigned identity's client id (optional). */
  clientId?: string;
  clientSecret?: string;
  /** e.g. https://login.microsoftonline.us for US Government; default public cloud. */
  authorityHost?: string;
}

/**
 * `extra` reaches the client-secret credential only (tests give it a TLS CA for a local token
 * endpoint; MSAL refuses plain-http authorities).
 */
export function createGraphCredential(
  settings: GraphCredentialSettings,
  extra: ClientSecretCredentialOptions = {},
): TokenCredential {
  switch (settings.mode) {
    case 'client-secret':
      return new ClientSecretCredential(settings.tenantId, settings.clientId ?? '', settings.clientSecret ?? '', {
        ...extra,
        ...(settings.authorityHost
          ? // A custom authority is not in Microsoft's instance-discovery list.
            { authorityHost: settings.authorityHost, disableInstanceDiscovery: true }
          : {}),
      });
    case 'managed-identity':
      return settings.clientId ? new ManagedIdentityCredential({ clientId: settings.clientId }) : new ManagedIdentityCredential();
    case 'default':
      return new DefaultAzureCredential({
        tenantId: settings.tenantId,
        ...(settings.clientId ? { managedIdentityClientId: settings.clientId } : {}),
        ...(settings.authorityHost ? { authorityHost: settings.authorityHost } : {}),
      });
  }
}
