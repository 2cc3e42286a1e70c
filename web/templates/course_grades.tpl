{{%AUTOESCAPE context="HTML"}}<h1>{{HEADING}}</h1>
<p class="muted"><a href="/courses/{{COURSE:u}}">{{COURSE}}</a> · points after the late policy, the raw points in brackets where it took some{{#CSV}} · <a href="/courses/{{COURSE:u}}/grades.csv" id="lms-csv" download>LMS export (CSV)</a> · <a href="/courses/{{COURSE:u}}/grades-detail.csv" id="detail-csv" download>per-problem detail (CSV)</a>{{/CSV}}</p>
{{#NONE}}<p>No students yet.</p>{{/NONE}}
{{#TABLE}}<table class="list" id="grades">
<thead><tr><th>Student</th><th>Name</th><th>Number</th>{{#COLUMN}}<th>{{#LINK}}<a href="{{HREF}}">{{NAME}}</a>{{/LINK}}{{#PLAIN}}{{NAME}}{{/PLAIN}} <span class="muted">/ {{MAX}}</span></th>{{/COLUMN}}<th>Total</th></tr></thead>
<tbody>
{{#ROW}}<tr id="u-{{USER}}"><td>{{USER}}{{#OFF}} <span class="badge">not on the roster</span>{{/OFF}}</td><td>{{FULL_NAME}}</td><td>{{NUMBER}}</td>{{#CELL}}<td{{#EXPLAIN}} title="{{WHY}}"{{/EXPLAIN}}>{{TEXT}}</td>{{/CELL}}<td>{{TOTAL}}</td></tr>
{{/ROW}}</tbody>
</table>{{/TABLE}}
