{{%AUTOESCAPE context="HTML"}}<h1>{{TITLE}}</h1>
{{#ASSIGNMENT}}<p class="flash" id="for-assignment">For <a href="/courses/{{COURSE:u}}/{{SHORT:u}}">{{COURSE}}/{{SHORT}}: {{TITLE}}</a> · {{STATE}} · due <time datetime="{{DUE_ISO}}">{{DUE}}</time></p>
{{/ASSIGNMENT}}<p class="limits">Time limit <strong>{{TIME}} s</strong>{{#TIME_DERIVED}} <span class="derived">({{HOW}})</span>{{/TIME_DERIVED}} · memory <strong>{{MEMORY}} MB</strong> · <code>{{SHORT}}</code>{{#HIDDEN}} · <span class="badge">hidden from students</span>{{/HIDDEN}}</p>
{{#STAFF}}<p class="actions"><a href="/problems/{{SHORT:u}}/settings">Settings</a> · <a href="/problems/{{SHORT:u}}/tests">Test data</a> · <a href="/submissions?problem={{SHORT:u}}">Submissions</a>
<form method="post" action="/problems/{{SHORT:u}}/rejudge" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" id="rejudge-problem">Rejudge all submissions</button></form></p>{{/STAFF}}
<article class="statement">
{{#STATEMENT}}{{HTML:none}}{{/STATEMENT}}
{{#NO_STATEMENT}}<p class="muted">This problem has no statement in HTML; ask your instructor.</p>{{/NO_STATEMENT}}
</article>
{{#SAMPLES}}<h2>Samples</h2>
{{#SAMPLE}}<div class="sample"><div><h3>Input {{N}}</h3><pre>{{INPUT:pre_escape}}</pre></div><div><h3>Output {{N}}</h3><pre>{{OUTPUT:pre_escape}}</pre></div></div>
{{/SAMPLE}}{{/SAMPLES}}
<h2 id="submit">Submit</h2>
{{#ERROR}}<p class="error" id="submit-error">{{MESSAGE}}</p>{{/ERROR}}
<form method="post" action="/problems/{{SHORT:u}}/submit" enctype="multipart/form-data" class="stack" id="submit-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#ASSIGNMENT}}<input type="hidden" name="assignment" value="{{AID}}">
{{/ASSIGNMENT}}<label>Language <select name="language" id="language">
{{#LANGUAGE}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/LANGUAGE}}</select></label>
<label>Code <textarea name="code" id="code" rows="16" spellcheck="false">
{{CODE:pre_escape}}</textarea></label>
<label>… or a file <input type="file" name="file" id="file"></label>
<button type="submit" id="submit-button">Submit</button>
</form>
