{{%AUTOESCAPE context="HTML"}}<p class="name">{{NAME}}</p>
<a href="/user?name={{NAME}}" title="{{NAME}}">profile</a>
<a href="{{LINK}}">link</a>
<script>var who = "{{NAME}}";</script>
<ul>{{#ROW}}<li>{{ITEM}}</li>{{/ROW}}</ul>
