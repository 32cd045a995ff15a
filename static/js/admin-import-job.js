// A background import's page follows its job: every two seconds it asks for the job's state
// and progress, shows them in the page's status region (role="status", so a screen reader hears
// the change), and reloads the page when the job's state changes, which brings its report or its
// result. Without the script, the page's "Refresh the state" link does the same by hand.
(function () {
  "use strict";
  var status = document.getElementById("import-job-status");
  if (!status || !window.fetch) {
    return;
  }
  var url = status.getAttribute("data-status-url");
  var state = status.getAttribute("data-state");
  var progress = document.getElementById("import-job-progress");
  var rows = document.getElementById("import-job-rows");
  var label = document.getElementById("import-job-state");
  var numbers = new Intl.NumberFormat(document.documentElement.lang || undefined);

  function follow() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(function (job) {
        if (job.state !== state) {
          window.location.reload();
          return;
        }
        if (progress) {
          progress.value = job.rows_done;
          progress.textContent = job.rows_done + " / " + job.row_count;
        }
        if (rows) {
          rows.textContent = rows.textContent.replace(/^[\d.,\s\u00a0]+/, numbers.format(job.rows_done) + " ");
        }
        if (label) {
          label.textContent = job.label.charAt(0).toUpperCase() + job.label.slice(1);
        }
        window.setTimeout(follow, 2000);
      })
      .catch(function () {
        window.setTimeout(follow, 10000);
      });
  }
  window.setTimeout(follow, 2000);
})();
