// Injected by `contentdoc serve` only: reloads the page after a rebuild and
// shows build errors in an overlay while the content has errors.
(function () {
  "use strict";
  var seen = null;
  var overlay = null;

  function showErrors(text) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "contentdoc-errors";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:1rem;z-index:1000;overflow:auto;padding:1rem;" +
        "background:#1b1f24;color:#ffd8d3;border:3px solid #d1242f;border-radius:6px;font:13px/1.45 ui-monospace,monospace;";
      var title = document.createElement("strong");
      title.textContent = "The content has errors; showing the last good build.";
      var body = document.createElement("pre");
      body.style.whiteSpace = "pre-wrap";
      overlay.appendChild(title);
      overlay.appendChild(body);
      document.body.appendChild(overlay);
    }
    overlay.lastChild.textContent = text;
  }

  function hideErrors() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }

  function poll() {
    var request = new XMLHttpRequest();
    request.open("GET", "/__contentdoc/version");
    request.onload = function () {
      if (request.status !== 200) return;
      var status = JSON.parse(request.responseText);
      if (seen !== null && status.version !== seen) {
        window.location.reload();
        return;
      }
      seen = status.version;
      if (status.errors) showErrors(status.errors);
      else hideErrors();
    };
    request.send();
  }

  poll();
  window.setInterval(poll, 1000);
})();
