{{%AUTOESCAPE context="HTML"}}<h1>{{TITLE}}: scoreboard</h1>
<p class="muted"><a href="/courses/{{COURSE:u}}/{{SHORT:u}}">{{COURSE}}/{{SHORT}}</a> · {{KIND}} · <span id="board-view">{{VIEW}}</span>{{#OTHER}} · <a href="{{HREF}}" id="other-view">{{TEXT}}</a>{{/OTHER}}</p>
<p class="muted">{{#ICPC}}A cell: +R (M) solved at minute M after R rejected attempts, * first to solve; -R not solved; ?N attempts pending (frozen, or not judged yet).{{/ICPC}}{{#IOI}}A cell: points; ?N attempts pending (frozen, or not judged yet).{{/IOI}}</p>
<table class="list" id="scoreboard">
<thead><tr><th>Rank</th><th>Participant</th>{{#ICPC}}<th>Solved</th><th>Penalty</th>{{/ICPC}}{{#IOI}}<th>Total</th>{{/IOI}}{{#PROBLEM}}<th>{{LABEL}}</th>{{/PROBLEM}}</tr></thead>
<tbody>
{{#ROW}}<tr{{#ME}} class="changed"{{/ME}}><td>{{RANK}}</td><td>{{USER}}</td>{{#ICPC}}<td>{{SOLVED}}</td><td>{{PENALTY}}</td>{{/ICPC}}{{#IOI}}<td>{{TOTAL}}</td>{{/IOI}}{{#CELL}}<td>{{TEXT}}</td>{{/CELL}}</tr>
{{/ROW}}</tbody>
</table>
