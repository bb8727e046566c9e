import { diff, type DiffedElement } from 'bpmn-js-differ';
import type { versionsVi } from './messages.js';

type VersionsKey = keyof typeof versionsVi;

export type ChangeKind = 'added' | 'removed' | 'changed' | 'layout';

/** One attribute that differs between the two versions, with its value in each. */
export interface AttributeChange {
  name: string;
  /** The label of our mc: attributes, the name and a flow's ends; other attributes go by their own name. */
  label: VersionsKey | null;
  before: string;
  after: string;
}

/** One row of the table of changes: an element of either version and what happened to it. */
export interface ElementChange {
  id: string;
  name: string;
  type: string;
  kind: ChangeKind;
  attributes: AttributeChange[];
}

const LABELS: Record<string, VersionsKey> = {
  name: 'versions.attr.name',
  sourceRef: 'versions.attr.sourceRef',
  targetRef: 'versions.attr.targetRef',
  'mc:department': 'versions.attr.department',
  'mc:role': 'versions.attr.role',
  'mc:budget': 'versions.attr.budget',
  'mc:outcomes': 'versions.attr.outcomes',
  'mc:status': 'versions.attr.status',
  'mc:editableFields': 'versions.attr.editableFields',
  'mc:requiredFields': 'versions.attr.requiredFields',
  'mc:visibleFields': 'versions.attr.visibleFields',
};

const ORDER: ChangeKind[] = ['removed', 'added', 'changed', 'layout'];

/** The CSS class each kind of change puts on its element in the viewers (legend and markers alike). */
export const MARKERS: Record<ChangeKind, string> = {
  added: 'mc-diff-added',
  removed: 'mc-diff-removed',
  changed: 'mc-diff-changed',
  layout: 'mc-diff-layout',
};

/**
 * What changed from version A to version B, element by element, as bpmn-js-differ sees the two
 * definitions (read by the viewers with our moddle, so mc: and camunda: attributes are compared).
 * An element whose attributes changed and that also moved is listed once, as changed.
 */
export function describeChanges(definitionsA: unknown, definitionsB: unknown): ElementChange[] {
  const changes = diff(definitionsA, definitionsB);
  const rows: ElementChange[] = [
    ...Object.values(changes._removed).map((e) => row(e, 'removed')),
    ...Object.values(changes._added).map((e) => row(e, 'added')),
    ...Object.entries(changes._changed).map(([id, { attrs }]) => ({
      ...row(changes._changed[id]!.model, 'changed'),
      attributes: Object.keys(attrs).map((name) => attributeChange(definitionsA, definitionsB, id, name)),
    })),
    ...Object.values(changes._layoutChanged)
      .filter((e) => !changes._changed[e.id])
      .map((e) => row(e, 'layout')),
  ];
  return rows.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || a.id.localeCompare(b.id));
}

function row(element: DiffedElement, kind: ChangeKind): ElementChange {
  return {
    id: element.id,
    name: element.name ?? '',
    type: element.$type.replace(/^bpmn:/, ''),
    kind,
    attributes: [],
  };
}

interface ModdleElement {
  id?: string;
  $descriptor?: { propertiesByName?: Record<string, { ns?: { prefix?: string } }> };
  get(name: string): unknown;
}

/**
 * The attribute as each version has it, read from the definitions themselves: bpmn-js-differ's
 * own oldValue/newValue come from jsondiffpatch's pair in reverse order.
 */
function attributeChange(a: unknown, b: unknown, id: string, name: string): AttributeChange {
  const before = findById(a, id);
  const after = findById(b, id);
  const prefix = (after ?? before)?.$descriptor?.propertiesByName?.[name]?.ns?.prefix;
  const qualified = prefix && prefix !== 'bpmn' ? `${prefix}:${name}` : name;
  return {
    name: qualified,
    label: LABELS[qualified] ?? null,
    before: shown(before, name),
    after: shown(after, name),
  };
}

/** A value as the table shows it: a reference (a flow's source or target) by the element's name or id. */
function shown(element: ModdleElement | undefined, name: string): string {
  const value = element?.get(name);
  if (value === undefined || value === null) return '';
  if (typeof value !== 'object') return String(value);
  const { name: label, id } = value as { name?: string; id?: string };
  return label || id || '';
}

/** The element with `id` anywhere under the definitions (the differ names elements by id). */
function findById(root: unknown, id: string, seen = new Set<unknown>()): ModdleElement | undefined {
  if (!root || typeof root !== 'object' || seen.has(root)) return undefined;
  seen.add(root);
  if ((root as ModdleElement).id === id && '$descriptor' in root) return root as ModdleElement;
  for (const [key, value] of Object.entries(root)) {
    if (key.startsWith('$')) continue;
    for (const child of Array.isArray(value) ? value : [value]) {
      const found = findById(child, id, seen);
      if (found) return found;
    }
  }
  return undefined;
}
