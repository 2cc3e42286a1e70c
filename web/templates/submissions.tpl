{{%AUTOESCAPE context="HTML"}}<h1>{{HEADING}}</h1>
{{#FILTERS}}<form method="get" action="/submissions" class="filters">
<label>Problem <input name="problem" value="{{PROBLEM}}" size="12"></label>
<label>User <input name="user" value="{{USER}}" size="12"></label>
<label>Language <select name="lang"><option value="">any</option>{{#LANG}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/LANG}}</select></label>
<label>Verdict <select name="verdict"><option value="">any</option>{{#VERDICT_OPTION}}<option{{#SELECTED}} selected{{/SELECTED}}>{{V}}</option>{{/VERDICT_OPTION}}</select></label>
<button type="submit">Filter</button>
</form>{{/FILTERS}}
{{#NONE}}<p>No submissions{{#FILTERED}} match{{/FILTERED}}.</p>{{/NONE}}
{{#TABLE}}<table class="list" id="submissions">
<thead><tr><th>#</th><th>When</th>{{#ALL}}<th>User</th>{{/ALL}}<th>Problem</th><th>Language</th><th>Verdict</th></tr></thead>
<tbody>
{{#ROW}}<tr><td><a href="/submissions/{{ID}}">{{ID}}</a></td><td>{{WHEN}}</td>{{#ALL}}<td>{{USER}}</td>{{/ALL}}<td><a href="/problems/{{PROBLEM:u}}">{{PROBLEM}}</a></td><td>{{LANGUAGE}}</td><td><span class="verdict v-{{VCLASS}}" title="{{MEANING}}">{{VERDICT}}</span>{{#SCORE}} {{POINTS}}{{/SCORE}}</td></tr>
{{/ROW}}</tbody>
</table>{{/TABLE}}
{{#OLDER}}<p class="pager"><a href="/submissions?problem={{PROBLEM}}&amp;user={{USER}}&amp;lang={{LANG}}&amp;verdict={{VERDICT}}&amp;before={{BEFORE}}" id="older">Older submissions</a></p>{{/OLDER}}
