import { markRaw, onBeforeUnmount, shallowRef, type Ref } from 'vue';
import Modeler from 'bpmn-js/lib/Modeler';
import type { ModuleDeclaration } from 'didi';

/**
 * One bpmn-js Modeler for the component's lifetime, mounted on `container`: created when
 * `open` first runs, destroyed on unmount so a closed diagram frees its canvas and listeners.
 * The page hands in the features (features/index.ts): they read the editor (canvas/), so the
 * canvas does not import them back.
 */
export function useModeler(
  container: Ref<HTMLElement | null>,
  features: { modules: ModuleDeclaration[]; moddleExtensions: Record<string, object> },
  extra: () => Record<string, unknown> = () => ({}),
) {
  const modeler = shallowRef<Modeler | null>(null);

  async function open(xml: string): Promise<void> {
    if (!modeler.value) {
      modeler.value = markRaw(
        new Modeler({
          container: container.value!,
          additionalModules: features.modules,
          moddleExtensions: features.moddleExtensions,
          keyboard: { bindTo: document },
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
