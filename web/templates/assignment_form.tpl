{{%AUTOESCAPE context="HTML"}}<h1>{{HEADING}}</h1>
<p class="muted"><a href="/courses/{{COURSE:u}}">{{COURSE}}</a> · times are typed as YYYY-MM-DD HH:MM in {{ZONE}}</p>
{{#ERROR}}<p class="error" id="form-error">{{MESSAGE}}</p>
{{/ERROR}}<form method="post" action="{{ACTION}}" class="stack" id="assignment-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#NEW}}<label>Short name <input name="short" id="a-short" value="{{SHORT}}" required pattern="[A-Za-z0-9_\-]{1,63}"></label>
{{/NEW}}<label>Title <input name="title" id="a-title" value="{{TITLE}}" required></label>
<label>Opens (--opens) <input name="opens" id="a-opens" value="{{OPENS}}" placeholder="2026-09-07 09:00" required></label>
<label>Due (--due) <input name="due" id="a-due" value="{{DUE}}" placeholder="2026-09-14 23:59" required></label>
<label>Late until (--late-until; empty: no late window) <input name="late_until" id="a-late-until" value="{{LATE_UNTIL}}"></label>
<label>Late policy (--late: none, penalty:10/day,floor:50, penalty:2/hour, days, days:2, or days:2,ask to spend late days only when the student ticks it) <input name="late" id="a-late" value="{{LATE}}"></label>
<label>Which submission counts (--counts) <select name="counts">{{#COUNTS}}<option{{#SELECTED}} selected{{/SELECTED}}>{{V}}</option>{{/COUNTS}}</select></label>
<label>Feedback (--feedback) <select name="feedback" id="a-feedback">{{#FEEDBACK}}<option{{#SELECTED}} selected{{/SELECTED}}>{{V}}</option>{{/FEEDBACK}}</select></label>
<label>Contest (--contest) <select name="contest" id="a-contest">{{#CONTEST}}<option{{#SELECTED}} selected{{/SELECTED}}>{{V}}</option>{{/CONTEST}}</select></label>
<label>Freeze the public scoreboard, minutes before the end (--freeze; contests) <input name="freeze" value="{{FREEZE}}"></label>
{{#FROZEN}}<label><span><input type="checkbox" name="unfreeze" value="1"> Unfreeze the scoreboard</span></label>
{{/FROZEN}}<label>Personal window in minutes, started by each participant (--window; empty: the fixed window) <input name="window" value="{{WINDOW}}"></label>
<label>Problems, one a line: NAME or NAME:POINTS (--problem) <textarea name="problems" id="a-problems" rows="5">{{PROBLEMS}}</textarea></label>
<button type="submit" id="a-save">{{BUTTON}}</button>
</form>
