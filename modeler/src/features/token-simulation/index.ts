import TokenSimulationModeler from 'bpmn-js-token-simulation/lib/modeler';

/**
 * bpmn-js-token-simulation for the modeler: a toggle into simulation mode (modeling disabled),
 * its palette, log and the "t" shortcut. Our toolbar's SimulationToggle drives the same toggle.
 */
export const tokenSimulationModule = TokenSimulationModeler;

/** The library's service that enters and leaves simulation mode. */
export interface ToggleMode {
  toggleMode(active?: boolean): void;
}

/** Fired by the library whenever the mode changes, whoever changed it (button, "t" key). */
export const TOGGLE_MODE_EVENT = 'tokenSimulation.toggleMode';
