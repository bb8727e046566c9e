import { linterOptions } from './rule-set.js';

interface Linting {
  setLinterConfig(options: object): void;
  toggle(active: boolean): boolean;
}

/**
 * Turns bpmn-js-bpmnlint on with our rule set as soon as the modeler starts, so no page has to
 * pass it a `linting` option; the check panel then sets the draft's legal duration and form.
 */
export function LintingSetup(linting: Linting): void {
  linting.setLinterConfig(linterOptions({}));
  linting.toggle(true);
}

LintingSetup.$inject = ['linting'];
