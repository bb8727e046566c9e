import { markRaw, onBeforeUnmount, shallowRef, type Ref } from 'vue';
import Modeler from 'bpmn-js/lib/Modeler';

/**
 * One bpmn-js Modeler for the component's lifetime, mounted on `container`: created when
 * `open` first runs, destroyed on unmount so a closed diagram frees its canvas and listeners.
 * `extra` gives the Modeler's options, its modules among them: the page passes features/' list,
 * so canvas/ imports no feature and the features can import the editor context from canvas/.
 */
export function useModeler(
  container: Ref<HTMLElement | null>,
  extra: () => Record<string, unknown> = () => ({}),
) {
  const modeler = shallowRef<Modeler | null>(null);

  async function open(xml: string): Promise<void> {
    if (!modeler.value) {
      modeler.value = markRaw(
        new Modeler({
          container: container.value!,
          ...extra(),
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
