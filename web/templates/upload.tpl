{{%AUTOESCAPE context="HTML"}}<h1>Upload a problem package</h1>
{{#ERROR}}<p class="error" id="upload-error">{{MESSAGE}}</p>{{/ERROR}}
<p>A problem package in the Kattis format (<code>problem.yaml</code>, <code>problem_statement/</code>, <code>data/sample</code>, <code>data/secret</code>, and optionally <code>output_validators/</code> and <code>submissions/</code>), or a Polygon package (<code>problem.xml</code>; Polygon's full package, with its tests), as a <code>.zip</code>, <code>.kpp</code>, <code>.tar.gz</code>, <code>.tgz</code> or <code>.tar</code> of at most {{LIMIT}} MiB. The archive's name is the problem's short name: <code>aplusb.zip</code> becomes problem <code>aplusb</code>; uploading it again adds a new test data version.</p>
<form method="post" action="/upload" enctype="multipart/form-data" class="stack" id="upload-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label>Package <input type="file" name="package" id="package" required accept=".zip,.kpp,.tar.gz,.tgz,.tar"></label>
<button type="submit" id="upload-button">Upload and import</button>
</form>
