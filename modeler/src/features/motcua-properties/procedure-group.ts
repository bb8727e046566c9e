import type { ProcedureFacts } from '../../canvas/editor-context.js';
import { t, type MessageKey } from '../../../../client/src/i18n/index.js';
import { checkValue, factRequired, factRule, parseNumber } from './schema-check.js';
import {
  selectEntry,
  textEntry,
  type EntryDefinition,
  type GroupDefinition,
  type PanelServices,
} from './entries.js';

type MetadataText = 'field' | 'agencyLevel' | 'implementingAgency' | 'durationNote' | 'resultType' | 'source';

/** Prose, edited on several lines. */
const MULTILINE: MetadataText[] = ['durationNote', 'source'];

/**
 * What procedure.json holds besides its lists, on the diagram's root. These facts are no moddle:
 * they are written to the editor's content (autosaved with the draft), outside the undo stack.
 */
export function procedureGroup(services: PanelServices, disabled: boolean): GroupDefinition {
  const editor = services.data.editor!;
  const facts = () => editor.content.value.facts;
  const update = (write: (facts: ProcedureFacts) => void) => {
    write(facts());
    editor.changed();
  };
  const metadataText = (key: MetadataText, hint?: MessageKey) =>
    textEntry(services, {
      id: `motcua-procedure-${key}`,
      label: t(`props.${key === 'field' ? 'fieldOfWork' : key}` as MessageKey),
      description: hint && t(hint),
      disabled,
      multiline: MULTILINE.includes(key),
      get: () => text(facts(), key),
      set: (value) => update((f) => setText(f, key, value)),
      validate: (value) => checkValue(factRule(key), value),
    });
  const entries: EntryDefinition[] = [
    // The code is the procedure's folder and URL, the draft's key: chosen once, when it is created.
    textEntry(services, {
      id: 'motcua-procedure-code',
      label: t('props.code'),
      disabled: true,
      get: () => facts().code,
      set: () => undefined,
    }),
    textEntry(services, {
      id: 'motcua-procedure-name',
      label: t('props.name'),
      disabled,
      get: () => facts().name,
      set: (value) => update((f) => (f.name = value)),
      validate: (value) => checkValue(factRule('name'), value),
    }),
    metadataText('field'),
    metadataText('agencyLevel', 'props.agencyLevelHint'),
    metadataText('implementingAgency'),
    ...durationEntries(services, facts, update, disabled),
    metadataText('durationNote'),
    metadataText('resultType'),
    onlineLevelEntry(facts, update, disabled),
    metadataText('source'),
  ];
  return { id: 'motcua-procedure', label: t('props.procedure'), entries };
}

type Update = (write: (facts: ProcedureFacts) => void) => void;

function durationEntries(
  services: PanelServices,
  facts: () => ProcedureFacts,
  update: Update,
  disabled: boolean,
): EntryDefinition[] {
  return [
    textEntry(services, {
      id: 'motcua-procedure-duration',
      label: t('props.duration'),
      disabled,
      get: () => String(facts().duration),
      set: (value) => update((f) => (f.duration = parseNumber(value))),
      validate: (value) => checkValue(factRule('duration'), parseNumber(value)),
    }),
    selectEntry({
      id: 'motcua-procedure-duration-unit',
      label: t('props.durationUnit'),
      disabled,
      get: () => facts().durationUnit,
      set: (value) => update((f) => (f.durationUnit = value as ProcedureFacts['durationUnit'])),
      options: () =>
        (['days', 'hours'] as const).map((unit) => ({ value: unit, label: t(`props.unit.${unit}`) })),
    }),
    textEntry(services, {
      id: 'motcua-procedure-cutoff',
      label: t('props.cutoff'),
      description: t('props.cutoffHint'),
      disabled,
      get: () => facts().cutoff ?? '',
      set: (value) => update((f) => (f.cutoff = value.trim() || null)),
      validate: (value) =>
        value.trim() === '' || checkValue(factRule('cutoff'), value.trim()) === null
          ? null
          : t('props.cutoffInvalid'),
    }),
  ];
}

function onlineLevelEntry(facts: () => ProcedureFacts, update: Update, disabled: boolean): EntryDefinition {
  return selectEntry({
    id: 'motcua-procedure-onlineLevel',
    label: t('props.onlineLevel'),
    disabled,
    get: () => text(facts(), 'onlineLevel') || 'none',
    set: (value) => update((f) => (loose(f).onlineLevel = value)),
    options: () =>
      (['full', 'partial', 'none'] as const).map((level) => ({
        value: level,
        label: t(`props.online.${level}`),
      })),
  });
}

/** procedure.json's keys beyond the fees and documents, which the metadata type leaves open. */
function loose(facts: ProcedureFacts): Record<string, unknown> {
  return facts.metadata as Record<string, unknown>;
}

function text(facts: ProcedureFacts, key: string): string {
  const value = loose(facts)[key];
  return typeof value === 'string' ? value : '';
}

/** An optional key left empty is left out, as procedure.json would not carry it. */
function setText(facts: ProcedureFacts, key: string, value: string): void {
  if (value === '' && !factRequired(key)) delete loose(facts)[key];
  else loose(facts)[key] = value;
}
