{{%AUTOESCAPE context="HTML"}}{{#REJUDGE}}<p class="flash" id="rejudge-summary">Rejudge {{ID}}: the points of {{CHANGED}} of {{STUDENTS}} students changed{{#WAITING}}; {{N}} submissions still wait for the judge (this page updates itself){{/WAITING}}.</p>{{/REJUDGE}}
{{#NONE}}<p>No students yet.</p>{{/NONE}}
{{#TABLE}}<table class="list" id="grades">
<thead><tr><th>Student</th><th>Name</th><th>Number</th>{{#COLUMN}}<th>{{#LINK}}<a href="{{HREF}}">{{NAME}}</a>{{/LINK}}{{#PLAIN}}{{NAME}}{{/PLAIN}} <span class="muted">/ {{MAX}}</span></th>{{/COLUMN}}<th>Total</th>{{#BEFORE}}<th>Before the rejudge</th>{{/BEFORE}}</tr></thead>
<tbody>
{{#ROW}}<tr id="u-{{USER}}"{{#CHANGED}} class="changed"{{/CHANGED}}><td>{{USER}}{{#OFF}} <span class="badge">not on the roster</span>{{/OFF}}</td><td>{{FULL_NAME}}</td><td>{{NUMBER}}</td>{{#CELL}}<td{{#EXPLAIN}} title="{{WHY}}"{{/EXPLAIN}}>{{TEXT}}</td>{{/CELL}}<td class="total">{{TOTAL}}</td>{{#OLD}}<td class="old">{{TEXT}} → {{NEW}}</td>{{/OLD}}</tr>
{{/ROW}}</tbody>
</table>{{/TABLE}}
