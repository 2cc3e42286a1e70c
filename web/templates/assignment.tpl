{{%AUTOESCAPE context="HTML"}}<h1>{{TITLE}}</h1>
<p class="muted"><a href="/courses/{{COURSE:u}}">{{COURSE}}</a> · <code>{{SHORT}}</code> · <a href="/courses/{{COURSE:u}}/clarifications?about={{SHORT:u}}" id="clarifications-link">Clarifications</a>{{#CONTEST}} · <span class="badge">{{KIND}} contest</span> · <a href="/courses/{{COURSE:u}}/{{SHORT:u}}/scoreboard" id="scoreboard-link">Scoreboard</a>{{/CONTEST}}</p>
<table class="facts" id="times">
<tr><th>Opens</th><td><time datetime="{{OPENS_ISO}}">{{OPENS}}</time></td></tr>
<tr><th>Due</th><td id="due"><time datetime="{{DUE_ISO}}">{{DUE}}</time>{{#EXTENDED}} <span class="badge">your extension{{#REASON}}: {{TEXT}}{{/REASON}}</span>{{/EXTENDED}}</td></tr>
{{#LATE_UNTIL}}<tr><th>Late until</th><td><time datetime="{{LATE_UNTIL_ISO}}">{{LATE_UNTIL}}</time></td></tr>{{/LATE_UNTIL}}
{{#WINDOW}}<tr><th>Your window</th><td>{{MINUTES}} minutes{{#STARTED}}, started <time datetime="{{AT_ISO}}">{{AT}}</time>{{/STARTED}}</td></tr>{{/WINDOW}}
<tr><th>State</th><td id="state">{{STATE}}</td></tr>
<tr><th>Rules</th><td>late: {{LATE}} · counts: {{COUNTS}} submission · feedback: {{FEEDBACK}}</td></tr>
</table>
{{#START}}<form method="post" action="/courses/{{COURSE:u}}/{{SHORT:u}}/start"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" id="start">Start my {{MINUTES}}-minute window now</button></form>{{/START}}
{{#STAFF}}<p class="actions"><a href="/courses/{{COURSE:u}}/{{SHORT:u}}/grades">Grades</a> · <a href="/courses/{{COURSE:u}}/{{SHORT:u}}/extensions">Extensions</a>{{#INSTRUCTOR}} · <a href="/courses/{{COURSE:u}}/{{SHORT:u}}/settings">Settings</a>{{/INSTRUCTOR}}</p>{{/STAFF}}
<h2>Problems</h2>
<table class="list" id="problems">
<thead><tr><th>Problem</th><th>Points</th>{{#MINE}}<th>My status</th>{{/MINE}}</tr></thead>
<tbody>
{{#PROBLEM}}<tr><td><a href="/problems/{{NAME:u}}?assignment={{AID}}">{{#LABELLED}}{{LABEL}} · {{/LABELLED}}{{NAME}}</a>{{#HIDDEN}} <span class="badge">unpublished</span>{{/HIDDEN}}</td><td>{{MAX}}</td>{{#MINE}}<td class="status">{{#POINTS}}{{FINAL}}{{#DEDUCTED}} <span class="muted">(raw {{RAW}}; {{WHY}})</span>{{/DEDUCTED}} · {{ATTEMPTS}} tried{{/POINTS}}{{#LATER}}{{ATTEMPTS}} submitted; results after the deadline{{/LATER}}{{#UNTRIED}}<span class="muted">not tried</span>{{/UNTRIED}}{{#PENDING}} · {{N}} waiting for the judge{{/PENDING}}</td>{{/MINE}}</tr>
{{/PROBLEM}}</tbody>
</table>
