{{%AUTOESCAPE context="HTML"}}<h1>Rejudge {{ID}}</h1>
{{#NOTHING}}<p class="flash" id="rejudge-nothing">{{WHAT}}</p>{{/NOTHING}}
<div id="rejudge"{{#PENDING}} data-refresh="1"{{/PENDING}}>
<p class="summary" id="rejudge-summary">{{COUNT}} submissions rejudged · <strong id="changed-count">{{CHANGED}}</strong> changed · {{WAITING}} still waiting</p>
{{#PENDING}}<p class="muted">This page updates by itself until every submission is judged again; without JavaScript, reload it.</p>{{/PENDING}}
<table class="list" id="rejudge-items">
<thead><tr><th>#</th><th>User</th><th>Problem</th><th>Before</th><th>Now</th></tr></thead>
<tbody>
{{#ITEM}}<tr{{#CHANGED}} class="changed"{{/CHANGED}}><td><a href="/submissions/{{ID}}">{{ID}}</a></td><td>{{USER}}</td><td>{{PROBLEM}}</td><td><span class="verdict v-{{OLD}}">{{OLD}}</span>{{#OLD_SCORE}} {{POINTS}}{{/OLD_SCORE}}</td><td><span class="verdict v-{{VCLASS}}">{{VERDICT}}</span>{{#SCORE}} {{POINTS}}{{/SCORE}}{{#CHANGED}} <strong class="changed-mark">changed</strong>{{/CHANGED}}</td></tr>
{{/ITEM}}</tbody>
</table>
</div>
