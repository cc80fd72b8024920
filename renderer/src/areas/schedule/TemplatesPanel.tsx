/**
 * The site's shift templates: the list the next Generate solves from, with Add, Edit and Delete. The form edits every
 * field of a template: starts, one working span or a two-part split, the unpaid lunch and paid break most shifts
 * have plus any further breaks (a third break on a long shift, a paid lunch), the weekdays it may start on, the
 * skills it serves, and the templates it may not follow on the next day.
 */
import { useId, useMemo, useState } from 'react';
import { MAX_TEMPLATE_BREAKS, shiftTemplateSaveSchema, type ScheduleTemplate } from '../../../../shared/api/channels/schedule';
import type { FieldIssue } from '../../../../shared/api/errors';
import { ShiftTemplateSchema, type BreakRule } from '../../../../shared/engine/schedule/model';
import { Field } from '../../components/Field';
import { NumberField } from '../../components/NumberField';
import { parseNumberField } from '../../components/parseNumber';
import { useSchedule } from '../../stores/scheduleStore';
import { formatClock, WEEKDAY_NAMES } from '../../../../shared/calendar/days';

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
  /** Breaks beyond the lunch and the paid break above. */
  extras: ExtraBreak[];
  /** Weekdays it may start on (0 = Monday); all seven is saved as "every day" (the field left out). */
  weekdays: number[];
  /** Skills it serves; none picked is saved as "any skill" (the field left out). */
  skills: string[];
  /** Templates after which this one may not start on the next day. */
  cannotFollow: string[];
}
interface ExtraBreak {
  kind: BreakRule['kind'];
  paid: boolean;
  /** Minutes, then hours into the shift, as typed. */
  length: string;
  from: string;
  to: string;
}
type ExtraKey = `extra${number}${'Length' | 'From' | 'To'}`;
type FormKey =
  | Exclude<keyof Form, 'split' | 'lunch' | 'paidBreak' | 'category' | 'extras'>
  | 'category'
  | 'form'
  | ExtraKey;
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
  extras: [],
  weekdays: [0, 1, 2, 3, 4, 5, 6],
  skills: [],
  cannotFollow: [],
};
const EVERY_DAY = EMPTY.weekdays;

const hoursText = (minutes: number) => String(Math.round((minutes / 60) * 100) / 100);
const isLunch = (b: BreakRule) => b.kind === 'lunch' && !b.paid;
const isPaidBreak = (b: BreakRule) => b.kind === 'break' && b.paid;

/** The form for a stored template. */
function formOf(template: ScheduleTemplate): Form {
  const t = ShiftTemplateSchema.parse(template.definition);
  const lunch = t.breaks.find(isLunch);
  const paid = t.breaks.find(isPaidBreak);
  const split = t.segments.length > 1;
  return {
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
      extras: t.breaks
        .filter((b) => b !== lunch && b !== paid)
        .map((b) => ({ kind: b.kind, paid: b.paid, length: String(b.lengthMinutes), from: hoursText(b.windowStartMinutes), to: hoursText(b.windowEndMinutes) })),
      weekdays: t.weekdays ? [...t.weekdays].sort() : EVERY_DAY,
      skills: t.skills ?? [],
      cannotFollow: t.cannotFollow,
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
function validate(form: Form): { errors: Errors; template?: Record<string, unknown> } {
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
  const extras = form.extras.map((b, k) => ({
    kind: b.kind,
    paid: b.paid,
    length: number(`extra${k}Length`, b.length, { integer: true, positive: true }),
    from: minutesOfHours(`extra${k}From`, b.from, false),
    to: minutesOfHours(`extra${k}To`, b.to, true),
  }));
  if (form.weekdays.length === 0) errors.weekdays = 'Pick at least one weekday (all seven: every day)';
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
  for (const b of extras) {
    breaks.push({ kind: b.kind, paid: b.paid, lengthMinutes: b.length!, windowStartMinutes: b.from!, windowEndMinutes: b.to! });
    breakKeys.push('extra');
  }
  const segments = [{ offsetMinutes: 0, lengthMinutes: length! }, ...(form.split ? [{ offsetMinutes: part2Offset!, lengthMinutes: part2Length! }] : [])];
  const everyDay = EVERY_DAY.every((d) => form.weekdays.includes(d));
  const template: Record<string, unknown> = {
    name,
    earliestStart,
    latestStart,
    startStepMinutes,
    segments,
    breaks,
    category: form.category,
    cannotFollow: form.cannotFollow,
    ...(form.skills.length > 0 && { skills: form.skills }),
    ...(!everyDay && { weekdays: [...form.weekdays].sort() }),
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
    case 'weekdays':
    case 'skills':
    case 'cannotFollow':
      return head;
    case 'segments':
      if (index === '1') return leaf === 'offsetMinutes' ? 'part2Offset' : 'part2Length';
      if (index === '0') return 'length';
      return form.split ? 'part2Offset' : 'length';
    case 'breaks': {
      const i = index === undefined ? breaks.findIndex((b) => b.windowEndMinutes > span) : Number(index);
      const which = breakKeys[i];
      if (which === undefined) return 'form';
      if (which === 'extra') {
        const k = breakKeys.slice(0, i).filter((key) => key === 'extra').length;
        return index === undefined || leaf === 'windowEndMinutes' ? `extra${k}To` : leaf === 'windowStartMinutes' ? `extra${k}From` : `extra${k}Length`;
      }
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
  const [form, setForm] = useState<Form>(() => (template ? formOf(template) : EMPTY));
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const ids = { name: useId(), first: useId(), last: useId(), category: useId() };
  const templates = useSchedule((s) => s.templates);
  const requirements = useSchedule((s) => s.weekRequirements);
  const view = useSchedule((s) => s.view);
  /** Skills the workspace knows: the week's channels, the agents' skills, and whatever the template already names. */
  const knownSkills = useMemo(() => {
    const names = new Set([...(requirements?.series.map((r) => r.skill) ?? []), ...(view?.agents.flatMap((a) => a.skills) ?? []), ...form.skills]);
    return [...names].sort();
  }, [requirements, view, form.skills]);
  const patch = (p: Partial<Form>) => {
    const next = { ...form, ...p };
    setForm(next);
    // Once a save was tried, errors follow the typing, so a fixed field clears at once.
    if (Object.keys(errors).length > 0) setErrors(validate(next).errors);
  };
  const toggle = (list: readonly (string | number)[], value: string | number) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);
  const patchExtra = (k: number, p: Partial<ExtraBreak>) => patch({ extras: form.extras.map((b, i) => (i === k ? { ...b, ...p } : b)) });

  const submit = async () => {
    const { errors: found, template: body } = validate(form);
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
      <fieldset className="group" data-testid="tpl-extras">
        <legend>More breaks</legend>
        {form.extras.map((b, k) => (
          <div key={k} className="sched-tform__row" data-testid={`tpl-extra-${k}`}>
            <label>
              Kind{' '}
              <select value={b.kind} onChange={(e) => patchExtra(k, { kind: e.target.value as ExtraBreak['kind'] })} data-testid={`tpl-extra-${k}-kind`}>
                <option value="break">break</option>
                <option value="lunch">lunch</option>
              </select>
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={b.paid} onChange={(e) => patchExtra(k, { paid: e.target.checked })} data-testid={`tpl-extra-${k}-paid`} /> Paid
            </label>
            <NumberField label="Length" value={b.length} onChange={(v) => patchExtra(k, { length: v })} error={errors[`extra${k}Length`]} unit="min" testId={`tpl-extra-${k}-length`} />
            <NumberField label="Window from (into the shift)" value={b.from} onChange={(v) => patchExtra(k, { from: v })} error={errors[`extra${k}From`]} unit="h" testId={`tpl-extra-${k}-from`} />
            <NumberField label="Window to" value={b.to} onChange={(v) => patchExtra(k, { to: v })} error={errors[`extra${k}To`]} unit="h" testId={`tpl-extra-${k}-to`} />
            <button type="button" className="link" onClick={() => patch({ extras: form.extras.filter((_, i) => i !== k) })} aria-label={`Remove break ${k + 3}`}>Remove</button>
          </div>
        ))}
        <button
          type="button"
          className="secondary"
          disabled={form.extras.length + Number(form.lunch) + Number(form.paidBreak) >= MAX_TEMPLATE_BREAKS}
          onClick={() => patch({ extras: [...form.extras, { kind: 'break', paid: true, length: '15', from: '6', to: '7.5' }] })}
          data-testid="tpl-extra-add"
        >
          Add a break
        </button>
      </fieldset>
      <fieldset className="group">
        <legend>Starts on</legend>
        <div className="sched-checks" data-testid="tpl-weekdays">
          {WEEKDAY_NAMES.map((day, d) => (
            <label key={day} className="checkbox">
              <input type="checkbox" checked={form.weekdays.includes(d)} onChange={() => patch({ weekdays: toggle(form.weekdays, d) as number[] })} data-testid={`tpl-weekday-${d}`} /> {day.slice(0, 3)}
            </label>
          ))}
        </div>
        {errors.weekdays && <div className="field__error" role="alert">{errors.weekdays}</div>}
      </fieldset>
      <fieldset className="group">
        <legend>Serves skills <span className="muted">(none ticked: any skill)</span></legend>
        <div className="sched-checks" data-testid="tpl-skills">
          {knownSkills.map((skill) => (
            <label key={skill} className="checkbox">
              <input type="checkbox" checked={form.skills.includes(skill)} onChange={() => patch({ skills: toggle(form.skills, skill) as string[] })} data-testid={`tpl-skill-${skill}`} /> {skill}
            </label>
          ))}
        </div>
        {errors.skills && <div className="field__error" role="alert">{errors.skills}</div>}
      </fieldset>
      <fieldset className="group">
        <legend>Cannot follow <span className="muted">(may not start the day after these)</span></legend>
        <div className="sched-checks" data-testid="tpl-cannot-follow">
          {templates.map((t) => (
            <label key={t.id} className="checkbox">
              <input type="checkbox" checked={form.cannotFollow.includes(t.id)} onChange={() => patch({ cannotFollow: toggle(form.cannotFollow, t.id) as string[] })} data-testid={`tpl-cannot-follow-${t.id}`} /> {t.name}
            </label>
          ))}
        </div>
        {errors.cannotFollow && <div className="field__error" role="alert">{errors.cannotFollow}</div>}
      </fieldset>
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
