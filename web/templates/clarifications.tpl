{{%AUTOESCAPE context="HTML"}}<h1>{{COURSE}}: clarifications</h1>
<p class="muted"><a href="/courses/{{COURSE:u}}">{{COURSE}}</a> · {{#STAFF}}every question; answer one privately or to everyone{{/STAFF}}{{#MEMBER}}announcements, answers to everyone, and your own questions{{/MEMBER}}</p>
{{#FILTER}}<p id="about-filter">About <a href="/courses/{{COURSE:u}}/{{ASSIGNMENT:u}}">{{TITLE}}</a> only · <a href="/courses/{{COURSE:u}}/clarifications">all</a></p>{{/FILTER}}
{{#ERROR}}<p class="error" id="form-error">{{MESSAGE}}</p>{{/ERROR}}
{{#ASK}}<form method="post" action="/courses/{{COURSE:u}}/clarifications" class="stack" id="ask-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label>About <select name="about" id="ask-about"><option value="">the whole course</option>{{#OPTION}}<option value="{{ASSIGNMENT}}"{{#SELECTED}} selected{{/SELECTED}}>{{TITLE}} ({{ASSIGNMENT}})</option>{{/OPTION}}</select></label>
<label>{{LABEL}} <textarea name="text" id="ask-text" rows="3" required></textarea></label>
<button type="submit" id="ask">{{BUTTON}}</button>
</form>{{/ASK}}
{{#NONE}}<p>Nothing yet.</p>{{/NONE}}
{{#ITEM}}<div class="clarification" id="c-{{ID}}">
{{#ABOUT}}<p class="muted about">About <a href="/courses/{{COURSE:u}}/{{ASSIGNMENT:u}}">{{TITLE}}</a></p>{{/ABOUT}}
{{#QUESTION}}<p><strong>{{AUTHOR}}</strong> asked, <time datetime="{{ASKED_ISO}}">{{ASKED}}</time>:</p><pre>{{TEXT}}</pre>{{/QUESTION}}
{{#ANSWER}}<p><strong>{{BY}}</strong> {{#ANNOUNCED}}announced{{/ANNOUNCED}}{{#ANSWERED}}answered{{/ANSWERED}}{{#PUBLIC}} to everyone{{/PUBLIC}}, <time datetime="{{AT_ISO}}">{{AT}}</time>:</p><pre>{{TEXT}}</pre>{{/ANSWER}}
{{#OPEN}}<p class="muted">Not answered yet.</p>{{/OPEN}}
{{#REPLY}}<form method="post" action="/courses/{{COURSE:u}}/clarifications/{{ID}}" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label>Answer <textarea name="text" rows="2" required></textarea></label>
<label><span><input type="checkbox" name="public" value="1"> to everyone in the course</span></label>
<button type="submit">Answer</button>
</form>{{/REPLY}}
</div>
{{/ITEM}}
