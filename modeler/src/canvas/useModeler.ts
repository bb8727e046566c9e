import { markRaw, onBeforeUnmount, shallowRef, type Ref } from 'vue';
import Modeler from 'bpmn-js/lib/Modeler';

/**
 * One bpmn-js Modeler for the component's lifetime, mounted on `container`: created when
 * `open` first runs, destroyed on unmount so a closed diagram frees its canvas and listeners.
 * `options` names the modules and moddle extensions (the page passes modeler/src/features'):
 * the features' panels import the canvas, so the canvas does not import the features.
 */
export function useModeler(container: Ref<HTMLElement | null>, options: () => Record<string, unknown>) {
  const modeler = shallowRef<Modeler | null>(null);

  async function open(xml: string): Promise<void> {
    if (!modeler.value) {
      modeler.value = markRaw(
        new Modeler({
          container: container.value!,
          ...options(),
        }),
      );
    }
    await modeler.value.importXML(xml);
    modeler.value.get<{ zoom(mode: string): void }>('canvas').zoom('fit-viewport');
  }

  onBeforeUnmount(() => {
    modeler.value?.destroy();
    modeler.value = null;
  });

  return { modeler, open };
}
