{{%AUTOESCAPE context="HTML"}}<h1>{{COURSE}}/{{SHORT}}: extensions</h1>
<p class="muted"><a href="/courses/{{COURSE:u}}/{{SHORT:u}}">{{TITLE}}</a> · due <time datetime="{{DUE_ISO}}">{{DUE}}</time> · a person's newest extension goes before their section's</p>
{{#ERROR}}<p class="error" id="form-error">{{MESSAGE}}</p>{{/ERROR}}
{{#NONE}}<p>No extensions yet.</p>{{/NONE}}
{{#TABLE}}<table class="list" id="extensions">
<thead><tr><th>For</th><th>Due</th><th>Late until</th><th>Reason</th><th>Granted by</th></tr></thead>
<tbody>
{{#EXTENSION}}<tr><td>{{WHO}}</td><td><time datetime="{{DUE_ISO}}">{{DUE}}</time></td><td>{{#UNTIL}}<time datetime="{{LATE_UNTIL_ISO}}">{{LATE_UNTIL}}</time>{{/UNTIL}}{{#KEEPS}}<span class="muted">the assignment's</span>{{/KEEPS}}</td><td>{{REASON}}</td><td>{{BY}}</td></tr>
{{/EXTENSION}}</tbody>
</table>{{/TABLE}}
{{#GRANT}}<h2>Grant an extension</h2>
<form method="post" action="/courses/{{COURSE:u}}/{{SHORT:u}}/extensions" class="stack" id="extension-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label>Student (user name) <input name="user" id="x-user"></label>
<label>… or a whole section <input name="section" id="x-section"></label>
<label>New due (YYYY-MM-DD HH:MM in {{ZONE}}) <input name="due" id="x-due" required></label>
<label>Late until (empty: the assignment's, not before the new due) <input name="late_until"></label>
<label>Reason <input name="reason" id="x-reason" required></label>
<button type="submit" id="x-grant">Grant</button>
</form>{{/GRANT}}
