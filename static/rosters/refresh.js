// Reload the export list while an export is still running, so its progress bar moves.
(function () {
  if (document.querySelector("progress.roster-progress[data-running]")) {
    window.setTimeout(function () { window.location.reload(); }, 3000);
  }
})();
