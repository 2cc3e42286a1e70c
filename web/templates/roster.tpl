{{%AUTOESCAPE context="HTML"}}<h1>{{COURSE}}: roster</h1>
<p class="muted"><a href="/courses/{{COURSE:u}}">{{COURSE}}</a> · {{COUNT}} people</p>
{{#ERROR}}<p class="error" id="roster-error">{{MESSAGE}}</p>{{/ERROR}}
{{#DONE}}<div class="flash" id="roster-report"><p>{{ADDED}} added, {{UPDATED}} updated, {{UNCHANGED}} unchanged.</p>
{{#NEW_ACCOUNTS}}<p>New accounts, with their initial passwords (shown this once):</p>
<table class="list" id="new-accounts"><thead><tr><th>User</th><th>Password</th></tr></thead><tbody>
{{#ACCOUNT}}<tr><td>{{NAME}}</td><td><code>{{PASSWORD}}</code></td></tr>
{{/ACCOUNT}}</tbody></table>{{/NEW_ACCOUNTS}}
{{#DROPPED}}<p>No longer on the roster (marked so; their accounts and work are kept):</p>
<ul id="dropped">{{#GONE}}<li>{{NAME}} {{FULL_NAME}} {{NUMBER}}</li>
{{/GONE}}</ul>{{/DROPPED}}</div>{{/DONE}}
<table class="list" id="members">
<thead><tr><th>User</th><th>Role</th><th>Name</th><th>Student number</th><th>Section</th><th></th></tr></thead>
<tbody>
{{#MEMBER}}<tr><td>{{NAME}}</td><td>{{ROLE}}</td><td>{{FULL_NAME}}</td><td>{{NUMBER}}</td><td>{{SECTION}}</td><td>{{#OFF}}<span class="badge">not on the roster</span>{{/OFF}}</td></tr>
{{/MEMBER}}</tbody>
</table>
{{#UPLOAD}}<h2>Upload a roster</h2>
<p>CSV lines <code>user,full name,e-mail or student number,section,role</code> (role student, ta or instructor; default student; a header line is allowed), the same file as <code>verdict course enrol</code>. Missing accounts are created; people no longer listed are marked off the roster, never deleted.</p>
<form method="post" action="/courses/{{COURSE:u}}/roster" enctype="multipart/form-data" class="stack" id="roster-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label>Roster file <input type="file" name="file" id="roster-file"></label>
<label>… or paste it <textarea name="csv" id="roster-csv" rows="6"></textarea></label>
<button type="submit" id="roster-upload">Enrol</button>
</form>{{/UPLOAD}}
