/**
 * Renders the catalogue as Graph secureScoreControlProfile objects, with the inconsistencies real
 * payloads have: level casing that varies between "Low"/"low" and "Moderate"/"Medium"/"medium",
 * Unknown and null levels, HTML remediation in several styles.
 */
import type { RawControlProfile } from '../scoreSource';
import { BaseLevel, CATALOGUE, CatalogueEntry } from './catalogue';
import { isoTimeOnDay } from './dates';
import { Random, mulberry32, hashSeed } from './prng';
import { STATE_CHANGES } from './stateUpdates';

export const VENDOR_INFORMATION = { provider: 'SecureScore', providerVersion: null, subProvider: null, vendor: 'Microsoft' };

const CASINGS: Record<Exclude<BaseLevel, null>, string[]> = {
  none: ['None'],
  low: ['Low', 'low'],
  moderate: ['Moderate', 'Medium', 'medium'],
  high: ['High', 'high'],
  unknown: ['Unknown'],
};

function renderLevel(level: BaseLevel, index: number): string | null {
  if (level === null) return null;
  const options = CASINGS[level];
  return options[index % options.length];
}

// The steps only: the summary is already the control's description, and the portal does not repeat it.
function renderRemediation(entry: CatalogueEntry, index: number): string {
  const link = `<a href="${entry.learnMore}" target="_blank">Learn more</a>`;
  switch (index % 3) {
    case 0:
      return `<p>Follow these steps:</p><ol><li>${entry.steps.join('</li><li>')}</li></ol><p>${link}</p>`;
    case 1:
      return `${entry.steps.map((s, i) => `${i + 1}. ${s}`).join('<br/>')}<br/>&nbsp;<br/>${link}`;
    default:
      return `<p>To complete this action:&nbsp;</p><ol><li>${entry.steps.join('</li>\n<li>')}</li></ol>${link}`;
  }
}

/** Ranks as Microsoft assigns them: related to value but not a simple sort. A fixed shuffle. */
function ranks(random: Random, count: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i + 1);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

export function buildControlProfiles(tenantId: string, now: Date): RawControlProfile[] {
  const rankOf = ranks(mulberry32(hashSeed('secure-score-demo/ranks')), CATALOGUE.length);
  return CATALOGUE.map((entry, index) => {
    const changes = STATE_CHANGES[entry.id];
    const controlStateUpdates = changes
      ? changes.map((c) => ({
          assignedTo: c.assignedTo,
          comment: c.comment,
          state: c.state,
          updatedBy: c.updatedBy,
          updatedDateTime: isoTimeOnDay(now, c.daysAgo, 9 + (index % 8), 14 + index, 7),
        }))
      : [{ assignedTo: null, comment: null, state: 'Default', updatedBy: null, updatedDateTime: null }];
    return {
      id: entry.id,
      azureTenantId: tenantId,
      actionType: entry.actionType,
      actionUrl: entry.actionUrl,
      controlCategory: entry.category,
      title: entry.title,
      deprecated: entry.availability === 'deprecated',
      // Every ninth / thirteenth profile carries the "Unknown" / null that real payloads have.
      implementationCost: index % 13 === 6 ? null : renderLevel(entry.cost, index),
      lastModifiedDateTime: null,
      maxScore: entry.maxScore,
      rank: rankOf[index],
      remediation: renderRemediation(entry, index),
      remediationImpact: index % 2 === 0 ? `<p>${entry.impactText}</p>` : entry.impactText,
      service: entry.service,
      threats: [...entry.threats],
      tier: entry.tier,
      userImpact: index % 9 === 4 ? 'Unknown' : renderLevel(entry.impact, index + 1),
      complianceInformation: [],
      controlStateUpdates,
      vendorInformation: { ...VENDOR_INFORMATION },
    };
  });
}
