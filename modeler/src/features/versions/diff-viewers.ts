import { MARKERS, type ElementChange } from './version-diff.js';

/** What these functions use of a bpmn-js viewer (the client's BpmnViewer gives one). */
export interface DiagramViewer {
  get<T>(service: string): T;
  on(event: string, callback: (event: never) => void): void;
}

interface Viewbox {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface Canvas {
  addMarker(id: string, marker: string): void;
  viewbox(): Viewbox;
  viewbox(box: Viewbox): void;
  scrollToElement(element: unknown): void;
}
interface Registry {
  get(id: string): unknown;
}
interface Selection {
  select(element: unknown): void;
}

/** Marks each change on the version that has the element: removed on A, added on B, the others on both. */
export function markChanges(a: DiagramViewer, b: DiagramViewer, changes: ElementChange[]): void {
  for (const change of changes) {
    const on = change.kind === 'removed' ? [a] : change.kind === 'added' ? [b] : [a, b];
    for (const viewer of on) {
      if (viewer.get<Registry>('elementRegistry').get(change.id)) {
        viewer.get<Canvas>('canvas').addMarker(change.id, MARKERS[change.kind]);
      }
    }
  }
}

/** Selects the element in each viewer that has it and scrolls it into view there. */
export function focusElement(viewers: DiagramViewer[], id: string): void {
  for (const viewer of viewers) {
    const element = viewer.get<Registry>('elementRegistry').get(id);
    if (!element) continue;
    viewer.get<Selection>('selection').select(element);
    viewer.get<Canvas>('canvas').scrollToElement(element);
  }
}

/**
 * Zoom and scroll one viewer, the other follows. Each viewer reports its change a moment after
 * it happens, so a viewbox already equal to the other's is not set again: that ends the echo.
 */
export function syncViewboxes(a: DiagramViewer, b: DiagramViewer): void {
  const follow = (source: DiagramViewer, target: DiagramViewer) =>
    source.on('canvas.viewbox.changed', (event: { viewbox: Viewbox }) => {
      const canvas = target.get<Canvas>('canvas');
      if (!same(canvas.viewbox(), event.viewbox)) canvas.viewbox(event.viewbox);
    });
  follow(a, b);
  follow(b, a);
}

function same(x: Viewbox, y: Viewbox): boolean {
  return (['x', 'y', 'width', 'height'] as const).every((k) => Math.abs(x[k] - y[k]) < 0.5);
}
