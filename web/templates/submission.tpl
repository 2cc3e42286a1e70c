{{%AUTOESCAPE context="HTML"}}<h1>Submission {{ID}}</h1>
<div id="live" data-id="{{ID}}" data-state="{{STATE}}" data-done="{{DONE}}">
<p class="summary"><a href="/problems/{{PROBLEM:u}}">{{PROBLEM}}</a> · {{LANGUAGE}} · by {{USER}} · {{WHEN}}</p>
<p class="result">Verdict: <span id="verdict" class="verdict v-{{VCLASS}}">{{VERDICT}}</span> <span class="muted" id="verdict-meaning">{{MEANING}}</span>{{#SCORE}} · score <span id="score">{{POINTS}}</span>{{/SCORE}}</p>
{{#LATER}}<p id="results-later">Judged. Its results are shown from {{AFTER}}, when the assignment closes for you.</p>
{{/LATER}}{{#WAITING}}<p id="progress">{{PROGRESS}}</p>
<p class="muted" id="waiting">This page updates by itself until the verdict arrives; without JavaScript, reload it.</p>{{/WAITING}}
{{#COMPILE}}<h2>Compiler output</h2><pre class="compile" id="compile">{{OUTPUT:pre_escape}}</pre>{{/COMPILE}}
{{#TESTS}}<h2>Tests</h2>
<table class="list" id="tests">
<thead><tr><th>Test</th><th>Verdict</th><th>Time</th><th>Memory</th>{{#DETAILS}}<th>Message</th>{{/DETAILS}}</tr></thead>
<tbody>
{{#TEST}}<tr><td>{{NAME}}</td><td><span class="verdict v-{{VERDICT}}">{{VERDICT}}</span></td><td>{{TIME}} ms</td><td>{{MEMORY}} KiB</td>{{#DETAILS}}<td>{{MESSAGE}}</td>{{/DETAILS}}</tr>
{{/TEST}}</tbody>
</table>{{/TESTS}}
{{#SECRET}}<p id="secret-tests">Secret tests: {{PASSED}} of {{OF}} passed.</p>{{/SECRET}}
{{#SUBTASKS}}<h2>Subtasks</h2>
<table class="list" id="subtasks">
<thead><tr><th>Subtask</th><th>Points</th></tr></thead>
<tbody>
{{#SUBTASK}}<tr><td>{{NAME}}</td><td>{{POINTS}}</td></tr>
{{/SUBTASK}}</tbody>
</table>{{/SUBTASKS}}
</div>
{{#STAFF}}<form method="post" action="/submissions/{{ID}}/rejudge"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" id="rejudge">Rejudge this submission</button></form>
{{#HISTORY}}<h2>Judgings</h2>
<table class="list" id="judgings">
<thead><tr><th>#</th><th>Finished</th><th>Test data</th><th>Verdict</th><th>Max time</th><th>Max memory</th><th>Judge</th></tr></thead>
<tbody>
{{#JUDGING}}<tr><td>{{ID}}</td><td>{{WHEN}}</td><td>v{{VERSION}}</td><td><span class="verdict v-{{VCLASS}}">{{VERDICT}}</span>{{#SCORE}} {{POINTS}}{{/SCORE}}</td><td>{{TIME}} ms</td><td>{{MEMORY}} KiB</td><td>{{JUDGE}}</td></tr>
{{/JUDGING}}</tbody>
</table>{{/HISTORY}}{{/STAFF}}
<h2>Source <span class="muted">{{FILE}}</span></h2>
<ol class="source" id="source" data-language="{{LANGUAGE_ID}}" data-ext="{{EXT}}">{{#LINE}}<li><code>{{TEXT:pre_escape}}</code></li>
{{/LINE}}</ol>
<script src="/static/editor.js" defer></script>
