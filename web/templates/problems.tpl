{{%AUTOESCAPE context="HTML"}}<h1>Problems</h1>
{{#NONE}}<p>There are no problems yet.{{#STAFF}} <a href="/upload">Upload a package</a>.{{/STAFF}}</p>{{/NONE}}
{{#TABLE}}<table class="list" id="problems">
<thead><tr><th>Problem</th><th>Name</th><th>Time limit</th><th>My best</th>{{#STAFF}}<th>Submissions</th><th>Visible</th>{{/STAFF}}</tr></thead>
<tbody>
{{#PROBLEM}}<tr><td><a href="/problems/{{SHORT:u}}">{{TITLE}}</a></td><td><code>{{SHORT}}</code></td><td>{{TIME}} s</td><td>{{#BEST}}<span class="verdict v-{{VERDICT}}">{{VERDICT}}</span>{{#SCORE}} {{POINTS}}{{/SCORE}}{{/BEST}}{{#UNTRIED}}<span class="muted">not tried</span>{{/UNTRIED}}</td>{{#STAFF}}<td>{{SUBMISSIONS}}</td><td>{{VISIBLE}}</td>{{/STAFF}}</tr>
{{/PROBLEM}}</tbody>
</table>{{/TABLE}}
