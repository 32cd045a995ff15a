// Enhancements of the admin's change form; the form works without them.
"use strict";

// The error summary (templates/admin/includes/_error_summary.html): after a rejected save the
// focus goes to the summary, so that a screen reader reads it first, and a link in it puts the
// focus on its field, opening a collapsed fieldset around the field. Without this script the
// links still scroll to the fields.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.getElementById("error-summary");
  if (!summary) {
    return;
  }
  summary.focus();
  summary.addEventListener("click", (event) => {
    const link = event.target.closest("a[href^='#']");
    const target = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!target) {
      return;
    }
    for (let details = target.closest("details"); details; details = details.parentElement.closest("details")) {
      details.open = true;
    }
    // After the browser has followed the link (and made the field the :target).
    window.setTimeout(() => target.focus(), 0);
  });
});

// Django's two-box selector (filter_horizontal) names its search boxes with an icon, a <span>
// with an aria-label, which ARIA does not allow on an element without a role: the boxes had no
// name. As an image the icon names them. Django builds the selector on "load", before this.
window.addEventListener("load", () => {
  for (const icon of document.querySelectorAll(".selector .search-label-icon[aria-label]")) {
    icon.setAttribute("role", "img");
  }
});
