{{%AUTOESCAPE context="HTML"}}<table class="list" id="scoreboard">
<thead><tr><th>Rank</th><th>Participant</th>{{#ICPC}}<th>Solved</th><th>Penalty</th>{{/ICPC}}{{#IOI}}<th>Total</th>{{/IOI}}{{#PROBLEM}}<th>{{LABEL}}</th>{{/PROBLEM}}</tr></thead>
<tbody>
{{#ROW}}<tr data-user="{{USER}}"><td>{{RANK}}</td><td>{{USER}}</td>{{#ICPC}}<td>{{SOLVED}}</td><td>{{PENALTY}}</td>{{/ICPC}}{{#IOI}}<td>{{TOTAL}}</td>{{/IOI}}{{#CELL}}<td>{{TEXT}}</td>{{/CELL}}</tr>
{{/ROW}}</tbody>
</table>
