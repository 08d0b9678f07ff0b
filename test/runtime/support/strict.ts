/**
 * The strict reading of the SCORM data models (the run-time specs, and Moodle's validators in
 * mod/scorm/datamodels/scorm_12.js and scorm_13.js where they are stricter), for the limits that
 * scorm-again does not enforce. Each function lists every SetValue that breaks a rule.
 */

type Sets = ReadonlyArray<readonly [string, string]>;

/** Identifiers Moodle accepts in 2004 choice/matching responses; we hold 1.2 ids to it too. */
const ID = /^[A-Za-z0-9_.]{1,255}$/;

const V12 = {
  time: /^([0-1][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,2})?$/,
  timespan: /^[0-9]{2,4}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,2})?$/,
  decimal: /^-?[0-9]{0,3}(\.[0-9]*)?$/,
  result: /^(correct|wrong|unanticipated|neutral|[0-9]{0,3}(\.[0-9]*)?)$/,
  status: /^(passed|completed|failed|incomplete|browsed|not attempted)$/,
  exit: /^(time-out|suspend|logout|)$/,
  type: /^(true-false|choice|fill-in|matching|performance|sequencing|likert|numeric)$/,
  choice: /^([0-9a-z](,[0-9a-z])*)?$/,
  matching: /^[0-9a-z]\.[0-9a-z](,[0-9a-z]\.[0-9a-z])*$/,
};

export function violations12(sets: Sets): string[] {
  const out: string[] = [];
  const types = new Map<string, string>();
  const bad = (element: string, value: string, why: string) => out.push(`${element}=${JSON.stringify(value.slice(0, 60))}: ${why}`);
  for (const [element, value] of sets) {
    const interaction = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(element);
    if (element === 'cmi.suspend_data' && value.length > 4096) bad(element, value, `${value.length} > 4096`);
    else if (element === 'cmi.core.lesson_location' && value.length > 255) bad(element, value, '> 255');
    else if (element === 'cmi.core.lesson_status' && !V12.status.test(value)) bad(element, value, 'status');
    else if (element === 'cmi.core.exit' && !V12.exit.test(value)) bad(element, value, 'exit');
    else if (element === 'cmi.core.session_time' && !V12.timespan.test(value)) bad(element, value, 'CMITimespan');
    else if (/score\.(raw|min|max)$/.test(element) && (!V12.decimal.test(value) || Number(value) < 0 || Number(value) > 100)) bad(element, value, 'score 0-100');
    else if (/^cmi\.objectives\.\d+\.id$/.test(element) && !ID.test(value)) bad(element, value, 'identifier');
    else if (/^cmi\.objectives\.\d+\.status$/.test(element) && !V12.status.test(value)) bad(element, value, 'status');
    else if (interaction) {
      const [, index, field] = interaction;
      if (field === 'id' && !ID.test(value)) bad(element, value, 'identifier');
      if (field === 'type') {
        if (!V12.type.test(value)) bad(element, value, 'type');
        types.set(index!, value);
      }
      if (field === 'time' && !V12.time.test(value)) bad(element, value, 'CMITime');
      if (field === 'latency' && !V12.timespan.test(value)) bad(element, value, 'CMITimespan');
      if (field === 'result' && !V12.result.test(value)) bad(element, value, 'result');
      if (field === 'weighting' && !V12.decimal.test(value)) bad(element, value, 'decimal');
      if (field === 'student_response' || /^correct_responses\.\d+\.pattern$/.test(field!)) {
        if (value.length > 255) bad(element, value, `${value.length} > 255`);
        const type = types.get(index!);
        if (type === undefined) bad(element, value, 'written before the type');
        if (type === 'choice' && !V12.choice.test(value)) bad(element, value, 'choice syntax');
        if (type === 'matching' && !V12.matching.test(value)) bad(element, value, 'matching syntax');
        if (/[\r\n]/.test(value)) bad(element, value, 'newline');
      }
    }
  }
  return out;
}

const V2004 = {
  time: /^(19[7-9][0-9]|20[0-2][0-9]|203[0-8])((-(0[1-9]|1[0-2]))((-(0[1-9]|[1-2][0-9]|3[0-1]))(T([0-1][0-9]|2[0-3])((:[0-5][0-9])((:[0-5][0-9])((\.[0-9]{1,2})((Z|([+|-]([0-1][0-9]|2[0-3])))(:[0-5][0-9])?)?)?)?)?)?)?)?$/,
  timespan: /^P(\d+Y)?(\d+M)?(\d+D)?(T(((\d+H)(\d+M)?(\d+(\.\d{1,2})?S)?)|((\d+M)(\d+(\.\d{1,2})?S)?)|((\d+(\.\d{1,2})?S))))?$/,
  decimal: /^-?[0-9]{1,5}(\.[0-9]{1,18})?$/,
  result: /^(correct|incorrect|unanticipated|neutral|-?[0-9]{1,4}(\.[0-9]{1,18})?)$/,
  completion: /^(completed|incomplete|not attempted|unknown)$/,
  success: /^(passed|failed|unknown)$/,
  exit: /^(time-out|suspend|logout|normal|)$/,
  type: /^(true-false|choice|fill-in|long-fill-in|matching|performance|sequencing|likert|numeric|other)$/,
  /** A localized string: optional {lang=…}, then text that does not start with "{", one line. */
  lang: (max: number) => new RegExp(`^(\\{lang=([a-zA-Z]{2,3}|i|x)(-[a-zA-Z0-9-]{2,8})?\\})?((?!\\{.*$).{0,${max}}$)?$`),
};

export function violations2004(sets: Sets): string[] {
  const out: string[] = [];
  const types = new Map<string, string>();
  const bad = (element: string, value: string, why: string) => out.push(`${element}=${JSON.stringify(value.slice(0, 60))}: ${why}`);
  const unit = (element: string, value: string) => {
    if (!V2004.decimal.test(value) || Number(value) < 0 || Number(value) > 1) bad(element, value, '0..1');
  };
  for (const [element, value] of sets) {
    const interaction = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(element);
    if (element === 'cmi.suspend_data' && value.length > 64000) bad(element, value, '> 64000');
    else if (element === 'cmi.location' && value.length > 1000) bad(element, value, '> 1000');
    else if (element === 'cmi.completion_status' && !V2004.completion.test(value)) bad(element, value, 'completion');
    else if (element === 'cmi.success_status' && !V2004.success.test(value)) bad(element, value, 'success');
    else if (element === 'cmi.exit' && !V2004.exit.test(value)) bad(element, value, 'exit');
    else if (element === 'cmi.session_time' && !V2004.timespan.test(value)) bad(element, value, 'duration');
    else if (element === 'cmi.progress_measure' || /score\.scaled$/.test(element) || /objectives\.\d+\.progress_measure$/.test(element)) unit(element, value);
    else if (/score\.(raw|min|max)$/.test(element) && !V2004.decimal.test(value)) bad(element, value, 'decimal');
    else if (/^cmi\.objectives\.\d+\.id$/.test(element) && !ID.test(value)) bad(element, value, 'identifier');
    else if (/^cmi\.objectives\.\d+\.success_status$/.test(element) && !V2004.success.test(value)) bad(element, value, 'success');
    else if (/^cmi\.objectives\.\d+\.completion_status$/.test(element) && !V2004.completion.test(value)) bad(element, value, 'completion');
    else if (interaction) {
      const [, index, field] = interaction;
      if (field === 'id' && !ID.test(value)) bad(element, value, 'identifier');
      if (field === 'type') {
        if (!V2004.type.test(value)) bad(element, value, 'type');
        types.set(index!, value);
      }
      if (field === 'timestamp' && !V2004.time.test(value)) bad(element, value, 'timestamp');
      if (field === 'latency' && !V2004.timespan.test(value)) bad(element, value, 'duration');
      if (field === 'result' && !V2004.result.test(value)) bad(element, value, 'result');
      if (field === 'weighting' && !V2004.decimal.test(value)) bad(element, value, 'decimal');
      if (field === 'description' && !V2004.lang(250).test(value)) bad(element, value, 'description: one line, 250');
      if (field === 'learner_response' || /^correct_responses\.\d+\.pattern$/.test(field!)) {
        const type = types.get(index!);
        if (type === undefined) bad(element, value, 'written before the type');
        if (/[\r\n]/.test(value)) bad(element, value, 'newline');
        const items = value.split('[,]');
        if (type === 'choice' && !items.every((id) => ID.test(id))) bad(element, value, 'choice ids');
        if (type === 'matching' && !items.every((pair) => pair.split('[.]').length === 2 && pair.split('[.]').every((id) => ID.test(id)))) {
          bad(element, value, 'matching syntax');
        }
        if (type === 'fill-in' && (items.length > 10 || !items.every((item) => V2004.lang(250).test(item)))) bad(element, value, 'fill-in strings');
        if (type === 'long-fill-in' && !V2004.lang(4000).test(value)) bad(element, value, 'long-fill-in 4000');
      }
    }
  }
  return out;
}

export const violations = { '1.2': violations12, '2004': violations2004 } as const;
