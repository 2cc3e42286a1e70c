{{%AUTOESCAPE context="HTML"}}<h1>Settings of {{TITLE}}</h1>
{{#ERROR}}<p class="error" id="settings-error">{{MESSAGE}}</p>{{/ERROR}}
{{#SAVED}}<p class="flash" id="settings-saved">Saved.</p>{{/SAVED}}
<p>Test data version {{VERSION}} ({{TESTS}} tests, {{FORMAT}} format). The limits apply to submissions judged from now on; use <em>Rejudge</em> on the problem page to apply them to earlier ones. A new upload of the package brings its own limits back.</p>
<form method="post" action="/problems/{{SHORT:u}}/settings" class="stack" id="settings-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label><span><input type="checkbox" name="visible" value="1" id="visible"{{#VISIBLE}} checked{{/VISIBLE}}> Visible to students</span></label>
<label>Time limit (CPU seconds, {{TIME_RANGE}}) <input name="time_limit" id="time_limit" value="{{TIME}}" inputmode="decimal" required></label>
<label>Memory limit ({{MEMORY_RANGE}}) <input name="memory_mb" id="memory_mb" value="{{MEMORY}}" inputmode="numeric" required></label>
<button type="submit" id="save-settings">Save</button>
</form>
<p><a href="/problems/{{SHORT:u}}">Back to the problem</a></p>
