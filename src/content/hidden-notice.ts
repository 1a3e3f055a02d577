/** What readers see in place of the words of content moderators have hidden, pending review. */
export const HIDDEN_NOTICE = '[hidden by moderators pending review]';

/** The notice as rendered body HTML. */
export const HIDDEN_NOTICE_HTML = `<p>${HIDDEN_NOTICE}</p>`;

/** The title of deleted content (threads, case studies): its words are gone, its place stays. */
export const TOMBSTONE_TITLE = '[deleted]';
