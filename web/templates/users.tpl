{{%AUTOESCAPE context="HTML"}}<h1>Users</h1>
{{#ERROR}}<p class="error" id="users-error">{{MESSAGE}}</p>{{/ERROR}}
{{#NEW_PASSWORD}}<p class="flash" id="new-password">The password of <strong>{{NAME}}</strong> is now <code>{{PASSWORD}}</code>. It is shown only this once: hand it over now.</p>{{/NEW_PASSWORD}}
<h2>Add a user</h2>
<form method="post" action="/users" class="filters">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label>User name <input name="name" required maxlength="32" pattern="[A-Za-z0-9._-]+"></label>
<label>Role <select name="role"><option>student</option><option>instructor</option><option>admin</option></select></label>
<button type="submit">Add with a generated password</button>
</form>
<p class="muted">A whole class at once: <code>verdict user import class.csv</code> on the server.</p>
<h2>Everyone</h2>
<table class="list" id="users">
<thead><tr><th>User</th><th>Role</th><th></th></tr></thead>
<tbody>
{{#USER_ROW}}<tr><td>{{NAME}}</td><td><form method="post" action="/users/{{NAME:u}}/role" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><select name="role" aria-label="Role of {{NAME}}">{{#ROLE_OPTION}}<option{{#SELECTED}} selected{{/SELECTED}}>{{R}}</option>{{/ROLE_OPTION}}</select> <button type="submit" class="link">Change</button></form></td><td><form method="post" action="/users/{{NAME:u}}/password" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="link">New password</button></form></td></tr>
{{/USER_ROW}}</tbody>
</table>
