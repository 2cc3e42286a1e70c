{{%AUTOESCAPE context="HTML"}}<h1>{{SHORT}}: test {{N}}, {{NAME}}</h1>
<p>{{KIND}} · <a href="/problems/{{SHORT:u}}/tests">all tests</a></p>
<h2>Input <span class="muted">{{IN}} bytes{{#IN_CUT}}, the first {{SHOWN}} shown{{/IN_CUT}}</span></h2>
<pre id="test-input">{{INPUT:pre_escape}}</pre>
<h2>Answer <span class="muted">{{ANS}} bytes{{#ANS_CUT}}, the first {{SHOWN}} shown{{/ANS_CUT}}</span></h2>
<pre id="test-answer">{{ANSWER:pre_escape}}</pre>
