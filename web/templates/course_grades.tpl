{{%AUTOESCAPE context="HTML"}}<h1>{{HEADING}}</h1>
<p class="muted"><a href="/courses/{{COURSE:u}}">{{COURSE}}</a> · points after the late policy, the raw points in brackets where it took some{{#CSV}} · <a href="/courses/{{COURSE:u}}/grades.csv" id="lms-csv" download>LMS export (CSV)</a> · <a href="/courses/{{COURSE:u}}/grades-detail.csv" id="detail-csv" download>per-problem detail (CSV)</a>{{/CSV}}</p>
{{#REJUDGE_FORM}}<form method="post" action="/courses/{{COURSE:u}}/{{SHORT:u}}/rejudge" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" id="rejudge-assignment">Rejudge every submission of {{SHORT}}</button></form>{{/REJUDGE_FORM}}
<div id="gradebook"{{#REFRESH}} data-refresh="1"{{/REFRESH}}>
{{TABLE:none}}</div>
