{{%AUTOESCAPE context="HTML"}}<h1>Courses</h1>
{{#NONE}}<p id="no-courses">You are not in a course yet.</p>{{/NONE}}
{{#TABLE}}<table class="list" id="courses">
<thead><tr><th>Course</th><th>Title</th><th>Term</th><th>My role</th></tr></thead>
<tbody>
{{#COURSE}}<tr><td><a href="/courses/{{SHORT:u}}">{{SHORT}}</a></td><td>{{TITLE}}</td><td>{{TERM}}</td><td>{{ROLE}}</td></tr>
{{/COURSE}}</tbody>
</table>{{/TABLE}}
{{#CREATE}}<h2>New course</h2>
{{>FORM}}{{/CREATE}}
