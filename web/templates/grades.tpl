{{%AUTOESCAPE context="HTML"}}<h1>Gradebook</h1>
<p><a href="/grades.csv" id="grades-csv" download>Download as CSV</a> · each cell is a student's best result: points, and the verdict.</p>
{{#NONE}}<p>No students yet.</p>{{/NONE}}
{{#TABLE}}<table class="list" id="grades">
<thead><tr><th>Student</th>{{#PROBLEM}}<th><a href="/problems/{{NAME:u}}">{{NAME}}</a></th>{{/PROBLEM}}<th>Total</th></tr></thead>
<tbody>
{{#ROW}}<tr><td><a href="/submissions?user={{NAME:u}}">{{NAME}}</a></td>{{#CELL}}<td>{{#TRIED}}{{POINTS}} <span class="verdict v-{{VERDICT}}">{{VERDICT}}</span>{{/TRIED}}{{#UNTRIED}}<span class="muted">–</span>{{/UNTRIED}}</td>{{/CELL}}<td>{{TOTAL}}</td></tr>
{{/ROW}}</tbody>
</table>{{/TABLE}}
