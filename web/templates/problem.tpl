{{%AUTOESCAPE context="HTML"}}<h1>{{TITLE}}</h1>
{{#ASSIGNMENT}}<p class="flash" id="for-assignment">For <a href="/courses/{{COURSE:u}}/{{SHORT:u}}">{{COURSE}}/{{SHORT}}: {{TITLE}}</a> · {{STATE}} · due <time datetime="{{DUE_ISO}}">{{DUE}}</time></p>
{{/ASSIGNMENT}}<p class="limits">Time limit <strong>{{TIME}} s</strong>{{#TIME_DERIVED}} <span class="derived">({{HOW}})</span>{{/TIME_DERIVED}} · memory <strong>{{MEMORY}} MB</strong> · <code>{{SHORT}}</code>{{#HIDDEN}} · <span class="badge">hidden from students</span>{{/HIDDEN}}</p>
{{#STAFF}}<p class="actions"><a href="/problems/{{SHORT:u}}/settings">Settings</a> · <a href="/problems/{{SHORT:u}}/tests">Test data</a> · <a href="/submissions?problem={{SHORT:u}}">Submissions</a>
<form method="post" action="/problems/{{SHORT:u}}/rejudge" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" id="rejudge-problem">Rejudge all submissions</button></form></p>{{/STAFF}}
{{#PDF}}<p class="actions"><a href="/problems/{{SHORT:u}}/statement.pdf" id="statement-pdf" download>The statement as PDF</a></p>
{{/PDF}}<article class="statement">
{{#STATEMENT}}{{HTML:none}}{{/STATEMENT}}
{{#NO_STATEMENT}}<p class="muted">This problem has no statement in HTML; ask your instructor.</p>{{/NO_STATEMENT}}
{{#PDF_ONLY}}<p class="muted" id="pdf-only">This problem's statement is the PDF above.</p>{{/PDF_ONLY}}
</article>
{{#SAMPLES}}<h2>Samples</h2>
{{#SAMPLE}}{{#FILES}}<div class="sample"><div><h3>Input {{N}}</h3><pre>{{INPUT:pre_escape}}</pre></div><div><h3>Output {{N}}</h3><pre>{{OUTPUT:pre_escape}}</pre></div></div>
{{/FILES}}{{#TRANSCRIPT}}<div class="transcript"><h3>Interaction {{N}}</h3>
{{#LINE}}<div class="t-{{SIDE}}"><span class="who">{{WHO}}</span><pre>{{TEXT:pre_escape}}</pre></div>
{{/LINE}}</div>
{{/TRANSCRIPT}}{{/SAMPLE}}{{/SAMPLES}}
<h2 id="submit">Submit</h2>
{{#ERROR}}<p class="error" id="submit-error">{{MESSAGE}}</p>{{/ERROR}}
<form method="post" action="/problems/{{SHORT:u}}/submit" enctype="multipart/form-data" class="stack" id="submit-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#ASSIGNMENT}}<input type="hidden" name="assignment" value="{{AID}}">
{{#SPEND}}<label><span><input type="checkbox" name="spend_late_days" value="1" id="spend-late-days"> Spend late days from my bank for this late submission</span></label>
{{/SPEND}}{{/ASSIGNMENT}}{{#CODE_FORM}}<label>Language <select name="language" id="language">
{{#LANGUAGE}}<option value="{{ID}}" data-ext="{{EXT}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/LANGUAGE}}</select></label>
<label>Code <textarea name="code" id="code" rows="16" spellcheck="false" data-draft="{{DRAFT}}">
{{CODE:pre_escape}}</textarea></label>
<label>… or a file <input type="file" name="file" id="file"></label>
{{/CODE_FORM}}{{#ANSWER_FORM}}<p>Nothing is run: upload your answer files, one per test, named after the test
(<code>01.out</code> for <code>secret/01</code>; with <code>-</code> for <code>/</code> when two tests end alike):
{{#ANSWER_TEST}}<code>{{NAME}}</code> {{/ANSWER_TEST}}</p>
<label>Answer files <input type="file" name="answers" id="answers" multiple></label>
{{/ANSWER_FORM}}<button type="submit" id="submit-button">Submit</button>
</form>
{{#VERSIONS}}<details id="language-versions"><summary>Languages on this judge</summary>
<table><thead><tr><th>Language</th><th>Version</th></tr></thead><tbody>
{{#VERSION}}<tr><td>{{NAME}}</td><td><code>{{TEXT}}</code></td></tr>
{{/VERSION}}</tbody></table></details>{{/VERSIONS}}
<script src="/static/editor.js" defer></script>
