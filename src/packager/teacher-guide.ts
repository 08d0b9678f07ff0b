/**
 * The teacher's guide: one self-contained, printable HTML file written beside the packages and
 * never inside them (it holds the answer key and the model answers). Inline CSS is fine here: the
 * file is opened by the instructor, not served under the lesson's CSP. No scripts.
 */
import type { Device, Lesson, Question, TextSpan } from '../model/lesson.js';
import { optionId } from '../model/ids.js';
import { escapeHtml as esc } from './markdown.js';

const TYPE_NAMES: Record<Question['type'], string> = {
  single: 'Single choice',
  multiple: 'Select all that apply',
  match: 'Match quotations to devices',
  highlight: 'Highlight the words',
  reflection: 'Written reflection',
};

const STYLE = `
  :root { color-scheme: light; }
  body { font: 11pt/1.5 Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, serif; color: #111; background: #fff;
         max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
  h1, h2, h3, h4 { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; line-height: 1.25; }
  h1 { font-size: 1.8em; margin-bottom: .2em; }
  h2 { font-size: 1.35em; border-bottom: 1px solid #999; padding-bottom: .15em; margin-top: 2em; }
  h3 { font-size: 1.15em; margin-top: 1.6em; }
  h4 { font-size: 1em; margin: 1.2em 0 .3em; }
  .subtitle { margin-top: 0; color: #333; }
  .question { border: 1px solid #bbb; border-radius: 4px; padding: .4em 1em 1em; margin: 1em 0; break-inside: avoid-page; }
  .meta { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: .9em; color: #333; }
  code, .qid { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .92em; }
  .key { background: #eef6ee; border-left: 4px solid #2a7a2a; padding: .3em .8em; }
  .correct { font-weight: bold; }
  blockquote, .quote { margin: .4em 0 .4em 1em; padding-left: .8em; border-left: 3px solid #999; font-style: italic; }
  table { border-collapse: collapse; width: 100%; margin: .6em 0; }
  th, td { border: 1px solid #bbb; padding: .3em .5em; text-align: left; vertical-align: top; }
  th { background: #f0f0f0; }
  ol.options > li, ul.plain > li { margin: .35em 0; }
  .feedback { color: #222; margin: .15em 0 0 0; }
  .feedback > p { margin: .15em 0; }
  nav ol { columns: 2; }
  @media print { body { margin: 0; max-width: none; } a { color: inherit; } nav { display: none; } }
`;

/** `files` names the zips built (null: that version was not built, see the build's --scorm). */
export function teacherGuide(lesson: Lesson, files: { scorm12: string | null; scorm2004: string | null }): string {
  const devices = new Map(lesson.devices.map((d) => [d.id, d]));
  const deviceName = (id: string) => devices.get(id)?.name ?? id;
  const references = new Map(lesson.references.map((r) => [r.id, r]));
  const cite = (ids: readonly string[]) =>
    ids.length === 0 ? '' : `<p class="meta">Sources: ${ids.map((id) => esc(references.get(id)?.citation ?? id)).join('; ')}</p>`;
  const quote = (span: TextSpan) => `<span class="quote">«${esc(span.exact)}»</span>`;
  const segmentTitle = (id: string) => {
    const s = lesson.segments.find((x) => x.id === id);
    return s ? `${s.number}. ${s.title}` : id;
  };

  const scored = lesson.questions.filter((q) => q.scored);
  const totalWeight = scored.reduce((n, q) => n + q.weight, 0);
  const reflections = lesson.questions.filter((q) => q.type === 'reflection');
  const pages: { id: string; title: string }[] = [
    { id: 'pre', title: 'Pre-check (not graded)' },
    ...lesson.segments.map((s) => ({ id: s.id, title: `Segment ${segmentTitle(s.id)}` })),
    { id: 'post', title: 'Post-check (not graded)' },
    { id: 'synthesis', title: 'Synthesis' },
  ].filter((p) => lesson.questions.some((q) => q.page === p.id));

  const question = (q: Question): string => {
    const head = `<h4><span class="qid">${esc(q.id)}</span> · ${TYPE_NAMES[q.type]}</h4>
      <p class="meta">${q.scored ? `Scored, weight ${q.weight}` : 'Not scored'} · ${q.tries} ${q.tries === 1 ? 'check' : 'checks'}${
        q.devices.length ? ` · Devices: ${q.devices.map((d) => esc(deviceName(d))).join(', ')}` : ''
      }</p>
      ${q.passage ? `<p><strong>Passage</strong> (segment ${esc(segmentTitle(q.passage.segment))}): ${quote(q.passage)}</p>` : ''}
      <div><strong>Prompt</strong>${q.prompt}</div>`;
    let body = '';
    switch (q.type) {
      case 'single':
      case 'multiple': {
        const right = q.options.filter((o) => o.correct).map((o) => o.id);
        body = `<p class="key"><strong>Answer key:</strong> ${right.join(', ')}</p>
          <ol class="options" type="a">${q.options
            .map(
              (o) => `<li><span${o.correct ? ' class="correct"' : ''}>${o.text}${o.correct ? ' (correct)' : ''}</span>
                <div class="feedback"><em>Feedback:</em> ${o.feedback}</div></li>`,
            )
            .join('')}</ol>`;
        break;
      }
      case 'match': {
        const letter = (d: string) => optionId(q.choices.indexOf(d));
        body = `<p class="meta">Devices offered: ${q.choices.map((d) => `${letter(d)}. ${esc(deviceName(d))}`).join('; ')}</p>
          <table><thead><tr><th>#</th><th>Quotation</th><th>Key</th><th>Feedback</th></tr></thead><tbody>${q.pairs
            .map(
              (p) => `<tr><td>${p.id}</td><td>${quote(p.quote)}</td><td class="key">${letter(p.device)}. ${esc(deviceName(p.device))}</td><td>${p.feedback}</td></tr>`,
            )
            .join('')}</tbody></table>
          <p class="meta">Scored per pair: the credit is the fraction of pairs matched right.</p>`;
        break;
      }
      case 'highlight':
        body = `<div class="key"><strong>Answer key</strong> (${esc(deviceName(q.device))}): the words of
            <ul class="plain">${q.key.map((k) => `<li>${quote(k)}</li>`).join('')}</ul>
            Counts as correct when the word overlap with the key reaches F1 ≥ ${q.threshold}; below that the credit is the F1 itself.</div>
          <p><em>Feedback, correct:</em></p>${q.feedback.correct}
          <p><em>Feedback, partly right:</em></p>${q.feedback.partial}
          <p><em>Feedback, wrong:</em></p>${q.feedback.wrong}`;
        break;
      case 'reflection':
        body = `<p class="meta">${q.minLength}–${q.maxLength} characters. Graded by you, not by the module.</p>
          ${q.steps?.length ? `<p><strong>Steps shown to the student</strong></p><ol>${q.steps.map((s) => `<li>${esc(s)}</li>`).join('')}</ol>` : ''}
          <div class="key"><strong>Rubric</strong><ul>${q.rubric.map((r) => `<li>${esc(r)}</li>`).join('')}</ul></div>
          ${q.modelAnswer ? `<p><strong>Model answer</strong></p><blockquote>${q.modelAnswer}</blockquote>` : ''}`;
        break;
    }
    const explanation = q.explanation ? `<div><strong>Explanation</strong> (shown after the last check)${q.explanation}</div>` : '';
    return `<section class="question" id="q-${esc(q.id)}">${head}${body}${explanation}</section>`;
  };

  const s = lesson.source;
  const notesTable = lesson.editorsNotes.length
    ? `<table><thead><tr><th>#</th><th>The source file says</th><th>The lesson shows</th><th>Why</th><th>Where</th></tr></thead><tbody>${lesson.editorsNotes
        .map(
          (n) => `<tr><td>${n.number}</td><td>${esc(n.source) || '<em>(nothing)</em>'}</td><td>${esc(n.lesson) || '<em>(deleted)</em>'}</td><td>${esc(
            n.why,
          )}</td><td>${n.span ? esc(segmentTitle(n.span.segment)) : 'heading or appendix'}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p>The lesson shows the source exactly as received.</p>';

  const devicesByCategory = lesson.categories.map((c) => ({
    category: c,
    devices: lesson.devices.filter((d) => d.category === c.id),
  }));
  const deviceRow = (d: Device) =>
    `<tr><td>${esc(d.name)}<br><code>${esc(d.id)}</code></td><td>${esc(d.kind)}</td><td>${d.ipa?.length ? esc(d.ipa.join(', ')) : '—'}</td><td>${esc(
      d.definition,
    )}</td></tr>`;

  return `<!doctype html>
<html lang="${esc(lesson.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Teacher's guide: ${esc(lesson.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${esc(lesson.title)}</h1>
<p class="subtitle">Teacher's guide · lesson <code>${esc(lesson.id)}</code> version ${esc(lesson.version)} · about ${lesson.estimatedMinutes} minutes</p>
<p class="meta">This guide contains the answer key and model answers. It is not part of the student packages; do not upload it where students can read it.</p>
</header>
<nav aria-label="Contents"><h2>Contents</h2><ol>
<li><a href="#source">The source</a></li><li><a href="#objectives">Learning objectives</a></li>
<li><a href="#content-note">Content note</a></li><li><a href="#scoring">How the score is computed</a></li>
<li><a href="#questions">Questions and answer key</a></li><li><a href="#discussion">Discussion</a></li>
<li><a href="#moodle">Setting it up in Moodle</a></li><li><a href="#reports">Reading the gradebook and reports</a></li>
<li><a href="#editors-notes">Editor's notes</a></li><li><a href="#history">History notes</a></li>
<li><a href="#devices">Devices</a></li><li><a href="#references">References</a></li>
</ol></nav>

<section id="source"><h2>The source</h2>
<p>${esc(s.author)}, <cite>${esc(s.title)}</cite>, ${esc(s.date)}.</p>
<p>Translation: ${esc(s.translation)}</p>
<p>Published: ${esc(s.published)}${s.url ? ` · <a href="${esc(s.url)}">${esc(s.url)}</a>` : ''}</p>
${lesson.appendix ? `<p>${esc(lesson.appendix.title)}: ${esc(lesson.appendix.note)}</p>` : ''}
</section>

<section id="objectives"><h2>Learning objectives</h2>
<ul>${lesson.objectives.map((o) => `<li>${esc(o)}</li>`).join('')}</ul>
</section>

<section id="content-note"><h2>Content note</h2>
${lesson.contentNote || '<p>None.</p>'}
</section>

<section id="scoring"><h2>How the score is computed</h2>
<p>The score (0–100) counts the ${scored.length} scored questions: every question on a segment page except the written reflections. Each has a weight (${
    totalWeight === scored.length ? 'all weights are 1' : `weights add up to ${totalWeight}`
  }); the score is the weighted mean of their credit, as a percentage. The pass mark is <strong>${lesson.passingScore}</strong>.</p>
<ul>
<li><strong>Tries.</strong> A question allows a number of checks (usually ${mostCommon(scored.map((q) => q.tries)) ?? 2}). The credit of a check is its raw score × (tries − check number + 1) / tries: with two tries, full credit on the first check, half on the second. After the last check the answer and the explanation are shown and the question is locked.</li>
<li><strong>Partial credit.</strong> Single choice: 1 or 0. Select all that apply: the fraction of options classified right (ticked when correct, left when not). Match: the fraction of pairs matched right.</li>
<li><strong>Highlighting.</strong> The words the student marks are compared with the key words by F1 (the balance of precision and recall). At or above the question's threshold (normally 0.6) the answer counts as fully right; below it, the credit is the F1 itself.</li>
<li><strong>Pre- and post-check</strong> are not in the grade. They are reported to the LMS as the objectives <code>pre_check</code> and <code>post_check</code>, so you can compare them.</li>
<li><strong>Reflections</strong> (${reflections.length}) are not scored by the module: they count for completion, and you grade them with the rubrics below.</li>
<li>The module reports a score only once every scored question is finished; until then the attempt is <em>incomplete</em> with no score (so Moodle does not mark a half-done attempt as failed).</li>
</ul>
<table><thead><tr><th>Question</th><th>Page</th><th>Type</th><th>Weight</th><th>Tries</th></tr></thead><tbody>
${scored.map((q) => `<tr><td class="qid">${esc(q.id)}</td><td>${esc(segmentTitle(q.page))}</td><td>${TYPE_NAMES[q.type]}</td><td>${q.weight}</td><td>${q.tries}</td></tr>`).join('\n')}
</tbody></table>
</section>

<section id="questions"><h2>Questions and answer key</h2>
<p class="meta">Question ids are the names you see in Moodle's interactions report. Options are lettered a, b, c … in the order shown to students.</p>
${pages
  .map((p) => {
    const segment = lesson.segments.find((x) => x.id === p.id);
    return `<h3>${esc(p.title)}</h3>${segment ? `<p class="meta">${esc(segment.orientation)}</p>` : ''}${lesson.questions
      .filter((q) => q.page === p.id)
      .map(question)
      .join('\n')}`;
  })
  .join('\n')}
</section>

<section id="discussion"><h2>Discussion</h2>
${lesson.teacher?.discussion.length ? `<ol>${lesson.teacher.discussion.map((d) => `<li>${d}</li>`).join('')}</ol>` : '<p>No discussion prompts in this lesson.</p>'}
${lesson.teacher?.notes ? `<h3>Notes for the instructor</h3>${lesson.teacher.notes}` : ''}
</section>

<section id="moodle"><h2>Setting it up in Moodle</h2>
<ol>
<li><strong>Which file.</strong> ${whichFile(files)}</li>
<li><strong>Grade.</strong> Grading method: <em>Highest grade</em>. Maximum grade: <em>100</em> (the module reports a percentage). Attempts grading: <em>Highest attempt</em>.</li>
<li><strong>Appearance.</strong> Display package: <em>Current window</em> keeps Moodle's navigation around the lesson; <em>New window</em> gives the text the whole screen (better on phones; allow pop-ups). Student skip content structure page: <em>Always</em> (the package has one learning object). Display course structure in player: <em>Hidden</em>. Show navigation: <em>No</em> (the lesson has its own).</li>
<li><strong>Compatibility settings.</strong> Mastery score overrides status: <em>Yes</em> (the default); the package's mastery score is ${lesson.passingScore}, and because the module sends a score only when every scored question is finished, a student is marked passed or failed only then. Force completed: <em>No</em>. Auto-continue: <em>No</em>.</li>
<li><strong>Attempts.</strong> Students resume where they left off within an attempt. Force new attempt: <em>No</em>, so closing the window does not start over.</li>
<li><strong>Activity completion</strong> (optional): require status <em>Passed</em> to tie completion to the pass mark, or <em>Completed</em> to require only that every question is answered and every reflection submitted.</li>
</ol>
</section>

<section id="reports"><h2>Reading the gradebook and reports</h2>
<ul>
<li><strong>Gradebook.</strong> The grade is the module's score (0–100), highest attempt. An attempt that is not finished shows no grade yet. Reflections are not in it: add their grade yourself (for example as a separate grade item, or by overriding).</li>
<li><strong>Basic report</strong> (Reports → Basic report): per student and attempt, the status (incomplete, passed or failed) and the score.</li>
<li><strong>Interactions report</strong> (Reports → Interactions report): one row per checked question, named by its id (the ids in this guide, such as <code>${esc(lesson.questions.find((q) => q.scored)?.id ?? 'question_id')}</code>), with the student's response, the result and the latency. Results: <em>correct</em>, <em>wrong</em>, a number between 0 and 1 for partial credit, <em>neutral</em> for a reflection. Responses: option letters for choice questions (<code>a,c</code>); quotation number and device letter for match questions (<code>1.b,2.a</code>, the letters listed with each match question below); the marked phrases for highlight questions.</li>
<li><strong>Reflections</strong> arrive as their full text. SCORM 1.2 keeps at most 255 characters in one response, so a longer reflection is split into rows named <code>&lt;id&gt;_p1</code>, <code>&lt;id&gt;_p2</code> … to be read in order.</li>
<li><strong>Objectives.</strong> <code>pre_check</code> and <code>post_check</code> carry the pre- and post-check scores (the before and after of the lesson's skills); <code>cat_&lt;category&gt;</code> objectives carry the mastery of each device category, e.g. <code>cat_${esc(lesson.categories[0]?.id ?? 'category')}</code>.</li>
</ul>
</section>

<section id="editors-notes"><h2>Editor's notes</h2>
<p>Where the lesson's text differs from the source file as received, and why. Students see these notes beside the text.</p>
${notesTable}
</section>

<section id="history"><h2>History notes</h2>
${
  lesson.history.length
    ? lesson.history
        .map(
          (h) => `<h3>${esc(h.title)}</h3><p class="meta">Beside segment ${esc(segmentTitle(h.segment))}${h.span ? `, at ${quote(h.span)}` : ''}</p>${h.body}${cite(h.sources)}`,
        )
        .join('\n')
    : '<p>None.</p>'
}
</section>

<section id="devices"><h2>Devices</h2>
${devicesByCategory
  .filter((c) => c.devices.length)
  .map(
    (c) => `<h3>${esc(c.category.name)}</h3><p>${esc(c.category.description)}</p>
      <table><thead><tr><th>Device</th><th>Kind</th><th>IPA (1937)</th><th>Definition</th></tr></thead><tbody>${c.devices.map(deviceRow).join('')}</tbody></table>`,
  )
  .join('\n')}
</section>

<section id="references"><h2>References</h2>
<ul>${lesson.references
    .map((r) => `<li id="ref-${esc(r.id)}">${esc(r.citation)}${r.url ? ` <a href="${esc(r.url)}">${esc(r.url)}</a>` : ''}</li>`)
    .join('\n')}</ul>
</section>
</body>
</html>
`;
}

function mostCommon(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function whichFile(files: { scorm12: string | null; scorm2004: string | null }): string {
  const only2004 = files.scorm2004 === null ? '' : ` Use <code>${esc(files.scorm2004)}</code> only on an LMS that prefers SCORM 2004.`;
  if (files.scorm12 !== null) {
    return `Upload <code>${esc(files.scorm12)}</code> (SCORM 1.2) as a <em>SCORM package</em> activity. Moodle supports SCORM 1.2 fully, and its interactions report reads only SCORM 1.2 interaction data: with the 2004 package the per-question columns stay empty.${only2004}`;
  }
  return `Upload <code>${esc(files.scorm2004 ?? '')}</code> (SCORM 2004) as a <em>SCORM package</em> activity. This lesson was built as SCORM 2004 only (its saved state is too large for SCORM 1.2); Moodle runs it, but its interactions report reads only SCORM 1.2 interaction data, so the per-question columns stay empty: use the gradebook and the teacher's guide instead.`;
}
