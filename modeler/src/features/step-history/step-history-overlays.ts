import type Overlays from 'diagram-js/lib/features/overlays/Overlays';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type EventBus from 'diagram-js/lib/core/EventBus';
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';
import type { StepDurations } from '@server/reports/reports.schema.js';
import { t } from '../../../../client/src/i18n/index.js';
import { budgetHoursOf, formatHours, formatShare, isOverBudget } from './figures.js';

const TYPE = 'motcua-step-history';

/**
 * Badges under each user task with its real median and on-time share, marked when its p90
 * exceeds the budget the draft gives it now. Drawn again after an import (a new diagram has
 * new shapes) and after any change, so editing a budget re-marks the step at once.
 */
export class StepHistoryOverlays {
  static $inject = ['overlays', 'elementRegistry', 'eventBus'];

  private steps = new Map<string, StepDurations>();

  constructor(
    private readonly overlays: Overlays,
    private readonly elementRegistry: ElementRegistry,
    eventBus: EventBus,
  ) {
    eventBus.on('import.done', () => this.draw());
    eventBus.on('elements.changed', () => this.draw());
  }

  /** Shows these figures (replacing the last ones); an empty list clears the canvas. */
  show(steps: readonly StepDurations[]): void {
    this.steps = new Map(steps.map((s) => [s.elementId, s]));
    this.draw();
  }

  private draw(): void {
    this.overlays.remove({ type: TYPE });
    for (const element of this.elementRegistry.filter((e) => is(e, 'bpmn:UserTask'))) {
      const step = this.steps.get(element.id);
      if (!step || step.completed === 0) continue;
      this.overlays.add(element.id, TYPE, {
        position: { bottom: -6, left: -10 },
        html: badge(step, budgetHoursOf(getBusinessObject(element))),
      });
    }
  }
}

/** The badge's look is in StepHistoryPanel.vue's global style (the canvas is outside Vue's scoping). */
function badge(step: StepDurations, budget: number | null): HTMLElement {
  const over = isOverBudget(step, budget);
  const median = formatHours(step.total.median);
  const lines = [
    step.onTimeShare === null
      ? t('stepHistory.badgeNoShare', { median })
      : t('stepHistory.badge', { median, share: formatShare(step.onTimeShare) }),
  ];
  if (over)
    lines.push(t('stepHistory.badgeOver', { p90: formatHours(step.total.p90), budget: formatHours(budget) }));
  const html = document.createElement('div');
  html.className = over ? 'step-history-badge over' : 'step-history-badge';
  html.dataset.testid = `step-history-badge-${step.elementId}`;
  html.title = t('stepHistory.badgeTitle', {
    name: step.name,
    count: step.completed,
    median,
    p90: formatHours(step.total.p90),
    waiting: formatHours(step.waiting.median),
    working: formatHours(step.working.median),
  });
  for (const line of lines) html.appendChild(document.createElement('span')).textContent = line;
  return html;
}
