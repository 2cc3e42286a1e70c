{{%AUTOESCAPE context="HTML"}}<h1>{{HEADING}}</h1>
<p class="muted"><a href="/courses/{{COURSE:u}}">{{COURSE}}</a> · points after the late policy, the raw points in brackets where it took some{{#CSV}} · <a href="/courses/{{COURSE:u}}/grades.csv" id="lms-csv" download>LMS export (CSV)</a> · <a href="/courses/{{COURSE:u}}/grades-detail.csv" id="detail-csv" download>per-problem detail (CSV)</a>{{/CSV}}</p>
{{#REJUDGE_FORM}}<form method="post" action="/courses/{{COURSE:u}}/{{SHORT:u}}/rejudge" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" id="rejudge-assignment">Rejudge every submission of {{SHORT}}</button></form>{{/REJUDGE_FORM}}
<div id="gradebook"{{#REFRESH}} data-refresh="1"{{/REFRESH}}>
{{#REJUDGE}}<p class="flash" id="rejudge-summary">Rejudge {{ID}}: the points of {{CHANGED}} of {{STUDENTS}} students changed{{#WAITING}}; {{N}} submissions still wait for the judge (this page updates itself){{/WAITING}}.</p>{{/REJUDGE}}
{{#NONE}}<p>No students yet.</p>{{/NONE}}
{{#TABLE}}<table class="list" id="grades">
<thead><tr><th>Student</th><th>Name</th><th>Number</th>{{#COLUMN}}<th>{{#LINK}}<a href="{{HREF}}">{{NAME}}</a>{{/LINK}}{{#PLAIN}}{{NAME}}{{/PLAIN}} <span class="muted">/ {{MAX}}</span></th>{{/COLUMN}}<th>Total</th>{{#BEFORE}}<th>Before the rejudge</th>{{/BEFORE}}</tr></thead>
<tbody>
{{#ROW}}<tr id="u-{{USER}}"{{#CHANGED}} class="changed"{{/CHANGED}}><td>{{USER}}{{#OFF}} <span class="badge">not on the roster</span>{{/OFF}}</td><td>{{FULL_NAME}}</td><td>{{NUMBER}}</td>{{#CELL}}<td{{#EXPLAIN}} title="{{WHY}}"{{/EXPLAIN}}>{{TEXT}}</td>{{/CELL}}<td class="total">{{TOTAL}}</td>{{#OLD}}<td class="old">{{TEXT}} → {{NEW}}</td>{{/OLD}}</tr>
{{/ROW}}</tbody>
</table>{{/TABLE}}
</div>
