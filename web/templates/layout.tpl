{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} · Verdict</title>
<link rel="stylesheet" href="/static/style.css">
<link rel="icon" href="data:,">
<script src="/static/live.js" defer></script>
</head>
<body>
<header class="top">
<a class="brand" href="/">Verdict</a>
<nav>
{{#USER}}<a href="/courses">Courses</a>
<a href="/problems">Problems</a>
<a href="/submissions">Submissions</a>
{{/USER}}{{#STAFF}}<a href="/upload">Upload</a>
<a href="/grades">Grades</a>
{{/STAFF}}{{#ADMIN}}<a href="/users">Users</a>
{{/ADMIN}}</nav>
<div class="who">
{{#USER}}<span class="user">{{NAME}}</span> <span class="role">{{ROLE}}</span> <a href="/settings" id="settings-link">Settings</a>
<form method="post" action="/logout" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="link">Log out</button></form>
{{/USER}}{{#GUEST}}<a href="/login">Log in</a>{{/GUEST}}
</div>
</header>
<main>
{{#FLASH}}<p class="flash">{{MESSAGE}}</p>{{/FLASH}}
{{>BODY}}
</main>
</body>
</html>
