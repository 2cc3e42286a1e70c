{{%AUTOESCAPE context="HTML"}}{{#HEADING}}<h1>{{TEXT}}</h1>
{{/HEADING}}{{#ERROR}}<p class="error" id="form-error">{{MESSAGE}}</p>
{{/ERROR}}<form method="post" action="{{ACTION}}" class="stack" id="course-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#NEW}}<label>Short name <input name="short" id="course-short" value="{{SHORT}}" required pattern="[A-Za-z0-9_\-]{1,63}"></label>
{{/NEW}}<label>Title <input name="title" id="course-title" value="{{TITLE}}" required></label>
<label>Term <input name="term" value="{{TERM}}"></label>
<label>Time zone <input name="zone" id="course-zone" value="{{ZONE}}"> <span class="muted">a tz database name (Europe/Amsterdam, America/New_York, UTC): times are typed and shown in it</span></label>
<label>Late days per student <input name="late_days" type="number" min="0" max="365" value="{{LATE_DAYS}}"></label>
<button type="submit">{{BUTTON}}</button>
</form>
