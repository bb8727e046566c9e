import type Modeler from 'bpmn-js/lib/Modeler';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type { DeadlineAnalysis } from './deadline-analysis.js';

/** The marker classes (styled in deadlines.css, explained by the panel's legend). */
export const MARKERS = {
  longest: 'mc-deadline-longest',
  overStep: 'mc-deadline-over',
  latePath: 'mc-deadline-late',
  noBudget: 'mc-deadline-unbudgeted',
} as const;

interface Linked {
  id: string;
  source?: { id: string };
  target?: { id: string };
}

/**
 * Puts the analysis on the canvas as markers, replacing the last one's: the longest path (its
 * nodes and the flows between them) when `showLongest`, and the steps that cannot fit.
 */
export function paintDeadlines(modeler: Modeler, analysis: DeadlineAnalysis, showLongest: boolean): void {
  const canvas = modeler.get<Canvas>('canvas');
  const registry = modeler.get<ElementRegistry>('elementRegistry');
  const all = registry.getAll() as Linked[];
  for (const element of all) {
    for (const marker of Object.values(MARKERS)) canvas.removeMarker(element.id, marker);
  }
  const mark = (ids: Iterable<string>, marker: string) => {
    for (const id of ids) if (registry.get(id)) canvas.addMarker(id, marker);
  };
  if (showLongest) mark([...analysis.longest, ...flowsAlong(analysis.longest, all)], MARKERS.longest);
  mark(analysis.latePath, MARKERS.latePath);
  mark(
    analysis.overStep.map((s) => s.id),
    MARKERS.overStep,
  );
  mark(
    analysis.noBudget.map((s) => s.id),
    MARKERS.noBudget,
  );
}

/** The sequence flows joining each node of `path` to the next. */
function flowsAlong(path: string[], elements: Linked[]): string[] {
  const steps = new Set(path.slice(1).map((id, i) => `${path[i]}>${id}`));
  return elements
    .filter((e) => e.source && e.target && steps.has(`${e.source.id}>${e.target.id}`))
    .map((e) => e.id);
}
