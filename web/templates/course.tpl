{{%AUTOESCAPE context="HTML"}}<h1>{{SHORT}}: {{TITLE}}</h1>
<p class="muted">{{#TERM}}{{TEXT}} · {{/TERM}}times in {{ZONE}}, and in your own zone beside them{{#BANK}} · late days left: <span id="late-days-left">{{LEFT}}</span> of {{DAYS}}{{/BANK}}</p>
<p class="actions"><a href="/courses/{{SHORT:u}}/clarifications" id="clarifications-link">Clarifications and announcements</a></p>
{{#STAFF}}<p class="actions"><a href="/courses/{{SHORT:u}}/grades">Gradebook</a> · <a href="/courses/{{SHORT:u}}/roster">Roster</a>{{#INSTRUCTOR}} · <a href="/courses/{{SHORT:u}}/settings">Course settings</a> · <a href="/courses/{{SHORT:u}}/new" id="new-assignment">New assignment</a>{{/INSTRUCTOR}}</p>{{/STAFF}}
{{#NONE}}<p>No assignments yet.</p>{{/NONE}}
{{#TABLE}}<table class="list" id="assignments">
<thead><tr><th>Assignment</th><th>Due</th><th>State</th>{{#MINE}}<th>My points</th>{{/MINE}}</tr></thead>
<tbody>
{{#ASSIGNMENT}}<tr id="a-{{SHORT}}"><td>{{#LINK}}<a href="/courses/{{COURSE:u}}/{{SHORT:u}}">{{TITLE}}</a>{{#CONTEST}} <span class="badge">contest</span>{{/CONTEST}}{{/LINK}}{{#NOLINK}}<span class="muted">{{SHORT}}</span>{{/NOLINK}}</td><td>{{#DUE_AT}}<time datetime="{{DUE_ISO}}">{{DUE}}</time>{{/DUE_AT}}</td><td class="state">{{STATE}}</td>{{#MINE}}<td class="points">{{#POINTS}}{{FINAL}} of {{MAX}}{{#DEDUCTED}} <span class="muted">(raw {{RAW}}; {{WHY}})</span>{{/DEDUCTED}}{{/POINTS}}{{#LATER}}<span class="muted">after the deadline</span>{{/LATER}}</td>{{/MINE}}</tr>
{{/ASSIGNMENT}}</tbody>
</table>{{/TABLE}}
