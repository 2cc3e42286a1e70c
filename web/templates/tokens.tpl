{{%AUTOESCAPE context="HTML"}}<h1>Settings: API tokens</h1>
<p>A token lets a script read the JSON API as you (<code>curl -H 'Authorization: Bearer TOKEN' …/api/courses</code>): read only, under <code>/api/</code>; it never changes anything. Only its hash is stored.</p>
{{#ERROR}}<p class="error" id="form-error">{{MESSAGE}}</p>{{/ERROR}}
{{#NEW_TOKEN}}<p class="flash" id="new-token">Token {{NAME}}: <code id="token-value">{{TOKEN}}</code> — copy it now, it is shown only this once.</p>{{/NEW_TOKEN}}
{{#NONE}}<p>No tokens yet.</p>{{/NONE}}
{{#TABLE}}<table class="list" id="tokens">
<thead><tr><th>Name</th><th>Created</th><th>Last used</th><th></th></tr></thead>
<tbody>
{{#TOKEN_ROW}}<tr><td>{{NAME}}</td><td>{{CREATED}}</td><td>{{USED}}</td><td><form method="post" action="/settings/tokens/{{ID}}/delete" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="link">Delete</button></form></td></tr>
{{/TOKEN_ROW}}</tbody>
</table>{{/TABLE}}
<h2>New token</h2>
<form method="post" action="/settings/tokens" class="stack" id="token-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label>Name <input name="name" id="token-name" required maxlength="63"></label>
<button type="submit" id="token-create">Create</button>
</form>
