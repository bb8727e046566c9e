/// <reference types="vite/client" />
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export { component as default };
}
declare module 'bpmn-js/lib/NavigatedViewer' {
  const NavigatedViewer: new (options: {
    container: HTMLElement;
    moddleExtensions?: Record<string, unknown>;
  }) => {
    importXML(xml: string): Promise<{ warnings: unknown[] }>;
    get<T = unknown>(service: string): T;
    getDefinitions(): unknown;
    on(event: string, callback: (event: never) => void): void;
    destroy(): void;
  };
  export default NavigatedViewer;
}
