{{%AUTOESCAPE context="HTML"}}<h1>{{REASON}}</h1>
<p class="error" id="error-message">{{MESSAGE}}</p>
<p><a href="/">Back to the start page</a></p>
