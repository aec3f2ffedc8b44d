/**
 * Status changes someone in the demo tenant made on improvement actions (controlStateUpdates),
 * with who owns the follow-up. `daysAgo` is relative to the demo's `now`.
 */
export interface DemoStateChange {
  state: 'Default' | 'Ignored' | 'ThirdParty' | 'Reviewed';
  daysAgo: number;
  assignedTo: string | null;
  comment: string | null;
  updatedBy: string;
}

const DOMAIN = 'northwind-demo.example';
const admin = `it-admin@${DOMAIN}`;

export const STATE_CHANGES: Record<string, DemoStateChange[]> = {
  aad_pim_approval: [
    { state: 'Default', daysAgo: 160, assignedTo: `lee.chen@${DOMAIN}`, comment: 'Looking into PIM licensing', updatedBy: admin },
    { state: 'Ignored', daysAgo: 63, assignedTo: `lee.chen@${DOMAIN}`, comment: 'Risk accepted: only two admins and the on-call rota cannot wait for approvals. Revisit in spring.', updatedBy: `lee.chen@${DOMAIN}` },
  ],
  MDA_SF_SessionControl: [
    { state: 'Ignored', daysAgo: 140, assignedTo: null, comment: 'No Defender for Cloud Apps licence', updatedBy: admin },
  ],
  teams_external_access_restricted: [
    { state: 'Ignored', daysAgo: 38, assignedTo: `sam.okafor@${DOMAIN}`, comment: 'Sales chats with too many customers for an allow list', updatedBy: `sam.okafor@${DOMAIN}` },
  ],
  mdo_antiphishing_impersonation: [
    { state: 'ThirdParty', daysAgo: 45, assignedTo: `priya.natarajan@${DOMAIN}`, comment: "Handled by the mail gateway's impersonation filter", updatedBy: `priya.natarajan@${DOMAIN}` },
  ],
  exo_autoforwarding_blocked: [
    { state: 'ThirdParty', daysAgo: 95, assignedTo: null, comment: 'Gateway drops auto-forwarded mail to outside domains', updatedBy: admin },
  ],
  exo_nonowneraccess_review: [
    { state: 'Reviewed', daysAgo: 10, assignedTo: `sam.okafor@${DOMAIN}`, comment: 'Fortnightly check done, only the shared mailbox delegates', updatedBy: `sam.okafor@${DOMAIN}` },
  ],
  aad_limited_admin_roles: [
    { state: 'Reviewed', daysAgo: 30, assignedTo: `lee.chen@${DOMAIN}`, comment: 'Three Global Admins incl. break-glass', updatedBy: `lee.chen@${DOMAIN}` },
  ],
  mip_dlppolicies: [
    { state: 'Default', daysAgo: 20, assignedTo: `priya.natarajan@${DOMAIN}`, comment: 'Piloting in simulation mode with Finance', updatedBy: `priya.natarajan@${DOMAIN}` },
  ],
  intune_compliance_policy_ios: [
    { state: 'Default', daysAgo: 7, assignedTo: `alex.moreau@${DOMAIN}`, comment: null, updatedBy: admin },
  ],
};
