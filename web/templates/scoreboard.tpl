{{%AUTOESCAPE context="HTML"}}<h1>{{TITLE}}: scoreboard</h1>
<p class="muted"><a href="/courses/{{COURSE:u}}/{{SHORT:u}}">{{COURSE}}/{{SHORT}}</a> · {{KIND}} · <span id="board-view">{{VIEW}}</span>{{#OTHER}} · <a href="{{HREF}}" id="other-view">{{TEXT}}</a>{{/OTHER}}</p>
<p class="muted">{{#ICPC}}A cell: +R (M) solved at minute M after R rejected attempts, * first to solve; -R not solved; ?N attempts pending (frozen, or not judged yet).{{/ICPC}}{{#IOI}}A cell: points; ?N attempts pending (frozen, or not judged yet).{{/IOI}}</p>
{{#ME}}<style>#scoreboard tr[data-user="{{USER}}"] { background: #fff7e0; font-weight: 600; }</style>{{/ME}}
{{TABLE:none}}
