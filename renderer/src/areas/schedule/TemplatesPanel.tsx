/**
 * The site's shift templates: the list the next Generate solves from, with Add, Edit and Delete. The form covers
 * the usual shapes (one working span or a two-part split, one unpaid lunch, one paid break); anything else a
 * template has (more breaks, cannot-follow rules, weekdays, skills) is kept as it is when it is edited.
 */
import { useId, useState } from 'react';
import { shiftTemplateSaveSchema, type ScheduleTemplate } from '../../../../shared/api/channels/schedule';
import type { FieldIssue } from '../../../../shared/api/errors';
import { ShiftTemplateSchema, type BreakRule } from '../../../../shared/engine/schedule/model';
import { Field } from '../../components/Field';
import { NumberField } from '../../components/NumberField';
import { parseNumberField } from '../../components/parseNumber';
import { useSchedule } from '../../stores/scheduleStore';
import { formatClock } from '../../../../shared/calendar/days';

const CATEGORIES = ['early', 'day', 'late', 'night', 'split'] as const;
type Category = (typeof CATEGORIES)[number];

interface Form {
  name: string;
  earliestStart: string;
  latestStart: string;
  step: string;
  split: boolean;
  /** Hours; the only part of a plain shift, the first part of a split one (it starts with the shift). */
  length: string;
  part2Offset: string;
  part2Length: string;
  category: Category;
  lunch: boolean;
  lunchLength: string;
  lunchFrom: string;
  lunchTo: string;
  paidBreak: boolean;
  breakLength: string;
  breakFrom: string;
  breakTo: string;
}
type FormKey = Exclude<keyof Form, 'split' | 'lunch' | 'paidBreak' | 'category'> | 'category' | 'form';
type Errors = Partial<Record<FormKey, string>>;

const EMPTY: Form = {
  name: '',
  earliestStart: '08:00',
  latestStart: '09:00',
  step: '30',
  split: false,
  length: '8',
  part2Offset: '7',
  part2Length: '4',
  category: 'day',
  lunch: true,
  lunchLength: '30',
  lunchFrom: '3',
  lunchTo: '5',
  paidBreak: true,
  breakLength: '15',
  breakFrom: '1.5',
  breakTo: '2.75',
};

const hoursText = (minutes: number) => String(Math.round((minutes / 60) * 100) / 100);
const isLunch = (b: BreakRule) => b.kind === 'lunch' && !b.paid;
const isPaidBreak = (b: BreakRule) => b.kind === 'break' && b.paid;

/** The form for a stored template, and the breaks the form does not show (kept unchanged on save). */
function formOf(template: ScheduleTemplate): { form: Form; extraBreaks: BreakRule[] } {
  const t = ShiftTemplateSchema.parse(template.definition);
  const lunch = t.breaks.find(isLunch);
  const paid = t.breaks.find(isPaidBreak);
  const split = t.segments.length > 1;
  return {
    form: {
      name: t.name,
      earliestStart: formatClock(t.earliestStart),
      latestStart: formatClock(t.latestStart),
      step: String(t.startStepMinutes),
      split,
      length: hoursText(t.segments[0].lengthMinutes),
      part2Offset: split ? hoursText(t.segments[1].offsetMinutes) : EMPTY.part2Offset,
      part2Length: split ? hoursText(t.segments[1].lengthMinutes) : EMPTY.part2Length,
      category: t.category,
      lunch: Boolean(lunch),
      lunchLength: lunch ? String(lunch.lengthMinutes) : EMPTY.lunchLength,
      lunchFrom: lunch ? hoursText(lunch.windowStartMinutes) : EMPTY.lunchFrom,
      lunchTo: lunch ? hoursText(lunch.windowEndMinutes) : EMPTY.lunchTo,
      paidBreak: Boolean(paid),
      breakLength: paid ? String(paid.lengthMinutes) : EMPTY.breakLength,
      breakFrom: paid ? hoursText(paid.windowStartMinutes) : EMPTY.breakFrom,
      breakTo: paid ? hoursText(paid.windowEndMinutes) : EMPTY.breakTo,
    },
    extraBreaks: t.breaks.filter((b) => b !== lunch && b !== paid),
  };
}

/** Friendlier words for the engine's cross-field checks. */
const FRIENDLY: Record<string, string> = {
  'latestStart is before earliestStart': 'The last start is before the first start',
  'segments must be ordered and must not overlap': 'The second part starts after the first one ends',
  'break window is shorter than the break': 'The window is shorter than the break',
  'a break window ends after the shift': 'The window ends after the shift',
};

/**
 * Checks each field, then the template as a whole with the same schema the backend uses; returns the template to
 * save or the error of each field.
 */
function validate(form: Form, base: ScheduleTemplate | undefined, extraBreaks: BreakRule[]): { errors: Errors; template?: Record<string, unknown> } {
  const errors: Errors = {};
  const text = (key: 'name', value: string) => (value.trim() === '' ? ((errors[key] = 'Required'), undefined) : value.trim());
  const time = (key: 'earliestStart' | 'latestStart', value: string) => {
    const m = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
    if (!m || Number(m[2]) > 59 || Number(m[1]) > 23) return void (errors[key] = 'Use a time like 07:30, before 24:00');
    return `${m[1].padStart(2, '0')}:${m[2]}`;
  };
  const number = (key: FormKey, value: string, { min, integer, positive }: { min?: number; integer?: boolean; positive?: boolean }) => {
    const parsed = parseNumberField(value);
    if (parsed.error) return void (errors[key] = parsed.error);
    const n = parsed.value!;
    if (integer && !Number.isInteger(n)) return void (errors[key] = 'Whole minutes');
    if (positive && n <= 0) return void (errors[key] = 'More than 0');
    if (min !== undefined && n < min) return void (errors[key] = `At least ${min}`);
    return n;
  };
  const minutesOfHours = (key: FormKey, value: string, positive: boolean) => {
    const h = number(key, value, { min: 0, positive });
    if (h === undefined) return undefined;
    const m = Math.round(h * 60);
    if (Math.abs(m - h * 60) > 1e-6) return void (errors[key] = 'Whole minutes (e.g. 7.5 or 7.25 hours)');
    return m;
  };

  const name = text('name', form.name);
  const earliestStart = time('earliestStart', form.earliestStart);
  const latestStart = time('latestStart', form.latestStart);
  const startStepMinutes = number('step', form.step, { integer: true, min: 5 });
  const length = minutesOfHours('length', form.length, true);
  const part2Offset = form.split ? minutesOfHours('part2Offset', form.part2Offset, true) : 0;
  const part2Length = form.split ? minutesOfHours('part2Length', form.part2Length, true) : 0;
  const lunch = form.lunch
    ? { length: number('lunchLength', form.lunchLength, { integer: true, positive: true }), from: minutesOfHours('lunchFrom', form.lunchFrom, false), to: minutesOfHours('lunchTo', form.lunchTo, true) }
    : undefined;
  const paid = form.paidBreak
    ? { length: number('breakLength', form.breakLength, { integer: true, positive: true }), from: minutesOfHours('breakFrom', form.breakFrom, false), to: minutesOfHours('breakTo', form.breakTo, true) }
    : undefined;
  if (Object.keys(errors).length > 0) return { errors };

  const breaks: BreakRule[] = [];
  const breakKeys: ('lunch' | 'break' | 'extra')[] = [];
  if (lunch) {
    breaks.push({ kind: 'lunch', paid: false, lengthMinutes: lunch.length!, windowStartMinutes: lunch.from!, windowEndMinutes: lunch.to! });
    breakKeys.push('lunch');
  }
  if (paid) {
    breaks.push({ kind: 'break', paid: true, lengthMinutes: paid.length!, windowStartMinutes: paid.from!, windowEndMinutes: paid.to! });
    breakKeys.push('break');
  }
  for (const b of extraBreaks) {
    breaks.push(b);
    breakKeys.push('extra');
  }
  const segments = [{ offsetMinutes: 0, lengthMinutes: length! }, ...(form.split ? [{ offsetMinutes: part2Offset!, lengthMinutes: part2Length! }] : [])];
  const kept = base ? ShiftTemplateSchema.parse(base.definition) : undefined;
  const template: Record<string, unknown> = {
    name,
    earliestStart,
    latestStart,
    startStepMinutes,
    segments,
    breaks,
    category: form.category,
    cannotFollow: kept?.cannotFollow ?? [],
    ...(kept?.skills && { skills: kept.skills }),
    ...(kept?.weekdays && { weekdays: kept.weekdays }),
  };
  const parsed = shiftTemplateSaveSchema.safeParse(template);
  if (parsed.success) return { errors, template };
  const span = segments[segments.length - 1].offsetMinutes + segments[segments.length - 1].lengthMinutes;
  for (const issue of parsed.error.issues) {
    const key = fieldOf(issue.path.map(String), form, breaks, breakKeys, span);
    errors[key] ??= FRIENDLY[issue.message] ?? issue.message;
  }
  return { errors };
}

/** The form field an issue of the template (path inside it) belongs to. */
function fieldOf(path: string[], form: Form, breaks: BreakRule[], breakKeys: ('lunch' | 'break' | 'extra')[], span: number): FormKey {
  const [head, index, leaf] = path;
  switch (head) {
    case 'name':
      return 'name';
    case 'earliestStart':
    case 'latestStart':
      return head;
    case 'startStepMinutes':
      return 'step';
    case 'category':
      return 'category';
    case 'segments':
      if (index === '1') return leaf === 'offsetMinutes' ? 'part2Offset' : 'part2Length';
      if (index === '0') return 'length';
      return form.split ? 'part2Offset' : 'length';
    case 'breaks': {
      const i = index === undefined ? breaks.findIndex((b) => b.windowEndMinutes > span) : Number(index);
      const which = breakKeys[i];
      if (which === 'extra' || which === undefined) return 'form';
      const prefix = which === 'lunch' ? 'lunch' : 'break';
      if (index === undefined || leaf === 'windowEndMinutes') return `${prefix}To`;
      if (leaf === 'windowStartMinutes') return `${prefix}From`;
      return `${prefix}Length`;
    }
    default:
      return 'form';
  }
}

function TemplateForm({ template, onDone }: { template?: ScheduleTemplate; onDone(): void }) {
  const saveTemplate = useSchedule((s) => s.saveTemplate);
  const initial = template ? formOf(template) : { form: EMPTY, extraBreaks: [] };
  const [form, setForm] = useState<Form>(initial.form);
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const ids = { name: useId(), first: useId(), last: useId(), category: useId() };
  const extraBreaks = initial.extraBreaks;
  const patch = (p: Partial<Form>) => {
    const next = { ...form, ...p };
    setForm(next);
    // Once a save was tried, errors follow the typing, so a fixed field clears at once.
    if (Object.keys(errors).length > 0) setErrors(validate(next, template, extraBreaks).errors);
  };

  const submit = async () => {
    const { errors: found, template: body } = validate(form, template, extraBreaks);
    setErrors(found);
    if (!body) return;
    setSaving(true);
    const refused = await saveTemplate(template?.id, body);
    setSaving(false);
    if (!refused) return onDone();
    const byField: Errors = {};
    for (const issue of refused.issues as FieldIssue[]) {
      const key = issue.path === 'template.name' ? 'name' : fieldOf(issue.path.replace(/^template\.?/, '').split('.').filter(Boolean), form, [], [], 0);
      byField[key] ??= issue.message;
    }
    if (Object.keys(byField).length === 0 || byField.form) byField.form = refused.message;
    setErrors(byField);
  };

  const hours = (label: string, key: keyof Form & FormKey, testId: string, hint?: string) => (
    <NumberField label={label} value={form[key] as string} onChange={(v) => patch({ [key]: v })} error={errors[key]} unit="h" hint={hint} testId={testId} />
  );
  const minutes = (label: string, key: keyof Form & FormKey, testId: string) => (
    <NumberField label={label} value={form[key] as string} onChange={(v) => patch({ [key]: v })} error={errors[key]} unit="min" testId={testId} />
  );
  /** The optional lunch or paid break: a toggle, then its length and the window it must start in. */
  const breakSection = (
    toggle: 'lunch' | 'paidBreak',
    label: string,
    lengthLabel: string,
    [length, from, to]: [keyof Form & FormKey, keyof Form & FormKey, keyof Form & FormKey],
    testId: string,
  ) => (
    <>
      <label className="checkbox">
        <input type="checkbox" checked={form[toggle]} onChange={(e) => patch({ [toggle]: e.target.checked })} data-testid={testId} /> {label}
      </label>
      {form[toggle] && (
        <div className="sched-tform__row">
          {minutes(lengthLabel, length, `${testId}-length`)}
          {hours('Window from (into the shift)', from, `${testId}-from`)}
          {hours('Window to', to, `${testId}-to`)}
        </div>
      )}
    </>
  );


  return (
    <form
      className="sched-tform group"
      data-testid="template-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h4>{template ? `Edit “${template.name}”` : 'New shift template'}</h4>
      <div className="sched-tform__row">
        <Field id={ids.name} label="Name" error={errors.name}>
          <input id={ids.name} value={form.name} onChange={(e) => patch({ name: e.target.value })} aria-invalid={Boolean(errors.name)} data-testid="tpl-name" />
        </Field>
        <Field id={ids.category} label="Category" error={errors.category} hint="Lates and splits are shared out evenly">
          <select id={ids.category} value={form.category} onChange={(e) => patch({ category: e.target.value as Category })} data-testid="tpl-category">
            {CATEGORIES.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </Field>
      </div>
      <div className="sched-tform__row">
        <Field id={ids.first} label="First start" error={errors.earliestStart}>
          <input id={ids.first} value={form.earliestStart} onChange={(e) => patch({ earliestStart: e.target.value })} aria-invalid={Boolean(errors.earliestStart)} placeholder="HH:MM" data-testid="tpl-first" />
        </Field>
        <Field id={ids.last} label="Last start" error={errors.latestStart}>
          <input id={ids.last} value={form.latestStart} onChange={(e) => patch({ latestStart: e.target.value })} aria-invalid={Boolean(errors.latestStart)} placeholder="HH:MM" data-testid="tpl-last" />
        </Field>
        {minutes('Start step', 'step', 'tpl-step')}
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={form.split} onChange={(e) => patch({ split: e.target.checked })} data-testid="tpl-split" /> Split shift (two working parts)
      </label>
      <div className="sched-tform__row">
        {hours(form.split ? 'Part 1 length (from the shift start)' : 'Length', 'length', 'tpl-length')}
        {form.split && hours('Part 2 starts after the shift start', 'part2Offset', 'tpl-part2-offset')}
        {form.split && hours('Part 2 length', 'part2Length', 'tpl-part2-length')}
      </div>
      {breakSection('lunch', 'Unpaid lunch', 'Lunch length', ['lunchLength', 'lunchFrom', 'lunchTo'], 'tpl-lunch')}
      {breakSection('paidBreak', 'Paid break', 'Break length', ['breakLength', 'breakFrom', 'breakTo'], 'tpl-break')}
      {extraBreaks.length > 0 && <p className="muted">{extraBreaks.length} more break{extraBreaks.length > 1 ? 's' : ''} of this template {extraBreaks.length > 1 ? 'are' : 'is'} kept as {extraBreaks.length > 1 ? 'they are' : 'it is'}.</p>}
      {errors.form && <div className="notice notice--error" role="alert" data-testid="tpl-form-error">{errors.form}</div>}
      <div className="sched-actions">
        <button type="submit" disabled={saving} data-testid="tpl-save">Save template</button>
        <button type="button" className="secondary" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}

export function TemplatesPanel() {
  const templates = useSchedule((s) => s.templates);
  const deleteTemplate = useSchedule((s) => s.deleteTemplate);
  /** '' for a new template, the id of the one being edited, or nothing. */
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const [confirming, setConfirming] = useState<string | undefined>(undefined);
  if (templates.length === 0) return null;
  const edited = templates.find((t) => t.id === editing);
  return (
    <details className="panel" data-testid="templates-panel">
      <summary><strong>Shift templates ({templates.length})</strong></summary>
      <ul className="sched-tlist">
        {templates.map((t) => (
          <li key={t.id} data-testid={`template-${t.id}`}>
            <strong>{t.name}</strong>: {t.description}{' '}
            <button type="button" className="link" onClick={() => { setEditing(t.id); setConfirming(undefined); }} aria-label={`Edit ${t.name}`}>Edit</button>{' '}
            {confirming === t.id ? (
              <>
                <button type="button" className="link" onClick={() => { setConfirming(undefined); void deleteTemplate(t.id); if (editing === t.id) setEditing(undefined); }} aria-label={`Confirm delete ${t.name}`}>Confirm delete</button>{' '}
                <button type="button" className="link" onClick={() => setConfirming(undefined)}>Keep</button>
              </>
            ) : (
              templates.length > 1 && <button type="button" className="link" onClick={() => setConfirming(t.id)} aria-label={`Delete ${t.name}`}>Delete</button>
            )}
          </li>
        ))}
      </ul>
      {editing === undefined ? (
        <button type="button" onClick={() => setEditing('')} data-testid="tpl-add">Add template</button>
      ) : (
        <TemplateForm key={editing} template={edited} onDone={() => setEditing(undefined)} />
      )}
      <p className="muted">
        The next Generate solves from these templates; schedules already made keep the templates they were solved with, and a deleted template’s shifts stay as they are. Rest of at least 11 hours between shifts; breaks are placed on a 15-minute grid inside their windows.
      </p>
    </details>
  );
}
