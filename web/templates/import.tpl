{{%AUTOESCAPE context="HTML"}}<h1>Import of {{FILE}}</h1>
<div id="import"{{#PENDING}} data-refresh="1"{{/PENDING}} data-state="{{STATE}}">
{{#PENDING}}<p class="muted" id="import-waiting">The judge is importing the package ({{STATE}}). This page updates by itself; without JavaScript, reload it.</p>{{/PENDING}}
{{#DONE}}<p class="flash" id="import-done">{{MESSAGE}}</p>
<p><a href="/problems/{{SHORT:u}}" id="import-problem">Open the problem</a> · <a href="/problems/{{SHORT:u}}/settings">Settings</a></p>{{/DONE}}
{{#FAILED}}<p class="error" id="import-error">{{MESSAGE}}</p>
<p><a href="/upload">Upload a corrected package</a></p>{{/FAILED}}
</div>
