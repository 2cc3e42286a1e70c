{{%AUTOESCAPE context="HTML"}}<h1>Test data of {{SHORT}}</h1>
<p>Version {{VERSION}}: {{COUNT}} tests, in the order the judge runs them. Students see the samples; of a secret test only its number, verdict, time and memory.</p>
<table class="list" id="testdata">
<thead><tr><th>#</th><th>Test</th><th>Kind</th><th>Input</th><th>Answer</th></tr></thead>
<tbody>
{{#TEST}}<tr><td>{{N}}</td><td><a href="/problems/{{SHORT:u}}/tests/{{N}}">{{NAME}}</a></td><td>{{KIND}}</td><td>{{IN}} bytes</td><td>{{ANS}} bytes</td></tr>
{{/TEST}}</tbody>
</table>
<p><a href="/problems/{{SHORT:u}}">Back to the problem</a></p>
