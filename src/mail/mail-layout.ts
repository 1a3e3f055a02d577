/**
 * The frame every message shares, NHS.UK style: a blue header with the forum's name, Arial,
 * one plain column, and a footer naming the forum and the address it was sent to (so a
 * forwarded message says whose it was). Tables and inline styles: mail clients ignore <style>.
 */
export const HTML_LAYOUT = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{subject}}</title>
</head>
<body style="margin:0;padding:0;background:#f0f4f5;font-family:Arial,sans-serif;color:#212b32;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f0f4f5;">
<tr><td align="center" style="padding:0;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;">
<tr><td style="background:#005eb8;padding:16px 24px;color:#ffffff;font-size:19px;font-weight:bold;">{{forumName}}</td></tr>
<tr><td style="background:#ffffff;padding:24px;font-size:16px;line-height:1.5;">
{{{body}}}
</td></tr>
<tr><td style="padding:16px 24px;font-size:14px;line-height:1.5;color:#4c6272;">
<p style="margin:0;">This email was sent by {{forumName}} to {{to}}.</p>
<p style="margin:8px 0 0;"><a href="{{publicUrl}}" style="color:#005eb8;">{{publicUrl}}</a></p>
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;

export const TEXT_LAYOUT = `{{{body}}}

--
This email was sent by {{forumName}} to {{to}}.
{{publicUrl}}
`;
