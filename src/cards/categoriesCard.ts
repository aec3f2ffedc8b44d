/** Score by category: all five side by side, or one category with its top actions. */
import type { Category } from '../scoring/model';
import type { ActionItem, CategorySummary, ScoreSummary } from '../scoring/results';
import { actionData } from './actionData';
import { formatDate, formatPercent, formatPointsOfMax, plural } from './format';
import { actionRow, button, type ActionRowVm, type ButtonVm } from './parts';
import { renderCard, type AdaptiveCard } from './render';

export interface CategoryRowVm {
  name: string;
  pointsText: string;
  percentText: string;
  weight: 'Bolder' | 'Default';
  hasNote: boolean;
  note: string;
  open: ReturnType<typeof actionData<'categories'>>;
}

export interface CategoriesCardViewModel {
  title: string;
  subtitle: string;
  hasCategories: boolean;
  noCategoriesText: string;
  categories: CategoryRowVm[];
  showActions: boolean;
  actionsTitle: string;
  hasActions: boolean;
  noActionsText: string;
  actions: ActionRowVm[];
  buttons: ButtonVm[];
}

export interface CategoriesCardOptions {
  /** Show this category's detail; all categories when absent. */
  category?: Category;
  /** Open actions to list for the category (already ordered); only the first `count` are shown. */
  actions?: ActionItem[];
  count?: number;
}

function row(c: CategorySummary, selected: Category | undefined): CategoryRowVm {
  const unknown = c.unknownMaxControls;
  return {
    name: c.category,
    pointsText: formatPointsOfMax(c.score, c.max, c.knownMax),
    percentText: formatPercent(c.percent),
    weight: c.category === selected ? 'Bolder' : 'Default',
    hasNote: unknown > 0,
    note: unknown > 0 ? `${plural(unknown, 'control')} without a known max` : '',
    open: actionData('categories', { category: c.category }),
  };
}

export function buildCategoriesCard(summary: ScoreSummary, opts: CategoriesCardOptions = {}): CategoriesCardViewModel {
  const selected = opts.category;
  const shown = selected ? summary.categories.filter((c) => c.category === selected) : summary.categories;
  const count = opts.count ?? 5;
  const actions = (opts.actions ?? []).filter((a) => !selected || a.category === selected).slice(0, count);
  const from = { view: 'categories' as const, category: selected };
  return {
    title: selected ? `${selected}: Secure Score` : 'Secure Score by category',
    subtitle: `Data as of ${formatDate(summary.asOf)}`,
    hasCategories: shown.length > 0,
    noCategoriesText: selected ? `No ${selected} controls are part of this tenant's score.` : 'No category data yet.',
    categories: shown.map((c) => row(c, selected)),
    showActions: selected !== undefined,
    actionsTitle: selected ? `Top ${selected} actions` : '',
    hasActions: actions.length > 0,
    noActionsText: selected ? `No open ${selected} actions.` : '',
    actions: actions.map((a, i) => actionRow(a, i, from)),
    buttons: selected
      ? [
          button('All categories', actionData('categories', {})),
          button(`More ${selected} actions`, actionData('topActions', { order: 'rank', count: 10, category: selected })),
        ]
      : [button('Top actions', actionData('topActions', { order: 'rank', count: 5 }))],
  };
}

export function categoriesCard(summary: ScoreSummary, opts: CategoriesCardOptions = {}): AdaptiveCard {
  return renderCard('categories', buildCategoriesCard(summary, opts));
}
