/**
 * The demo tenant's improvement actions. Invented texts in the style of Microsoft's catalogue
 * (ids, services, tiers and HTML remediation look like the real thing; the words are our own).
 * `kind` decides how the action scores over time in the simulated history:
 *  - toggle: a setting that is on (full points) or off (none);
 *  - users: points in proportion to users covered (count/total of active users);
 *  - devices: points in proportion to compliant devices (Defender "scid_" actions);
 *  - review: a recurring review, points while it is up to date.
 */
export type DemoCategory = 'Identity' | 'Data' | 'Device' | 'Apps' | 'Infrastructure';
/** The level before the generator applies Graph's inconsistent casing. */
export type BaseLevel = 'none' | 'low' | 'moderate' | 'high' | 'unknown' | null;

export interface CatalogueEntry {
  id: string;
  title: string;
  category: DemoCategory;
  service: string;
  actionType: 'Config' | 'Review' | 'Behavior';
  maxScore: number;
  tier: 'Core' | 'Defense in Depth' | 'Advanced';
  cost: BaseLevel;
  impact: BaseLevel;
  threats: string[];
  /** Why it matters; becomes the controlScores description and the remediation's first paragraph. */
  summary: string;
  steps: string[];
  impactText: string;
  actionUrl: string;
  learnMore: string;
  kind: 'toggle' | 'users' | 'devices' | 'review';
  /** unlicensed: a profile without score (product not owned); deprecated: retired; new: appears late in history. */
  availability?: 'unlicensed' | 'deprecated' | 'new';
}

const ENTRA = 'https://entra.microsoft.com/#view/Microsoft_AAD_ConditionalAccess';
const DEFENDER = 'https://security.microsoft.com';
const PURVIEW = 'https://purview.microsoft.com';
const INTUNE = 'https://intune.microsoft.com/#view/Microsoft_Intune_DeviceSettings';
const EXCHANGE = 'https://admin.exchange.microsoft.com/#';
const SHAREPOINT = 'https://admin.microsoft.com/sharepoint?page=sharing';
const DOCS = 'https://learn.microsoft.com/en-us';

export const CATALOGUE: CatalogueEntry[] = [
  // ---------------------------------------------------------------- Identity
  {
    id: 'AdminMFAV2', title: 'Require multifactor authentication for administrative roles', category: 'Identity', service: 'AzureAD',
    actionType: 'Config', maxScore: 10, tier: 'Core', cost: 'low', impact: 'low', threats: ['Account breach', 'Elevation of privilege'],
    summary: "A stolen admin password is the fastest way into a tenant. Asking administrators for a second factor stops most of those sign-ins, even when the password has leaked.",
    steps: ['Open the Microsoft Entra admin center', 'Go to Protection &gt; Conditional Access &gt; Policies', 'Create a policy that targets the directory roles you consider privileged', 'Under <b>Grant</b>, choose <b>Require multifactor authentication</b> and turn the policy on'],
    impactText: 'Administrators are asked to register and use a second factor. Other users are not affected.',
    actionUrl: `${ENTRA}/PoliciesList.ReactView`, learnMore: `${DOCS}/entra/identity/conditional-access/policy-old-require-mfa-admin`, kind: 'users',
  },
  {
    id: 'MFARegistrationAllUsers', title: 'Ensure all users can complete multifactor authentication', category: 'Identity', service: 'AzureAD',
    actionType: 'Config', maxScore: 9, tier: 'Core', cost: 'moderate', impact: 'moderate', threats: ['Account Breach', 'Password cracking', 'Phishing'],
    summary: 'Users who have registered a second method can be challenged when a sign-in looks risky. Unregistered users leave a gap an attacker can register into first.',
    steps: ['Open the Microsoft Entra admin center', 'Go to Protection &gt; Authentication methods &gt; Registration campaign', 'Nudge users to register the Microsoft Authenticator app', 'Check progress in the <b>User registration details</b> report'],
    impactText: "Users are prompted to register a method at their next sign-in; it takes about two minutes per person.",
    actionUrl: `${ENTRA}/AuthenticationMethodsMenuBlade`, learnMore: `${DOCS}/entra/identity/authentication/howto-registration-mfa-sspr-combined`, kind: 'users',
  },
  {
    id: 'BlockLegacyAuthV2', title: 'Block sign-ins that use legacy authentication protocols', category: 'Identity', service: 'AzureAD',
    actionType: 'Config', maxScore: 8, tier: 'Core', cost: 'moderate', impact: 'moderate', threats: ['Password cracking', 'Account breach'],
    summary: "Older protocols such as POP, IMAP and basic SMTP can&rsquo;t ask for a second factor, so password-spray attacks aim at them first.",
    steps: ['Check the sign-in logs for clients that still use legacy authentication', 'Move those clients to modern authentication', 'Create a Conditional Access policy that blocks <b>Other clients</b> and <b>Exchange ActiveSync clients</b>'],
    impactText: 'Devices and scripts that still use basic authentication will stop working until they are moved to modern authentication.',
    actionUrl: `${ENTRA}/PoliciesList.ReactView`, learnMore: `${DOCS}/entra/identity/conditional-access/block-legacy-authentication`, kind: 'toggle',
  },
  {
    id: 'SigninRiskPolicyV2', title: 'Challenge risky sign-ins with a sign-in risk policy', category: 'Identity', service: 'AzureAD',
    actionType: 'Config', maxScore: 7, tier: 'Defense in Depth', cost: 'moderate', impact: 'low', threats: ['Account breach', 'Phishing'],
    summary: 'Sign-ins from anonymous networks, impossible travel or leaked-credential lists carry a risk level. A policy can ask for MFA when that risk is medium or higher.',
    steps: ['Go to Protection &gt; Conditional Access', 'Create a policy with the <b>Sign-in risk</b> condition set to Medium and High', 'Require multifactor authentication and enable the policy'],
    impactText: 'Only sign-ins that look risky are challenged; most users will never notice the policy.',
    actionUrl: `${ENTRA}/PoliciesList.ReactView`, learnMore: `${DOCS}/entra/id-protection/howto-identity-protection-configure-risk-policies`, kind: 'toggle',
  },
  {
    id: 'UserRiskPolicyV2', title: 'Require a secure password change for high-risk users', category: 'Identity', service: 'AzureAD',
    actionType: 'Config', maxScore: 7, tier: 'Defense in Depth', cost: 'moderate', impact: 'moderate', threats: ['Account Breach'],
    summary: 'When a user&rsquo;s credentials show up in a leak, the account should not keep working with the old password.',
    steps: ['Go to Protection &gt; Conditional Access', 'Create a policy with the <b>User risk</b> condition set to High', 'Grant access only with <b>Require password change</b> and multifactor authentication'],
    impactText: 'Affected users must change their password at the next sign-in.',
    actionUrl: `${ENTRA}/PoliciesList.ReactView`, learnMore: `${DOCS}/entra/id-protection/howto-identity-protection-risk-feedback`, kind: 'toggle',
  },
  {
    id: 'SelfServicePasswordResetV2', title: 'Turn on self-service password reset', category: 'Identity', service: 'AzureAD',
    actionType: 'Config', maxScore: 1, tier: 'Core', cost: 'low', impact: 'low', threats: ['Account breach'],
    summary: 'Users who can reset their own password after proving who they are stop calling the help desk, and the help desk stops being a social-engineering target.',
    steps: ['Go to Protection &gt; Password reset &gt; Properties', 'Set <b>Self service password reset enabled</b> to All', 'Require two methods to reset'],
    impactText: 'Users see a registration prompt for reset methods.',
    actionUrl: `${ENTRA}/PasswordResetMenuBlade`, learnMore: `${DOCS}/entra/identity/authentication/tutorial-enable-sspr`, kind: 'users',
  },
  {
    id: 'PasswordExpiryNever', title: 'Stop forcing periodic password expiry', category: 'Identity', service: 'AzureAD',
    actionType: 'Config', maxScore: 8, tier: 'Core', cost: 'low', impact: 'low', threats: ['Password cracking'],
    summary: 'Forced expiry makes people pick predictable passwords (Summer2024!, Autumn2024!). Long passwords plus MFA protect better than frequent changes.',
    steps: ['Open the Microsoft 365 admin center', 'Go to Settings &gt; Org settings &gt; Security &amp; privacy &gt; Password expiration policy', 'Select <b>Set passwords to never expire</b>'],
    impactText: 'Users are no longer asked to change their password every few months.',
    actionUrl: 'https://admin.microsoft.com/#/Settings/SecurityPrivacy', learnMore: `${DOCS}/microsoft-365/admin/misc/password-policy-recommendations`, kind: 'toggle',
  },
  {
    id: 'aad_limited_admin_roles', title: 'Keep the number of Global Administrators between two and four', category: 'Identity', service: 'AzureAD',
    actionType: 'Review', maxScore: 1, tier: 'Core', cost: 'low', impact: 'none', threats: ['Elevation of Privilege', 'Account breach'],
    summary: 'One Global Administrator is a single point of failure; many of them multiply the accounts an attacker can aim at.',
    steps: ['List the members of the Global Administrator role', 'Move day-to-day tasks to narrower roles such as User Administrator', 'Keep two to four Global Administrators, including one break-glass account'],
    impactText: 'Administrators who lose the role keep the narrower role they need.',
    actionUrl: 'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/RolesManagementMenuBlade', learnMore: `${DOCS}/entra/identity/role-based-access-control/best-practices`, kind: 'review',
  },
  {
    id: 'aad_admin_accounts_cloud_only', title: 'Use cloud-only accounts for administrative roles', category: 'Identity', service: 'AzureAD',
    actionType: 'Config', maxScore: 3, tier: 'Core', cost: 'moderate', impact: 'low', threats: ['Elevation of privilege'],
    summary: 'Administrator accounts synchronised from on-premises Active Directory can be taken over from there; cloud-only accounts cut that path.',
    steps: ['Find privileged role members whose <b>On-premises sync enabled</b> is Yes', 'Create cloud-only replacements', 'Move the role assignments and disable the synchronised ones'],
    impactText: 'Administrators sign in with a separate account for admin work.',
    actionUrl: 'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/RolesManagementMenuBlade', learnMore: `${DOCS}/entra/architecture/protect-m365-from-on-premises-attacks`, kind: 'toggle',
  },
  {
    id: 'IntegratedAppsConsent', title: 'Allow user consent only for apps from verified publishers', category: 'Identity', service: 'AzureAD',
    actionType: 'Config', maxScore: 4, tier: 'Core', cost: 'low', impact: 'moderate', threats: ['Data exfiltration', 'Phishing'],
    summary: 'Consent phishing tricks a user into granting a malicious app access to mail and files. Limiting consent to verified publishers removes most of that risk.',
    steps: ['Go to Identity &gt; Applications &gt; Enterprise applications &gt; Consent and permissions', 'Pick the option that lets users consent only to verified publishers asking for low-risk permissions', 'Set up the admin consent workflow for everything else'],
    impactText: 'Users must ask an administrator before they can add some third-party apps.',
    actionUrl: 'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/ConsentPoliciesMenuBlade', learnMore: `${DOCS}/entra/identity/enterprise-apps/configure-user-consent`, kind: 'toggle',
  },
  {
    id: 'aad_sign_in_frequency_unmanaged', title: 'Limit session lifetime on unmanaged devices', category: 'Identity', service: 'AzureAD',
    actionType: 'Config', maxScore: 5, tier: 'Defense in Depth', cost: 'moderate', impact: 'moderate', threats: ['Account breach'],
    summary: 'A browser session left open on a kiosk or a personal laptop keeps its access for days. A shorter sign-in frequency on unmanaged devices closes it sooner.',
    steps: ['Create a Conditional Access policy for devices that are not compliant or hybrid joined', 'Under <b>Session</b>, set sign-in frequency to 8 hours', 'Set persistent browser session to <b>Never persistent</b>'],
    impactText: 'People on personal devices sign in again during the day.',
    actionUrl: `${ENTRA}/PoliciesList.ReactView`, learnMore: `${DOCS}/entra/identity/conditional-access/concept-session-lifetime`, kind: 'toggle',
  },
  {
    id: 'aad_guest_access_restricted', title: 'Restrict what guest users can see in the directory', category: 'Identity', service: 'AzureAD',
    actionType: 'Config', maxScore: 2, tier: 'Defense in Depth', cost: 'low', impact: 'low', threats: ['Data exfiltration', 'Malicious Insider'],
    summary: 'By default guests can browse other users and groups. Restricting them to their own objects limits reconnaissance from a compromised partner account.',
    steps: ['Go to Identity &gt; External Identities &gt; External collaboration settings', 'Set guest user access to <b>Guest user access is restricted to properties and memberships of their own directory objects</b>'],
    impactText: 'Guests no longer see the full directory in people pickers.',
    actionUrl: 'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/CompanyRelationshipsMenuBlade', learnMore: `${DOCS}/entra/external-id/external-collaboration-settings-configure`, kind: 'toggle',
  },
  {
    id: 'aad_pim_approval', title: 'Require approval before Global Administrator activation', category: 'Identity', service: 'AzureAD',
    actionType: 'Config', maxScore: 5, tier: 'Advanced', cost: 'high', impact: 'moderate', threats: ['Elevation of privilege', 'Malicious insider'],
    summary: 'With just-in-time access, nobody holds the most powerful role permanently; an approval step makes each activation visible.',
    steps: ['Open Privileged Identity Management', 'Select the Global Administrator role &gt; Settings', 'Turn on <b>Require approval to activate</b> and choose approvers'],
    impactText: 'Administrators wait for approval before high-impact tasks.',
    actionUrl: 'https://entra.microsoft.com/#view/Microsoft_Azure_PIMCommon/CommonMenuBlade', learnMore: `${DOCS}/entra/id-governance/privileged-identity-management/pim-configure`, kind: 'toggle',
  },
  {
    id: 'aad_stale_guests_review', title: 'Review guest accounts every quarter', category: 'Identity', service: 'AzureAD',
    actionType: 'Review', maxScore: 3, tier: 'Defense in Depth', cost: 'low', impact: 'none', threats: ['Account Breach', 'Data exfiltration'],
    summary: 'Guests invited for a project rarely get removed when it ends. A recurring access review keeps the list short.',
    steps: ['Open Identity Governance &gt; Access reviews', 'Create a review of all guest users in Microsoft 365 groups', 'Remove access automatically when reviewers do not respond'],
    impactText: 'Group owners get a short review email every quarter.',
    actionUrl: 'https://entra.microsoft.com/#view/Microsoft_AAD_ERM/DashboardBlade', learnMore: `${DOCS}/entra/id-governance/access-reviews-overview`, kind: 'review',
  },
  {
    id: 'PhishResistantMFAAdmins', title: 'Require phishing-resistant authentication for administrators', category: 'Identity', service: 'AzureAD',
    actionType: 'Config', maxScore: 9, tier: 'Advanced', cost: 'high', impact: 'moderate', threats: ['Phishing', 'Account breach'],
    summary: 'Push notifications and codes can be relayed by adversary-in-the-middle kits. Passkeys and certificate sign-in are bound to the real site and cannot be phished that way.',
    steps: ['Enable passkeys (FIDO2) in Authentication methods', 'Create an authentication strength that allows only phishing-resistant methods', 'Require that strength for privileged roles in Conditional Access'],
    impactText: 'Administrators need a passkey or security key before the policy is turned on.',
    actionUrl: `${ENTRA}/PoliciesList.ReactView`, learnMore: `${DOCS}/entra/identity/authentication/concept-authentication-strengths`, kind: 'toggle',
    availability: 'new',
  },
  {
    id: 'aad_password_protection_onprem', title: 'Extend banned-password checks to on-premises domain controllers', category: 'Identity', service: 'AzureAD',
    actionType: 'Config', maxScore: 3, tier: 'Defense in Depth', cost: 'moderate', impact: 'low', threats: ['Password Cracking'],
    summary: 'Cloud password protection rejects weak and company-specific passwords, but only where the password is set. The on-premises agent applies the same list to domain controllers.',
    steps: ['Download the password protection proxy and DC agent', 'Install the proxy on two member servers and the agent on each domain controller', 'Switch the mode from Audit to Enforced after two weeks'],
    impactText: 'Users changing passwords on-premises can no longer choose banned words.',
    actionUrl: 'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/AuthenticationMethodsMenuBlade', learnMore: `${DOCS}/entra/identity/authentication/howto-password-ban-bad-on-premises-deploy`, kind: 'toggle',
    availability: 'deprecated',
  },
  // ---------------------------------------------------------------- Data
  {
    id: 'mip_unified_audit_on', title: 'Turn on audit log search', category: 'Data', service: 'MIP',
    actionType: 'Config', maxScore: 3, tier: 'Core', cost: 'low', impact: 'none', threats: ['Malicious insider', 'Data exfiltration'],
    summary: 'Without the unified audit log there is no record of who opened, shared or deleted what when an incident has to be investigated.',
    steps: ['Open the Microsoft Purview portal', 'Go to Solutions &gt; Audit', 'Select <b>Start recording user and admin activity</b>'],
    impactText: 'No effect on users.',
    actionUrl: `${PURVIEW}/audit/auditsearch`, learnMore: `${DOCS}/purview/audit-log-enable-disable`, kind: 'toggle',
  },
  {
    id: 'mip_dlppolicies', title: 'Create data loss prevention policies for financial data', category: 'Data', service: 'MIP',
    actionType: 'Config', maxScore: 6, tier: 'Defense in Depth', cost: 'moderate', impact: 'moderate', threats: ['Data exfiltration', 'Data spillage'],
    summary: 'Card numbers and bank details sent by mistake are the most common data spill. A DLP policy spots them in mail, chat and files and warns the sender.',
    steps: ['Open Data loss prevention &gt; Policies', 'Start from the <b>U.S. Financial Data</b> template (or your country&rsquo;s)', 'Run the policy in simulation for two weeks, then turn on policy tips and blocking'],
    impactText: 'Senders see a policy tip; mail with many sensitive items is blocked.',
    actionUrl: `${PURVIEW}/datalossprevention/policies`, learnMore: `${DOCS}/purview/dlp-create-deploy-policy`, kind: 'toggle',
  },
  {
    id: 'mip_sensitivitylabels_published', title: 'Publish sensitivity labels to users', category: 'Data', service: 'MIP',
    actionType: 'Config', maxScore: 5, tier: 'Core', cost: 'moderate', impact: 'low', threats: ['Data spillage'],
    summary: 'Labels let people mark a document as Confidential once; encryption and visual markings then follow the file wherever it goes.',
    steps: ['Create labels such as Public, General, Confidential and Highly confidential', 'Publish them in a label policy to all users', 'Set a default label for documents and email'],
    impactText: 'Users see a Sensitivity button in Office apps.',
    actionUrl: `${PURVIEW}/informationprotection/labels`, learnMore: `${DOCS}/purview/create-sensitivity-labels`, kind: 'toggle',
  },
  {
    id: 'mip_autolabeling', title: 'Apply sensitivity labels automatically to sensitive content', category: 'Data', service: 'MIP',
    actionType: 'Config', maxScore: 8, tier: 'Advanced', cost: 'high', impact: 'low', threats: ['Data Spillage', 'Data exfiltration'],
    summary: 'Relying on users to label everything leaves gaps; service-side auto-labeling catches files at rest in SharePoint and OneDrive.',
    steps: ['Go to Information protection &gt; Auto-labeling', 'Create a policy for the sensitive information types you care about', 'Review the simulation, then turn the policy on'],
    impactText: 'Labels may appear on existing files; owners are notified.',
    actionUrl: `${PURVIEW}/informationprotection/autolabeling`, learnMore: `${DOCS}/purview/apply-sensitivity-label-automatically`, kind: 'toggle',
    availability: 'unlicensed',
  },
  {
    id: 'mip_insider_risk', title: 'Set up an insider risk policy for departing users', category: 'Data', service: 'MIP',
    actionType: 'Config', maxScore: 6, tier: 'Advanced', cost: 'high', impact: 'none', threats: ['Malicious insider', 'Data exfiltration'],
    summary: 'Large downloads in the weeks before someone leaves are a classic pattern. Insider risk management correlates HR signals with file activity.',
    steps: ['Connect the HR data connector', 'Create a policy from the <b>Data theft by departing users</b> template', 'Assign analysts and investigators'],
    impactText: 'No effect on users; analysts see pseudonymised alerts.',
    actionUrl: `${PURVIEW}/insiderriskmgmt`, learnMore: `${DOCS}/purview/insider-risk-management-policies`, kind: 'toggle',
    availability: 'unlicensed',
  },
  {
    id: 'exo_mailboxaudit', title: 'Keep mailbox auditing turned on for all users', category: 'Data', service: 'EXO',
    actionType: 'Config', maxScore: 4, tier: 'Core', cost: 'low', impact: 'none', threats: ['Malicious insider', 'Account breach'],
    summary: 'Mailbox audit records show who read, moved or deleted messages, which is what an investigation of a compromised mailbox needs first.',
    steps: ['Connect to Exchange Online PowerShell', 'Run <b>Get-OrganizationConfig | Format-List AuditDisabled</b>', 'If it returns True, run <b>Set-OrganizationConfig -AuditDisabled $false</b>'],
    impactText: 'No effect on users.',
    actionUrl: `${EXCHANGE}/homepage`, learnMore: `${DOCS}/purview/audit-mailboxes`, kind: 'toggle',
  },
  {
    id: 'exo_nonowneraccess_review', title: 'Review mailbox access by non-owners every two weeks', category: 'Data', service: 'EXO',
    actionType: 'Review', maxScore: 5, tier: 'Defense in Depth', cost: 'low', impact: 'none', threats: ['Account Breach', 'Malicious insider', 'Data exfiltration'],
    summary: 'Delegates and administrators opening someone else&rsquo;s mailbox should be rare and explainable.',
    steps: ['Open the non-owner mailbox access report', 'Choose the last 14 days and <b>All non-owners</b>', 'Follow up on access nobody can explain'],
    impactText: 'No effect on users.',
    actionUrl: `${EXCHANGE}/reports`, learnMore: `${DOCS}/exchange/security-and-compliance/exchange-auditing-reports/view-mailbox-audit-logs`, kind: 'review',
  },
  {
    id: 'spo_external_sharing_limited', title: 'Limit external sharing to existing guests', category: 'Data', service: 'SPO',
    actionType: 'Config', maxScore: 6, tier: 'Core', cost: 'low', impact: 'moderate', threats: ['Data exfiltration', 'Data spillage'],
    summary: "'Anyone' links work for whoever gets hold of them. Restricting sharing to known guests keeps a forwarded link from opening the file.",
    steps: ['Open the SharePoint admin center', 'Go to Policies &gt; Sharing', 'Set SharePoint and OneDrive to <b>Existing guests</b> or <b>New and existing guests</b>'],
    impactText: 'Existing anonymous links stop working; users must invite guests by name.',
    actionUrl: SHAREPOINT, learnMore: `${DOCS}/sharepoint/turn-external-sharing-on-or-off`, kind: 'toggle',
  },
  {
    id: 'spo_link_expiry', title: 'Make guest sharing links expire', category: 'Data', service: 'SPO',
    actionType: 'Config', maxScore: 2, tier: 'Defense in Depth', cost: 'low', impact: 'low', threats: ['Data Exfiltration'],
    summary: 'Links handed to a supplier three years ago still open the file unless they expire.',
    steps: ['In the SharePoint admin center go to Policies &gt; Sharing', 'Under <b>Choose expiration and permissions options</b>, set guest access to expire after 30 days'],
    impactText: 'Guests have to be re-invited after the period ends.',
    actionUrl: SHAREPOINT, learnMore: `${DOCS}/sharepoint/turn-external-sharing-on-or-off`, kind: 'toggle',
  },
  {
    id: 'exo_customerlockbox', title: 'Turn on Customer Lockbox', category: 'Data', service: 'EXO',
    actionType: 'Config', maxScore: 1, tier: 'Advanced', cost: 'low', impact: 'none', threats: ['Data exfiltration'],
    summary: 'Customer Lockbox makes Microsoft engineers ask your approval before they can see content during a support case.',
    steps: ['Open the Microsoft 365 admin center', 'Go to Settings &gt; Org settings &gt; Security &amp; privacy &gt; Customer lockbox', 'Select <b>Require approval for all data access requests</b>'],
    impactText: 'Support cases that need content access wait for an approval.',
    actionUrl: 'https://admin.microsoft.com/#/Settings/SecurityPrivacy', learnMore: `${DOCS}/purview/customer-lockbox-requests`, kind: 'toggle',
    availability: 'unlicensed',
  },
  // ---------------------------------------------------------------- Device
  {
    id: 'intune_compliance_policy_windows', title: 'Create a device compliance policy for Windows', category: 'Device', service: 'Intune',
    actionType: 'Config', maxScore: 9, tier: 'Core', cost: 'moderate', impact: 'moderate', threats: ['Malware', 'Data exfiltration'],
    summary: 'Compliance policies define a healthy device (encrypted, patched, protected). Conditional Access can then keep unhealthy devices away from company data.',
    steps: ['Open the Intune admin center', 'Go to Devices &gt; Compliance &gt; Create policy', 'Require BitLocker, Secure Boot, a minimum OS version and Defender real-time protection', 'Assign the policy to all Windows devices'],
    impactText: 'Non-compliant devices show a notice; they are blocked only if Conditional Access asks for compliance.',
    actionUrl: `${INTUNE}/DevicesComplianceMenu`, learnMore: `${DOCS}/mem/intune/protect/device-compliance-get-started`, kind: 'toggle',
  },
  {
    id: 'intune_compliance_policy_ios', title: 'Create a device compliance policy for iOS and iPadOS', category: 'Device', service: 'Intune',
    actionType: 'Config', maxScore: 5, tier: 'Core', cost: 'moderate', impact: 'low', threats: ['Malware'],
    summary: 'Phones hold mail and chat. A compliance policy blocks jailbroken devices and outdated iOS versions.',
    steps: ['Go to Devices &gt; Compliance &gt; Create policy &gt; iOS/iPadOS', 'Block jailbroken devices and require a passcode', 'Assign to the users who enrol phones'],
    impactText: 'Users with outdated phones are asked to update.',
    actionUrl: `${INTUNE}/DevicesComplianceMenu`, learnMore: `${DOCS}/mem/intune/protect/compliance-policy-create-ios`, kind: 'toggle',
  },
  {
    id: 'intune_app_protection_android', title: 'Protect work data in Android apps with app protection policies', category: 'Device', service: 'Intune',
    actionType: 'Config', maxScore: 6, tier: 'Defense in Depth', cost: 'moderate', impact: 'moderate', threats: ['Data spillage'],
    summary: 'On personal phones you may not manage the device, but you can stop copy and paste from Outlook into personal apps.',
    steps: ['Go to Apps &gt; App protection policies &gt; Create policy &gt; Android', 'Target Outlook, Teams, OneDrive and the Office apps', 'Block backup to personal cloud storage and restrict cut, copy and paste'],
    impactText: 'Users need a PIN to open work apps and cannot paste work content into personal apps.',
    actionUrl: 'https://intune.microsoft.com/#view/Microsoft_Intune_DeviceSettings/AppsMenu', learnMore: `${DOCS}/mem/intune/apps/app-protection-policy`, kind: 'toggle',
  },
  {
    id: 'intune_bitlocker', title: 'Encrypt Windows devices with BitLocker', category: 'Device', service: 'Intune',
    actionType: 'Config', maxScore: 7, tier: 'Core', cost: 'low', impact: 'low', threats: ['Data exfiltration'],
    summary: 'A lost laptop without disk encryption is a data breach; with BitLocker it is only a lost laptop.',
    steps: ['Go to Endpoint security &gt; Disk encryption &gt; Create policy', 'Choose Windows and the <b>BitLocker</b> profile', 'Require encryption of the OS drive and escrow the recovery key in Entra ID'],
    impactText: 'Devices encrypt silently in the background.',
    actionUrl: 'https://intune.microsoft.com/#view/Microsoft_Intune_Workflows/SecurityManagementMenu', learnMore: `${DOCS}/mem/intune/protect/encrypt-devices`, kind: 'devices',
  },
  {
    id: 'intune_windows_hello', title: 'Turn on Windows Hello for Business', category: 'Device', service: 'Intune',
    actionType: 'Config', maxScore: 4, tier: 'Defense in Depth', cost: 'moderate', impact: 'low', threats: ['Password cracking', 'Phishing'],
    summary: 'Windows Hello replaces the password at the keyboard with a PIN or face bound to the device&rsquo;s TPM.',
    steps: ['Go to Devices &gt; Enrollment &gt; Windows Hello for Business', 'Set it to <b>Enabled</b> and require a TPM', 'Allow biometric sign-in'],
    impactText: 'Users set up a PIN at next sign-in.',
    actionUrl: 'https://intune.microsoft.com/#view/Microsoft_Intune_DeviceSettings/DevicesEnrollmentMenu', learnMore: `${DOCS}/windows/security/identity-protection/hello-for-business/`, kind: 'devices',
  },
  {
    id: 'scid_2010', title: 'Turn on Microsoft Defender Antivirus real-time protection', category: 'Device', service: 'MDE',
    actionType: 'Config', maxScore: 8, tier: 'Core', cost: 'low', impact: 'low', threats: ['Malware', 'Ransomware'],
    summary: 'Real-time protection scans files as they are opened. Devices with it switched off rely on scheduled scans alone.',
    steps: ['In Intune, go to Endpoint security &gt; Antivirus', 'Create a Microsoft Defender Antivirus policy', 'Set <b>Allow Realtime Monitoring</b> to Allowed and assign it to all devices'],
    impactText: 'No visible effect on users.',
    actionUrl: `${DEFENDER}/security-recommendations`, learnMore: `${DOCS}/defender-endpoint/configure-real-time-protection-microsoft-defender-antivirus`, kind: 'devices',
  },
  {
    id: 'scid_2011', title: 'Keep Microsoft Defender Antivirus signatures up to date', category: 'Device', service: 'MDE',
    actionType: 'Config', maxScore: 7, tier: 'Core', cost: 'low', impact: 'none', threats: ['Malware'],
    summary: 'Signatures older than a few days miss the malware families that spread this week.',
    steps: ['Check devices that report outdated security intelligence', 'Make sure they can reach Windows Update or your update source', 'Set the update interval to every four hours'],
    impactText: 'No effect on users.',
    actionUrl: `${DEFENDER}/security-recommendations`, learnMore: `${DOCS}/defender-endpoint/manage-updates-baselines-microsoft-defender-antivirus`, kind: 'devices',
  },
  {
    id: 'scid_2016', title: 'Turn on cloud-delivered protection', category: 'Device', service: 'MDE',
    actionType: 'Config', maxScore: 5, tier: 'Defense in Depth', cost: 'low', impact: 'none', threats: ['Malware'],
    summary: 'Cloud-delivered protection asks the Microsoft cloud about files it has never seen and blocks new threats within seconds.',
    steps: ['Open your antivirus policy', 'Set <b>Allow cloud protection</b> to Allowed', 'Set the cloud block level to High'],
    impactText: 'No effect on users.',
    actionUrl: `${DEFENDER}/security-recommendations`, learnMore: `${DOCS}/defender-endpoint/cloud-protection-microsoft-defender-antivirus`, kind: 'devices',
  },
  {
    id: 'scid_2090', title: 'Turn on tamper protection', category: 'Device', service: 'MDE',
    actionType: 'Config', maxScore: 6, tier: 'Core', cost: 'low', impact: 'none', threats: ['Ransomware', 'Malware'],
    summary: 'Ransomware operators switch off antivirus first. Tamper protection stops local changes to security settings.',
    steps: ['In the Microsoft Defender portal go to Settings &gt; Endpoints &gt; Advanced features', 'Turn on <b>Tamper protection</b>'],
    impactText: 'Local administrators can no longer turn off Defender.',
    actionUrl: `${DEFENDER}/preferences2/integration`, learnMore: `${DOCS}/defender-endpoint/prevent-changes-to-security-settings-with-tamper-protection`, kind: 'devices',
  },
  {
    id: 'scid_5001', title: 'Block credential stealing from the Windows local security authority subsystem', category: 'Device', service: 'MDE',
    actionType: 'Config', maxScore: 4, tier: 'Defense in Depth', cost: 'moderate', impact: 'low', threats: ['Account breach', 'Elevation of Privilege'],
    summary: 'Tools that dump LSASS memory harvest passwords and tokens of everyone who signed in. This attack surface reduction rule blocks them.',
    steps: ['Go to Endpoint security &gt; Attack surface reduction', 'Add the rule <b>Block credential stealing from LSASS</b>', 'Run in Audit mode for a week, then switch to Block'],
    impactText: 'A few legacy management tools may be blocked; check audit events first.',
    actionUrl: `${DEFENDER}/security-recommendations`, learnMore: `${DOCS}/defender-endpoint/attack-surface-reduction-rules-reference`, kind: 'devices',
  },
  {
    id: 'scid_5002', title: 'Block Office apps from creating child processes', category: 'Device', service: 'MDE',
    actionType: 'Config', maxScore: 4, tier: 'Defense in Depth', cost: 'moderate', impact: 'moderate', threats: ['Malware', 'Phishing'],
    summary: 'A Word document that starts PowerShell is almost never legitimate.',
    steps: ['Add the attack surface reduction rule <b>Block all Office applications from creating child processes</b>', 'Start in Audit mode and review the events', 'Switch to Block'],
    impactText: 'Some add-ins and macros may stop working.',
    actionUrl: `${DEFENDER}/security-recommendations`, learnMore: `${DOCS}/defender-endpoint/attack-surface-reduction-rules-reference`, kind: 'devices',
  },
  {
    id: 'scid_6095', title: 'Update Microsoft Edge to the latest version', category: 'Device', service: 'MDE',
    actionType: 'Config', maxScore: 3, tier: 'Core', cost: 'low', impact: 'low', threats: ['Malware'],
    summary: 'Browser updates close vulnerabilities that drive-by downloads exploit within days of disclosure.',
    steps: ['Check which devices run an old Edge build', 'Make sure Edge updates are not blocked by policy', 'Restart the browser to finish the update'],
    impactText: 'Users restart Edge.',
    actionUrl: `${DEFENDER}/security-recommendations`, learnMore: `${DOCS}/deployedge/microsoft-edge-update-policies`, kind: 'devices',
  },
  {
    id: 'scid_3001', title: 'Disable SMBv1 on Windows devices', category: 'Device', service: 'MDE',
    actionType: 'Config', maxScore: 2, tier: 'Core', cost: 'low', impact: 'none', threats: ['Ransomware'],
    summary: 'SMB version 1 is thirty years old and carried some of the worst worms of the last decade.',
    steps: ['Find devices where the SMB1 feature is installed', 'Remove the <b>SMB 1.0/CIFS File Sharing Support</b> feature', 'Restart the device'],
    impactText: 'Very old printers and NAS devices may stop working.',
    actionUrl: `${DEFENDER}/security-recommendations`, learnMore: `${DOCS}/windows-server/storage/file-server/troubleshoot/detect-enable-and-disable-smbv1-v2-v3`, kind: 'devices',
    availability: 'deprecated',
  },
  // ---------------------------------------------------------------- Apps
  {
    id: 'mdo_safelinks_email', title: 'Turn on Safe Links for email messages', category: 'Apps', service: 'MDO',
    actionType: 'Config', maxScore: 8, tier: 'Core', cost: 'low', impact: 'low', threats: ['Phishing', 'Malware'],
    summary: 'Safe Links checks a link when it is clicked, not only when the mail arrives, which catches pages that turn malicious later.',
    steps: ['Open the Microsoft Defender portal', 'Go to Email &amp; collaboration &gt; Policies &amp; rules &gt; Threat policies &gt; Safe Links', 'Apply the <b>Standard</b> preset security policy to all recipients'],
    impactText: 'Links in mail are rewritten; users see a warning page for malicious sites.',
    actionUrl: `${DEFENDER}/threatpolicy`, learnMore: `${DOCS}/defender-office-365/safe-links-about`, kind: 'toggle',
  },
  {
    id: 'mdo_safeattachments_block', title: 'Hold unknown attachments until a sandbox has checked them', category: 'Apps', service: 'MDO',
    actionType: 'Config', maxScore: 8, tier: 'Core', cost: 'low', impact: 'low', threats: ['Malware', 'Ransomware'],
    summary: 'Attachments are opened in a sandbox before delivery; anything that behaves badly never reaches the inbox.',
    steps: ['Go to Threat policies &gt; Safe Attachments', 'Create a policy with <b>Block</b> as the unknown-malware response', 'Apply it to all recipients'],
    impactText: 'Some attachments arrive a few minutes later.',
    actionUrl: `${DEFENDER}/threatpolicy`, learnMore: `${DOCS}/defender-office-365/safe-attachments-about`, kind: 'toggle',
  },
  {
    id: 'mdo_antiphishing_impersonation', title: 'Protect executives from impersonation', category: 'Apps', service: 'MDO',
    actionType: 'Config', maxScore: 6, tier: 'Defense in Depth', cost: 'moderate', impact: 'low', threats: ['Phishing', 'Spoofing'],
    summary: "'Urgent wire transfer' mails pretend to come from the CEO. Impersonation protection flags look-alike names and domains.",
    steps: ['Open the anti-phishing policy', 'Add your executives under <b>Users to protect</b>', 'Quarantine messages from impersonated users'],
    impactText: 'Suspicious mail goes to quarantine; users may receive a notification.',
    actionUrl: `${DEFENDER}/threatpolicy`, learnMore: `${DOCS}/defender-office-365/anti-phishing-policies-about`, kind: 'toggle',
  },
  {
    id: 'mdo_zap_phish_spam', title: 'Keep zero-hour auto purge on for spam and phishing', category: 'Apps', service: 'MDO',
    actionType: 'Config', maxScore: 3, tier: 'Core', cost: 'low', impact: 'none', threats: ['Phishing'],
    summary: 'When a message is found to be phishing after delivery, zero-hour auto purge pulls it back out of mailboxes.',
    steps: ['Open the anti-spam inbound policy', 'Make sure <b>Zero-hour auto purge</b> is on for spam and phishing'],
    impactText: 'No effect on users.',
    actionUrl: `${DEFENDER}/antispam`, learnMore: `${DOCS}/defender-office-365/zero-hour-auto-purge`, kind: 'toggle',
  },
  {
    id: 'mdo_risky_attachment_types', title: 'Block risky attachment types', category: 'Apps', service: 'MDO',
    actionType: 'Config', maxScore: 5, tier: 'Core', cost: 'low', impact: 'low', threats: ['Malware'],
    summary: 'Executables, scripts and disk images have no business arriving by mail.',
    steps: ['Open the anti-malware policy', 'Turn on <b>Enable the common attachments filter</b>', 'Add .iso, .img and .vhd to the list'],
    impactText: 'Senders get a non-delivery report for blocked types.',
    actionUrl: `${DEFENDER}/antimalwarev2`, learnMore: `${DOCS}/defender-office-365/anti-malware-policies-configure`, kind: 'toggle',
  },
  {
    id: 'mdo_safeattachments_spo_teams', title: 'Turn on Defender for Office 365 for SharePoint, OneDrive and Teams', category: 'Apps', service: 'MDO',
    actionType: 'Config', maxScore: 5, tier: 'Defense in Depth', cost: 'low', impact: 'none', threats: ['Malware'],
    summary: 'Malicious files shared in Teams or uploaded to OneDrive are detected and locked so nobody can open them.',
    steps: ['Go to Threat policies &gt; Safe Attachments &gt; Global settings', 'Switch on <b>Safe Attachments for SharePoint, OneDrive and Teams</b>'],
    impactText: 'Blocked files cannot be opened or downloaded.',
    actionUrl: `${DEFENDER}/threatpolicy`, learnMore: `${DOCS}/defender-office-365/safe-attachments-for-spo-odfb-teams-about`, kind: 'toggle',
  },
  {
    id: 'exo_dmarc_reject', title: 'Publish a DMARC policy that rejects spoofed mail', category: 'Apps', service: 'EXO',
    actionType: 'Config', maxScore: 4, tier: 'Core', cost: 'moderate', impact: 'none', threats: ['Spoofing', 'Phishing'],
    summary: 'Without DMARC anyone can send mail that claims to be from your domain. With p=reject, receivers drop it.',
    steps: ['Publish SPF and turn on DKIM signing for each domain', 'Publish a DMARC record with <b>p=none</b> and read the reports', 'Move to <b>p=quarantine</b> and then <b>p=reject</b>'],
    impactText: 'Third-party senders that use your domain must be set up with SPF or DKIM.',
    actionUrl: `${DEFENDER}/authentication`, learnMore: `${DOCS}/defender-office-365/email-authentication-dmarc-configure`, kind: 'toggle',
  },
  {
    id: 'exo_dkim', title: 'Sign outbound mail with DKIM', category: 'Apps', service: 'EXO',
    actionType: 'Config', maxScore: 3, tier: 'Core', cost: 'low', impact: 'none', threats: ['Spoofing'],
    summary: 'DKIM signatures let receivers check that a message from your domain was not altered and really came from you.',
    steps: ['Go to Email authentication settings &gt; DKIM', 'Select each custom domain and publish the two CNAME records', 'Turn on <b>Sign messages for this domain with DKIM signatures</b>'],
    impactText: 'No effect on users.',
    actionUrl: `${DEFENDER}/authentication`, learnMore: `${DOCS}/defender-office-365/email-authentication-dkim-configure`, kind: 'toggle',
  },
  {
    id: 'exo_autoforwarding_blocked', title: 'Block automatic forwarding to external domains', category: 'Apps', service: 'EXO',
    actionType: 'Config', maxScore: 6, tier: 'Core', cost: 'low', impact: 'moderate', threats: ['Data exfiltration', 'Account breach'],
    summary: 'After taking over a mailbox, attackers add a silent forwarding rule to keep reading mail long after the password is reset.',
    steps: ['Open the outbound spam filter policy', 'Set <b>Automatic forwarding rules</b> to Off - Forwarding is disabled', 'Allow exceptions only for named mailboxes'],
    impactText: 'Users who forward mail to a personal address can no longer do so.',
    actionUrl: `${DEFENDER}/antispam`, learnMore: `${DOCS}/defender-office-365/outbound-spam-policies-external-email-forwarding`, kind: 'toggle',
  },
  {
    id: 'exo_user_addins_blocked', title: 'Stop users from installing Outlook add-ins themselves', category: 'Apps', service: 'EXO',
    actionType: 'Config', maxScore: 3, tier: 'Defense in Depth', cost: 'low', impact: 'low', threats: ['Data exfiltration'],
    summary: 'An add-in can read every message a user opens. Letting administrators choose add-ins keeps that power in fewer hands.',
    steps: ['Open the Exchange admin center', 'Go to Roles &gt; User roles &gt; Default Role Assignment Policy', 'Clear <b>My Custom Apps</b>, <b>My Marketplace Apps</b> and <b>My ReadWriteMailbox Apps</b>'],
    impactText: 'Users ask IT for new add-ins.',
    actionUrl: `${EXCHANGE}/userroles`, learnMore: `${DOCS}/exchange/clients-and-mobile-in-exchange-online/add-ins-for-outlook/specify-who-can-install-and-manage-add-ins`, kind: 'toggle',
  },
  {
    id: 'exo_smtp_auth_disabled', title: 'Turn off SMTP AUTH for mailboxes that do not need it', category: 'Apps', service: 'EXO',
    actionType: 'Config', maxScore: 3, tier: 'Core', cost: 'low', impact: 'low', threats: ['Password Cracking', 'Account breach'],
    summary: 'Authenticated SMTP is a favourite target for password spraying; most mailboxes never use it.',
    steps: ['Run <b>Set-TransportConfig -SmtpClientAuthenticationDisabled $true</b>', 'Re-enable it only on the mailboxes of devices that send scans by mail'],
    impactText: 'Old multifunction printers that send mail may need a connector.',
    actionUrl: `${EXCHANGE}/mailboxes`, learnMore: `${DOCS}/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission`, kind: 'toggle',
  },
  {
    id: 'teams_external_access_restricted', title: 'Restrict Teams external access to allowed domains', category: 'Apps', service: 'Teams',
    actionType: 'Config', maxScore: 3, tier: 'Defense in Depth', cost: 'low', impact: 'moderate', threats: ['Phishing', 'Malware'],
    summary: 'Attackers now send phishing as Teams chats from throw-away tenants. An allow list of partner domains shuts that door.',
    steps: ['Open the Teams admin center', 'Go to Users &gt; External access', 'Choose <b>Allow only specific external domains</b> and add your partners'],
    impactText: 'Chats with organisations not on the list are blocked.',
    actionUrl: 'https://admin.teams.microsoft.com/company-wide-settings/external-communications', learnMore: `${DOCS}/microsoftteams/trusted-organizations-external-meetings-chat`, kind: 'toggle',
  },
  {
    id: 'teams_anonymous_meeting_join', title: 'Keep anonymous users out of the meeting lobby bypass', category: 'Apps', service: 'Teams',
    actionType: 'Config', maxScore: 2, tier: 'Core', cost: 'low', impact: 'low', threats: ['Data spillage'],
    summary: 'People joining without an account should wait in the lobby until an organiser admits them.',
    steps: ['Go to Meetings &gt; Meeting policies &gt; Global', 'Set <b>Who can bypass the lobby</b> to People in my org and guests'],
    impactText: 'Organisers admit anonymous attendees from the lobby.',
    actionUrl: 'https://admin.teams.microsoft.com/policies/meetings', learnMore: `${DOCS}/microsoftteams/who-can-bypass-meeting-lobby`, kind: 'toggle',
  },
  {
    id: 'MDA_SF_OAuthAppsReview', title: 'Review OAuth apps with high permissions', category: 'Apps', service: 'MCAS',
    actionType: 'Review', maxScore: 4, tier: 'Defense in Depth', cost: 'low', impact: 'none', threats: ['Data exfiltration'],
    summary: 'Apps granted Mail.ReadWrite or Files.ReadWrite.All keep that access until somebody notices.',
    steps: ['Open Cloud apps &gt; OAuth apps', 'Filter on high permission level and rare community use', 'Revoke apps nobody can vouch for'],
    impactText: 'Users of a revoked app must sign in again and may lose access to it.',
    actionUrl: `${DEFENDER}/cloudapps/oauth-apps`, learnMore: `${DOCS}/defender-cloud-apps/manage-app-permissions`, kind: 'review',
    availability: 'unlicensed',
  },
  {
    id: 'MDA_SF_SessionControl', title: 'Block downloads of sensitive files to unmanaged devices', category: 'Apps', service: 'MCAS',
    actionType: 'Config', maxScore: 7, tier: 'Advanced', cost: 'high', impact: 'moderate', threats: ['Data Exfiltration'],
    summary: 'Session control lets people read files from a personal laptop without taking a copy home.',
    steps: ['Create a Conditional Access policy that routes unmanaged devices through <b>Conditional Access App Control</b>', 'In Defender for Cloud Apps, create a session policy that blocks downloads of labelled files'],
    impactText: 'Downloads from unmanaged devices are blocked; browsing still works.',
    actionUrl: `${DEFENDER}/cloudapps/policies`, learnMore: `${DOCS}/defender-cloud-apps/session-policy-aad`, kind: 'toggle',
    availability: 'unlicensed',
  },
  {
    id: 'MDA_SF_ShadowIT', title: 'Discover the cloud apps your users actually use', category: 'Apps', service: 'MCAS',
    actionType: 'Config', maxScore: 3, tier: 'Advanced', cost: 'moderate', impact: 'none', threats: ['Data exfiltration'],
    summary: 'Cloud discovery turns firewall and endpoint logs into a list of apps with a risk rating for each.',
    steps: ['Connect Defender for Endpoint to Defender for Cloud Apps', 'Open the Cloud discovery dashboard', 'Mark unsanctioned apps to block them on devices'],
    impactText: 'No effect until you mark apps as unsanctioned.',
    actionUrl: `${DEFENDER}/cloudapps/discovery`, learnMore: `${DOCS}/defender-cloud-apps/set-up-cloud-discovery`, kind: 'toggle',
    availability: 'unlicensed',
  },
  {
    id: 'spo_idle_session_signout', title: 'Sign users out of SharePoint after idle time on unmanaged devices', category: 'Apps', service: 'SPO',
    actionType: 'Config', maxScore: 2, tier: 'Defense in Depth', cost: 'low', impact: 'low', threats: ['Account breach'],
    summary: 'A browser left open on a shared computer keeps SharePoint open to the next person.',
    steps: ['Connect to SharePoint Online PowerShell', 'Run <b>Set-SPOBrowserIdleSignOut -Enabled $true -WarnAfter 00:30:00 -SignOutAfter 01:00:00</b>'],
    impactText: 'Users on unmanaged devices are signed out after an hour of inactivity.',
    actionUrl: SHAREPOINT, learnMore: `${DOCS}/sharepoint/sign-out-inactive-users`, kind: 'toggle',
  },
  {
    id: 'mdo_quarantine_notifications', title: 'Send users a daily quarantine summary', category: 'Apps', service: 'MDO',
    actionType: 'Behavior', maxScore: 1, tier: 'Core', cost: 'none', impact: 'low', threats: ['Phishing'],
    summary: 'Users who see what was held back learn what phishing looks like and report false positives sooner.',
    steps: ['Go to Threat policies &gt; Quarantine policies &gt; Global settings', 'Turn on quarantine notifications once a day'],
    impactText: 'Users receive one summary mail a day when something was quarantined.',
    actionUrl: `${DEFENDER}/quarantinePolicies`, learnMore: `${DOCS}/defender-office-365/quarantine-quarantine-notifications`, kind: 'toggle',
  },
  {
    id: 'mdo_attack_simulation', title: 'Run a phishing simulation every quarter', category: 'Apps', service: 'MDO',
    actionType: 'Behavior', maxScore: 4, tier: 'Advanced', cost: 'moderate', impact: 'low', threats: ['Phishing'],
    summary: 'Simulations show who clicks and give them short training right away, without naming and shaming.',
    steps: ['Open Email &amp; collaboration &gt; Attack simulation training', 'Launch a credential-harvest simulation to all users', 'Assign the short training to users who entered their password'],
    impactText: 'Users receive a harmless simulated phishing mail.',
    actionUrl: `${DEFENDER}/attacksimulator`, learnMore: `${DOCS}/defender-office-365/attack-simulation-training-get-started`, kind: 'review',
    availability: 'unlicensed',
  },
  {
    id: 'exo_transport_rule_external_tag', title: 'Mark mail from outside the organisation', category: 'Apps', service: 'EXO',
    actionType: 'Config', maxScore: 2, tier: 'Core', cost: 'low', impact: 'low', threats: ['Phishing', 'Spoofing'],
    summary: "An 'External' tag in Outlook is a small hint that the friendly message from 'IT support' did not come from inside.",
    steps: ['Run <b>Set-ExternalInOutlook -Enabled $true</b>', 'Add partner domains to the allow list if they should not be tagged'],
    impactText: 'Outlook shows an External tag on messages from outside.',
    actionUrl: `${EXCHANGE}/transportrules`, learnMore: `${DOCS}/exchange/security-and-compliance/mail-flow-rules/mail-flow-rules`, kind: 'toggle',
    availability: 'deprecated',
  },
  // ---------------------------------------------------------------- Infrastructure
  {
    id: 'mdi_sensor_all_dcs', title: 'Install Defender for Identity sensors on every domain controller', category: 'Infrastructure', service: 'Azure ATP',
    actionType: 'Config', maxScore: 5, tier: 'Core', cost: 'moderate', impact: 'none', threats: ['Elevation of privilege', 'Account Breach'],
    summary: 'Each domain controller without a sensor is a blind spot for pass-the-hash and golden-ticket detections.',
    steps: ['Open Settings &gt; Identities &gt; Sensors', 'Download the installer and access key', 'Install the sensor on each domain controller and AD FS server'],
    impactText: 'No effect on users; the sensor uses a small share of CPU.',
    actionUrl: `${DEFENDER}/settings/identities`, learnMore: `${DOCS}/defender-for-identity/deploy/install-sensor`, kind: 'devices',
  },
  {
    id: 'mdi_unsecure_kerberos_delegation', title: 'Remove unconstrained Kerberos delegation', category: 'Infrastructure', service: 'Azure ATP',
    actionType: 'Config', maxScore: 4, tier: 'Defense in Depth', cost: 'moderate', impact: 'low', threats: ['Elevation of Privilege'],
    summary: 'A server trusted for unconstrained delegation stores the tickets of everyone who connects, domain admins included.',
    steps: ['List computers with <b>Trust this computer for delegation to any service</b>', 'Switch them to constrained or resource-based delegation', 'Add sensitive accounts to the Protected Users group'],
    impactText: 'Applications that relied on delegation must be reconfigured.',
    actionUrl: `${DEFENDER}/securescore`, learnMore: `${DOCS}/defender-for-identity/security-assessment-unconstrained-kerberos`, kind: 'toggle',
  },
  {
    id: 'mdi_print_spooler_dc', title: 'Disable the Print Spooler service on domain controllers', category: 'Infrastructure', service: 'Azure ATP',
    actionType: 'Config', maxScore: 2, tier: 'Core', cost: 'low', impact: 'none', threats: ['Elevation of privilege'],
    summary: 'Domain controllers do not print. The spooler there only adds attack surface, as several past vulnerabilities showed.',
    steps: ['On each domain controller, stop the Print Spooler service', 'Set its startup type to <b>Disabled</b> through Group Policy'],
    impactText: 'None, unless printers are shared from a domain controller.',
    actionUrl: `${DEFENDER}/securescore`, learnMore: `${DOCS}/defender-for-identity/security-assessment-print-spooler`, kind: 'toggle',
  },
  {
    id: 'mdi_laps', title: 'Manage local administrator passwords with LAPS', category: 'Infrastructure', service: 'Azure ATP',
    actionType: 'Config', maxScore: 6, tier: 'Advanced', cost: 'high', impact: 'low', threats: ['Elevation of privilege', 'Password cracking'],
    summary: 'One shared local administrator password lets an attacker hop from the first laptop to every other one.',
    steps: ['Enable Windows LAPS in Active Directory or Entra ID', 'Apply the LAPS policy to all workstations and servers', 'Grant password read access only to the help desk group'],
    impactText: 'Help desk staff look up a device&rsquo;s password instead of using a shared one.',
    actionUrl: `${DEFENDER}/securescore`, learnMore: `${DOCS}/windows-server/identity/laps/laps-overview`, kind: 'toggle',
    availability: 'unlicensed',
  },
];
