/**
 * One tenant never sees another tenant's data. When the bot serves particular tenants (ALLOWED_TENANT_IDS,
 * or the bot's own MicrosoftAppTenantId), anyone else gets a polite refusal before any data is read.
 * Without such a list each score source guards its own tenant (graph serves only GRAPH_TENANT_ID).
 */
import type { AppConfig } from '../config';

export function tenantAllowed(config: AppConfig, tenantId: string): boolean {
  // Teams always sends a tenant; an activity without one (Bot Framework Emulator) has no tenant to keep
  // its data under, so it is refused politely rather than failing in the store.
  if (!tenantId) return false;
  return config.allowedTenants.length === 0 || config.allowedTenants.includes(tenantId);
}

export const TENANT_REFUSAL =
  "Sorry, I'm not connected to your organization's Secure Score. Ask your Microsoft 365 admin to set me up for your tenant.";
