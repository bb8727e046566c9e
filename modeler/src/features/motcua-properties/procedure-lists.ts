import { ListGroup } from '@bpmn-io/properties-panel';
import type { ProcedureMetadata } from '@server/db/procedure-content.schema.js';
import { t, type MessageKey } from '../../../../client/src/i18n/index.js';
import { checkValue, itemRule, listMinItems, parseNumber } from './schema-check.js';
import {
  checkboxEntry,
  textEntry,
  type EntryDefinition,
  type GroupDefinition,
  type PanelServices,
  onAdd,
} from './entries.js';

type Fee = NonNullable<ProcedureMetadata['fees']>[number];
type RequiredDocument = NonNullable<ProcedureMetadata['documents']>[number];
type ListName = 'fees' | 'documents';
type Row = Record<string, unknown>;

/** One column of a fee or document row: a text or a whole number, checked as procedure.json's schema says. */
interface Column {
  key: string;
  label: MessageKey;
  number?: boolean;
  hint?: MessageKey;
}

const FEE_COLUMNS: Column[] = [
  { key: 'name', label: 'props.feeName' },
  { key: 'amount', label: 'props.feeAmount', number: true, hint: 'props.feeAmountHint' },
  { key: 'note', label: 'props.note' },
];
const DOCUMENT_COLUMNS: Column[] = [
  { key: 'name', label: 'props.documentName' },
  { key: 'originals', label: 'props.originals', number: true },
  { key: 'copies', label: 'props.copies', number: true },
  { key: 'note', label: 'props.note' },
];

/** The fees (name, amount in đồng, note) and the documents (name, originals, copies, optional, note). */
export function procedureLists(services: PanelServices, disabled: boolean): GroupDefinition[] {
  const newFee = (): Fee => ({ name: t('props.newFee'), amount: 0 });
  const newDocument = (): RequiredDocument => ({ name: t('props.newDocument'), originals: 1, copies: 0 });
  return [
    listGroup(
      services,
      { list: 'fees', label: 'props.fees', columns: FEE_COLUMNS, create: newFee },
      disabled,
    ),
    listGroup(
      services,
      { list: 'documents', label: 'props.documents', columns: DOCUMENT_COLUMNS, create: newDocument },
      disabled,
    ),
  ];
}

interface ListSpec {
  list: ListName;
  label: MessageKey;
  columns: Column[];
  create: () => Row;
}

function listGroup(services: PanelServices, spec: ListSpec, disabled: boolean): GroupDefinition {
  const { data } = services;
  const metadata = () => data.editor!.content.value.facts.metadata as Record<ListName, Row[] | undefined>;
  const rows = () => metadata()[spec.list] ?? [];
  // Lists are not moddle: after a change the panel is drawn again, so labels and items follow.
  const write = (next: Row[]) => {
    metadata()[spec.list] = next;
    data.editor!.changed();
    data.refresh();
  };
  const setCell = (index: number, key: string, value: unknown) =>
    write(rows().map((row, i) => (i === index ? withValue(row, key, value) : row)));
  const removable = !disabled && rows().length > listMinItems(spec.list);
  const items = rows().map((row, index) => {
    const id = `motcua-${spec.list}-${index}`;
    const entries = spec.columns.map((column) =>
      cellEntry(
        services,
        `${id}-${column.key}`,
        column,
        spec.list,
        disabled,
        () => row[column.key],
        (value) => setCell(index, column.key, value),
      ),
    );
    if (spec.list === 'documents') {
      entries.splice(
        3,
        0,
        checkboxEntry({
          id: `${id}-optional`,
          label: t('props.optional'),
          disabled,
          get: () => row.optional === true,
          set: (value) => setCell(index, 'optional', value || undefined),
        }),
      );
    }
    return {
      id,
      label: String(row.name ?? ''),
      autoFocusEntry: `${id}-name`,
      remove: removable ? () => write(rows().filter((_, i) => i !== index)) : undefined,
      entries,
    };
  });
  return {
    id: `motcua-${spec.list}`,
    label: t(spec.label),
    component: ListGroup,
    translate: services.translate,
    items,
    add: disabled ? undefined : onAdd(() => write([...rows(), spec.create()])),
  };
}

function cellEntry(
  services: PanelServices,
  id: string,
  column: Column,
  list: ListName,
  disabled: boolean,
  get: () => unknown,
  set: (value: unknown) => void,
): EntryDefinition {
  const rule = itemRule(list, column.key);
  return textEntry(services, {
    id,
    label: t(column.label),
    description: column.hint && t(column.hint),
    disabled,
    get: () => (get() === undefined ? '' : String(get())),
    set: (value) => set(column.number ? parseNumber(value) : value || undefined),
    validate: (value) => checkValue(rule, column.number ? parseNumber(value) : value),
  });
}

function withValue(row: Row, key: string, value: unknown): Row {
  const next = { ...row, [key]: value };
  if (value === undefined) delete next[key];
  return next;
}
