{{%AUTOESCAPE context="HTML"}}<h1>Log in</h1>
{{#ERROR}}<p class="error" id="login-error">{{MESSAGE}}</p>{{/ERROR}}
<form method="post" action="/login" class="stack">
<input type="hidden" name="next" value="{{NEXT}}">
<label>User name <input name="name" autocomplete="username" required maxlength="63" value="{{NAME}}" autofocus></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required maxlength="1024"></label>
<button type="submit">Log in</button>
</form>
