{{%AUTOESCAPE context="HTML"}}<h1>Log in</h1>
{{#ERROR}}<p class="error" id="login-error">{{MESSAGE}}</p>{{/ERROR}}
<form method="post" action="/login" class="stack">
<input type="hidden" name="next" value="{{NEXT}}">
<label for="username">Username</label>
<input id="username" name="username" autocomplete="username" required maxlength="63" value="{{NAME}}" autofocus>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required maxlength="1024">
<button type="submit">Log in</button>
</form>
