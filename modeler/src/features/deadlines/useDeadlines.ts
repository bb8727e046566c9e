import { onBeforeUnmount, ref, shallowRef, watch } from 'vue';
import type { ModdleElement } from 'bpmn-moddle';
import type EventBus from 'diagram-js/lib/core/EventBus';
import { useEditor } from '../../canvas/editor-context.js';
import { analyseDeadlines, type DeadlineAnalysis } from './deadline-analysis.js';
import { paintDeadlines } from './canvas-markers.js';

/** Long enough to let a drag or a burst of typing settle, short enough to feel live. */
const SETTLE_MS = 250;
const LIVE_EVENTS = ['commandStack.changed', 'import.done'];

/**
 * The deadlines of the diagram being edited, recomputed after each change to the diagram
 * (debounced) and at once when the legal duration changes, and painted on the canvas.
 */
export function useDeadlines() {
  const { modeler, content } = useEditor();
  const analysis = shallowRef<DeadlineAnalysis | null>(null);
  const showLongest = ref(true);
  let timer: ReturnType<typeof setTimeout> | undefined;

  function refresh(): void {
    clearTimeout(timer);
    const current = modeler.value;
    if (!current) return;
    const { duration, durationUnit } = content.value.facts;
    const definitions = current.getDefinitions() as unknown as ModdleElement | undefined;
    if (!definitions) return;
    analysis.value = analyseDeadlines(definitions, { amount: duration, unit: durationUnit });
    paintDeadlines(current, analysis.value, showLongest.value);
  }

  function later(): void {
    clearTimeout(timer);
    timer = setTimeout(refresh, SETTLE_MS);
  }

  watch(
    modeler,
    (current, previous) => {
      for (const event of LIVE_EVENTS) {
        previous?.get<EventBus>('eventBus').off(event, later);
        current?.get<EventBus>('eventBus').on(event, later);
      }
      refresh();
    },
    { immediate: true },
  );
  watch(() => [content.value.facts.duration, content.value.facts.durationUnit, showLongest.value], refresh);
  onBeforeUnmount(() => {
    clearTimeout(timer);
    for (const event of LIVE_EVENTS) modeler.value?.get<EventBus>('eventBus').off(event, later);
  });

  return { analysis, showLongest };
}
